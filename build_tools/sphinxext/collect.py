"""Reading phase: each article's front matter into the ``news`` domain, and the article page's
header (byline, dateline, date) and footer (tags, people, ...) into its doctree.

State lives in the environment, keyed by docname, through :class:`NewsDomain`'s ``clear_doc``
and ``merge_domaindata`` (the domain form of ``env-purge-doc`` and ``env-merge-info``), so
incremental and parallel (``-j``) builds see the same data as a full serial build.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Set
from typing import Any

import yaml
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.util import logging

from ..article import INDEX_KINDS, ArticleMeta, from_front_matter
from .listing import MONTH_NAMES, ArticleEntry
from .texts import remove_text

logger = logging.getLogger(__name__)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Front matter keys MyST or docutils turn into something other than Sphinx metadata: MyST's
#: own settings, and the bibliographic fields docutils shows in the document.
_SHOWN_OR_SETTINGS = frozenset({"myst", "mystnb", "substitutions", "html_meta", "dedication",
                                "abstract"})
SUMMARY_LENGTH = 240


class term_reference(nodes.Inline, nodes.TextElement):
    """A link to a term's page (``people/joe-biden``), resolved per builder when writing."""


class article_links(nodes.General, nodes.Element):
    """Placeholder for related articles and the previous and next article, filled when the
    page is written: they change when other articles do, without this one being re-read."""


class NewsDomain(Domain):
    """Article metadata by docname; the listing pages are built from it."""

    name = "news"
    label = "News archive"
    initial_data: dict[str, Any] = {
        "articles": {},  # docname -> ArticleMeta
        "summaries": {},  # docname -> first paragraph, shortened
        "search": {},  # docname -> digests of its searchable text's file (see .texts)
        "latest": set(),  # docnames that hold a news-latest list
        "changed": False,  # whether any article was added, changed or removed this build
    }

    @property
    def articles(self) -> dict[str, ArticleMeta]:
        return self.data["articles"]

    #: :meth:`entries`, made once for the writing phase's several steps that ask for it;
    #: dropped whenever an article is read, purged or merged.
    _entries: dict[str, ArticleEntry] | None = None

    def note_article(self, docname: str, key: str, value: Any) -> None:
        """Keep *value* under *key* (``articles``, ``summaries``) for the article just read."""
        self.data[key][docname] = value
        self._entries = None

    def clear_doc(self, docname: str) -> None:
        self._entries = None
        self.data["articles"].pop(docname, None)
        self.data["summaries"].pop(docname, None)
        if self.data["search"].pop(docname, None) is not None:
            remove_text(self.env.doctreedir, docname)
        self.data["latest"].discard(docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._entries = None
        for key in ("articles", "summaries", "search"):
            for docname, value in otherdata[key].items():
                if docname in docnames:
                    self.data[key][docname] = value
        self.data["latest"] |= {d for d in otherdata["latest"] if d in docnames}

    def resolve_any_xref(self, *args: Any) -> list:
        return []

    def entry(self, docname: str) -> ArticleEntry:
        """One article as the listings show it."""
        meta = self.articles[docname]
        return ArticleEntry(
            docname=docname,
            title=meta.title,
            date=meta.date,
            location=meta.location,
            agency=meta.agency,
            authors=meta.authors,
            summary=self.data["summaries"].get(docname, ""),
            terms={key: meta.terms(key) for key in INDEX_KINDS},
            roles=meta.roles,
            url=meta.url,
            source_file=meta.source_file,
        )

    def entries(self) -> dict[str, ArticleEntry]:
        """Every article as the listings show it (do not change what it returns)."""
        if self._entries is None:
            self._entries = {docname: self.entry(docname) for docname in self.articles}
        return self._entries


def is_article(app: Sphinx, docname: str) -> bool:
    prefix = app.config.news_articles_dir.strip("/") + "/"
    return docname.startswith(prefix)


def read_front_matter(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: parse an article's YAML front matter ourselves.

    MyST hands front matter to docutils as a field list, where lists and mappings arrive as
    strings and ``authors``/``date`` are rewritten as bibliographic fields; the structured
    values are read here instead.
    """
    if not is_article(app, docname):
        return
    match = _FRONT_MATTER.match(source[0])
    if not match:
        logger.warning("article has no front matter; it is not listed", location=docname,
                       type="news", subtype="front_matter")
        return
    try:
        data = yaml.load(match.group(1) or "", Loader=_SafeLoader) or {}
    except yaml.YAMLError as err:
        logger.warning("front matter is not valid YAML (%s); it is not listed", err,
                       location=docname, type="news", subtype="front_matter")
        return
    if not isinstance(data, dict):
        logger.warning("front matter is not a mapping; it is not listed", location=docname,
                       type="news", subtype="front_matter")
        return
    domain = app.env.domains["news"]
    domain.note_article(docname, "articles", from_front_matter(data, fallback_title=docname))
    if not _SHOWN_OR_SETTINGS & data.keys() and _expanded_size(data) <= _MAX_VALUES:
        _take_front_matter(app, docname, source, match.end(), data)


#: Beyond this many values (with YAML aliases expanded) front matter is left to MyST, which
#: refuses a field too large to render with its own warning.
_MAX_VALUES = 10_000


def _expanded_size(value: Any) -> int:
    """How many values *value* holds with aliases expanded, counting no further than
    :data:`_MAX_VALUES` (an alias bomb or a structure holding itself ends the count)."""
    count, todo = 0, [value]
    while todo and count <= _MAX_VALUES:
        item = todo.pop()
        count += 1
        if isinstance(item, dict):
            todo += [*item.keys(), *item.values()]
        elif isinstance(item, (list, tuple, set)):
            todo += item
    return count


def _take_front_matter(app: Sphinx, docname: str, source: list[str], end: int,
                       data: dict[Any, Any]) -> None:
    """Give Sphinx the front matter's metadata (``orphan``, ``nosearch``, ...) as MyST would,
    and hand MyST the text without it, its lines kept as blank lines so that line numbers in
    messages stay right.

    MyST would parse the front matter twice more with the pure-Python YAML loader (once for
    settings, once for the field list) and render each value as a field: about a sixth of
    reading an article (``docs/benchmarks.md``). For keys listed in
    :data:`_SHOWN_OR_SETTINGS` it is left to MyST, which then does what it always does.
    """
    metadata = app.env.metadata[docname]
    for key, value in data.items():
        if not isinstance(value, (str, int, float, dt.date)):
            value = json.dumps(value, default=str)
        metadata[str(key)] = str(value)
    text = source[0]
    source[0] = "\n" * text.count("\n", 0, end) + text[end:]


def note_outdated(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """``env-get-outdated``: remember whether any article changed, for the listings, and
    which were removed."""
    domain = env.domains["news"]
    domain.data["changed"] = any(is_article(app, d) for d in (*added, *changed, *removed))
    domain.data["documents_changed"] = bool(added or changed or removed)
    domain.data["removed_now"] = set(removed)
    domain.data["read_now"] = set()
    return []


def note_read(app: Sphinx, env: Any, docnames: list[str]) -> None:
    """``env-before-read-docs``: the documents this build reads (added, changed, or outdated
    for another reason), whose terms' pages may show something new
    (:func:`.pages.compute_terms`)."""
    env.domains["news"].data["read_now"] = set(docnames)


def add_article_furniture(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: byline and dateline under the title, term links after the body."""
    docname = app.env.docname
    domain = app.env.domains["news"]
    meta = domain.articles.get(docname)
    if meta is None:
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None or not section.children or not isinstance(section[0], nodes.title):
        return
    first = next((p for p in section.findall(nodes.paragraph)), None)
    if first is not None:
        text = " ".join(first.astext().split())
        if len(text) > SUMMARY_LENGTH:
            text = text[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + " …"
        domain.note_article(docname, "summaries", text)
    section.insert(1, _header(meta))
    section.append(_footer(app, meta))


def _term_links(kind: str, names: tuple[str, ...]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for i, name in enumerate(names):
        if i:
            out.append(nodes.Text(" and " if i == len(names) - 1 and kind == "authors" and
                                  len(names) == 2 else ", "))
        out.append(term_reference(name, name, kind=kind, term=name))
    return out


def long_date(date: dt.date) -> str:
    """``26 December 2023``: unambiguous in every English-speaking country."""
    return f"{date.day} {MONTH_NAMES[date.month - 1]} {date.year}"


def _header(meta: ArticleMeta) -> nodes.container:
    header = nodes.container(classes=["news-article-meta"])
    if meta.authors:
        byline = nodes.paragraph(classes=["news-byline"])
        byline += nodes.Text("By ")
        byline.extend(_term_links("authors", meta.authors))
        header += byline
    # The dateline itself opens the body as printed; here it is in parts, with the date.
    parts: list[nodes.Node] = []
    if meta.location:
        parts.append(term_reference(meta.location, meta.location, kind="places",
                                    term=meta.location))
    if meta.agency:
        parts.append(term_reference(meta.agency, meta.agency, kind="agencies",
                                    term=meta.agency))
    if meta.date:
        text = long_date(meta.date)
        parts.append(nodes.inline(text, text, classes=["news-date"]))
    if parts:
        line = nodes.paragraph(classes=["news-dateline"])
        for i, part in enumerate(parts):
            if i:
                line += nodes.Text(" · ")
            line += part
        header += line
    return header


def _footer(app: Sphinx, meta: ArticleMeta) -> nodes.container | None:
    """Chips for each tag, person, place and organisation; the source file; the original."""
    footer = nodes.container(classes=["news-article-terms"])
    for kind, label in app.config.news_indexes.items():
        if kind in ("authors", "agencies"):
            continue  # in the header
        names = meta.terms(kind)
        if not names:
            continue
        group = nodes.container(classes=["news-chip-group", f"news-terms-{kind}"])
        group += nodes.paragraph(label, label, classes=["news-chip-label"])
        chips = nodes.bullet_list(classes=["news-chips"])
        for name in names:
            chips += nodes.list_item("", nodes.paragraph(
                "", "", term_reference(name, name, kind=kind, term=name)))
        group += chips
        footer += group
    if meta.source_file:
        para = nodes.paragraph(classes=["news-source"])
        para += nodes.Text("Source file: ")
        para += nodes.literal(meta.source_file, meta.source_file)
        footer += para
    if meta.url and re.match(r"^https?://", meta.url, re.IGNORECASE):
        para = nodes.paragraph(classes=["news-original"])
        para += nodes.Text("Original: ")
        para += nodes.reference(meta.url, meta.url, refuri=meta.url)
        footer += para
    footer += article_links()
    return footer
