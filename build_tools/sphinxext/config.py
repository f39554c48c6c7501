"""The ``news_*`` options of ``conf.py``: checked before anything is read or written.

A wrong value stops the build with ``conf.py:LINE: option = value: expected ...`` (Sphinx's own
type check would only warn, and the value would fail later, deep in a page writer). At
``config-inited`` it is raised as :class:`sphinx.errors.ConfigError`; Sphinx 9 shows that under
"Configuration error!" with its debugging context. ``python -m build_tools html`` (``make
html``) runs :func:`check_conf_file` first, so there the message is the one line on stderr.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from sphinx.config import Config, eval_config_file
from sphinx.errors import ConfigError
from sphinx.util.tags import Tags

from ..article import INDEX_KINDS
from ..errors import ArchiveError

if TYPE_CHECKING:
    from sphinx.application import Sphinx

ORDERS = ("name", "count")
#: Folders the extension writes pages into (every index kind's, whether or not it is on).
GENERATED_FOLDERS = frozenset(("archive", "dates", "search", *INDEX_KINDS))
#: Where a project keeps things, with their defaults: declared by the extension
#: (:func:`build_tools.sphinxext.setup`) and read by every command (:mod:`build_tools.project`).
PATH_OPTIONS: dict[str, str | None] = {
    "news_articles_dir": "articles",
    "news_registry": "entities.yaml",
    "news_taxonomy": "tags.yaml",
    "news_ner_backend": None,
}


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _articles_dir(value: Any) -> bool:
    if not isinstance(value, str) or not value.strip("/"):
        return False
    path = PurePosixPath(value)
    # ``_static``, ``_templates``, ``.hidden``: Sphinx's folders or excluded ones, where the
    # articles would be copied as files or never read.
    if path.parts[:1] and path.parts[0] in GENERATED_FOLDERS:
        return False  # an article titled "2" would be archive/2, the archive's second page
    return not path.is_absolute() and not any(part.startswith(("_", ".")) or part == ".."
                                              for part in path.parts)


def _indexes(value: Any) -> bool:
    return isinstance(value, dict) and all(
        key in INDEX_KINDS and isinstance(label, str) and label.strip()
        for key, label in value.items()
    )


#: Option -> (check, what a valid value is).
CHECKS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "news_articles_dir": (_articles_dir, "a folder under the source folder, such as "
                                         "'articles', not starting with _ or . and not one "
                                         "the indexes use"),
    "news_indexes": (_indexes, "a dict of index -> label, with indexes among "
                               f"{', '.join(INDEX_KINDS)}, e.g. {{'people': 'People'}}"),
    "news_page_size": (_positive_int, "a whole number of at least 1"),
    "news_home_articles": (_positive_int, "a whole number of at least 1"),
    "news_index_order": (lambda v: v in ORDERS, " or ".join(map(repr, ORDERS))),
    "news_description": (lambda v: isinstance(v, str), "a string (may be empty)"),
    "news_related": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
                     "a whole number, 0 for none"),
    "news_feeds": (lambda v: isinstance(v, (list, tuple)) and all(k in INDEX_KINDS for k in v),
                   f"a list of indexes among {', '.join(INDEX_KINDS)}, e.g. ['tags', 'people']"),
    "news_feed_length": (_positive_int, "a whole number of at least 1"),
    "news_home_terms": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
                        "a whole number, 0 for none"),
    "news_together": (_positive_int, "a whole number of at least 1"),
    "news_registry": (lambda v: v is None or isinstance(v, str),
                      "a file name relative to conf.py, or None"),
    "news_taxonomy": (lambda v: v is None or isinstance(v, str),
                      "a file name relative to conf.py, or None"),
    "news_ner_backend": (lambda v: v is None or (isinstance(v, str) and (v == "rules" or ":" in v)),
                         "None, 'rules', 'spacy:MODEL' or 'module:factory'"),
}


def check_values(conf: Path, values: Mapping[str, Any]) -> None:
    """Raise :class:`ArchiveError` for the first invalid ``news_*`` option in *values*.

    Options missing from *values* are not checked (their defaults are valid).
    """
    for option, (valid, expected) in CHECKS.items():
        if option in values and not valid(value := values[option]):
            reason = f"{option} = {value!r}: expected {expected}"
            raise ArchiveError(conf, reason, _assignment_line(conf, option))


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: raise :class:`ConfigError` for an invalid ``news_*`` option."""
    try:
        check_values(Path(app.confdir or ".", "conf.py"), {o: config[o] for o in CHECKS})
    except ArchiveError as err:
        raise ConfigError(str(err)) from None


def check_conf_file(confdir: Path) -> dict[str, Any]:
    """Run ``confdir/conf.py`` as Sphinx does and check its ``news_*`` options.

    A conf.py that does not run is left for Sphinx to report, with its traceback, which is
    what the user needs then.
    """
    conf = confdir / "conf.py"
    if not conf.is_file():
        return {}
    try:
        # Sphinx changes into conf.py's folder while it runs it: a relative path would break.
        namespace = eval_config_file(conf.absolute(), Tags())
    except ConfigError:
        return {}
    check_values(conf, namespace)
    return namespace


def _assignment_line(conf: Path, option: str) -> int | None:
    """The line of the last top-level assignment to *option* in *conf*, if there is one."""
    try:
        tree = ast.parse(conf.read_bytes())
    except (OSError, SyntaxError, ValueError):
        return None
    line = None
    for node in tree.body:
        targets = (node.targets if isinstance(node, ast.Assign)
                   else [node.target] if isinstance(node, ast.AnnAssign) else [])
        if any(isinstance(t, ast.Name) and t.id == option for t in targets):
            line = node.lineno
    return line
