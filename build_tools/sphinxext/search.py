"""Search: the archive's own index and ``search.html``, in place of Sphinx's.

Sphinx's search fetches each snippet with ``fetch()``, which a browser refuses on ``file://``,
and parses one whole index before the first result. So the HTML builder's own indexer is
switched off (its ``search`` flag, at ``builder-inited``), each page's text is collected into
the ``news`` domain when it is read (purged and merged with the rest of the domain), and at
``html-collect-pages``, after every page is written, :func:`build_tools.search.index.build_index`
turns it into small ``.js`` files under ``_search/`` that ``news-search.js`` loads by
``<script>`` tag, the same way from disk and from a server. Files whose content is unchanged
are not rewritten; files of an older index are removed.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
from dataclasses import asdict, replace
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.search import IndexBuilder, SearchLanguage
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from ..errors import ArchiveError
from ..files import read_json, write_atomic
from ..search.index import (
    FORMAT,
    Facet,
    IndexedDoc,
    IndexState,
    NameEntry,
    SearchDoc,
    Stems,
    analyse,
    build_index,
    file_digest,
    index_scripts,
    update_index,
)
from .builders import writes_site_pages
from .collect import NewsDomain
from .listing import order_articles
from .texts import STORE, StoredText, save_text
from .pages import SINGULAR, unrendered


logger = logging.getLogger(__name__)

INDEX_DIR = "_search"
SEARCH_PAGE = "search"  #: the page that reads the index
#: URL parameter of each index's facet on the search page.
FACET_KEYS = {"tags": "tag", "people": "person", "places": "place",
              "organizations": "org", "authors": "author"}


def disable_sphinx_search(app: Sphinx) -> None:
    """``builder-inited``: one engine only; Sphinx's indexer would cost build time for nothing."""
    if isinstance(app.builder, StandaloneHTMLBuilder):
        app.builder.search = False


def collect_text(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read`` (before the article furniture is added): the page's searchable text."""
    env = app.env
    docname = env.docname
    metadata = env.metadata.get(docname, {})
    if "nosearch" in metadata or "no-search" in metadata:
        return
    domain: NewsDomain = env.domains["news"]
    meta = domain.articles.get(docname)
    if meta is not None:
        title = meta.title
    else:
        title_node = env.titles.get(docname)
        title = title_node.astext() if title_node is not None else docname
    # Front matter that Sphinx has not yet moved into metadata is not text of the page.
    paragraphs = tuple(text for p in doctree.findall(nodes.paragraph)
                       if not _in_front_matter(p) and (text := " ".join(p.astext().split())))
    doc = SearchDoc(title, paragraphs)
    # Terms are worked out here, where reading runs in parallel and only for changed pages;
    # the text is kept beside the doctrees, the environment holds its digest (see .texts).
    doc = replace(doc, analysis=analyse(doc, _stems(app)))
    domain.data["search"][docname] = save_text(app.doctreedir, docname, doc, _stemmer_id(app))


def _in_front_matter(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, (nodes.docinfo, nodes.field_list)):
            return True
        parent = parent.parent
    return False


def _documents(app: Sphinx, domain: NewsDomain) -> list[IndexedDoc]:
    """The pages other than articles by name, then the articles oldest first, the order the
    index numbers them in (by day: :func:`build_tools.search.index.numbering`), so that a
    new article leaves the other days' documents and their files as they were."""
    builder = app.builder
    # docname -> the digests of its text's file and of the text (see .texts.save_text)
    stored: dict[str, tuple[str, str]] = domain.data["search"]
    store = os.path.join(app.doctreedir, STORE)  # text_file's, without a Path each
    stemmer = _stemmer_id(app)
    texts = {docname: StoredText(os.path.join(store, f"{docname}.json"), *digests, stemmer)
             for docname, digests in stored.items()}
    canonical = {kind: {name: term.name for term in terms.values() for name in term.names}
                 for kind, terms in domain.data.get("terms", {}).items()}
    docs = [IndexedDoc(url=builder.get_target_uri(docname), text=texts[docname], kind="page")
            for docname in sorted(texts)
            if docname not in domain.articles and docname in app.env.all_docs]
    for entry in reversed(order_articles(domain.entries().values())):
        text = texts.get(entry.docname)
        if text is None:
            continue
        facets: dict[str, tuple[str, ...]] = {}
        if entry.date:
            facets["year"] = (str(entry.date.year),)
        for kind, names in entry.terms.items():
            if kind in canonical and kind in FACET_KEYS:
                found = canonical[kind]
                facets[FACET_KEYS[kind]] = tuple(dict.fromkeys(found[n] for n in names
                                                                if n in found))
        docs.append(IndexedDoc(
            url=builder.get_target_uri(entry.docname), text=text, kind="article",
            date=entry.date.isoformat() if entry.date else None, place=entry.location,
            byline=", ".join(entry.authors), facets=facets))
    return docs


def _names(app: Sphinx, domain: NewsDomain) -> list[NameEntry]:
    """Every term page, found by its name, its other spellings and the registry's aliases."""
    out = []
    aliases = domain.data.get("aliases", {})
    for kind, terms in domain.data.get("terms", {}).items():
        for term in terms.values():
            others = (*term.variants, *aliases.get(kind, {}).get(term.name, ()))
            out.append(NameEntry(SINGULAR.get(kind, kind), term.name,
                                 app.builder.get_target_uri(term.pagename),
                                 len(term.docnames), tuple(dict.fromkeys(others))))
    return out


def _facets(app: Sphinx) -> list[Facet]:
    return [Facet("year", "Year"), *(Facet(FACET_KEYS[kind], label)
                                      for kind, label in app.config.news_indexes.items()
                                      if kind in FACET_KEYS)]


def _language(app: Sphinx) -> IndexBuilder:
    """Sphinx's search language: its stemmer in Python and the same stemmer in JavaScript."""
    return IndexBuilder(app.env, _language_code(app), app.config.html_search_options, "")


def _language_code(app: Sphinx) -> str:
    return app.config.html_search_language or app.config.language or "en"


#: (language, options) -> the class of :func:`_language`'s ``lang``, found once a process:
#: each page read asks for it.
_CLASSES: dict[tuple[str, str], type[SearchLanguage]] = {}


def _language_class(app: Sphinx) -> type[SearchLanguage]:
    key = (_language_code(app), repr(sorted(app.config.html_search_options.items())))
    if key not in _CLASSES:
        _CLASSES[key] = type(_language(app).lang)
    return _CLASSES[key]


def _stems(app: Sphinx) -> Stems:
    """A memo of the Python stemmer of :func:`_language`."""
    return _memo(_language_class(app))


def _stemmer_id(app: Sphinx) -> str:
    """Which stemmer analyses the pages and the queries: the language's Python class and
    JavaScript (:func:`_language`), and the stemming libraries' versions (a new
    snowballstemmer or PyStemmer may stem otherwise with the same Sphinx). Recorded with
    each page's analysis and the index, so that neither is taken for another stemmer's:
    ``html_search_language`` does not make Sphinx read the pages again."""
    return _identity(_language_class(app), _language_code(app))


@functools.lru_cache(maxsize=4)
def _identity(language: type[SearchLanguage], code: str) -> str:
    versions = []
    for name in ("snowballstemmer", "PyStemmer"):
        try:
            versions.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            pass
    # Sphinx's own method, which reads nothing of its builder but the language.
    script = IndexBuilder.get_js_stemmer_code(SimpleNamespace(lang=language({})))
    return hashlib.sha256(repr((language.__module__, language.__qualname__, code, script,
                                versions)).encode("utf-8"),
                          usedforsecurity=False).hexdigest()[:16]


@functools.lru_cache(maxsize=4)
def _memo(language: type[SearchLanguage]) -> Stems:
    # A stemmer is a pure function, so one memo a process serves every build.
    return Stems(language({}).stem)


def _store(app: Sphinx) -> Path:
    return Path(app.doctreedir) / f"news-search-{app.builder.name}.json"


def _stored(app: Sphinx, root: Path) -> dict[str, Any]:
    """What the last build kept of the index it wrote into *root*: each file's digest
    (``files``) and the digest of what the index was made of (``source``)."""
    last = read_json(_store(app))
    return last if isinstance(last, dict) and last.get("outdir") == str(root) else {}


def _digests(last: dict[str, Any]) -> dict[str, str]:
    """Each index file's digest, by name, as the last build recorded it."""
    files = last.get("files")
    return files if isinstance(files, dict) else {}


def _write_changed(app: Sphinx, root: Path, last: dict[str, Any],
                   scripts: dict[str, str] | None, source: str,
                   kept: dict[str, str] | None = None, state: IndexState | None = None,
                   unlike: set[str] = frozenset()) -> int:
    """Write the index files whose text changed since the last build (unchanged shards keep
    their date, so they are not uploaded again), knowing which by the digests the last build
    kept beside the environment (*last*, :func:`_stored`) rather than by reading thousands of
    files back; and record *source*, the digests, and the index's *state* for the next
    build's update. *kept*: the digests of the files an update left as they were. ``None``
    for *scripts*: the index on disk stands, only *source* is recorded. *unlike*: files
    found not as the last build wrote them (changed by hand), written whatever their
    recorded digest."""
    old = _digests(last)
    new = dict(kept or {})
    written = 0
    for name, text in (scripts or {}).items():
        digest = new[name] = file_digest(text)
        path = root / name
        if old.get(name) != digest or name in unlike or not path.is_file():
            write_atomic(path, text.encode("utf-8"))
            written += 1
    files = old if scripts is None else new
    record = {"outdir": str(root), "files": files, "source": source,
              "state": asdict(state) if state else last.get("state")}
    write_atomic(_store(app), json.dumps(record, sort_keys=True, ensure_ascii=False))
    return written


def _payload(script: str) -> Any:
    """The data of an index script, ``NewsSearch.put(key, data);``."""
    return json.loads(script.split(",", 1)[1].rstrip().removesuffix(");"))


def _manifest(root: Path) -> dict[str, Any] | None:
    """The manifest of the index already in the output, if it is whole."""
    try:
        manifest = _payload((root / "manifest.js").read_text(encoding="utf-8"))
    except (OSError, ValueError, IndexError):
        return None
    files = sum(sum(1 for name in names if name.endswith(".js"))
                for _, _, names in os.walk(root)) - 1  # less stemmer.js
    return manifest if isinstance(manifest, dict) and manifest.get("files") == files else None


def _last_state(last: dict[str, Any]) -> IndexState | None:
    """The state the last build recorded beside its index, if it is one."""
    try:
        return IndexState(**last["state"])
    except (KeyError, TypeError):
        return None


def _reader(root: Path, digests: dict[str, str], unlike: set[str]):
    """A reader of the last build's index files by name (``t/NAME``), for
    :func:`update_index`: None for a file that is missing or not as that build wrote it,
    whose name goes into *unlike* (so that it is written again)."""
    def read(key: str) -> Any:
        name = f"{key}.js"
        try:
            text = (root / name).read_text(encoding="utf-8")
            if file_digest(text) == digests.get(name):
                return _payload(text)
        except (OSError, ValueError, IndexError):
            pass
        unlike.add(name)
        return None
    return read


def write_index(app: Sphinx) -> str:
    """Build and write every index file, unless the index in the output was built from the
    same documents, names and stemmer; returns the index's build id. The last build's index
    is updated in place where it can be (see :func:`update_index`): at 10,000 articles that
    takes 1.3 s, against 3 s to build it whole."""
    domain: NewsDomain = app.env.domains["news"]
    root = Path(app.outdir, INDEX_DIR)
    last = _stored(app, root)
    if domain.data.get("quiet") and (old := _manifest(root)) is not None \
            and old.get("source") == last.get("source"):
        # Nothing the index is made of changed (see .output.generated_pages), and the index
        # on disk is the one the last build wrote: making its digest alone costs a second at
        # 10,000 articles.
        return old["build"]
    language = _language(app)
    docs, names, facets = _documents(app, domain), _names(app, domain), _facets(app)
    stemmer = language.get_js_stemmer_code() + "\n"
    # What the index is made of, in one digest: a build with nothing changed writes nothing.
    source = hashlib.sha256(repr(([d.digest for d in docs], names, facets, stemmer, FORMAT))
                            .encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
    old = _manifest(root)
    if old is not None and old.get("source") == source:
        if last.get("source") != source:
            _write_changed(app, root, last, None, source)
        return old["build"]
    stem, stemmer_id = _stems(app).stem, _stemmer_id(app)
    previous = _last_state(last) if old is not None else None
    digests = _digests(last)
    unlike: set[str] = set()  # files of the last index found not as it wrote them
    try:
        updated = previous and update_index(previous, _reader(root, digests, unlike), docs,
                                            names, facets, stem, stemmer_id)
        if updated:
            payloads, kept_keys, state = updated
            kept = {f"{key}.js": digests[f"{key}.js"] for key in kept_keys}
        else:
            (payloads, state), kept = build_index(docs, names, facets, stem, stemmer_id), {}
            if unlike:
                # A file was changed by hand: others may be too, and a recorded digest no
                # longer says what is on disk. Every file is checked, once.
                read = _reader(root, digests, unlike)
                for name in digests:
                    read(name.removesuffix(".js"))
    except ArchiveError as err:  # a page's stored text is gone or was changed (see .texts)
        logger.warning("%s; the search index was not updated", err, type="news",
                       subtype="search")
        return old["build"] if old else ""
    payloads["manifest"]["source"] = source
    scripts = index_scripts(payloads, kept)
    scripts["stemmer.js"] = stemmer
    written = _write_changed(app, root, last, scripts, source, kept, state, unlike)
    logger.info("news: search index %s: %d of %d files written",
                "updated in place" if updated else "built whole", written,
                len(scripts) + len(kept))
    for path in root.rglob("*"):
        name = path.relative_to(root).as_posix()
        if path.is_file() and name not in scripts and name not in kept:
            path.unlink()
    return _payload(scripts["manifest.js"])["build"]


#: The search script as the extension ships it (last in ``html_static_path``, so it is the
#: one published).
SCRIPT = Path(__file__).parent / "static" / "news-search.js"


@functools.lru_cache(maxsize=1)
def _script_version() -> str:
    """A digest of :data:`SCRIPT` for its URL (``?v=``): a browser that kept the script of an
    earlier release would read a newer index format wrongly."""
    return hashlib.sha256(SCRIPT.read_bytes(), usedforsecurity=False).hexdigest()[:16]


def search_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The index, then ``search.html`` that reads it, for ``html-collect-pages`` (through
    :func:`.output.generated_pages`)."""
    if not writes_site_pages(app.builder):
        return
    build = write_index(app)
    here = app.builder.get_target_uri(SEARCH_PAGE)

    def url(path: str) -> str:
        return relative_uri(here, path)

    body = unrendered(
        "news/search.html", build=build, index_url=url(f"{INDEX_DIR}/"),
        root_url=url("") or "./", stemmer_url=url(f"{INDEX_DIR}/stemmer.js") + f"?v={build}",
        script_url=url("_static/news-search.js") + f"?v={_script_version()}",
        facets=[f.key for f in _facets(app)])
    context = {"title": "Search", "news_body": body, "news_generated": "search page"}
    yield SEARCH_PAGE, context, "page.html"
