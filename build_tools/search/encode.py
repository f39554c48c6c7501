"""Numbers as short strings, for index files the browser reads as JavaScript string literals.

A number is written in base 32, most significant digit first, with one character per digit
from a 64-character alphabet that needs no escaping in JSON or a URL: the last digit of a
number comes from the first 32 characters, every earlier digit from the other 32, so numbers
need no separators (0-31: one character, up to 1,023: two, up to 32,767: three).
``news-search.js`` (``readInts``) decodes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUV" "WXYZabcdefghijklmnopqrstuvwxyz-_"
_LAST, _MORE = ALPHABET[:32], ALPHABET[32:]
_VALUE = {c: i % 32 for i, c in enumerate(ALPHABET)}


def encode_int(n: int) -> str:
    if n < 0:
        raise ValueError(f"cannot encode a negative number: {n}")
    out = [_LAST[n & 31]]
    n >>= 5
    while n:
        out.append(_MORE[n & 31])
        n >>= 5
    return "".join(reversed(out))


#: Every number of up to three characters, written once: the index writes millions.
SHORT_CODES = [encode_int(n) for n in range(32 ** 3)]


def encode_ints(numbers: Iterable[int]) -> str:
    short, limit = SHORT_CODES, len(SHORT_CODES)
    return "".join(short[n] if 0 <= n < limit else encode_int(n) for n in numbers)


class _Codes(dict[str, int]):
    """The value of each written number: the short ones listed, longer ones worked out."""

    def __missing__(self, code: str) -> int:
        n = 0
        for char in code:
            n = (n << 5) | _VALUE[char]
        return n


_CODES = _Codes((code, n) for n, code in enumerate(SHORT_CODES))
#: One written number: digits that say more follow, then a last digit.
_NUMBER = re.compile(f"[{re.escape(_MORE)}]*[{re.escape(_LAST)}]")


def decode_ints(text: str) -> list[int]:
    """The numbers :func:`encode_ints` wrote (the browser's ``readInts``). Split by a regular
    expression and looked up, not read a character at a time: an update of the index reads
    the postings of the commonest words, tens of thousands of numbers each."""
    return list(map(_CODES.__getitem__, _NUMBER.findall(text)))


def deltas(sorted_numbers: Iterable[int]) -> list[int]:
    """Gaps between ascending numbers, the first from -1 (so every gap is at least 1)."""
    out, previous = [], -1
    for n in sorted_numbers:
        out.append(n - previous)
        previous = n
    return out


def position_lists(text: str) -> list[str]:
    """Encoded position lists one after another (each a count, then that many numbers), as
    one string each."""
    codes = _NUMBER.findall(text)
    out: list[str] = []
    i = 0
    while i < len(codes):
        end = i + 1 + _CODES[codes[i]]
        out.append("".join(codes[i:end]))
        i = end
    return out
