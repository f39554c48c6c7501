"""Slugs for URLs and sort keys for indexes: pure, stable rules the site and converter share."""

from __future__ import annotations

import hashlib
import re

from anyascii import anyascii

from .extract.spans import PARTICLES

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


def person_sort_key(name: str) -> str:
    """``Ursula von der Leyen`` -> ``Leyen, Ursula von der``: surname first, particles after.

    A registry ``sort_as`` overrides this for names the rule cannot know (``Lopez Obrador,
    Andres Manuel``).
    """
    words = name.split()
    if len(words) < 2:
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


def sort_key(text: str) -> tuple[str, str]:
    """Case- and accent-insensitive ordering, ties broken by the text itself."""
    return (anyascii(text).casefold(), text)
