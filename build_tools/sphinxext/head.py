"""What each page's ``<head>`` says to other programs (feeds, JSON-LD, OpenGraph, a
description), and ``catalog.json``. The records are built in :mod:`.linked_data`."""

from __future__ import annotations

import posixpath
from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ..files import write_if_changed
from .builders import page_uri, writes_site_pages
from .feeds import SITE_FEED
from .listing import order_articles
from .linked_data import catalog, catalog_record, links_of, meta_tags, news_article, opengraph, \
    script_json

CATALOG = "catalog.json"


def _site(app: Sphinx) -> str:
    return app.config.html_title or app.config.project


def _absolute(app: Sphinx, pagename: str) -> str | None:
    base = app.config.html_baseurl
    return base.rstrip("/") + "/" + app.builder.get_target_uri(pagename) if base else None


def page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                 doctree: Any) -> None:
    """``html-page-context``: the indexes for templates, and ``hasdoc()`` true for the index
    pages where they are written; feed links where feeds are written, a description, and on
    article pages JSON-LD and OpenGraph, in ``metatags``."""
    context["news_indexes"] = app.config.news_indexes
    site_pages = writes_site_pages(app.builder)
    _hasdoc(app, context, site_pages)
    domain = app.env.domains["news"]
    site = _site(app)
    head = []
    if site_pages:
        head.append(_feed_link(f"{site}: latest articles", context["pathto"](SITE_FEED, 1)))
        if "news_feed" in context:
            title, path = context["news_feed"]
            head.append(_feed_link(title, context["pathto"](path, 1)))
    entry = domain.entry(pagename) if pagename in domain.articles else None
    description = entry.summary if entry else (
        app.config.news_description if pagename == app.config.root_doc else "")
    if description:
        head.append(f'<meta name="description" content="{escape(description)}">')
    if entry is not None:
        language = app.config.language

        def url(docname: str) -> str | None:
            if docname == pagename:
                return _absolute(app, docname) or (
                    posixpath.basename(app.builder.get_target_uri(docname)) or "./")
            relative = page_uri(app, pagename, docname)
            return None if relative is None else _absolute(app, docname) or relative

        term_url = links_of(domain.data.get("slugs", {}), url)
        head.append(script_json(news_article(entry, url, site, language, term_url)))
        head.append(meta_tags(opengraph(entry, site, _absolute(app, pagename), language)))
    context["metatags"] = context.get("metatags", "") + "\n".join(head)


def _hasdoc(app: Sphinx, context: dict[str, Any], site_pages: bool) -> None:
    """``hasdoc()`` for templates, true for the pages this builder writes: the index pages
    (archive, dates, each index) where they are generated, so a sidebar can link them only
    there; and not ``genindex`` or ``search`` in ``singlehtml``, which writes neither."""
    if site_pages:
        pages = {"archive/index", "dates/index",
                 *(f"{kind}/index" for kind in app.config.news_indexes)}
        hasdoc = context.get("hasdoc")
        context["hasdoc"] = lambda name: name in pages or bool(hasdoc and hasdoc(name))
    else:
        docs = app.env.all_docs
        context["hasdoc"] = lambda name: name in docs


def _feed_link(title: str, href: str) -> str:
    return (f'<link rel="alternate" type="application/atom+xml" title="{escape(title)}" '
            f'href="{escape(href)}">')


def write_catalog(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: ``catalog.json``, rewritten only when it changed; only by builders
    that write the article pages it lists."""
    if exception is not None or not writes_site_pages(app.builder):
        return
    domain = app.env.domains["news"]
    target = Path(app.outdir) / CATALOG
    if domain.data.get("quiet") and target.is_file():
        return  # no article, term or setting changed (see .output.generated_pages)
    records = [catalog_record(e, _absolute(app, e.docname) or
                              app.builder.get_target_uri(e.docname))
               for e in order_articles(domain.entries().values())]
    data = catalog(records, _site(app), app.config.html_baseurl or None).encode("utf-8")
    write_if_changed(target, data)
