"""The news archive's Sphinx extension: article pages, indexes, date archive, pagination.

Everything is registered in :mod:`.extension`; the work is in :mod:`.collect` (reading),
:mod:`.pages` (writing), :mod:`.search` (the search index and ``search.html``), :mod:`.builders` (what each
builder writes), :mod:`.output` (generated pages and removal of the stale ones),
:mod:`.freshness` (which generated pages changed) and :mod:`.writing` (Sphinx's parallel writer,
with bounded memory). :mod:`.extension` is imported when Sphinx sets the extension up, not with
this package: commands that only read ``conf.py``'s options (the converter, through
:mod:`.config`) do not load Sphinx's builders and this extension's writers (a third of a
second a run).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    from .extension import setup as register

    return register(app)
