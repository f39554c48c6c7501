"""Atom feeds: the latest articles of the archive (``atom.xml``) and of each tag, person and
author (``tags/migration.xml``), written with feedgen.

Links are absolute when ``html_baseurl`` is set; without it they are relative to the feed's
own location, which Atom resolves against the feed's URL (RFC 4287, section 4.2.7.1), so a
feed read from disk or from any server still leads to its articles. Entry ids never depend
on where the site is served: ``urn:uuid`` names derived from the article's page.

A feed is written only when what it says changed: each feed's digest is kept beside the
Sphinx environment, per builder and output folder, so a rebuild after one new article rewrites
the feeds it belongs to and no others. Feeds are written only by builders that write the pages
they link (see :mod:`.builders`): not by ``singlehtml``, ``latex`` or ``text``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import posixpath
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from feedgen.feed import FeedGenerator
from sphinx.application import Sphinx
from sphinx.util import logging

from ..files import read_json, write_atomic
from .builders import writes_site_pages
from .listing import ArticleEntry, Term, order_articles

logger = logging.getLogger(__name__)

SITE_FEED = "atom.xml"
DIGESTS = "news-feeds-{}.json"  #: in the doctree folder, beside the environment; {}: builder
#: Bumped when the rendering changes, so every feed is written again.
FORMAT = 1
CATEGORY_KINDS = ("tags", "people", "places", "organizations")


def feed_path(term: Term) -> str:
    """Where a term's feed is, relative to the site's root: ``people/joe-biden.xml``."""
    return f"{term.kind}/{term.slug}.xml"


def relative_file(page_uri: str, path: str) -> str:
    """*path* (relative to the site's root) as a link from the page at *page_uri*.

    Folder URLs (``dirhtml``: ``people/joe/``, and ``""`` for the root) keep their slash.
    """
    link = posixpath.relpath(path or ".", posixpath.dirname(page_uri) or ".")
    return link + "/" if (not path or path.endswith("/")) and link != "." else (
        "./" if link == "." else link)


@dataclass(frozen=True)
class Entry:
    """What a feed says of one article."""

    uri: str  #: the article's page, relative to the site's root
    title: str
    date: dt.date
    summary: str
    authors: tuple[str, ...]
    categories: tuple[tuple[str, str], ...]  #: (kind, name)


@dataclass(frozen=True)
class Feed:
    path: str  #: relative to the site's root
    title: str
    subtitle: str
    page: str  #: the page it belongs to, relative to the site's root
    entries: tuple[Entry, ...]


def entries_of(articles: Iterable[ArticleEntry], uri_of, length: int) -> tuple[Entry, ...]:
    """The *length* newest dated articles as feed entries (undated ones are never "latest")."""
    out = []
    for article in order_articles(articles):
        if article.date is None or len(out) >= length:
            break
        out.append(Entry(
            uri=uri_of(article.docname), title=article.title, date=article.date,
            summary=article.summary, authors=tuple(article.authors),
            categories=tuple((kind, name) for kind in CATEGORY_KINDS
                             for name in article.terms.get(kind, ()))))
    return tuple(out)


def _midnight(date: dt.date) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.timezone.utc)


def _urn(name: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"news-archive:{name}").urn


def render_atom(feed: Feed, site: str, language: str | None, base: str | None,
                schemes: dict[str, str] | None = None) -> bytes:
    """The feed as Atom XML. *base* is the site's URL (``html_baseurl``) or None; *schemes*
    maps an index (``tags``) to its page, relative to the site's root."""

    def href(path: str) -> str:
        if base:
            return base.rstrip("/") + "/" + path
        return relative_file(feed.path, path)

    gen = FeedGenerator()
    gen.id(_urn(feed.path))
    gen.title(feed.title)
    if feed.subtitle:
        gen.subtitle(feed.subtitle)
    # Atom needs an author for the feed unless every entry has one.
    gen.author({"name": site})
    gen.link(href=href(feed.path), rel="self", type="application/atom+xml")
    gen.link(href=href(feed.page), rel="alternate", type="text/html")
    if language:
        gen.language(language)
    # The newest article's date: the same build gives the same bytes.
    gen.updated(_midnight(feed.entries[0].date if feed.entries else dt.date(1970, 1, 1)))
    for entry in feed.entries:
        item = gen.add_entry(order="append")
        item.id(_urn(entry.uri))
        item.title(entry.title)
        item.link(href=href(entry.uri), rel="alternate", type="text/html")
        item.published(_midnight(entry.date))
        item.updated(_midnight(entry.date))
        if entry.summary:
            item.summary(entry.summary)
        if entry.authors:
            item.author([{"name": name} for name in entry.authors])
        # A scheme must be an IRI: the index's page, when the site's address is known. All
        # in one call: feedgen redoes every category of the entry at each call.
        item.category([{"term": name, "label": name,
                        **({"scheme": href((schemes or {}).get(kind, f"{kind}/index.html"))}
                           if base else {})}
                       for kind, name in entry.categories])
    return gen.atom_str(pretty=True)


def site_feeds(app: Sphinx, kept: Callable[[str, Term], bool] = lambda kind, term: False,
               ) -> tuple[list[Feed], list[str]]:
    """Every feed of the archive, the site's and one per term of each ``news_feeds`` kind,
    but those of the terms *kept* says are the last build's, which are given by path."""
    domain = app.env.domains["news"]
    entries = domain.entries()
    builder = app.builder
    length = app.config.news_feed_length
    site = app.config.html_title or app.config.project
    feeds = [Feed(SITE_FEED, site, app.config.news_description or f"The latest articles of {site}",
                  builder.get_target_uri(app.config.root_doc),
                  entries_of(entries.values(), builder.get_target_uri, length))]
    unmade: list[str] = []
    labels = app.config.news_indexes
    for kind in app.config.news_feeds:
        if kind not in labels:
            continue
        for term in domain.data.get("terms", {}).get(kind, {}).values():
            if kept(kind, term):
                unmade.append(feed_path(term))
                continue
            feeds.append(Feed(
                feed_path(term), f"{term.name} – {site}",
                f"The latest articles with {term.name} ({labels[kind]})",
                builder.get_target_uri(term.pagename),
                entries_of((entries[d] for d in term.docnames), builder.get_target_uri,
                           length)))
    return feeds, unmade


def _digest(feed: Feed, settings: Sequence[Any]) -> str:
    return hashlib.sha256(repr((FORMAT, settings, feed)).encode("utf-8")).hexdigest()


def _previous(store: Path, outdir: Path) -> tuple[dict[str, str], str | None, str | None]:
    """The last build's digests, the digest of its settings and the generation of the terms
    it was made from (:func:`.pages.compute_terms`), if it wrote into this output folder."""
    data = read_json(store)
    if not isinstance(data, dict) or data.get("outdir") != str(outdir):
        return {}, None, None
    digests, settings, generation = data.get("feeds"), data.get("settings"), data.get("terms")
    return (digests if isinstance(digests, dict) else {},
            settings if isinstance(settings, str) else None,
            generation if isinstance(generation, str) else None)


def write_feeds(app: Sphinx) -> None:
    """Write the feeds that changed and delete those of terms now gone (at
    ``html-collect-pages``, through :func:`.output.generated_pages`, while the generated pages
    are written)."""
    if not writes_site_pages(app.builder):
        return
    outdir = Path(app.outdir).resolve()
    store = Path(app.doctreedir) / DIGESTS.format(app.builder.name)
    old, old_settings, old_terms = _previous(store, outdir)
    data = app.env.domains["news"].data
    site = app.config.html_title or app.config.project
    base = app.config.html_baseurl or None
    language = app.config.language
    schemes = {kind: app.builder.get_target_uri(f"{kind}/index")
               for kind in app.config.news_indexes}
    settings = (site, base, language, app.builder.name, schemes)
    config = app.config
    made_from = hashlib.sha256(repr((FORMAT, settings, config.news_feeds, config.news_feed_length,
                                     config.news_description, config.root_doc)).encode("utf-8")
                               ).hexdigest()
    # The feeds on disk were made with these settings, from the terms this build compares
    # with (see .pages.compute_terms).
    since_last = old_settings == made_from and old_terms is not None \
        and old_terms == data.get("dirty_since")
    if (data.get("listings_unchanged") and since_last
            and all((outdir / path).is_file() for path in old)):
        # No article and no term changed since the terms the feeds on disk were made from
        # (see .pages.compute_terms), nor what else a feed says: every feed is the last
        # build's.
        logger.info("news: feeds unchanged since the last build")
        return
    # A term whose articles, spelling and the names it appears with are the last build's
    # (not among dirty_terms) has the last build's feed.
    dirty = data.get("dirty_terms") or {}

    def kept(kind: str, term: Term) -> bool:
        path = feed_path(term)
        return (since_last and term.name not in dirty.get(kind, ()) and path in old
                and (outdir / path).is_file())

    feeds, unmade = site_feeds(app, kept)
    new: dict[str, str] = {path: old[path] for path in unmade}
    written = 0
    for feed in feeds:
        digest = new[feed.path] = _digest(feed, settings)
        target = outdir / feed.path
        if old.get(feed.path) == digest and target.is_file():
            continue
        write_atomic(target, render_atom(feed, site, language, base, schemes))
        written += 1
    for path in old.keys() - new.keys():
        if ".." not in Path(path).parts and not Path(path).is_absolute():
            (outdir / path).unlink(missing_ok=True)
    write_atomic(store, json.dumps({"outdir": str(outdir), "feeds": new, "settings": made_from,
                                    "terms": data.get("terms_generation")}, sort_keys=True))
    logger.info("news: %d of %d feeds written", written, len(new))
