"""Folding and tokenising, kept in step with ``news-search.js`` (``fold`` and ``tokens``).

Both sides fold the same way: NFKD, drop combining marks, case-fold, then NFKD and drop marks
again (case folding can itself produce a mark: ``ǰ``). The browser has no ``casefold()``, only
``toLowerCase()``; :func:`fold_table` lists the few characters where the two differ (``ß`` ->
``ss``, ``ς`` -> ``σ``), and the index hands that table to the browser, so the two cannot drift
apart with a Python or Unicode upgrade. Latin letters that Unicode does not decompose are
folded too (:data:`LETTERS`: ``Łódź`` -> ``lodz``, ``Øresund`` -> ``oresund``), since readers
type them without the stroke. A token is a run of letters and digits (``\\p{L}\\p{N}``
in JavaScript). ``tests/data/search/fold_vectors.json`` holds the cases both sides must agree on.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

#: Lower-case letters with no decomposition, as a reader without them on the keyboard types them.
LETTERS = {"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ħ": "h",
           "ı": "i", "ŀ": "l", "ŧ": "t", "ƒ": "f"}
_LETTERS = str.maketrans(LETTERS)

#: Code points that may hold marks or case mappings: planes 0-3 and 14 (planes 4-13 are
#: unassigned, 15-16 private use), so the tables below are built in a fraction of a second.
_ASSIGNED = (range(0, 0x40000), range(0xE0000, 0xE1000))

#: A run of letters and digits: Python's ``\\w`` less the underscore.
TOKEN = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=1)
def _marks() -> re.Pattern[str]:
    """Every combining mark (Unicode category M), as one character class."""
    ranges: list[str] = []
    for block in _ASSIGNED:
        start = None
        for cp in (*block, block.stop):
            is_mark = cp < block.stop and unicodedata.category(chr(cp))[0] == "M"
            if is_mark and start is None:
                start = cp
            elif not is_mark and start is not None:
                ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(cp - 1))}")
                start = None
    return re.compile("[" + "".join(ranges) + "]+")


def _strip(text: str) -> str:
    if text.isascii():
        return text
    return _marks().sub("", unicodedata.normalize("NFKD", text))


def fold(text: str) -> str:
    """Case- and accent-insensitive form: ``García Villagrán`` -> ``garcia villagran``."""
    if text.isascii():
        return text.lower()
    return _strip(_strip(text).casefold().translate(_LETTERS))


def tokens(text: str) -> list[str]:
    """The folded words of *text*, in order."""
    return TOKEN.findall(fold(text))


@functools.lru_cache(maxsize=1)
def fold_table() -> Mapping[str, str]:
    """Characters whose ``casefold()`` differs from ``lower()``, and :data:`LETTERS`, for the
    browser's fold.

    Keyed by the lower-case character the browser's ``toLowerCase()`` produces. Made once a
    process (a twentieth of a second: every assigned code point is looked at).
    """
    table: dict[str, str] = dict(LETTERS)
    for block in _ASSIGNED:
        for start in range(block.start, block.stop, 1024):
            chars = "".join(chr(cp) for cp in range(start, start + 1024)
                            if not 0xD800 <= cp < 0xE000)
            lower = chars.lower()
            if lower.casefold() == lower:
                continue  # nothing in this block folds differently (most blocks)
            for char in lower:
                folded = char.casefold().translate(_LETTERS)
                if folded != char and _strip(folded) != _strip(char):
                    table[char] = folded
    return MappingProxyType(table)
