"""The user's registry of names (``entities.yaml``) and taxonomy (``tags.yaml``): loading,
validation with file and line in every message, and application to extracted names."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ArchiveError
from .spans import fold
from .tags import TagRule

KINDS = ("people", "places", "organizations")


@dataclass(frozen=True)
class Entry:
    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    sort_as: str | None = None


@dataclass(frozen=True)
class Registry:
    """Canonical names, their aliases and sort keys, forced types and ignored names."""

    entries: tuple[Entry, ...] = ()
    ignore: frozenset[str] = frozenset()  #: folded names dropped wherever they are found
    _lookup: dict[str, Entry] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for name in (entry.name, *entry.aliases):
                self._lookup.setdefault(fold(name), entry)

    def find(self, name: str) -> Entry | None:
        return self._lookup.get(fold(name))

    def known(self, kind: str) -> dict[str, str]:
        """Folded name or alias -> canonical name, for entries of one kind."""
        return {k: e.name for k, e in self._lookup.items() if e.kind == kind}

    def sort_key(self, name: str) -> str | None:
        entry = self.find(name)
        return entry.sort_as if entry else None

    def apply(self, found: dict[str, list[str]]) -> dict[str, list[str]]:
        """Canonical names, forced types and the ignore list applied to names by kind."""
        out: dict[str, list[str]] = {kind: [] for kind in found}
        for kind, names in found.items():
            for name in names:
                if fold(name) in self.ignore:
                    continue
                entry = self.find(name)
                target_kind, canonical = (entry.kind, entry.name) if entry else (kind, name)
                bucket = out.setdefault(target_kind, [])
                if canonical not in bucket:
                    bucket.append(canonical)
        return out


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else None
        raise ArchiveError(path, f"not valid YAML: {err.problem}", line) from None
    except (OSError, UnicodeDecodeError) as err:
        raise ArchiveError(path, f"cannot read: {err}") from None


def _str_list(value: Any, path: Path, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise ArchiveError(path, f"{what}: expected a list of names")
    return tuple(str(v).strip() for v in value if str(v).strip())


def load_registry(path: Path | None) -> Registry:
    """Read ``entities.yaml``; a missing file is an empty registry."""
    if path is None or not path.exists():
        return Registry()
    data = _load_yaml(path) or {}
    if not isinstance(data, dict):
        raise ArchiveError(path, "expected a mapping with people, places, organizations, ignore")
    unknown = set(data) - {*KINDS, "ignore"}
    if unknown:
        raise ArchiveError(
            path, f"unknown section {sorted(unknown)[0]!r}; expected one of "
            f"{', '.join((*KINDS, 'ignore'))}"
        )
    entries = []
    for kind in KINDS:
        section = data.get(kind) or {}
        if not isinstance(section, dict):
            raise ArchiveError(path, f"{kind}: expected a mapping of canonical name -> details")
        for name, details in section.items():
            details = details or {}
            if isinstance(details, list):
                details = {"aliases": details}
            if not isinstance(details, dict):
                raise ArchiveError(path, f"{kind}: {name}: expected aliases and sort_as")
            extra = set(details) - {"aliases", "sort_as"}
            if extra:
                raise ArchiveError(
                    path, f"{kind}: {name}: unknown key {sorted(extra)[0]!r}; "
                    "expected aliases, sort_as"
                )
            sort_as = details.get("sort_as")
            entries.append(
                Entry(kind, str(name).strip(), _str_list(details.get("aliases"), path,
                                                         f"{kind}: {name}: aliases"),
                      str(sort_as).strip() if sort_as else None)
            )
    ignore = frozenset(fold(n) for n in _str_list(data.get("ignore"), path, "ignore"))
    return Registry(tuple(entries), ignore)


def load_taxonomy(path: Path | None) -> tuple[TagRule, ...]:
    """Read ``tags.yaml``: ``tag: {words: [...], min: N}`` or ``tag: [words]``."""
    if path is None or not path.exists():
        return ()
    data = _load_yaml(path) or {}
    if not isinstance(data, dict):
        raise ArchiveError(path, "expected a mapping of tag -> {words: [...], min: N}")
    rules = []
    for tag, spec in data.items():
        if isinstance(spec, list):
            spec = {"words": spec}
        if not isinstance(spec, dict) or set(spec) - {"words", "min"}:
            raise ArchiveError(path, f"{tag}: expected words: [...] and optionally min: N")
        minimum = spec.get("min", 2)
        if not isinstance(minimum, int) or minimum < 1:
            raise ArchiveError(path, f"{tag}: min must be a whole number of at least 1")
        words = _str_list(spec.get("words"), path, f"{tag}: words") or (str(tag),)
        rules.append(TagRule(str(tag), words, minimum))
    return tuple(rules)
