"""Slugs for URLs and sort keys for indexes: pure, stable rules the site and converter share.

Page names are given out by one function per namespace (:func:`article_slugs` for the articles
folder, :func:`term_slugs` for each index's folder), each unique by construction: a readable
slug never contains ``--``, and every slug made unique by a hash does, so the two kinds can
never meet, and both avoid the names given to anything else in the folder.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping

from anyascii import anyascii

from .characters import remove_format_characters

#: Lower-case words that may stand inside a name or an organisation's name (here, not with the
#: extractor that also uses them, so that the site's sorting loads without the extractor).
PARTICLES = frozenset(
    "de da das do dos di del della der den van von la le du bin bint ibn al el y e zu ter".split()
)

MAX_SLUG_LENGTH = 80


def slugify(text: str, fallback: str = "item") -> str:
    """Readable ASCII slug: transliterate, lower-case, runs of anything else become one ``-``.

    ``Luis García Villagrán`` -> ``luis-garcia-villagran``; ``U.S.`` -> ``u-s``. Cut at a word
    boundary to :data:`MAX_SLUG_LENGTH` characters. Text with no letters or digits gets
    *fallback* and a short hash of the text, so it stays unique and stable.
    """
    ascii_text = anyascii(text).lower().replace("'", "").replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0]
    if not slug:
        slug = f"{fallback}-{short_hash(text)}"
    return slug


def short_hash(text: str, length: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


#: Names no generated page in a folder may take: what Sphinx and the index pages use.
RESERVED_NAMES = frozenset(("index", "genindex", "search", "by-count", "by-name", "_static",
                            "_sources", "_images", "_downloads"))
#: Joins a slug to the hash that makes it unique; :func:`slugify` never writes it.
HASH_JOIN = "--"
_NATURAL_KEY = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
#: Spelling punctuation that does not change what a name means: ``U.S.`` is ``US``.
_SPELLING = re.compile(r"[.'\u2019\u02bc]")
_SEPARATORS = re.compile(r"[\s,\-\u2010-\u2015_/]+")


def _fold_latin(char: str) -> str:
    # Latin letters lose their accents (``ø`` -> ``o``); other scripts keep every letter, so
    # two Chinese names never become one term by sharing a transliteration.
    if unicodedata.category(char) == "Mn":
        return ""
    if char.isascii() or "LATIN" not in unicodedata.name(char, ""):
        return char
    return anyascii(char)


# Called for every name of every article on each build; an archive repeats its names.
@functools.lru_cache(maxsize=1 << 16)
def term_key(name: str) -> str:
    """What makes two spellings one term: they differ only in case, accents, spacing, hyphens,
    commas, full stops or apostrophes (``Bogotá``/``bogota``, ``U.S.``/``US``, ``&``/``and``).

    Any other punctuation carries meaning, so ``C++``, ``C#`` and ``C`` are three terms.
    """
    text = unicodedata.normalize("NFKD", remove_format_characters(name))
    text = "".join(_fold_latin(c) for c in text).casefold().replace("&", " and ")
    return _SEPARATORS.sub(" ", _SPELLING.sub("", text)).strip()


def _unique(base: str, seed: str, taken: set[str]) -> str:
    """``base--<hash of seed>``, the hash lengthened until the name is free."""
    for length in (8, 16, 32, 64):
        slug = f"{base}{HASH_JOIN}{short_hash(seed, length)}"
        if slug not in taken:
            return slug
    raise AssertionError(f"sha256 collision for {seed!r}")  # pragma: no cover


def _free(slug: str, taken: set[str]) -> bool:
    return slug not in taken and slug not in RESERVED_NAMES and not slug.isdigit()


def term_slugs(keys: Iterable[str], taken: Iterable[str] = (), fallback: str = "item",
               ) -> dict[str, str]:
    """A page name for each term key (see :func:`term_key`) of one index, unique and stable.

    A key that is plain words (``joe biden``) is its own slug (``joe-biden``), whatever other
    terms exist, so a term's URL never moves when the archive grows. Any other key (``c++``,
    ``北京``, a name longer than a slug, a word that is reserved, a number, which would be a
    page of the index, or a name in *taken*, such as a user's own page in the folder) gets its
    readable slug, ``--`` and a hash of the key.
    """
    # Case-folded: on macOS and Windows, ``Guide.md`` and ``guide.html`` are one file name.
    taken = {name.casefold() for name in taken}
    out: dict[str, str] = {}
    hashed: list[str] = []
    for key in sorted(set(keys)):
        slug = key.replace(" ", "-")
        if _NATURAL_KEY.fullmatch(key) and len(slug) <= MAX_SLUG_LENGTH and _free(slug, taken):
            out[key] = slug
        else:
            hashed.append(key)
    taken |= set(out.values())
    for key in hashed:
        out[key] = _unique(slugify(key, fallback), key, taken)
        taken.add(out[key])
    return out


def article_slugs(titles: Mapping[str, str], current: Mapping[str, Iterable[str]],
                  taken: Iterable[str] = ()) -> dict[str, str]:
    """A page name for each input (path -> title), unique in the articles folder and stable.

    An input keeps a name it has now (*current*, path -> names of the files it wrote) while its
    title still gives that name, so URLs do not move as inputs come and go. Among other inputs
    whose titles give the same slug, the first by path takes it if it is free; each other gets
    ``--`` and a hash of its path, which depends on no other input. *taken* are names in the
    folder that no new input may take: hand-edited or hand-written files.
    """
    blocked = {name.casefold() for name in taken} | RESERVED_NAMES  # see term_slugs
    out: dict[str, str] = {}
    bases = {path: slugify(title, "article") for path, title in titles.items()}
    for path, names in current.items():
        base = bases.get(path)
        # Each file names one input, so no two inputs can keep the same name.
        for slug in sorted(names, key=lambda n: (n != base, n)):
            if base is not None and slug not in RESERVED_NAMES and _is_slug_of(slug, base):
                out[path] = slug
                blocked.add(slug)
                break
    for path in sorted(p for p in titles if p not in out):
        base = bases[path]
        out[path] = base if base not in blocked else _unique(base, path, blocked)
        blocked.add(out[path])
    return out


def _is_slug_of(slug: str, base: str) -> bool:
    """Whether *slug* is *base* or *base* made unique (``-hash`` is how older versions did it)."""
    if slug == base:
        return True
    rest = slug[len(base):] if slug.startswith(base) else ""
    return bool(re.fullmatch(r"(--|-)[0-9a-f]{8,64}", rest))


def person_sort_key(name: str) -> str:
    """``Ursula von der Leyen`` -> ``Leyen, Ursula von der``: surname first, particles after.

    A registry ``sort_as`` overrides this for names the rule cannot know (``Lopez Obrador,
    Andres Manuel``).
    """
    words = name.split()
    if len(words) < 2 or "," in name:  # one word, or already "Reagan, President"
        return name
    suffixes = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}
    tail = [w for w in words if w.casefold().strip(",") in suffixes]
    words = [w for w in words if w not in tail]
    if len(words) < 2:
        return name
    i = len(words) - 1
    while i > 1 and words[i - 1].casefold() in PARTICLES:
        i -= 1
    surname, given = words[-1], words[:-1]
    return " ".join([f"{surname},", *given, *tail])


# Called for every title and term on each ordering of the archive (115,000 times a build at
# 10,000 articles); titles and names repeat.
@functools.lru_cache(maxsize=1 << 17)
def sort_key(text: str) -> tuple[str, str]:
    """Case- and accent-insensitive ordering, ties broken by the text itself."""
    return (anyascii(text).casefold(), text)
