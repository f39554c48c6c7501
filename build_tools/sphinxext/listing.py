"""Indexes of articles by term, ordering and pagination. Pure functions over article records."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..naming import person_sort_key, sort_key, term_key, term_slugs
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


@dataclass(frozen=True)
class ArticleEntry:
    """One article as the listings show it."""

    docname: str
    title: str
    date: dt.date | None = None
    location: str | None = None
    agency: str | None = None
    authors: tuple[str, ...] = ()
    summary: str = ""
    terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  #: kind -> names
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  #: person -> roles here
    url: str | None = None  #: the original's address, when known
    source_file: str | None = None  #: the input file, relative to the input folder


@dataclass(frozen=True)
class Index:
    """A kind of index: which front matter key it reads and how it names and sorts terms."""

    kind: str  #: front matter key and URL folder: ``people``
    label: str  #: ``People``
    singular: str  #: ``person``
    sort_by_surname: bool = False
    #: Whether one-word names get a page; a single first name ("Rosa") names a different
    #: person in each article, so people pages need at least two words.
    single_words: bool = True
    #: Whether a term's page shows the roles articles give it (front matter ``roles``, keyed
    #: by person).
    roles: bool = False


@dataclass
class Term:
    kind: str
    name: str
    slug: str
    sort_key: tuple[str, str]
    docnames: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  #: see :func:`rank_roles`
    #: Other spellings merged into this term ("Bogota" for "Bogotá"), each linking here.
    variants: list[str] = field(default_factory=list)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.variants)

    @property
    def pagename(self) -> str:
        return f"{self.kind}/{self.slug}"


def order_articles(entries: Iterable[ArticleEntry]) -> list[ArticleEntry]:
    """Newest first; undated articles last; ties by title, then docname."""
    entries = list(entries)
    dated = sorted((e for e in entries if e.date), key=lambda e: (sort_key(e.title), e.docname))
    dated.sort(key=lambda e: e.date, reverse=True)
    undated = sorted((e for e in entries if not e.date),
                     key=lambda e: (sort_key(e.title), e.docname))
    return dated + undated


def build_terms(
    index: Index,
    entries: Mapping[str, ArticleEntry],
    sort_override: Callable[[str], str | None] = lambda name: None,
    taken: Iterable[str] = (),
) -> dict[str, Term]:
    """Every term of one index with its articles, keyed by name; one page per term.

    Names that differ only in case, accents, spacing or spelling punctuation ("Bogotá",
    "Bogota"; see :func:`~build_tools.naming.term_key`) are one term, shown in the spelling
    most articles use and reachable from every spelling (its ``variants``). Slugs come from
    :func:`~build_tools.naming.term_slugs`, so they are unique, avoid *taken* (the user's own
    pages in the index's folder) and do not depend on which other terms exist.
    """
    spellings: dict[str, dict[str, list[str]]] = {}  # key -> name -> docnames
    for docname in sorted(entries):
        for name in entries[docname].terms.get(index.kind, ()):
            if not index.single_words and len(name.split()) < 2:
                continue
            docs = spellings.setdefault(term_key(name), {}).setdefault(name, [])
            if not docs or docs[-1] != docname:  # articles come in order: a repeat is last
                docs.append(docname)
    slugs = term_slugs(spellings, taken, index.singular)
    terms: dict[str, Term] = {}
    for key, names in spellings.items():
        ranked = sorted(names, key=lambda n: (-len(names[n]), n))
        name = ranked[0]
        sort_as = sort_override(name) or (person_sort_key(name) if index.sort_by_surname
                                          else name)
        docnames = sorted({d for docs in names.values() for d in docs})
        terms[name] = Term(index.kind, name, slugs[key], sort_key(sort_as), docnames,
                           variants=ranked[1:])
    if index.roles:
        for term in terms.values():
            term.roles = rank_roles(term.names, [entries[d] for d in term.docnames])
    return terms


def roles_of(entry: ArticleEntry, names: Sequence[str]) -> tuple[str, ...]:
    """The roles one article gives a person, under whichever spelling it uses."""
    return tuple(role for name in names for role in entry.roles.get(name, ()))


def rank_roles(names: Sequence[str], entries: Iterable[ArticleEntry]) -> list[str]:
    """The roles *entries* give the person spelled *names*, each once, in the order a reader
    wants them.

    Most articles first; ties go to the role used in the newer article (by
    :func:`order_articles`), then to its name. Spellings that differ only in case or spacing
    (``analyst``, ``Analyst``) are one role, shown as most of its articles spell it, the newest
    article's spelling on a tie.
    """
    articles: Counter[str] = Counter()
    newest: dict[str, int] = {}
    spellings: dict[str, Counter[str]] = {}
    for rank, entry in enumerate(order_articles(entries)):
        seen: set[str] = set()
        for role in roles_of(entry, names):
            text = " ".join(role.split())
            key = text.casefold()
            if not key or key in seen:
                continue
            seen.add(key)
            articles[key] += 1
            newest.setdefault(key, rank)
            spellings.setdefault(key, Counter())[text] += 1
    ordered = sorted(articles, key=lambda k: (-articles[k], newest[k], sort_key(k)))
    # max() keeps the first of equal counts, and spellings were met newest article first.
    return [max(spellings[k], key=spellings[k].__getitem__) for k in ordered]


def date_terms(entries: Mapping[str, ArticleEntry]) -> dict[str, Term]:
    """Months that have articles, as terms ``2007-01`` named ``January 2007``, newest first."""
    terms: dict[str, Term] = {}
    for docname in sorted(entries):
        date = entries[docname].date
        if date is None:
            continue
        slug = f"{date.year:04d}-{date.month:02d}"
        term = terms.setdefault(
            slug,
            Term("dates", f"{MONTH_NAMES[date.month - 1]} {date.year}", slug, (slug, slug)),
        )
        term.docnames.append(docname)
    return terms


def sorted_terms(terms: Iterable[Term]) -> list[Term]:
    return sorted(terms, key=lambda t: t.sort_key)


def group_by_initial(terms: Sequence[Term]) -> list[tuple[str, list[Term]]]:
    """Terms under the first letter of their sort key (``#`` for anything but A–Z)."""
    groups: dict[str, list[Term]] = {}
    for term in terms:
        first = term.sort_key[0][:1].upper()
        groups.setdefault(first if "A" <= first <= "Z" else "#", []).append(term)
    return sorted(groups.items(), key=lambda item: (item[0] == "#", item[0]))


@dataclass(frozen=True)
class Page:
    """One page of a list that is newest first.

    *number* is ``None`` for the first page (the list's own name, the newest articles) and
    1, 2, ... for the others counted from the oldest, so that a page keeps its name and its
    articles as newer ones are added: only the first page changes, and the others grow by
    one page every *size* articles. *start* is the position from the oldest (1-based) of the
    page's oldest item.
    """

    number: int | None
    items: Sequence
    start: int


def paginate(items: Sequence, size: int) -> list[Page]:
    """*items* (newest first) in pages, newest first: pages of *size* counted from the oldest,
    the first page holding the newest *size* plus any remainder (up to ``2 * size - 1``), so
    that adding a newest item changes the first page alone. Always at least one page."""
    size = max(1, size)
    oldest_first = list(reversed(items))
    sealed = max(len(oldest_first) // size - 1, 0)  # full pages besides the first
    pages = [Page(None, items[: len(items) - sealed * size], sealed * size + 1)]
    for number in range(sealed, 0, -1):
        chunk = oldest_first[(number - 1) * size : number * size]
        pages.append(Page(number, chunk[::-1], (number - 1) * size + 1))
    return pages


def page_numbers(count: int, size: int) -> list[int | None]:
    """The numbers of :func:`paginate`'s pages of *count* items, without the items."""
    sealed = max(count // max(1, size) - 1, 0)
    return [None, *range(sealed, 0, -1)]


def page_name(base: str, number: int | None) -> str:
    """``tags/migration`` for the first page, ``tags/migration/1`` for the oldest page and on."""
    if number is None:
        return base
    parent = base[: -len("/index")] if base.endswith("/index") else base
    return f"{parent}/{number}"
