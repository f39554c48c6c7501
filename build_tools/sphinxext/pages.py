"""Writing phase: links to term pages, the ``news-latest`` list, and the generated pages.

Index pages (``tags/index.html``, ``people/joe-biden.html``, ``archive/2.html``, ...) are
generated with ``html-collect-pages`` rather than written as source files before reading (the
way sphinx-tags does): they need no re-reading when an article changes, never make Sphinx
re-read every document, and cannot be confused with a user's page. They are made from the
environment on each build that writes them (see :mod:`.builders`), and rendered and written
only when what they show changed (see :mod:`.freshness`); output pages of terms that no longer
exist are removed at ``build-finished`` (see :mod:`.output`). Links to a page the
builder does not write (a term page in ``latex``) are plain text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..errors import ArchiveError
from ..extract.registry import Registry, load_registry
from .collect import NewsDomain, article_links, long_date, term_reference
from .listing import (
    ArticleEntry,
    Index,
    Term,
    build_terms,
    date_terms,
    group_by_initial,
    Page,
    order_articles,
    page_name,
    page_numbers,
    paginate,
    roles_of,
    sorted_terms,
)
from .builders import page_uri, relative_page_uri
from .chart import bar_chart
from .feeds import feed_path, relative_file
from .relations import (
    Related,
    appearing_with,
    articles_per_period,
    neighbours,
    related_articles,
    term_keys,
)

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
SINGULAR = {"tags": "tag", "people": "person", "places": "place",
            "organizations": "organisation", "authors": "author", "agencies": "agency"}


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
    registry_file = (Path(app.confdir, app.config.news_registry) if app.config.news_registry
                     else None)
    made_from = (_digest_of(registry_file), app.config.news_related)
    if (not domain.data.get("documents_changed") and "terms" in domain.data
            and domain.data.get("terms_from") == made_from):
        # Nothing the terms and links are made of changed (the documents, the registry, the
        # option): last build's stand, and at 10,000 articles making them costs seconds.
        domain.data.update(listings_unchanged=True, dirty_terms={},
                           dirty_since=domain.data.get("terms_generation"))
        return []
    entries = domain.entries()
    try:
        registry = load_registry(registry_file)
    except ArchiveError as err:
        logger.warning("%s (index sort keys from it are not used)", err, type="news",
                       subtype="registry")
        registry = Registry()
        made_from = None  # so that the next build says it again
    old = domain.data.get("slugs", {})
    old_terms: dict[str, dict[str, Term]] = domain.data.get("terms", {})
    # A term never takes the name of a user's page in its index's folder (tags/guide.md).
    terms = {index.kind: build_terms(index, entries, registry.sort_key,
                                     taken=_user_names(env, index.kind))
             for index in indexes(app)}
    slugs = {kind: {name: t.slug for t in found.values() for name in t.names}
             for kind, found in terms.items()}
    # The registry's aliases (``AMLO``) find a term's page in search too.
    aliases = {kind: {t.name: entry.aliases for t in found.values()
                      if (entry := registry.find(t.name)) and entry.aliases}
               for kind, found in terms.items()}
    # Related articles cost the most here (seconds at 10,000 articles worked out whole);
    # the last build's are kept for every article a change cannot reach.
    previous = domain.data.get("related")
    related = related_articles(entries, slugs, app.config.news_related,
                               previous if isinstance(previous, Related) else None)
    around = neighbours(entries.values())
    old_links = domain.data.get("links", {})
    links = {docname: _links_of(docname, related.lists, around, entries)
             for docname in entries}
    unchanged = (not domain.data.get("documents_changed") and domain.data.get("terms") == terms
                 and domain.data.get("aliases") == aliases and old_links == links)
    # Sphinx keeps the environment only when a document is written; a new registry with no
    # document changed writes the home page, so that the next build can take the shortcut.
    new_inputs = domain.data.get("terms_from") != made_from
    touched = domain.data.get("read_now", set()) | domain.data.get("removed_now", set())
    domain.data.update(terms=terms, slugs=slugs, aliases=aliases, links=links, related=related,
                       listings_unchanged=unchanged, terms_from=made_from,
                       dirty_terms=dirty_terms(old_terms, terms, touched),
                       # The pages of a clean term are kept only if the last pages written
                       # were made from the terms this build compares with.
                       dirty_since=domain.data.get("terms_generation"),
                       terms_generation=uuid.uuid4().hex)
    # The home page links terms too (the most covered): a term whose page moved (a user page
    # took or gave back its name) re-writes it, as an article change does.
    rewrite = (set(domain.data["latest"])
               if domain.data.get("changed") or old != slugs or new_inputs else set())
    # Sphinx saves the environment, and with it the new terms_generation, only when a
    # document is written; else the next build would take this one for unfinished.
    rewrite.add(app.config.root_doc)
    for docname, entry in entries.items():
        if any(old.get(kind, {}).get(n) != slugs.get(kind, {}).get(n)
               for kind, names in entry.terms.items() for n in names):
            rewrite.add(docname)
        # Related, older and newer articles (and the titles their links show) changed.
        if old_links.get(docname) != links[docname]:
            rewrite.add(docname)
    return sorted(rewrite & env.found_docs)


def dirty_terms(old: Mapping[str, Mapping[str, Term]], new: Mapping[str, Mapping[str, Term]],
                touched: set[str]) -> dict[str, set[str]]:
    """Per kind, the names of the terms whose pages may show something new: a term that is
    new or differs from the last build's (its articles, spelling, roles, sort key), or that
    has an article read or removed this build, or one that also names a term whose page or
    printed name changed (the "appearing with" lists link it). The pages of any other term
    are the last build's (:func:`collect_pages`)."""
    touched = set(touched)
    for kind, terms in new.items():
        before = {t.slug: t for t in old.get(kind, {}).values()}
        after = {t.slug: t for t in terms.values()}
        for slug in before.keys() | after.keys():
            was, now = before.get(slug), after.get(slug)
            if was is None or now is None or was.name != now.name:
                for term in (was, now):
                    touched.update(term.docnames if term is not None else ())
    return {kind: {name for name, term in terms.items()
                   if old.get(kind, {}).get(name) != term or not touched.isdisjoint(term.docnames)}
            for kind, terms in new.items()}


def _digest_of(path: Path | None) -> str | None:
    """The digest of *path*'s bytes; None when there is none to read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path else None
    except OSError:
        return None


def _user_names(env: Any, kind: str) -> set[str]:
    """The first part of the name of each document in *kind*'s folder: ``guide`` for
    ``tags/guide``, ``joe`` for ``people/joe/notes`` (a term there would have ``people/joe/2``)."""
    prefix = f"{kind}/"
    return {d[len(prefix):].split("/", 1)[0] for d in env.found_docs if d.startswith(prefix)}


#: What an article page shows of another article: docname, title, date, place.
Card = tuple[str, str, str | None, str | None]


def _card(entries: dict[str, ArticleEntry], docname: str | None) -> Card | None:
    if docname is None:
        return None
    e = entries[docname]
    return (docname, e.title, e.date.isoformat() if e.date else None, e.location)


def _links_of(docname: str, related: Mapping[str, tuple[str, ...]], around: dict,
              entries: dict[str, ArticleEntry]) -> dict[str, Any]:
    """Everything an article page shows of other articles, so a change to any of it (and
    nothing else) re-writes the page."""
    near = around.get(docname)
    return {
        "related": tuple(_card(entries, d) for d in related.get(docname, ())),
        "older": _card(entries, near.older if near else None),
        "newer": _card(entries, near.newer if near else None),
    }


def resolve_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: term links, ``news-latest`` lists and links to other articles,
    each a link where this builder writes the page it leads to, plain text elsewhere."""
    domain: NewsDomain = app.env.domains["news"]
    slugs = domain.data.get("slugs", {})
    for node in list(doctree.findall(term_reference)):
        slug = slugs.get(node["kind"], {}).get(node["term"])
        text = nodes.Text(node.astext())
        uri = page_uri(app, docname, f"{node['kind']}/{slug}") if slug else None
        if uri is not None:
            node.replace_self(nodes.reference("", "", text, internal=True, refuri=uri,
                                              classes=["news-term"]))
        else:
            node.replace_self(text)
    for node in list(doctree.findall(latest_list)):
        node.replace_self(_latest_nodes(app, domain, docname, node["limit"]))
    for node in list(doctree.findall(article_links)):
        links = domain.data.get("links", {}).get(docname)
        node.replace_self(_article_links(app, docname, links) if links else [])


def _article_links(app: Sphinx, docname: str, links: dict[str, Any]) -> list[nodes.Node]:
    """Related articles, then the older and newer article."""
    out: list[nodes.Node] = []
    if links["related"]:
        box = nodes.container(classes=["news-related"])
        box += nodes.rubric("Related articles", "Related articles", **{"heading-level": 2})
        items = nodes.bullet_list(classes=["news-related-list"])
        for card in links["related"]:
            items += nodes.list_item("", _card_paragraph(app, docname, card))
        box += items
        out.append(box)
    if links["older"] or links["newer"]:
        nav = nodes.container(classes=["news-prevnext"])
        for key, label in (("older", "Older: "), ("newer", "Newer: ")):
            card = links[key]
            if card:
                para = nodes.paragraph(classes=[f"news-{key}"])
                para += nodes.inline(label, label, classes=["news-label"])
                para += _link(app, docname, card[0], card[1])
                nav += para
        out.append(nav)
    return out


def _card_paragraph(app: Sphinx, docname: str, card: Card) -> nodes.paragraph:
    para = nodes.paragraph()
    para += _link(app, docname, card[0], card[1])
    meta = " · ".join(x for x in (card[2] and long_date(dt.date.fromisoformat(card[2])),
                                  card[3]) if x)
    if meta:
        para += nodes.inline(meta, " " + meta, classes=["news-item-meta"])
    return para


def _link(app: Sphinx, fromdoc: str, target: str, text: str,
          anchor: str = "") -> nodes.Node:
    """A link to *target*, or its text where this builder does not write *target*."""
    uri = page_uri(app, fromdoc, target, anchor)
    if uri is None:
        return nodes.Text(text)
    return nodes.reference("", text, internal=True, refuri=uri)


def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def _latest_nodes(app: Sphinx, domain: NewsDomain, docname: str,
                  limit: int | None) -> list[nodes.Node]:
    """The home page's body: counts and links to every index, the latest articles with their
    first paragraph, articles per year, and the most-covered names of the archive."""
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
    out: list[nodes.Node] = [counts, nodes.rubric("Latest", "Latest", **{"heading-level": 2})]
    items = nodes.bullet_list(classes=["news-latest"])
    for entry in entries[:limit]:
        item = nodes.list_item()
        item += _card_paragraph(app, docname, (entry.docname, entry.title, entry.date and
                                               entry.date.isoformat(), entry.location))
        if entry.summary:
            item += nodes.paragraph(entry.summary, entry.summary, classes=["news-summary"])
        items += item
    out.append(items)
    if len(entries) > limit:
        more = nodes.paragraph(classes=["news-more"])
        more += _link(app, docname, "archive/index", f"All {len(entries)} articles →")
        out.append(more)
    years = Counter(e.date.year for e in entries if e.date)
    if years:
        out.append(nodes.rubric("By year", "By year", **{"heading-level": 2}))
        row = nodes.bullet_list(classes=["news-years"])
        for year in sorted(years, reverse=True):
            para = nodes.paragraph()
            para += _link(app, docname, "dates/index", str(year), anchor=f"year-{year}")
            para += nodes.inline("", f" ({years[year]})", classes=["news-term-count"])
            row += nodes.list_item("", para)
        out.append(row)
    top = app.config.news_home_terms
    columns = nodes.container(classes=["news-most-covered"])
    for kind in ("people", "places", "tags", "organizations"):
        found = terms.get(kind)
        if kind not in app.config.news_indexes or not found or not top:
            continue
        column = nodes.container(classes=["news-top", f"news-top-{kind}"])
        label = app.config.news_indexes[kind]
        column += nodes.rubric(label, label, **{"heading-level": 3})
        ranked = sorted(found.values(), key=lambda t: (-len(t.docnames), t.sort_key))[:top]
        rows = nodes.bullet_list(classes=["news-terms-top"])
        for term in ranked:
            para = nodes.paragraph()
            para += _link(app, docname, term.pagename, term.name)
            para += nodes.inline("", f" ({len(term.docnames)})", classes=["news-term-count"])
            rows += nodes.list_item("", para)
        column += rows
        columns += column
    if columns.children:
        out.append(nodes.rubric("Most in the news", "Most in the news", **{"heading-level": 2}))
        out.append(columns)
    return out


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


def unrendered(template: str, **context: Any) -> tuple[str, dict[str, Any]]:
    """A page body not yet rendered: its fragment template and what it is given.

    A page's context holds it as ``news_body``; :func:`.output.generated_pages` renders it
    into ``body``, only for a page whose content key changed (see :mod:`.freshness`)."""
    return template, context


def collect_pages(app: Sphinx, reuse: Callable[[str], bool] | None = None,
                  wanted: Callable[[str], bool] | None = None,
                  ) -> Iterator[tuple[str, dict[str, Any] | None, str]]:
    """The archive, date, and every index's pages, for ``html-collect-pages`` (through
    :func:`.output.generated_pages`), with bodies :func:`unrendered`. Each context's
    ``news_generated`` says what the page is ("archive index"), for the message when a user's
    document has its name.

    With *reuse* (whether the last build's page of that name is still on disk, with its
    key), a term that is not among ``dirty_terms`` (see :func:`compute_terms`) and whose
    pages are all reusable gives each page's name with ``None`` for its context: its pages are
    the last build's, and making them again would cost seconds at 10,000 articles.

    With *wanted*, only the pages it names are made (and given)."""
    builder = app.builder
    domain: NewsDomain = app.env.domains["news"]
    entries = domain.entries()
    size = app.config.news_page_size
    terms_by_kind: dict[str, dict[str, Term]] = domain.data.get("terms", {})
    dirty: dict[str, set[str]] = domain.data.get("dirty_terms") or {}
    slugs = domain.data.get("slugs", {})
    names = {(kind, t.slug): t.name for kind, ts in terms_by_kind.items() for t in ts.values()}
    labels = app.config.news_indexes
    keys: dict[str, set[tuple[str, str]]] = {}  # docname -> its terms, made once a walk

    def url(fromdoc: str, target: str) -> str:
        return relative_page_uri(builder, fromdoc, target)

    def want(name: str) -> bool:
        return wanted is None or wanted(name)

    def term_keys_of(docname: str) -> set[tuple[str, str]]:
        found = keys.get(docname)
        if found is None:
            found = keys[docname] = term_keys(entries[docname], slugs)
        return found

    def about(name: str, term: Term) -> dict[str, Any]:
        """What a term's first page says of it beyond its articles."""
        dates = [entries[d].date for d in term.docnames if entries[d].date]
        unit, series = articles_per_period(dates)
        together = appearing_with(term.docnames, term_keys_of, names,
                                  (term.kind, term.slug), app.config.news_together)
        return {
            "first": long_date(min(dates)) if dates else None,
            "last": long_date(max(dates)) if dates else None,
            "chart": Markup(bar_chart(unit, series)),
            "together": [(labels[kind], [(t.name, url(name, f"{kind}/{t.slug}"), t.count)
                                         for t in found])
                         for kind, found in together.items() if found and kind in labels],
        }

    def listing(base: str, title: str, what: str, docnames: list[str],
                kind: tuple[str, str] | None = None, term: Term | None = None) -> Iterator:
        """Pages of articles; *kind* (label, index page) links back to a term's index; a
        *term* with roles (a person) shows them, overall and per article."""
        articles = order_articles(entries[d] for d in docnames)
        pages = paginate(articles, size)
        person = term.names if term is not None and term.roles else None
        feed = feed_path(term) if term is not None and term.kind in app.config.news_feeds \
            else None
        for page in pages:
            name = page_name(base, page.number)
            if not want(name):
                continue
            first = page.number is None
            # Only the first page says how many articles there are, so that the others,
            # which keep their articles as newer ones come, stay the same (and unwritten).
            body = unrendered(
                "news/list.html", heading=title, count=len(articles) if first else None,
                pager=_pager(name, base, page.number, len(pages) - 1, url),
                span=None if first else _span(page),
                roles=term.roles if person else [],
                articles=[_article_view(name, e, url, person) for e in page.items],
                about=about(name, term) if term is not None and first else None,
                feed_url=relative_file(builder.get_target_uri(name), feed) if feed else None,
                # The link back to the index, from this page: other pages are a folder deeper.
                **({"kind_label": kind[0], "kind_url": url(name, kind[1])} if kind else {}))
            context = {"title": title if first else f"{title} (page {page.number})",
                       "news_body": body,
                       "news_generated": what if first else f"{what}, page {page.number}"}
            if feed:
                context["news_feed"] = (f"{title}: latest articles", feed)
            yield name, context, "page.html"

    yield from listing("archive/index", "All articles", "archive index", list(entries))

    months = date_terms(entries)
    if want("dates/index"):
        by_year: dict[str, list[Term]] = {}
        for term in sorted(months.values(), key=lambda t: t.slug, reverse=True):
            by_year.setdefault(term.slug[:4], []).append(term)
        undated = sum(1 for e in entries.values() if e.date is None)
        body = unrendered(
            "news/dates.html", years=[(y, [(t.name, url("dates/index", t.pagename),
                                            len(t.docnames)) for t in ts])
                                      for y, ts in by_year.items()],
            undated=undated, archive_url=url("dates/index", "archive/index"))
        yield "dates/index", {"title": "Articles by date", "news_body": body,
                              "news_generated": "date index"}, "page.html"

    for term in months.values():
        yield from listing(term.pagename, term.name, f"page of {term.name}", term.docnames)

    for index in indexes(app):
        ordered = sorted_terms(terms_by_kind.get(index.kind, {}).values())
        base = f"{index.kind}/index"
        # Both orders are pages; index.html is the one conf.py chooses.
        first = app.config.news_index_order
        other = "count" if first == "name" else "name"
        pagenames = {first: base, other: f"{index.kind}/by-{other}"}
        for order, pagename in pagenames.items():
            if not want(pagename):
                continue
            if order == "name":
                groups = [(letter, [(t.name, url(pagename, t.pagename), len(t.docnames))
                                    for t in group])
                          for letter, group in group_by_initial(ordered)]
            else:
                groups = [("", [(t.name, url(pagename, t.pagename), len(t.docnames))
                                for t in sorted(ordered, key=lambda t: (-len(t.docnames),
                                                                        t.sort_key))])]
            orders = [(label, None if o == order else url(pagename, pagenames[o]))
                      for o, label in (("name", "A–Z"), ("count", "most articles"))]
            body = unrendered("news/index.html", heading=index.label, groups=groups,
                              count=len(ordered), kind=index.kind, orders=orders)
            what = f"{index.label} index" + ("" if pagename == base else f" by {order}")
            context = {"title": index.label, "news_body": body, "news_generated": what}
            yield pagename, context, "page.html"
        for term in ordered:
            if reuse is not None and term.name not in dirty.get(index.kind, ()):
                pagenames = [page_name(term.pagename, n)
                             for n in page_numbers(len(term.docnames), size)]
                if all(map(reuse, pagenames)):
                    yield from ((name, None, "page.html") for name in pagenames)
                    continue
            yield from listing(term.pagename, term.name,
                               f"page of {index.singular} '{term.name}'", term.docnames,
                               (index.label, base), term)


#: Pages the pager links on either side of the current one.
PAGER_NEARBY = 2


def _pager(name: str, base: str, number: int | None, sealed: int, url) -> dict[str, Any] | None:
    """Links from page *number* (None: the first) of a list whose other pages are numbered
    1 (the oldest) to *sealed*: newer and older, the first and the oldest page, and the
    pages near this one. Never all of them: the pager of an old page stays the same as the
    list grows (and would be thousands of links long on a big agency's list)."""
    if not sealed:
        return None
    # Reading order, newest first: the first page, then sealed down to 1.
    order: list[int | None] = [None, *range(sealed, 0, -1)]
    here = 0 if number is None else sealed - number + 1
    shown = {0, len(order) - 1,
             *range(max(here - PAGER_NEARBY, 0), min(here + PAGER_NEARBY, len(order) - 1) + 1)}
    links: list[tuple[str, str | None]] = []
    for i in sorted(shown):
        if links and i - last > 1:
            links.append(("…", None))
        n = order[i]
        label = "Newest" if n is None else ("1 (oldest)" if n == 1 else str(n))
        links.append((label, None if i == here else url(name, page_name(base, n))))
        last = i
    return {
        "previous": url(name, page_name(base, order[here - 1])) if here else None,
        "next": url(name, page_name(base, order[here + 1])) if here + 1 < len(order) else None,
        "links": links,
    }


def _span(page: Page) -> dict[str, Any]:
    """What a page other than the first says of its articles: which they are, counted from
    the oldest, and their dates."""
    dates = [e.date for e in page.items if e.date]
    return {"first": page.start, "last": page.start + len(page.items) - 1,
            "from": long_date(min(dates)) if dates else None,
            "to": long_date(max(dates)) if dates else None}


def _article_view(fromdoc: str, entry: ArticleEntry, url,
                  person: Sequence[str] | None = None) -> dict[str, Any]:
    """One article in a list; on *person*'s page, with the roles this article gives them."""
    return {
        "title": entry.title,
        "url": url(fromdoc, entry.docname),
        "date": entry.date.isoformat() if entry.date else None,
        "long_date": long_date(entry.date) if entry.date else None,
        "location": entry.location,
        "authors": ", ".join(entry.authors),
        "summary": entry.summary,
        "roles": list(roles_of(entry, person)) if person else [],
    }
