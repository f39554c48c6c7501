"""Places: the dateline's, and those the body names that the gazetteer or registry knows, or
that the words around them show to be places."""

from __future__ import annotations

import re

from . import gazetteer
from .organizations import LEGAL_SUFFIXES
from .spans import PARTICLES, Span, fold

#: A city this large is a place wherever it is named; a smaller one needs a word that says so.
BIG_CITY = 250_000
#: Names of people that are also names of places: "Jordan McAllister", "Michael Holland".
PLACE_LIKE_NAMES = frozenset(
    """jordan paris georgia sydney austin dallas houston chelsea florence victoria madison
    savannah charlotte phoenix brooklyn devon kent israel india asia lincoln orlando santiago
    salvador carolina virginia adelaide regina eugene tyler denver aurora dakota chad milan
    sofia valencia elizabeth alexandria marion washington jackson hamilton clinton kingston
    lorraine chester logan preston camden vienna york holland ireland england wales london
    berlin china""".split()
)
#: Cities whose names are also common words: never places without a word that says so.
WORD_LIKE_CITIES = frozenset(
    "reading nice split mobile buffalo aurora independence concord garland of bath sale".split()
)
#: Prepositions of place right before a name: "in Rouen", "near the Gulf of Aqaba".
#: ("at", "to" and "of" are left out: "at Nokia", "to Parker" name companies and people.)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|from|near|outside|across|around|throughout|inside|based in|"
    r"(?:north|south|east|west)(?:east|west)?\s+of)\s+(?:the\s+)?"
    r"(?:nearby\s+|neighbou?ring\s+|suburban\s+|downtown\s+|coastal\s+|rural\s+)?$",
    re.IGNORECASE,
)
#: Nouns that say the name before them is a place: "Turrialba volcano", "Arauca province".
GEO_NOUNS = (
    "province|state|region|city|town|village|district|county|municipality|department|volcano|"
    "river|port|neighbourhood|neighborhood|suburb|island|islands|valley|area|border|coast|"
    "capital|prefecture|governorate|oblast|canton|commune|township|borough|peninsula|delta|"
    "basin|lake|state's|region's|province's"
)
_GEO_NOUN_AFTER = re.compile(rf"^\s+(?:{GEO_NOUNS})\b")
#: ("area of" is left out: "the area of B-type Natriuretic Peptide" is a field of work.)
_GEO_NOUN_BEFORE = re.compile(rf"\b(?!area\b)(?:{GEO_NOUNS}) of\s+(?:the\s+)?$", re.IGNORECASE)
#: Last and first words of the names of rivers, seas, valleys and other natural features.
FEATURE_LAST = frozenset(
    """River Sea Gulf Bay Strait Straits Sound Island Islands Isles Valley Delta Basin Coast
    Highlands Mountains Mountain Lake Lakes Desert Peninsula Canal Ocean Plateau Plain Plains
    Range Falls Reef Lagoon Glacier Forest Park Hills Heights Corridor County""".split()
)
#: Capitalised qualifiers dropped from a place's name: "Yunnan Province" -> "Yunnan".
QUALIFIERS = frozenset("Province Prefecture Region Governorate Oblast Department Municipality"
                       .split())
FEATURE_FIRST = ("Gulf of ", "Bay of ", "Strait of ", "Straits of ", "Sea of ", "Lake ",
                 "Mount ", "Mt. ", "Isle of ", "Cape ", "Port ")


def canonical_place(words: tuple[str, ...] | str) -> str | None:
    """The gazetteer's name for *words*, or ``None`` when it is no known place.

    A name printed like the gazetteer's but for accents or umlauts keeps the printed spelling
    ("Izmir", "Duesseldorf"); an alias takes the gazetteer's ("Britain" -> "United Kingdom").
    """
    name = words if isinstance(words, str) else " ".join(words)
    if len(name) <= 3 and name.isupper() and name not in gazetteer.capital_aliases():
        return None  # "BA" is British Airways, not Fiji's Ba; "UK" and "US" are aliases
    key = fold(name)
    table = gazetteer.places()
    found = table.get(key)
    if found is None and key.startswith("the "):
        found = table.get(key[4:])
    if found is not None and _same_name(name, found):
        return name
    return found


def needs_its_country(words: tuple[str, ...], names: frozenset[str]) -> bool:
    """Whether *words* name a state or province that is a place only beside its country, and
    *names* (the folded names an article prints) do not include that country: "Lara" in a
    story about a Spanish publisher, "Cuneo" as a surname."""
    countries = gazetteer.subdivision_countries().get(fold(" ".join(words)))
    if countries is None or countries & names:
        return False
    # "the Italian province of Cuneo", "Venezuelan state": a people's word names the country.
    return not any(fold(canonical_place(stem) or "") in countries
                   for name in names if " " not in name for stem in _demonym_stems(name))


def _demonym_stems(word: str) -> list[str]:
    """The places a word for a people may come from: ``italian`` -> ``ital``, ``itala``,
    ``italia``, ``italy`` ..."""
    stems = []
    for ending in ("ese", "ian", "an", "ish", "i"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            stems += [stem + tail for tail in ("", "a", "ia", "o", "y", "e", "any")]
    return stems


def _same_name(printed: str, canonical: str) -> bool:
    return printed != printed.upper() and gazetteer.transliterated(printed) in (
        fold(canonical), gazetteer.transliterated(canonical))


def dateline_region(printed: str) -> str:
    """A dateline's region as a place: ``Colo.`` -> ``Colorado``, ``Belgium`` -> ``Belgium``;
    an unknown one as printed."""
    abbreviation = gazetteer.dateline_abbreviations().get(fold(printed.rstrip(".")))
    return abbreviation or canonical_place(printed) or printed


def known_city(words: tuple[str, ...]) -> tuple[str, int] | None:
    """The printed name and population of a GeoNames city the words name."""
    name = " ".join(words)
    found = gazetteer.cities().get(fold(name)) or gazetteer.cities().get(
        gazetteer.transliterated(name))
    if found is None:
        return None
    return (name if _same_name(name, found[0]) else found[0]), found[1]


def title_case(printed: str) -> str:
    """``VILLA DE LEYVA`` -> ``Villa de Leyva``: capitals to title case, particles lower."""
    words = []
    for i, word in enumerate(printed.split()):
        lower = word.lower()
        if i and lower in PARTICLES:
            words.append(lower)
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in lower.split("-")))
    return " ".join(words)


def proper_case(printed: str, spans: list[Span]) -> str:
    """A dateline place printed in capitals, as the body, the gazetteer or title case spells it.

    ``VILLA COMALTITLAN`` becomes ``Villa Comaltitlán`` when the body prints it so; a known place
    takes the gazetteer's name; anything else gets title case.
    """
    key = fold(printed)
    for span in spans:
        if fold(span.text) == key and span.text != span.text.upper():
            return canonical_place(span.text) or span.text
    known = canonical_place(printed)
    if known:
        return known
    city = known_city(tuple(printed.split()))
    return city[0] if city else title_case(printed)


def big_city(span: Span) -> str | None:
    """A city big enough to be meant wherever it is named, unless its name is also a word or
    a person's name."""
    city = known_city(span.words)
    if city is None or city[1] < BIG_CITY or fold(span.text) in PLACE_LIKE_NAMES | WORD_LIKE_CITIES:
        return None
    return city[0]


#: Words for peoples that no ending rule finds.
DEMONYMS = frozenset("French Dutch Swiss Greek Thai Czech Welsh Scottish British Irish Spanish "
                     "Polish Danish Swedish Finnish Turkish Kurdish Flemish Basque Maori Inuit "
                     "Arab Arabian Asian European African Latino Hispanic".split())


def is_demonym(words: tuple[str, ...]) -> bool:
    """``Mexican``, ``South Korean``, ``Japanese``: words for a people, not a place."""
    return canonical_place(words) is None and is_demonym_word(words[-1])


def is_demonym_word(word: str) -> bool:
    """``Canadian``, ``Japanese``, ``Italian``: a place's name with a people's ending."""
    if word in DEMONYMS:
        return True
    # "German" -> Germany, "Italian" -> Italy, "Mexican" -> Mexico
    return any(canonical_place(stem) for stem in _demonym_stems(word))


def place_by_context(span: Span) -> str | None:
    """A place the words around a span, or the span's own form, show: a GeoNames city after
    "in" or before ", Texas"; a name before "province" or after "district of"; a name shaped
    like a river's, sea's or valley's."""
    words = span.words
    located = bool(_LOCATIVE_BEFORE.search(span.before))
    named_as_place = bool(_GEO_NOUN_AFTER.match(span.after) or _GEO_NOUN_BEFORE.search(span.before))
    city = known_city(words)
    based = span.after.startswith("-based")
    if city and (located or named_as_place or based):
        return city[0]
    if named_as_place and not is_demonym(words):
        return span.text
    return None


def place_with_region(span: Span) -> str | None:
    """``Dearborn, Michigan``, ``in Penang, Malaysia``: a city, or a place after "in", followed
    by a comma and a known state or country."""
    if not _followed_by_region(span) or is_demonym(span.words):
        return None  # "in the European, U.S. and Russian markets": a people's word
    if city := known_city(span.words):
        return city[0]
    if _LOCATIVE_BEFORE.search(span.before) and len(span.words) <= 3:
        return span.text
    return None


#: ", New Jersey-based company": a region glued to "-based" after a comma.
_BASED_REGION_AFTER = re.compile(r"^,\s+((?:[A-Z][\w.’']*\s)?[A-Z][\w.’']*)-based\b")


def place_before_based_region(span: Span) -> str | None:
    """``The Red Bank, New Jersey-based company``: a name, a comma and a known state or
    country glued to "-based" is where the body is based, whatever its name looks like."""
    match = _BASED_REGION_AFTER.match(span.after)
    # "Purchase, New York-based Alpine Woods"; but "Xerion Corp, New York-based maker" names
    # the body itself, by its legal form.
    if (match and canonical_place(match.group(1)) and len(span.words) <= 3
            and not any(w.casefold().rstrip(",") in LEGAL_SUFFIXES for w in span.words)):
        return known_city(span.words)[0] if known_city(span.words) else span.text
    return None


def place_by_form(span: Span) -> str | None:
    """A name shaped like a river's, sea's or valley's: "Loire Valley", "Gulf of Aqaba"."""
    words = span.words
    if len(words) > 1 and (words[-1] in FEATURE_LAST or span.text.startswith(FEATURE_FIRST)):
        return span.text
    if len(words) > 1 and words[-1] in QUALIFIERS and "of" not in words:
        return canonical_place(words[:-1]) or " ".join(words[:-1])
    return None


def _followed_by_region(span: Span) -> bool:
    """``Dearborn, Michigan``: a name followed by a comma and a known state or country."""
    match = re.match(r"^,\s+((?:[A-Z][\w.’']*(?:-[A-Z][\w.’']*)*\s?){1,3})", span.after)
    return bool(match) and canonical_place(match.group(1).strip()) is not None
