"""Per-article metadata the user sets: sidecars and ``manifest.csv``.

* A **sidecar** is ``NAME.yaml`` (or ``NAME.yml``, ``NAME.json``) beside ``NAME.txt``: a mapping
  of front matter fields.
* A **manifest** is ``manifest.csv`` in the input folder: a ``file`` column (the article's path
  relative to the input folder) and one column per front matter field; list fields hold names
  separated by ``;``; an empty cell sets nothing.

Precedence, field by field: extraction < manifest < sidecar. A field that is set replaces the
extracted value whole (``tags`` included); ``add_tags`` (and ``add_authors``, ``add_people``,
``add_places``, ``add_organizations``) append to the value after that, keeping extracted names.

Every value is checked against :data:`FIELDS`; a problem is an :class:`ArchiveError` naming the
file, the line where known (the YAML key, the CSV row, the JSON key) and what was expected, with
any value it quotes cut short. Files are read within the limits of :mod:`build_tools.safe_data`
(size, nesting, values, YAML aliases counted at their expanded size), so a hostile sidecar fails
its own article quickly. Names are stored clean (:func:`build_tools.characters.clean_name`).
Reading a file is the only I/O here; merging and applying are pure.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from .article import TAXONOMY_KEYS, Article
from .characters import clean_name, remove_control_characters
from .errors import ArchiveError
from .safe_data import (
    MANIFEST, MAX_CELL_CHARS, SIDECAR, Limits, load_json, quote, read_bounded, shorten,
    too_many,
)
from .yamlnodes import compose

MANIFEST_NAME = "manifest.csv"
SIDECAR_SUFFIXES = (".yaml", ".yml", ".json")

#: The front matter fields a user may set, and the kind of value each holds. ``source`` and
#: ``orphan`` are the converter's own and cannot be set.
FIELDS: dict[str, str] = {
    "title": "title",
    "authors": "names",
    "agency": "text",
    "dateline": "text",
    "location": "text",
    "date": "date",
    "tags": "names",
    "people": "names",
    "places": "names",
    "organizations": "names",
    "roles": "mapping",
    "credits": "mapping",
    "url": "url",
    **{f"add_{key}": "names" for key in TAXONOMY_KEYS},
}
_CONVERTER_FIELDS = ("source", "orphan")
#: Text fields that name something (an index entry, a place): cleaned as names are.
_NAMING_TEXT_FIELDS = ("agency", "location")
#: Longest path a manifest's ``file`` cell can name; a longer one is no input.
_MAX_PATH_CHARS = 4096
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


@dataclass(frozen=True)
class Setting:
    """One field's value as the user set it, and where."""

    value: Any  #: typed: str, None, dt.date, tuple of names, or role -> tuple of names
    file: str  #: relative to the input folder
    line: int | None = None

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file


#: Field name -> its setting; what one sidecar, one manifest row, or their merge holds.
Overrides = dict[str, Setting]


@dataclass(frozen=True)
class ManifestRow:
    line: int
    overrides: Overrides
    error: ArchiveError | None = None  #: a bad value fails only this row's article


@dataclass(frozen=True)
class Manifest:
    rows: dict[str, ManifestRow]  #: input path relative to the input folder -> its row


# -- values ---------------------------------------------------------------------------------


def check_field(field: str, file: str, line: int | None) -> str:
    """The kind of value *field* holds; :class:`ArchiveError` when it cannot be set."""
    if field in _CONVERTER_FIELDS:
        raise ArchiveError(file, f"{field!r} is written by the converter and cannot be set", line)
    kind = FIELDS.get(field)
    if kind is None:
        close = difflib.get_close_matches(field[:100], FIELDS, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise ArchiveError(file, f"unknown field {quote(field)}; {hint}expected one of "
                           f"{', '.join(FIELDS)}", line)
    return kind


def check_value(field: str, value: Any, file: str, line: int | None) -> Setting:
    """*value* for *field* typed and validated; :class:`ArchiveError` says what was expected."""
    kind = check_field(field, file, line)

    def fail(expected: str) -> ArchiveError:
        return ArchiveError(file, f"{field}: expected {expected}, got {quote(value)}", line)

    if kind in ("title", "text"):
        if value is None and kind == "text":
            return Setting(None, file, line)
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise fail("text" if kind == "text" else "the title as text")
        text = _text(str(value), field)
        if not text and kind == "title":
            raise fail("the title as text")
        return Setting(text or None, file, line)
    if kind == "date":
        if value is None:
            return Setting(None, file, line)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return Setting(value, file, line)
        text = value.strip() if isinstance(value, str) else ""
        try:
            if not _ISO_DATE.match(text):
                raise ValueError(text)
            return Setting(dt.date.fromisoformat(text), file, line)
        except ValueError:
            raise fail("a date YYYY-MM-DD (or null)") from None
    if kind == "url":
        if value is None:
            return Setting(None, file, line)
        if not isinstance(value, str) or not _URL.match(value.strip()):
            raise fail("an http:// or https:// address (or null)")
        return Setting(value.strip(), file, line)
    if kind == "names":
        names = _names(value)
        if names is None:
            raise fail("a list of names")
        return Setting(names, file, line)
    if value is None:
        return Setting({}, file, line)
    if not isinstance(value, Mapping):
        raise fail("a mapping of role -> list of names")
    mapping: dict[str, tuple[str, ...]] = {}
    for key, names in value.items():
        listed = _names(names)
        role = clean_name(key) if isinstance(key, str) else ""
        if not role or listed is None:
            raise fail("a mapping of role -> list of names")
        if listed:
            mapping[role] = tuple(dict.fromkeys(mapping.get(role, ()) + listed))
    return Setting(mapping, file, line)


def _text(value: str, field: str) -> str:
    """A text field's value: white space folded, control characters gone, and for the fields
    that name something, format characters too."""
    if field in _NAMING_TEXT_FIELDS:
        return clean_name(value)
    return " ".join(remove_control_characters(value)[0].split())


def _names(value: Any) -> tuple[str, ...] | None:
    """A list of names (a single name counts as a list of one), each cleaned, each once;
    ``None`` when it is not one."""
    if value is None:
        return ()
    items = [value] if isinstance(value, (str, int, float)) else value
    if not isinstance(items, list):
        return None
    out: dict[str, None] = {}  # a dict keeps the order and finds repeats in constant time
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            return None
        if name := clean_name(str(item)):
            out[name] = None
    return tuple(out)


# -- sidecars -------------------------------------------------------------------------------


def sidecars_of(txt: Path) -> list[Path]:
    """The sidecar files that exist beside *txt* (more than one is an error for the caller)."""
    return [p for suffix in SIDECAR_SUFFIXES if (p := txt.with_suffix(suffix)).is_file()]


def load_sidecar(path: Path, name: str) -> Overrides:
    """Read one sidecar; *name* is how messages refer to it (relative to the input folder)."""
    text = _read_text(path, name, SIDECAR)
    if path.suffix == ".json":
        return _parse_json(text, name)
    return _parse_yaml(text, name)


def sidecar_for(txt: Path, relpath: str, found: list[Path] | None = None) -> Overrides:
    """The overrides the sidecar beside *txt* sets; none without one. *relpath* is *txt*'s
    path relative to the input folder, which messages use; *found* is
    :func:`sidecars_of` (*txt*), when the caller has it already."""
    found = sidecars_of(txt) if found is None else found
    names = [PurePosixPath(relpath).with_suffix(p.suffix).as_posix() for p in found]
    if len(found) > 1:
        raise ArchiveError(names[0], f"{relpath} has {len(found)} sidecars "
                           f"({', '.join(names)}); keep one")
    return load_sidecar(found[0], names[0]) if found else {}


def _read_text(path: Path, name: str, limits: Limits) -> str:
    raw = read_bounded(path, name, limits)
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ArchiveError(name, "not UTF-8 text; save it as UTF-8", line) from None


def _parse_yaml(text: str, name: str) -> Overrides:
    root = compose(text, name, SIDECAR)
    if root is None or _is_null(root):
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise ArchiveError(name, "expected a mapping of front matter fields "
                           "(title: ..., date: YYYY-MM-DD, tags: [...])", _line(root))
    out: Overrides = {}
    for key, key_node, value_node in _pairs(root, name):
        out[key] = check_value(key, _as_written(value_node, name), name, _line(key_node))
    return out


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _pairs(node: yaml.MappingNode, name: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """(key, key node, value node); a repeated key is an error (YAML would keep the last)."""
    seen: dict[str, int] = {}
    pairs = []
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or _is_null(key_node):
            raise ArchiveError(name, "expected a field name as key", _line(key_node))
        key = key_node.value.strip()
        if key in seen:
            raise ArchiveError(name, f"{quote(key)} is set twice (first on line {seen[key]})",
                               _line(key_node))
        seen[key] = _line(key_node)
        pairs.append((key, key_node, value_node))
    return pairs


def _as_written(node: yaml.Node, name: str) -> Any:
    """Plain values with every scalar as written: ``yes`` stays ``yes`` and ``2023-12-26``
    stays text, so it is checked as a date by :func:`check_value`, not by YAML's own rules."""
    if isinstance(node, yaml.MappingNode):
        return {key: _as_written(value, name) for key, _, value in _pairs(node, name)}
    if isinstance(node, yaml.SequenceNode):
        return [_as_written(item, name) for item in node.value]
    return None if _is_null(node) else node.value


def _parse_json(text: str, name: str) -> Overrides:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in pairs:
            if key in seen:
                raise ArchiveError(name, f"{quote(key)} is set twice", _json_line(text, key))
            seen[key] = value
        return seen

    data = load_json(text, name, SIDECAR, no_duplicates) if text.strip() else {}
    if not isinstance(data, dict):
        raise ArchiveError(name, 'expected an object of front matter fields '
                           '({"title": ..., "date": "YYYY-MM-DD"})', 1)
    return {key: check_value(key, value, name, _json_line(text, key))
            for key, value in data.items()}


def _json_line(text: str, key: str) -> int | None:
    """The line of ``"key":`` in *text*: the first such key, which for a sidecar's flat object
    is the field itself; ``None`` when the key is written with escapes."""
    match = re.search(re.escape(json.dumps(key)) + r"\s*:", text)
    return text.count("\n", 0, match.start()) + 1 if match else None


# -- the manifest ---------------------------------------------------------------------------


def load_manifest(path: Path, name: str | None = None) -> Manifest:
    """Read ``manifest.csv``. A file that cannot be read as a manifest (not CSV, no ``file``
    column, an unknown column, a row without a file, a file listed twice) raises; a bad value
    in a row is kept as that row's error, to fail only its article."""
    name = name or str(path)
    text = _read_text(path, name, MANIFEST)
    # strict: a stray quote is an error, not a silently mangled value.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: dict[str, ManifestRow] = {}
    columns: list[str] | None = None
    cell_count = 0
    try:
        for cells in reader:
            line = reader.line_num
            cell_count += len(cells)
            if cell_count > MANIFEST.max_values:
                raise ArchiveError(name, too_many(MANIFEST, "cells"), line)
            if not any(c.strip() for c in cells):
                continue
            if columns is None:
                columns = _columns(cells, name, line)
                continue
            relpath, row = _row(columns, cells, name, line)
            if relpath in rows:
                raise ArchiveError(name, f"file {relpath} is already listed on line "
                                   f"{rows[relpath].line}", line)
            rows[relpath] = row
    except csv.Error as err:
        if "field limit" in str(err):  # csv cannot read on past such a cell
            raise ArchiveError(name, f"a cell is longer than {csv.field_size_limit():,} "
                               "characters, the most CSV reading allows", reader.line_num) from None
        raise ArchiveError(name, f"not valid CSV: {shorten(str(err))}", reader.line_num) from None
    if columns is None:
        raise ArchiveError(name, "empty; expected a header row such as file,date,url,tags")
    return Manifest(rows)


def _columns(cells: list[str], name: str, line: int) -> list[str]:
    columns = [c.strip().lower() for c in cells]
    if len(columns) == 1 and ";" in columns[0]:
        raise ArchiveError(name, "columns must be separated by commas (this header uses ';')",
                           line)
    for index, column in enumerate(columns, 1):
        if not column:
            raise ArchiveError(name, f"column {index} has no name; expected file and "
                               "front matter fields", line)
        if columns.index(column) != index - 1:
            raise ArchiveError(name, f"column {quote(column)} appears twice", line)
        if column != "file" and check_field(column, name, line) == "mapping":
            raise ArchiveError(name, f"column {column!r}: {column} is a mapping of role -> "
                               "names; set it in a sidecar (NAME.yaml)", line)
    if "file" not in columns:
        raise ArchiveError(name, "no 'file' column; expected a header row such as "
                           "file,date,url,tags", line)
    return columns


def _row(columns: list[str], cells: list[str], name: str, line: int) -> tuple[str, ManifestRow]:
    values = dict(zip(columns, (c.strip() for c in cells)))
    relpath = values.get("file", "").replace("\\", "/").removeprefix("./")
    if not relpath:
        raise ArchiveError(name, "file: empty; expected the article's path relative to the "
                           "input folder", line)
    if len(relpath) > _MAX_PATH_CHARS:
        # No input has such a path: the row is reported as naming no input, shortly.
        relpath = shorten(relpath)
    overrides: Overrides = {}
    try:
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
            raise ArchiveError(name, f"{len(cells)} cells but the header has {len(columns)} "
                               "columns (quote a cell that holds a comma)", line)
        for column, cell in values.items():
            if len(cell) > MAX_CELL_CHARS:
                raise ArchiveError(name, f"{column}: a cell of {len(cell):,} characters; the "
                                   f"limit is {MAX_CELL_CHARS:,}", line)
            if column == "file" or not cell:
                continue  # an empty cell sets nothing
            value: Any = cell
            if FIELDS[column] == "names":
                value = [part.strip() for part in cell.split(";") if part.strip()]
            overrides[column] = check_value(column, value, name, line)
    except ArchiveError as err:
        return relpath, ManifestRow(line, {}, err)
    return relpath, ManifestRow(line, overrides)


# -- applying -------------------------------------------------------------------------------


def merge(*layers: Overrides) -> Overrides:
    """Later layers win field by field: ``merge(manifest_row, sidecar)``."""
    out: Overrides = {}
    for layer in layers:
        out.update(layer)
    return out


def apply_overrides(article: Article, overrides: Overrides) -> Article:
    """*article* with every field the user set replaced, then ``add_*`` names appended."""
    changes: dict[str, Any] = {}
    for field, setting in overrides.items():
        if field.startswith("add_"):
            continue
        value = setting.value
        if FIELDS[field] == "mapping":
            value = {k: list(v) for k, v in value.items()}
        changes[field] = value
    for field, setting in overrides.items():
        if field.startswith("add_"):
            key = field[len("add_"):]
            current = changes.get(key, getattr(article, key))
            # Names on both sides are clean (clean_name), so equal-looking names are equal.
            changes[key] = tuple(dict.fromkeys(current + setting.value))
    # The front matter says which file set each field, so a surprising value can be traced.
    order = list(FIELDS)
    applied = tuple((f, overrides[f].file) for f in sorted(overrides, key=order.index))
    return replace(article, **changes, source=replace(article.source, overrides=applied))
