"""The extension's own output files: generated pages that never overwrite a user's page, and
removal of what it wrote before and does not write now.

Each build that writes the generated pages (see :mod:`.builders`) records, in
``news-output-BUILDER.json`` beside the environment, the files it wrote through
``html-collect-pages`` and the pages of this build's documents, each as the builder names it
(``builder.get_outfilename``: ``people/joe-biden.html``, ``people/joe-biden/index.html`` in
``dirhtml``). The next build removes the files the last one recorded and this one neither
generates nor writes for a document; no other file is ever removed. Sphinx itself keeps the
output of removed documents, which for articles would leave pages of deleted stories online.

The manifest also keeps each generated page's content key (see :mod:`.freshness`). A page
whose key is the last build's, and whose file is still there, is neither rendered nor written
(it is not handed to Sphinx), and still counts as generated, so it is kept on disk and in the
sitemap. The keys are taken out of the manifest before any page is written and put back when
the build has finished, so a build that stops half-way makes the next one render every page.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any
from weakref import WeakKeyDictionary

from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.parallel import ParallelTasks, parallel_available

from ..files import read_json, write_atomic
from .builders import output_name, writes_site_pages
from .freshness import page_key, reusable, site_key
from .pages import PageRenderer, collect_pages
from .feeds import write_feeds
from .search import SEARCH_PAGE, search_page
from .writing import frozen_objects

logger = logging.getLogger(__name__)

#: In the doctree folder; ``{}`` is the builder's name.
MANIFEST = "news-output-{}.json"
FORMAT = 3
FORMATS = (1, 2, FORMAT)  #: the formats read back; only this one has keys
#: Fewer changed pages than this are written in this process: forking costs more.
MIN_PARALLEL_PAGES = 64
#: Up to this many changed pages are handed to the writer processes as made; past it only
#: their names are kept, and the writers make them again (see :func:`_start_writers`).
MAX_HELD_PAGES = 1000


def generated_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: every generated page whose content changed, except one whose
    name is a user's document.

    That document was written already and stays; the generated page is left out, the build
    reports one error naming the document and fails (exit status 1).
    """
    env = app.env
    generated: list[str] = []
    keys: dict[str, str] = {}
    store = _store(app)
    outdir = Path(app.outdir).resolve()
    previous = _previous(store, outdir)
    site = site_key(app)
    old = previous["keys"] if reusable(app) else {}
    if previous["keys"]:
        _save(store, {**previous, "keys": {}}, app.builder.name, outdir)
    renderer = PageRenderer(app)
    # By output file, not page name: in dirhtml a user's ``search/index.md`` and the generated
    # ``search`` are both ``search/index.html``. Case-folded for case-insensitive disks.
    documents = {_relative(app, d).casefold(): d for d in env.found_docs}
    # Changed pages of collect_pages, held for the forked writers; past MAX_HELD_PAGES only
    # their names are kept, and the writers make them again.
    held: list[tuple[str, dict[str, Any], str]] = []
    later: list[str] = []
    parallel = _parallel(app)
    written = 0
    clashed = False  # then the next build makes every page again, and says so again
    data = env.domains["news"].data
    # The last build's pages were made from the terms this build's dirty_terms compare with,
    # with the same site key: then a clean term's pages on disk are still right.
    since = data.get("dirty_since")
    same_base = bool(old) and previous["site"] == site and since is not None \
        and previous["generation"] == since

    def reuse(pagename: str) -> bool:
        return (pagename in old and _relative(app, pagename).casefold() not in documents
                and outdir.joinpath(_relative(app, pagename)).is_file())

    listings = collect_pages(app, reuse if same_base else None)
    quiet = same_base and _listings_unchanged(app, previous, documents)
    # Read by the search index, the feeds and the catalog: what they show is the last build's.
    data["quiet"] = quiet
    if quiet:
        # Every page of collect_pages is the last build's, and on disk: skip making them.
        listings = iter(())
        logger.info("news: listing pages unchanged since the last build")
        generated += [name for name in previous["pages"] if name != SEARCH_PAGE]
        keys.update((name, old[name]) for name in generated)
    def to_write(pagename: str, context: dict[str, Any], template: str) -> bool:
        """Counts the page as generated; whether it must be written (it changed)."""
        nonlocal clashed, written
        if context is None:  # the last build's page, checked by reuse()
            generated.append(pagename)
            keys[pagename] = old[pagename]
            return False
        relative = _relative(app, pagename)
        if (taken := documents.get(relative.casefold())) is not None:
            logger.error("this page's name is taken by the generated %s (%s); rename or "
                         "move it", context.get("news_generated", "page"), pagename,
                         location=taken, type="news", subtype="page_name")
            app.statuscode = 1
            clashed = True
            return False
        generated.append(pagename)
        key = keys[pagename] = page_key(site, pagename, context, template)
        if old.get(pagename) == key and outdir.joinpath(relative).is_file():
            return False
        written += 1
        return True

    for pagename, context, template in listings:
        if not to_write(pagename, context, template):
            continue
        if not parallel:
            yield _rendered(renderer, pagename, context, template)
        elif later:
            later.append(pagename)
        else:
            held.append((pagename, context, template))
            if len(held) > MAX_HELD_PAGES:
                later, held = [name for name, _, _ in held], []
    writers = None
    if later or len(held) >= MIN_PARALLEL_PAGES:
        with frozen_objects():
            writers = _start_writers(app, later or held, renderer)
        shared, held = len(later or held), []
    # While the writers write, this process makes the search index and the feeds: at 1,000
    # articles a full build's writers take 2.5 s, the index and the feeds 1.8 s.
    for page in search_page(app):
        if to_write(*page):
            yield _rendered(renderer, *page)
    write_feeds(app)
    if writers is not None:
        writers.join()
        logger.info("news: %d generated pages written in %d processes", shared, app.parallel)
    for page in held:
        yield _rendered(renderer, *page)
    logger.info("news: %d of %d generated pages written", written, len(generated))
    # Read at build-finished, in this process; the environment was pickled before writing,
    # so this never reaches the next build.
    data.update(generated=generated, generated_keys=keys, site_key=None if clashed else site)


def rewrite_after_interrupt(app: Sphinx, env: Any) -> list[str]:
    """``env-get-updated``, after :func:`.pages.compute_terms`: every document, when the
    terms changed since the last build that finished writing with this builder (one was
    interrupted after Sphinx saved the environment, or another builder shares the doctree
    folder). The article pages to re-write for a change of terms (related articles, term
    links) are known only to the build that made the change."""
    data = env.domains["news"].data
    finished = _previous(_store(app), Path(app.outdir).resolve())["generation"]
    since = data.get("dirty_since")
    if finished is None or since is None or finished == since or not reusable(app):
        return []
    logger.info("news: the last build with these terms did not finish; every page is "
                "written again")
    return sorted(env.found_docs)


#: Each builder's site navigation, by the folder of the generated page it was made for and
#: the arguments of ``toctree()``.
_NAVIGATION: WeakKeyDictionary[Any, dict[tuple[str, tuple], str]] = WeakKeyDictionary()


def share_navigation(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                     doctree: Any) -> None:
    """``html-page-context``, before the theme's: a generated page's ``toctree()`` made once a
    folder. Generated pages are in no toctree, so the site's navigation, with its links
    relative to the page, is the same on every generated page of a folder; the theme (Furo)
    asks for it on every page, and it was a sixth of the time a generated page takes to
    write."""
    if "news_generated" not in context or "toctree" not in context:
        return
    made = _NAVIGATION.setdefault(app.builder, {})
    folder = posixpath.dirname(app.builder.get_target_uri(pagename))
    toctree = context["toctree"]

    def shared(**kwargs: Any) -> str:
        key = (folder, tuple(sorted(kwargs.items())))
        if key not in made:
            made[key] = toctree(**kwargs)
        return made[key]

    context["toctree"] = shared


def _rendered(renderer: PageRenderer, pagename: str, context: dict[str, Any],
              template: str) -> tuple[str, dict[str, Any], str]:
    """The page with its body rendered from the context's ``news_body``."""
    body_template, values = context.pop("news_body")
    context["body"] = renderer.render(body_template, **values)
    return pagename, context, template


def _listings_unchanged(app: Sphinx, previous: dict[str, Any],
                        documents: dict[str, str]) -> bool:
    """Whether the last build's listing pages are all still right and on disk: no document
    was added, changed or removed, the terms, aliases and article links came out the same
    (:func:`.pages.compute_terms` says so), and the site key is the same (the caller checks).
    Then their contexts, and so their keys, are the last build's; at 10,000 articles making
    them costs seconds that a rebuild with nothing changed would spend for nothing."""
    if not app.env.domains["news"].data.get("listings_unchanged"):
        return False
    outdir = Path(app.outdir)
    pages = previous["pages"]
    return bool(pages) and all(
        name in previous["keys"] and relative.casefold() not in documents
        and outdir.joinpath(relative).is_file()
        for name, relative in pages.items())


def _parallel(app: Sphinx) -> bool:
    return parallel_available and app.parallel > 1 and app.is_parallel_allowed("write")


def _start_writers(app: Sphinx, pages: list[str] | list[tuple[str, dict[str, Any], str]],
                   renderer: PageRenderer) -> ParallelTasks:
    """Start rendering and writing *pages* (of :func:`.pages.collect_pages`: the pages as
    made, or only their names) in ``app.parallel`` forked processes, each taking every n-th
    in order.

    Sphinx writes the pages of ``html-collect-pages`` one by one in the main process, and the
    archive has two or three of them an article. Given names, each process makes the
    contexts of its share again rather than being handed them, so that no process holds
    every page's context at once; given a few pages (one article added), the processes
    inherit them, as making them again would cost more than their rendering.
    """
    shares = app.parallel
    builder: Any = app.builder

    def write_share(share: int) -> None:
        mine = pages[share::shares]
        if mine and isinstance(mine[0], str):
            mine = collect_pages(app, wanted=set(mine).__contains__)
        for page in mine:
            builder.handle_page(*_rendered(renderer, *page))

    tasks = ParallelTasks(shares)
    for share in range(shares):
        tasks.add_task(write_share, share)
    return tasks  # running; the caller joins them


def _relative(app: Sphinx, pagename: str) -> str:
    return output_name(app.builder, pagename)


def _source_copy(app: Sphinx, docname: str) -> str | None:
    """Where the builder copies *docname*'s source (as Sphinx names it), if it does."""
    config = app.config
    if not config.html_copy_source:
        return None
    suffix = str(app.env.doc2path(docname, False))[len(docname):]
    name = docname + suffix
    if suffix != config.html_sourcelink_suffix:
        name += config.html_sourcelink_suffix
    return f"_sources/{name}"


def _store(app: Sphinx) -> Path:
    return Path(app.doctreedir) / MANIFEST.format(app.builder.name)


def _previous(store: Path, outdir: Path) -> dict[str, Any]:
    """The last build's manifest, if it is of this format and this output folder."""
    empty: dict[str, dict[str, str]] = {"pages": {}, "documents": {}, "sources": {},
                                        "keys": {}}
    data = read_json(store)
    if (not isinstance(data, dict) or data.get("format") not in FORMATS
            or data.get("outdir") != str(outdir)):
        return {**empty, "site": None, "generation": None}
    # Format 1 listed only the articles among the documents; before format 3, no keys and
    # no sources.
    data.setdefault("documents", data.get("articles"))
    if data["format"] != FORMAT:
        data.update(keys={}, sources={})
    out: dict[str, Any] = {
        key: {name: path for name, path in data[key].items() if isinstance(path, str)}
        if isinstance(data.get(key), dict) else {} for key in empty}
    for key in ("site", "generation"):
        out[key] = data.get(key) if isinstance(data.get(key), str) else None
    return out


def _save(store: Path, manifest: dict[str, Any], builder: str, outdir: Path) -> None:
    write_atomic(store, json.dumps({"format": FORMAT, "builder": builder, "outdir": str(outdir),
                                    **manifest}, indent=1, sort_keys=True))


def _remove(outdir: Path, relative: str) -> None:
    """Remove *relative* (a path the manifest holds) and the folders it leaves empty."""
    parts = PurePosixPath(relative)
    if parts.is_absolute() or ".." in parts.parts or not parts.parts:
        return
    path = outdir.joinpath(*parts.parts)
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == outdir or outdir not in folder.parents:
            break
        try:
            folder.rmdir()
        except OSError:
            break


def remove_stale_output(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: remove generated pages and article pages of the last build that
    this one did not write; record this build's, with the generated pages' keys."""
    data = app.env.domains["news"].data
    generated = data.pop("generated", None)
    keys = data.pop("generated_keys", {})
    site = data.pop("site_key", None)
    if exception is not None or generated is None or not writes_site_pages(app.builder):
        return
    outdir = Path(app.outdir).resolve()
    found = app.env.found_docs
    # Every document, not only articles: Sphinx never removes the page of a deleted
    # document, and a build folder kept between runs (the Pages workflow's cache) would keep
    # publishing a page its author deleted.
    current = {
        "pages": {name: _relative(app, name) for name in generated},
        "documents": {d: _relative(app, d) for d in sorted(found)},
        "sources": {d: path for d in sorted(found) if (path := _source_copy(app, d))},
        "keys": keys,
        "site": site,
        "generation": data.get("terms_generation"),
    }
    store = _store(app)
    previous = _previous(store, outdir)
    keep = {*current["pages"].values(), *current["documents"].values(),
            *current["sources"].values()}
    for relative in sorted({*previous["pages"].values(), *previous["documents"].values(),
                            *previous["sources"].values()} - keep):
        _remove(outdir, relative)
    if not getattr(app.builder, "use_index", True):
        # Sphinx writes its general index only with html_use_index and never removes it: the
        # page of an earlier build would stay in the output, and be published, unlinked.
        index = _relative(app, "genindex")
        if not any(Path(app.confdir, extra, index).exists()
                   for extra in app.config.html_extra_path):
            _remove(outdir, index)
    _save(store, current, app.builder.name, outdir)
