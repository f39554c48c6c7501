"""Content keys of the generated pages, so that a page is rendered and written only when what
it shows changed (see :func:`.output.generated_pages`).

A page's key is a digest of its context before rendering (the body template's name and every
value it is given: the articles listed with their titles, dates, places, authors, summaries
and roles, the pager, the term's chart and names appearing with it, the feed it links) and of
the :func:`site_key`: everything else that reaches a rendered page. That is the Sphinx
configuration that affects HTML (``builder.build_info``: ``html_title``, the theme and its
options, ``html_sidebars``, ...) and the tags; the builder's global template context (the
Sphinx version, ``last_updated``, the css and js files); the bytes of those files in the
output folder, since Sphinx puts their checksum in each page's asset URLs (``?v=``); every
template the theme and ``templates_path`` can load, and this extension's code, by name, size
and time; and the site's navigation (the documents the root document's toctrees reach, with
the time each was last read). Page links are relative and so do not depend on other pages.

Sphinx itself re-writes no document when a static file or the navigation changes, so its
pages would keep an old stylesheet's ``?v=`` and an old sidebar: :func:`rewrite_for_site_changes`
has every document written again then.

No key is reused after a fresh environment (``-E``) or a configuration change that made
Sphinx re-read everything: then every page is rendered again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import CONFIG_OK

#: Bumped when what a key covers changes, so keys of older builds are never taken as equal.
FORMAT = 2
#: This extension's code, templates and static files.
CODE = Path(__file__).parent


def _digest(value: Any) -> str:
    return hashlib.sha256(repr(value).encode("utf-8"), usedforsecurity=False).hexdigest()


def _stable(value: Any) -> Any:
    """*value* in a form whose ``repr`` is the same in every process for the same meaning;
    an object it does not know keeps its ``repr``, which (holding an address) only ever
    makes pages be rendered again."""
    if isinstance(value, Mapping):
        return sorted((str(k), _stable(v)) for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_stable(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "filename") and hasattr(value, "priority"):  # a css or js asset
        return (type(value).__name__, os.fspath(value.filename), value.priority,
                _stable(getattr(value, "attributes", {})))
    return repr(value)


def _files(folders: Iterable[str | os.PathLike[str]]) -> list[tuple[str, int, int]]:
    """Every file under *folders*, by path, size and modification time."""
    out = []
    for folder in dict.fromkeys(map(os.fspath, folders)):
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                path = os.path.join(root, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                out.append((path, stat.st_size, stat.st_mtime_ns))
    return out


def _assets(app: Sphinx, context: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The digest of each local css and js file as it is in the output folder."""
    out = []
    for asset in (*context.get("css_files", ()), *context.get("script_files", ())):
        name = os.fspath(getattr(asset, "filename", asset) or "")
        if not name or "://" in name:
            continue
        try:
            data = Path(app.outdir, name).read_bytes()
        except OSError:
            data = b""
        out.append((name, hashlib.sha256(data, usedforsecurity=False).hexdigest()))
    return out


def _navigation(app: Sphinx) -> list[tuple[str, int | None]]:
    """The documents the root document's toctrees reach, each with when it was read: a page's
    sidebar shows their titles and structure."""
    env = app.env
    seen: set[str] = set()
    todo = [app.config.root_doc]
    while todo:
        docname = todo.pop()
        if docname not in seen:
            seen.add(docname)
            todo.extend(env.toctree_includes.get(docname, ()))
    return [(d, env.all_docs.get(d)) for d in sorted(seen)]


def _site_inputs(app: Sphinx) -> str:
    """The static files (``html_static_path`` and the theme's) and the navigation, as one
    digest: what every page of the site shows that Sphinx does not watch."""
    builder: Any = app.builder
    theme = getattr(builder, "theme", None)
    folders = [Path(app.confdir, p) for p in getattr(app.config, "html_static_path", ())]
    folders += theme.get_theme_dirs() if theme is not None else []
    return _digest((FORMAT, _files(folders), _navigation(app)))


def rewrite_for_site_changes(app: Sphinx, env: Any) -> list[str]:
    """``env-get-updated``: every document, when a static file or the navigation changed
    since the last build (see :func:`_site_inputs`)."""
    # Per builder: builders sharing a doctree folder have different themes.
    seen = env.domains["news"].data.setdefault("site_inputs", {})
    old, new = seen.get(app.builder.name), _site_inputs(app)
    seen[app.builder.name] = new
    return sorted(env.found_docs) if old is not None and old != new else []


def reusable(app: Sphinx) -> bool:
    """Whether pages of the last build may be kept: not after a fresh environment or a
    configuration change that made Sphinx read every document again."""
    return not app.fresh_env_used and app.env.config_status == CONFIG_OK


def site_key(app: Sphinx) -> str:
    """What every generated page shows beyond its own context, as one digest."""
    builder: Any = app.builder
    info = builder.build_info
    context = getattr(builder, "globalcontext", {})
    templates = getattr(getattr(builder, "templates", None), "pathchain", [])
    return _digest((
        FORMAT, builder.name, info.config_hash, info.tags_hash, _stable(context),
        _assets(app, context), _files([*templates, CODE]), _navigation(app),
    ))


def _unknown(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(map(_stable, value), key=repr)
    return _stable(value)


def page_key(site: str, pagename: str, context: Mapping[str, Any], template: str) -> str:
    """The key of one generated page: *context* is the page's, before rendering.

    A page context is plain data (dicts, lists, strings, numbers), which ``json`` writes in
    one canonical form many times faster than :func:`_stable` walks it: at 10,000 articles the
    keys of every page took 3.8 s that way (``docs/benchmarks.md``)."""
    try:
        text = json.dumps(context, sort_keys=True, ensure_ascii=False, default=_unknown)
    except (TypeError, ValueError):  # keys of mixed types, a cycle
        text = repr(_stable(context))
    return _digest((site, pagename, template, text))
