"""Writing phase: links to term pages, the ``news-latest`` list, and the generated pages.

Index pages (``tags/index.html``, ``people/joe-biden.html``, ``archive/2.html``, ...) are
generated with ``html-collect-pages`` rather than written as source files before reading (the
way sphinx-tags does): they need no re-reading when an article changes, never make Sphinx
re-read every document, and cannot be confused with a user's page. They are rendered from the
environment on each HTML build; output pages of terms that no longer exist are removed at
``build-finished``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import jinja2
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..errors import ArchiveError
from ..extract.registry import Registry, load_registry
from .collect import NewsDomain, term_reference
from .listing import (
    ArticleEntry,
    Index,
    Term,
    build_terms,
    date_terms,
    group_by_initial,
    order_articles,
    page_name,
    paginate,
    roles_of,
    sorted_terms,
)

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
SINGULAR = {"tags": "tag", "people": "person", "places": "place",
            "organizations": "organisation", "authors": "author"}


class latest_list(nodes.General, nodes.Element):
    """Placeholder for the newest articles, filled when the page is written."""


class LatestDirective(SphinxDirective):
    """``{news-latest}``: the newest articles, with counts and links to every index.

    Optional argument: how many articles (default ``news_home_articles``).
    """

    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        node = latest_list()
        node["limit"] = None
        if self.arguments:
            text = self.arguments[0]
            if not text.isdigit() or int(text) < 1:
                # A directive error names the file and line; the page is built without it.
                raise self.error(f"news-latest: expected a whole number of articles (at least "
                                 f"1), got {text!r}")
            node["limit"] = int(text)
        self.env.domains["news"].data["latest"].add(self.env.docname)
        return [node]


def indexes(app: Sphinx) -> list[Index]:
    return [
        Index(kind, label, SINGULAR.get(kind, kind.rstrip("s")),
              sort_by_surname=kind in ("people", "authors"),
              single_words=kind not in ("people",),
              roles=kind == "people")
        for kind, label in app.config.news_indexes.items()
    ]


def compute_terms(app: Sphinx, env: Any) -> list[str]:
    """``env-get-updated``: every index's terms, and the pages to re-write because of them.

    Runs once in the main process after reading, so parallel writers share the result. Pages
    with a ``news-latest`` list are re-written when any article changed; articles whose term
    links now point elsewhere (a slug taken by a new term) are re-written too.
    """
    domain: NewsDomain = env.domains["news"]
    entries = domain.entries()
    try:
        registry = load_registry(Path(app.confdir, app.config.news_registry)
                                 if app.config.news_registry else None)
    except ArchiveError as err:
        logger.warning("%s (index sort keys from it are not used)", err, type="news",
                       subtype="registry")
        registry = Registry()
    old = domain.data.get("slugs", {})
    terms = {index.kind: build_terms(index, entries, registry.sort_key)
             for index in indexes(app)}
    slugs = {kind: {name: t.slug for t in found.values() for name in t.names}
             for kind, found in terms.items()}
    # The registry's aliases (``AMLO``) find a term's page in search too.
    aliases = {kind: {t.name: entry.aliases for t in found.values()
                      if (entry := registry.find(t.name)) and entry.aliases}
               for kind, found in terms.items()}
    domain.data.update(terms=terms, slugs=slugs, aliases=aliases)
    rewrite = set(domain.data["latest"]) if domain.data.get("changed") else set()
    for docname, entry in entries.items():
        if any(old.get(kind, {}).get(n) != slugs.get(kind, {}).get(n)
               for kind, names in entry.terms.items() for n in names):
            rewrite.add(docname)
    return sorted(rewrite & env.found_docs)


def resolve_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: term links and ``news-latest`` lists for this builder."""
    domain: NewsDomain = app.env.domains["news"]
    slugs = domain.data.get("slugs", {})
    html = isinstance(app.builder, StandaloneHTMLBuilder)
    for node in list(doctree.findall(term_reference)):
        slug = slugs.get(node["kind"], {}).get(node["term"])
        text = nodes.Text(node.astext())
        if slug and html:
            uri = app.builder.get_relative_uri(docname, f"{node['kind']}/{slug}")
            ref = nodes.reference("", "", text, internal=True, refuri=uri,
                                  classes=["news-term"])
            node.replace_self(ref)
        else:
            node.replace_self(text)
    for node in list(doctree.findall(latest_list)):
        node.replace_self(_latest_nodes(app, domain, docname, node["limit"]))


def _link(app: Sphinx, fromdoc: str, target: str, text: str) -> nodes.reference:
    return nodes.reference("", text, internal=True,
                           refuri=app.builder.get_relative_uri(fromdoc, target))


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def _latest_nodes(app: Sphinx, domain: NewsDomain, docname: str,
                  limit: int | None) -> list[nodes.Node]:
    entries = order_articles(domain.entries().values())
    limit = limit or app.config.news_home_articles
    # Index entries, not spellings: "Bogotá" and "Bogota" are one place.
    terms = domain.data.get("terms", {})
    counts = nodes.paragraph(classes=["news-counts"])
    counts += _link(app, docname, "archive/index", _count(len(entries), "article", "articles"))
    for kind, label in app.config.news_indexes.items():
        counts += nodes.Text(" · ")
        singular = SINGULAR.get(kind, kind)
        counts += _link(app, docname, f"{kind}/index",
                        _count(len(terms.get(kind, {})), singular, label.lower()))
    counts += nodes.Text(" · ")
    counts += _link(app, docname, "dates/index", "by date")
    items = nodes.bullet_list(classes=["news-latest"])
    for entry in entries[:limit]:
        para = nodes.paragraph()
        para += _link(app, docname, entry.docname, entry.title)
        if entry.date or entry.location:
            meta = " · ".join(x for x in (entry.date and entry.date.isoformat(),
                                          entry.location) if x)
            para += nodes.inline(meta, " " + meta, classes=["news-item-meta"])
        items += nodes.list_item("", para)
    out: list[nodes.Node] = [counts, items]
    if len(entries) > limit:
        more = nodes.paragraph(classes=["news-more"])
        more += _link(app, docname, "archive/index", f"All {len(entries)} articles →")
        out.append(more)
    return out


def page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                 doctree: Any) -> None:
    """``html-page-context``: the indexes, for sidebar and page templates."""
    context["news_indexes"] = app.config.news_indexes


# --------------------------------------------------------------------------- generated pages


class PageRenderer:
    """Renders page bodies from our fragment templates, with autoescaping on.

    A user's ``templates_path`` is searched first, so any fragment (``news/term.html``, ...)
    can be overridden. The result goes into the theme's ``page.html`` as ``body``, so any
    Sphinx theme frames it.
    """

    def __init__(self, app: Sphinx) -> None:
        user = [str(Path(app.confdir, p)) for p in app.config.templates_path]
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(user),
                                      jinja2.FileSystemLoader(str(TEMPLATES))])
        self.env = jinja2.Environment(loader=loader, autoescape=True,
                                      undefined=jinja2.StrictUndefined)

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: archive, date, and every index's pages."""
    builder = app.builder
    domain: NewsDomain = app.env.domains["news"]
    entries = domain.entries()
    renderer = PageRenderer(app)
    size = app.config.news_page_size
    written: set[str] = set()

    def url(fromdoc: str, target: str) -> str:
        return builder.get_relative_uri(fromdoc, target)

    def listing(base: str, title: str, heading: str, docnames: list[str],
                kind: tuple[str, str] | None = None, term: Term | None = None) -> Iterator:
        """Pages of articles; *kind* (label, index page) links back to a term's index; a
        *term* with roles (a person) shows them, overall and per article."""
        articles = order_articles(entries[d] for d in docnames)
        pages = paginate(articles, size)
        person = term.names if term is not None and term.roles else None
        for number, chunk in enumerate(pages, 1):
            name = page_name(base, number)
            pager = _pager(name, base, number, len(pages), url)
            body = renderer.render(
                "news/list.html", heading=heading, count=len(articles), pager=pager,
                roles=term.roles if person else [],
                articles=[_article_view(name, e, url, person) for e in chunk],
                # The link back to the index, from this page: page 2 is a folder deeper.
                **({"kind_label": kind[0], "kind_url": url(name, kind[1])} if kind else {}))
            written.add(name)
            yield name, {"title": title if number == 1 else f"{title} (page {number})",
                         "body": body}, "page.html"

    yield from listing("archive/index", "All articles", "All articles", list(entries))

    months = date_terms(entries)
    by_year: dict[str, list[Term]] = {}
    for term in sorted(months.values(), key=lambda t: t.slug, reverse=True):
        by_year.setdefault(term.slug[:4], []).append(term)
    undated = sum(1 for e in entries.values() if e.date is None)
    body = renderer.render(
        "news/dates.html", years=[(y, [(t.name, url("dates/index", t.pagename),
                                        len(t.docnames)) for t in ts])
                                  for y, ts in by_year.items()],
        undated=undated, archive_url=url("dates/index", "archive/index"))
    written.add("dates/index")
    yield "dates/index", {"title": "Articles by date", "body": body}, "page.html"
    for term in months.values():
        yield from listing(term.pagename, term.name, term.name, term.docnames)

    for index in indexes(app):
        ordered = sorted_terms(domain.data["terms"].get(index.kind, {}).values())
        base = f"{index.kind}/index"
        groups = [(letter, [(t.name, url(base, t.pagename), len(t.docnames)) for t in group])
                  for letter, group in group_by_initial(ordered)]
        if app.config.news_index_order == "count":
            groups = [("", sorted((row for _, rows in groups for row in rows),
                                  key=lambda r: (-r[2], r[0])))]
        body = renderer.render("news/index.html", heading=index.label, groups=groups,
                               count=len(ordered), kind=index.kind)
        written.add(base)
        yield base, {"title": index.label, "body": body}, "page.html"
        for term in ordered:
            yield from listing(term.pagename, term.name, term.name, term.docnames,
                               (index.label, base), term)
    # Read at build-finished; the environment was pickled before writing, so this is not kept.
    domain.data["written"] = written


def _pager(name: str, base: str, number: int, total: int, url) -> dict[str, Any] | None:
    if total == 1:
        return None
    return {
        "number": number,
        "total": total,
        "previous": url(name, page_name(base, number - 1)) if number > 1 else None,
        "next": url(name, page_name(base, number + 1)) if number < total else None,
        "pages": [(n, url(name, page_name(base, n))) for n in range(1, total + 1)],
    }


def _article_view(fromdoc: str, entry: ArticleEntry, url,
                  person: Sequence[str] | None = None) -> dict[str, Any]:
    """One article in a list; on *person*'s page, with the roles this article gives them."""
    return {
        "title": entry.title,
        "url": url(fromdoc, entry.docname),
        "date": entry.date.isoformat() if entry.date else None,
        "location": entry.location,
        "authors": ", ".join(entry.authors),
        "summary": entry.summary,
        "roles": list(roles_of(entry, person)) if person else [],
    }


def remove_stale_pages(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: delete output pages of terms, months and articles that are gone."""
    if exception is not None or not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    written = app.env.domains["news"].data.pop("written", None)
    if written is None:
        return
    outdir = Path(app.outdir)
    suffix = app.builder.out_suffix
    folders = {"archive", "dates", *app.config.news_indexes}
    keep = set(written)
    for folder in folders:
        root = outdir / folder
        if not root.is_dir():
            continue
        for path in root.rglob(f"*{suffix}"):
            pagename = path.relative_to(outdir).with_suffix("").as_posix()
            if pagename not in keep:
                path.unlink()
    articles_dir = outdir / app.config.news_articles_dir
    if articles_dir.is_dir():
        for path in articles_dir.rglob(f"*{suffix}"):
            pagename = path.relative_to(outdir).with_suffix("").as_posix()
            if pagename not in app.env.found_docs:
                path.unlink()
