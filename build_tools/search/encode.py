"""Numbers as short strings, for index files the browser reads as JavaScript string literals.

A number is written in base 32, most significant digit first, with one character per digit
from a 64-character alphabet that needs no escaping in JSON or a URL: the last digit of a
number comes from the first 32 characters, every earlier digit from the other 32, so numbers
need no separators (0-31: one character, up to 1,023: two, up to 32,767: three).
``news-search.js`` (``readInts``) decodes it.
"""

from __future__ import annotations

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


def decode_ints(text: str) -> list[int]:
    """The numbers :func:`encode_ints` wrote (the browser's ``readInts``, for tests)."""
    out: list[int] = []
    n = 0
    for char in text:
        n = (n << 5) | _VALUE[char]
        if char in _LAST:
            out.append(n)
            n = 0
    return out


def deltas(sorted_numbers: Iterable[int]) -> list[int]:
    """Gaps between ascending numbers, the first from -1 (so every gap is at least 1)."""
    out, previous = [], -1
    for n in sorted_numbers:
        out.append(n - previous)
        previous = n
    return out
