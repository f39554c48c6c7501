"""What one user-edited data file may cost, and reading JSON within it.

Sidecars, ``manifest.csv``, ``entities.yaml`` and ``tags.yaml`` are written by people and
sometimes by scripts, and a hostile or broken one must fail with one short message, in bounded
time and memory, instead of hanging the build or ending it with a traceback. Every limit is
here, by name, so that the README, the readers and the tests agree:

* **size**: bytes read from the file, checked before parsing;
* **depth**: how deeply lists and mappings nest, checked while composing (PyYAML's composer
  and any recursive walk over the values recurse once per level);
* **values**: how many values (and keys) the file holds, with a YAML alias counted at the size
  of what it stands for, so that a "billion laughs" alias bomb is stopped after a few thousand
  steps rather than expanded;
* **quotes**: a value quoted in a message is cut to :data:`MAX_QUOTE` characters.

YAML is composed within these limits by :func:`build_tools.yamlnodes.compose`; JSON by
:func:`load_json`.
"""

from __future__ import annotations

import json
import re
import reprlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ArchiveError

#: Deepest nesting of lists and mappings in any data file; real ones use three or four levels.
MAX_DEPTH = 50
#: Characters of a value quoted in an error message, before ``…``.
MAX_QUOTE = 60
#: Longest manifest cell; a longer one fails only its row. (Python's csv module stops the whole
#: file at a cell over ``csv.field_size_limit()``, 131,072 characters by default, so this is
#: kept below it.)
MAX_CELL_CHARS = 10_000


@dataclass(frozen=True)
class Limits:
    """The limits for one kind of data file."""

    what: str  #: the kind of file, as messages name it: ``a sidecar``
    max_bytes: int
    max_values: int  #: values and keys, aliases counted at their expanded size
    max_depth: int = MAX_DEPTH


#: A sidecar sets a few fields of one article: a few hundred bytes.
SIDECAR = Limits("a sidecar", max_bytes=1_000_000, max_values=100_000)
#: ``entities.yaml``: room for about 60,000 names with aliases and sort keys.
REGISTRY = Limits("the registry", max_bytes=10_000_000, max_values=500_000)
#: ``tags.yaml``: as much room as the registry.
TAXONOMY = Limits("the taxonomy", max_bytes=REGISTRY.max_bytes, max_values=REGISTRY.max_values)
#: ``manifest.csv``: room for about 300,000 rows of three columns; its values are its cells.
MANIFEST = Limits("a manifest", max_bytes=16_000_000, max_values=1_000_000)

_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxlist, _REPR.maxdict, _REPR.maxother = 3, 8, 8, MAX_QUOTE
# Long enough that reprlib's own "..." in the middle of a string falls in the part cut off.
_REPR.maxstring = 2 * MAX_QUOTE + 6


def shorten(text: str) -> str:
    """*text* cut to :data:`MAX_QUOTE` characters and ``…``: a name inside a message."""
    return text if len(text) <= MAX_QUOTE else text[:MAX_QUOTE] + "…"


def quote(value: Any) -> str:
    """``repr(value)`` cut to :data:`MAX_QUOTE` characters and ``…``, without ever building
    the whole repr of a huge value."""
    text = repr(value[: MAX_QUOTE + 1]) if isinstance(value, str) else _REPR.repr(value)
    return shorten(text)


def read_bounded(path: Path, name: str, limits: Limits) -> bytes:
    """The bytes of *path*, at most ``limits.max_bytes`` of them; *name* is how messages refer
    to the file. Reads one byte past the limit rather than trusting the file's size, which a
    special file or a file still being written does not tell."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(limits.max_bytes + 1)
    except OSError as err:
        raise ArchiveError(name, f"cannot read ({err.strerror or err})") from None
    if len(raw) > limits.max_bytes:
        raise ArchiveError(name, too_large(limits))
    return raw


def too_large(limits: Limits) -> str:
    return f"larger than {limits.max_bytes:,} bytes, the limit for {limits.what}"


def too_deep(limits: Limits) -> str:
    return f"nested more than {limits.max_depth} levels deep, the limit for {limits.what}"


def too_many(limits: Limits, unit: str = "values") -> str:
    return f"holds more than {limits.max_values:,} {unit}, the limit for {limits.what}"


#: A JSON string (its closing quote optional, so that a broken one never makes the scan
#: backtrack; :func:`json.loads` reports it), or a character that opens, closes or separates.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{},:]')


def check_json_shape(text: str, name: str, limits: Limits) -> None:
    """Depth and number of values of the JSON *text*, found by one linear scan of its
    brackets and separators outside strings, before :func:`json.loads` recurses into it."""
    depth = 0
    values = 1
    for match in _JSON_TOKEN.finditer(text):
        char = match.group()[0]
        if char == '"':
            continue
        if char in "[{":
            depth += 1
            if depth > limits.max_depth:
                raise ArchiveError(name, too_deep(limits), _line_at(text, match.start()))
        elif char in "]}":
            depth -= 1
            continue
        values += 1
        if values > limits.max_values:
            raise ArchiveError(name, too_many(limits), _line_at(text, match.start()))


def load_json(text: str, name: str, limits: Limits,
              object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None) -> Any:
    """The value of the JSON *text*, within *limits*; :class:`ArchiveError` naming *name* for
    bad JSON, a limit passed, or text that cannot be written back out."""
    check_json_shape(text, name, limits)
    try:
        data = json.loads(text, object_pairs_hook=object_pairs_hook)
    except json.JSONDecodeError as err:
        raise ArchiveError(name, f"not valid JSON: {err.msg}", err.lineno) from None
    except ValueError as err:  # an integer of more digits than Python converts
        raise ArchiveError(name, f"not valid JSON: {shorten(str(err))}") from None
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ArchiveError(name, "a \\u escape gives half a character (a lone surrogate); "
                           "not text") from None
    return data


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
