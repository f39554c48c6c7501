"""The user's registry of names (``entities.yaml``) and taxonomy (``tags.yaml``): loading,
validation with file and line in every message, and application to extracted names."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import Node, SequenceNode

from ..safe_data import REGISTRY, TAXONOMY, quote, shorten
from ..yamlnodes import YamlFile, line_of
from .spans import fold
from .tags import TagRule

KINDS = ("people", "places", "organizations")
_SECTIONS = "people, places, organizations or ignore"


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
        # Dicts keep the order names were found in and find repeats in constant time.
        out: dict[str, dict[str, None]] = {kind: {} for kind in found}
        for kind, names in found.items():
            for name in names:
                if fold(name) in self.ignore:
                    continue
                entry = self.find(name)
                target_kind, canonical = (entry.kind, entry.name) if entry else (kind, name)
                out.setdefault(target_kind, {})[canonical] = None
        return {kind: list(names) for kind, names in out.items()}


def load_registry(path: Path | None) -> Registry:
    """Read ``entities.yaml``; a missing file is an empty registry.

    Raises :class:`ArchiveError` naming the file, the line and what was expected, or the limit
    of :data:`~build_tools.safe_data.REGISTRY` the file passes.
    """
    if path is None or not path.exists():
        return Registry()
    doc = YamlFile(path, REGISTRY)
    entries: list[Entry] = []
    ignore: frozenset[str] = frozenset()
    #: Folded name -> (kind, canonical name, line), to catch one name listed twice.
    claimed: dict[str, tuple[str, str, int]] = {}
    sections = doc.mapping(doc.root, "", f"a mapping with sections {_SECTIONS}")
    for section, key_node, value in sections:
        if section == "ignore":
            ignore = frozenset(fold(n) for n in doc.names(value, "ignore: "))
        elif section in KINDS:
            for name, name_node, details in doc.mapping(
                    value, f"{section}: ", "a mapping of canonical name -> aliases, sort_as"):
                entry = _entry(doc, section, name, details)
                for alias in (entry.name, *entry.aliases):
                    other = claimed.setdefault(fold(alias), (section, name, line_of(name_node)))
                    if other[:2] != (section, name):
                        raise doc.error(name_node, f"{section}: {shorten(name)}: {quote(alias)} "
                                        f"is already listed under {other[0]}: "
                                        f"{shorten(other[1])} (line {other[2]})")
                entries.append(entry)
        else:
            raise doc.error(key_node, f"unknown section {quote(section)}; expected {_SECTIONS}")
    return Registry(tuple(entries), ignore)


def _entry(doc: YamlFile, kind: str, name: str, details: Node) -> Entry:
    """One canonical name: ``{aliases: [...], sort_as: ...}``, a list of aliases, or empty."""
    what = f"{kind}: {shorten(name)}: "
    if isinstance(details, SequenceNode):
        return Entry(kind, name, doc.names(details, f"{what}aliases: "))
    aliases: tuple[str, ...] = ()
    sort_as = None
    for key, key_node, value in doc.mapping(details, what, "aliases and sort_as, or a list "
                                                           "of aliases"):
        if key == "aliases":
            aliases = doc.names(value, f"{what}aliases: ")
        elif key == "sort_as":
            sort_as = doc.name(value, f"{what}sort_as: ")
        else:
            raise doc.error(key_node, f"{what}unknown key {quote(key)}; expected aliases or "
                                      "sort_as")
    return Entry(kind, name, aliases, sort_as)


def load_taxonomy(path: Path | None) -> tuple[TagRule, ...]:
    """Read ``tags.yaml``: ``tag: {words: [...], min: N}`` or ``tag: [words]``; optionally
    ``weak: [...]``, ``headline: [...]``, ``not_in: [...]`` and ``anywhere: true`` (see :class:`.tags.TagRule`).

    Without words (none given, or an empty list) the tag's own name is its word. Raises
    :class:`ArchiveError` naming the file, the line and what was expected, or the limit of
    :data:`~build_tools.safe_data.TAXONOMY` the file passes.
    """
    if path is None or not path.exists():
        return ()
    doc = YamlFile(path, TAXONOMY)
    rules = []
    for tag, _, spec in doc.mapping(doc.root, "", "a mapping of tag -> {words: [...], min: N}"):
        what = f"{shorten(tag)}: "
        if isinstance(spec, SequenceNode):
            rules.append(TagRule(tag, doc.names(spec, what) or (tag,)))
            continue
        words: tuple[str, ...] = ()
        minimum = 2
        lists: dict[str, tuple[str, ...]] = {"weak": (), "headline": (), "not_in": ()}
        anywhere = False
        for key, key_node, value in doc.mapping(
                spec, what, "words: [...] and optionally min: N, weak: [...], headline: [...], "
                            "not_in: [...], anywhere: true"
):
            if key == "words":
                words = doc.names(value, f"{what}words: ")
            elif key == "min":
                minimum = doc.whole_number(value, f"{what}min: ", 1)
            elif key in lists:
                lists[key] = doc.names(value, f"{what}{key}: ")
            elif key == "anywhere":
                if getattr(value, "value", None) not in ("true", "false"):
                    raise doc.error(value, f"{what}anywhere: expected true or false")
                anywhere = value.value == "true"
            else:
                raise doc.error(key_node, f"{what}unknown key {quote(key)}; expected words, "
                                          "min, weak, headline, not_in or anywhere")
        rules.append(TagRule(tag, words or (tag,), minimum, lists["weak"], lists["headline"],
                             lists["not_in"], anywhere))
    return tuple(rules)
