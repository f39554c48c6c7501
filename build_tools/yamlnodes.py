"""Reading a user-edited YAML file so that every schema error names the file and the line.

``yaml.safe_load`` forgets where each value came from, so a wrong type deep in
``entities.yaml`` could only be reported without a line. Here the file is composed into nodes,
which keep their marks, and the schema is checked node by node. Names are taken as written
(``yes`` stays ``yes``, ``010`` stays ``010``) rather than as YAML would type them, with
invisible characters removed (:func:`build_tools.characters.clean_name`).

Composing stays within the :class:`~build_tools.safe_data.Limits` of the kind of file: nesting
depth and the number of values are counted as each node is composed, an alias at the size of
the node it repeats (memoised, so counting is linear in the file), and the first node past a
limit stops composing with an :class:`ArchiveError` naming the file, the line and the limit.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.events import AliasEvent, Event
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .characters import clean_name
from .errors import ArchiveError
from .safe_data import Limits, quote, read_bounded, shorten, too_deep, too_many

_NULL = "tag:yaml.org,2002:null"
_INT = "tag:yaml.org,2002:int"
#: Half of a UTF-16 pair, which a ``\ud800`` escape gives: it cannot be written out as UTF-8.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class _BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe composer, counting depth and values as it goes.

    Only composition is used (nothing is constructed), so YAML's own expansion of aliases
    never runs; what is counted here is what any walk over the nodes would visit.
    """

    def __init__(self, text: str, name: str, limits: Limits) -> None:
        super().__init__(text)
        self.name, self.limits = name, limits
        self.values = 0
        #: For each open level, the height of its tallest child so far.
        self.open_levels: list[int] = []
        #: id of an anchored node -> (values, height) once it is composed; an anchor still
        #: being composed is missing, so an alias to it is a cycle.
        self.measured: dict[int, tuple[int, int]] = {}

    def compose_node(self, parent: Node | None, index: object) -> Node:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            target = self.anchors.get(event.anchor)
            if target is not None:
                if id(target) not in self.measured:
                    raise self.error(event, "an alias repeats a value that contains it")
                values, height = self.measured[id(target)]
                self.count(values, height, event)
            return super().compose_node(parent, index)
        if len(self.open_levels) >= self.limits.max_depth:
            raise self.error(event, too_deep(self.limits))
        self.open_levels.append(0)
        before = self.values
        node = super().compose_node(parent, index)
        height = self.open_levels.pop() + 1
        self.count(1, height, event)
        if event.anchor is not None:
            self.measured[id(node)] = (self.values - before, height)
        if isinstance(node, ScalarNode) and _SURROGATE.search(node.value):
            raise self.error(event, "a \\u escape gives half a character (a lone surrogate); "
                                    "not text")
        return node

    def count(self, values: int, height: int, event: Event) -> None:
        """A child of *values* values and *height* levels under the innermost open level."""
        self.values += values
        if self.values > self.limits.max_values:
            raise self.error(event, too_many(self.limits, "values (an alias counts as "
                                                          "what it repeats)"))
        if len(self.open_levels) + height > self.limits.max_depth:
            raise self.error(event, too_deep(self.limits))
        if self.open_levels:
            self.open_levels[-1] = max(self.open_levels[-1], height)

    def error(self, event: Event, reason: str) -> ArchiveError:
        return ArchiveError(self.name, reason, event.start_mark.line + 1)


def compose(text: str, file: Path | str, limits: Limits) -> Node | None:
    """*text*'s YAML node tree (with line marks), within *limits*; a syntax error or a limit
    passed names *file* and the line."""
    loader = None
    try:
        loader = _BoundedLoader(text, str(file), limits)  # checks every character is allowed
        return loader.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise ArchiveError(file, f"not valid YAML: {shorten(str(err.problem or err.context))}",
                           mark.line + 1 if mark else None) from None
    except yaml.reader.ReaderError as err:
        raise ArchiveError(file, f"not valid YAML: character U+{err.character:04X} is not "
                           "allowed", text.count("\n", 0, err.position) + 1) from None
    except yaml.YAMLError as err:
        raise ArchiveError(file, f"not valid YAML: {shorten(' '.join(str(err).split()))}") \
            from None
    finally:
        if loader is not None:
            loader.dispose()


def line_of(node: Node) -> int:
    return node.start_mark.line + 1


def describe(node: Node | None) -> str:
    """What a node holds, in the words an error message needs."""
    if node is None or (isinstance(node, ScalarNode) and node.tag == _NULL):
        return "nothing"
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return quote(node.value)


class YamlFile:
    """One YAML file's nodes and the checks that turn them into values or errors."""

    def __init__(self, path: Path, limits: Limits) -> None:
        self.path = path
        raw = read_bounded(path, str(path), limits)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            raise ArchiveError(path, "not UTF-8 text; save it as UTF-8",
                               raw[: err.start].count(b"\n") + 1) from None
        self.root: Node | None = compose(text, path, limits)

    def error(self, node: Node | None, reason: str) -> ArchiveError:
        return ArchiveError(self.path, reason, line_of(node) if node is not None else None)

    def is_null(self, node: Node | None) -> bool:
        return node is None or (isinstance(node, ScalarNode) and node.tag == _NULL)

    def mapping(self, node: Node | None, what: str, expected: str) -> list[tuple[str, Node, Node]]:
        """(key, key node, value node) of a mapping; nothing for an empty value.

        Keys must be names and must not repeat (YAML would silently keep the last).
        """
        if self.is_null(node):
            return []
        if not isinstance(node, MappingNode):
            raise self.error(node, f"{what}expected {expected}, got {describe(node)}")
        items: list[tuple[str, Node, Node]] = []
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self.name(key_node, f"{what}a key: ")
            if key in seen:
                raise self.error(key_node, f"{what}{quote(key)} appears twice "
                                           f"(first on line {seen[key]})")
            seen[key] = line_of(key_node)
            items.append((key, key_node, value_node))
        return items

    def name(self, node: Node | None, what: str) -> str:
        """A non-empty scalar, as written but for invisible characters."""
        if isinstance(node, ScalarNode) and not self.is_null(node) and clean_name(node.value):
            return clean_name(node.value)
        raise self.error(node, f"{what}expected a name, got {describe(node)}")

    def names(self, node: Node | None, what: str) -> tuple[str, ...]:
        """A list of names; one name alone or an empty value is accepted too."""
        if self.is_null(node):
            return ()
        if isinstance(node, ScalarNode):
            return (self.name(node, what),)
        if not isinstance(node, SequenceNode):
            raise self.error(node, f"{what}expected a list of names, got {describe(node)}")
        return tuple(self.name(item, what) for item in node.value)

    def whole_number(self, node: Node, what: str, minimum: int) -> int:
        if isinstance(node, ScalarNode) and node.tag == _INT:
            try:
                value = yaml.constructor.SafeConstructor().construct_yaml_int(node)
            except ValueError:  # more digits than Python converts to a number
                value = None
            if value is not None and value >= minimum:
                return value
        raise self.error(node, f"{what}expected a whole number of at least {minimum}, "
                               f"got {describe(node)}")
