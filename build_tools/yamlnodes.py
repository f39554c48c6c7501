"""Reading a user-edited YAML file so that every schema error names the file and the line.

``yaml.safe_load`` forgets where each value came from, so a wrong type deep in
``entities.yaml`` could only be reported without a line. Here the file is composed into nodes,
which keep their marks, and the schema is checked node by node. Names are taken as written
(``yes`` stays ``yes``, ``010`` stays ``010``) rather than as YAML would type them.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import ArchiveError

_NULL = "tag:yaml.org,2002:null"
_INT = "tag:yaml.org,2002:int"


def compose(text: str, file: Path | str) -> Node | None:
    """*text*'s YAML node tree (with line marks); a syntax error names *file* and the line."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise ArchiveError(file, f"not valid YAML: {err.problem or err.context}",
                           mark.line + 1 if mark else None) from None
    except yaml.YAMLError as err:
        raise ArchiveError(file, f"not valid YAML: {err}") from None


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
    return repr(node.value)


class YamlFile:
    """One YAML file's nodes and the checks that turn them into values or errors."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise ArchiveError(path, f"cannot read: {err}") from None
        self.root: Node | None = compose(text, path)

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
                raise self.error(key_node, f"{what}{key!r} appears twice "
                                           f"(first on line {seen[key]})")
            seen[key] = line_of(key_node)
            items.append((key, key_node, value_node))
        return items

    def name(self, node: Node | None, what: str) -> str:
        """A non-empty scalar, as written."""
        if isinstance(node, ScalarNode) and not self.is_null(node) and node.value.strip():
            return node.value.strip()
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
            value = yaml.constructor.SafeConstructor().construct_yaml_int(node)
            if value >= minimum:
                return value
        raise self.error(node, f"{what}expected a whole number of at least {minimum}, "
                               f"got {describe(node)}")
