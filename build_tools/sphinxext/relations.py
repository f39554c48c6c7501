"""How articles and terms relate: related articles, neighbours in date order, terms that
appear together, and articles per period. Pure functions over :class:`ArticleEntry` records.

Terms are compared by their page (kind and slug), so spellings merged into one term
("Bogotá", "Bogota") count as one.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from .listing import ArticleEntry, order_articles

#: The kinds of term that make two articles related, and that entity pages list as appearing
#: together.
RELATING_KINDS = ("people", "places", "organizations", "tags")
#: A term in more articles than this finds no related articles by itself: it would make
#: the work grow with the square of its articles and says little about either article.
#: It still adds its (smaller) weight to the best candidates found through rarer terms.
COMMON_TERM = 100
#: How many of the best candidates (by rarer terms) common terms are added to.
CANDIDATES = 50
#: Rarity is measured against this many articles rather than the archive's size, and the
#: count of a common term is rounded down to a step of :data:`STEPS` a doubling: then an
#: article added or changed leaves every other term's weight as it was, and only the related
#: lists of articles sharing a rarer term with it can change (see :func:`related_articles`).
REFERENCE = 10_000
STEPS = 4

Slugs = Mapping[str, Mapping[str, str]]  #: kind -> name -> slug
Key = tuple[str, str]  #: (kind, slug)


def term_keys(entry: ArticleEntry, slugs: Slugs,
              kinds: Sequence[str] = RELATING_KINDS) -> set[Key]:
    """The (kind, slug) of every indexed term of one article."""
    keys = set()
    for kind in kinds:
        by_name = slugs.get(kind, {})
        for name in entry.terms.get(kind, ()):
            slug = by_name.get(name)
            if slug:
                keys.add((kind, slug))
    return keys


def rarity(count: int) -> float:
    """The weight of a term in *count* articles: ``log(1 + 10,000 / count)``, the count of a
    common term rounded down to a quarter of a doubling."""
    if count > COMMON_TERM:
        count = COMMON_TERM * 2 ** (math.floor(STEPS * math.log2(count / COMMON_TERM)) / STEPS)
    return math.log1p(REFERENCE / count)


def _distance(a: dt.date | None, b: dt.date | None) -> int:
    return abs((a - b).days) if a and b else 10**9


@dataclass(frozen=True)
class Related:
    """Every article's related articles (*lists*, best first), with what they were made of,
    so that the next build works out only the lists that can have changed."""

    limit: int
    keys: Mapping[str, frozenset[Key]]  #: docname -> its terms
    dates: Mapping[str, dt.date | None]
    counts: Mapping[Key, int]  #: term -> how many articles have it
    lists: Mapping[str, tuple[str, ...]]


def related_articles(entries: Mapping[str, ArticleEntry], slugs: Slugs, limit: int,
                     previous: Related | None = None) -> Related:
    """Up to *limit* related articles per article, best first.

    Score: the sum, over the people, places, organisations and tags two articles share, of
    the term's :func:`rarity`; ties go to the article closest in date, then to the docname.
    Articles that share nothing are not related. Terms in more than :data:`COMMON_TERM`
    articles only re-rank the :data:`CANDIDATES` best found through rarer ones, which keeps
    the work near linear in the archive.

    With the *previous* build's result, only the lists that can differ are worked out: those
    of articles added, removed, or changed in terms or date, and of articles sharing with one
    of those a term that is rare (before or after) or whose weight changed. Any other
    article's scores are sums over terms whose weights and articles are as they were, and a
    changed article is not among its candidates (found through rare terms only), so its list
    is the last build's. The result equals working out every list.
    """
    keys = {d: frozenset(term_keys(e, slugs)) for d, e in entries.items()}
    dates = {d: e.date for d, e in entries.items()}
    postings: dict[Key, list[str]] = {}
    for docname, mine in keys.items():
        for key in mine:
            postings.setdefault(key, []).append(docname)
    counts = {key: len(docs) for key, docs in postings.items()}
    if limit < 1:
        return Related(limit, keys, dates, counts, {d: () for d in entries})
    todo: set[str] = set(entries)
    if previous is not None and previous.limit == limit:
        changed = {d for d in entries.keys() | previous.keys.keys()
                   if d not in previous.lists or d not in keys
                   or previous.keys[d] != keys[d] or previous.dates[d] != dates[d]}
        todo = changed & entries.keys()
        for key in set().union(*(previous.keys.get(d, ()) for d in changed),
                               *(keys.get(d, ()) for d in changed)):
            was, now = previous.counts.get(key, 0), counts.get(key, 0)
            if min(was, now) <= COMMON_TERM or rarity(was) != rarity(now):
                todo.update(postings.get(key, ()))
    weight = {key: rarity(n) for key, n in counts.items()}
    lists = {d: previous.lists[d] for d in entries if d not in todo} if previous else {}
    for docname in todo:
        mine = keys[docname]
        scores: Counter[str] = Counter()
        for key in mine:
            docs = postings[key]
            if len(docs) <= COMMON_TERM:
                for other in docs:
                    scores[other] += weight[key]
        scores.pop(docname, None)
        date = dates[docname]

        def rank(candidates: Iterable[str]) -> list[str]:
            return sorted(candidates, key=lambda o: (-round(scores[o], 9),
                                                     _distance(date, dates[o]), o))

        # Common terms add to the best articles already found; they do not find new ones.
        common = [key for key in mine if counts[key] > COMMON_TERM]
        if common:
            best = rank(scores)[:max(CANDIDATES, limit)]
            scores = Counter({o: scores[o] + sum(weight[k] for k in common if k in keys[o])
                              for o in best})
        lists[docname] = tuple(rank(scores)[:limit])
    return Related(limit, keys, dates, counts, {d: lists[d] for d in entries})


@dataclass(frozen=True)
class Neighbours:
    older: str | None = None
    newer: str | None = None


def neighbours(entries: Iterable[ArticleEntry]) -> dict[str, Neighbours]:
    """The previous (older) and next (newer) article of each dated article, in date order.

    The order is the listings' (:func:`order_articles`), so a reader paging through the
    archive and one following "older" links see the same sequence. Undated articles have
    no neighbours.
    """
    dated = [e.docname for e in order_articles(entries) if e.date]  # newest first
    return {
        docname: Neighbours(older=dated[i + 1] if i + 1 < len(dated) else None,
                            newer=dated[i - 1] if i else None)
        for i, docname in enumerate(dated)
    }


@dataclass(frozen=True)
class Together:
    """A term that appears with another one: its name, page and number of shared articles."""

    kind: str
    name: str
    slug: str
    count: int


def appearing_with(docnames: Sequence[str], keys: Callable[[str], Iterable[tuple[str, str]]],
                   names: Mapping[tuple[str, str], str],
                   exclude: tuple[str, str], limit: int) -> dict[str, list[Together]]:
    """Per kind, the *limit* terms most often in the same articles as *docnames*' term.

    *keys* gives an article's terms (:func:`term_keys`); *names* gives each (kind, slug) its
    printed name; *exclude* is the term itself. Most shared articles first, then by name.
    """
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in RELATING_KINDS}
    for docname in docnames:
        for kind, slug in keys(docname):
            if (kind, slug) != exclude:
                counts[kind][slug] += 1
    out = {}
    for kind, counter in counts.items():
        ranked = sorted(counter, key=lambda s: (-counter[s], names.get((kind, s), s)))
        out[kind] = [Together(kind, names.get((kind, s), s), s, counter[s])
                     for s in ranked[:limit]]
    return out


def articles_per_period(dates: Iterable[dt.date | None]) -> tuple[str, list[tuple[str, int]]]:
    """Articles per month (``2007-01``) when the dates span at most three years, else per
    year (``2007``); every period between the first and last, empty ones too.

    Returns ("month" or "year", [(period, count)]); no dates gives ("year", []).
    """
    dated = sorted(d for d in dates if d)
    if not dated:
        return "year", []
    first, last = dated[0], dated[-1]
    if (last.year - first.year) * 12 + last.month - first.month < 36:
        counts = Counter(f"{d.year:04d}-{d.month:02d}" for d in dated)
        periods = []
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            periods.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return "month", [(p, counts[p]) for p in periods]
    counts = Counter(f"{d.year:04d}" for d in dated)
    return "year", [(f"{y:04d}", counts[f"{y:04d}"]) for y in range(first.year, last.year + 1)]
