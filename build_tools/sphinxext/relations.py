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

Slugs = Mapping[str, Mapping[str, str]]  #: kind -> name -> slug


def term_keys(entry: ArticleEntry, slugs: Slugs,
              kinds: Sequence[str] = RELATING_KINDS) -> set[tuple[str, str]]:
    """The (kind, slug) of every indexed term of one article."""
    keys = set()
    for kind in kinds:
        by_name = slugs.get(kind, {})
        for name in entry.terms.get(kind, ()):
            slug = by_name.get(name)
            if slug:
                keys.add((kind, slug))
    return keys


def _distance(a: dt.date | None, b: dt.date | None) -> int:
    return abs((a - b).days) if a and b else 10**9


def related_articles(entries: Mapping[str, ArticleEntry], slugs: Slugs,
                     limit: int) -> dict[str, tuple[str, ...]]:
    """Up to *limit* related articles per article, best first.

    Score: the sum, over the people, places, organisations and tags two articles share, of
    the term's rarity (``log(N / articles with it)``); ties go to the article closest in
    date, then to the docname. Articles that share nothing are not related. Terms in more
    than :data:`COMMON_TERM` articles only re-rank the :data:`CANDIDATES` best found
    through rarer ones, which keeps the work near linear in the archive.
    """
    if limit < 1:
        return {d: () for d in entries}
    keys = {d: term_keys(e, slugs) for d, e in entries.items()}
    postings: dict[tuple[str, str], list[str]] = {}
    for docname in sorted(keys):
        for key in keys[docname]:
            postings.setdefault(key, []).append(docname)
    total = max(len(entries), 1)
    weight = {key: math.log(total / len(docs)) + 1e-6 for key, docs in postings.items()}
    out: dict[str, tuple[str, ...]] = {}
    for docname, mine in keys.items():
        scores: Counter[str] = Counter()
        for key in mine:
            docs = postings[key]
            if len(docs) <= COMMON_TERM:
                for other in docs:
                    scores[other] += weight[key]
        scores.pop(docname, None)
        date = entries[docname].date

        def rank(candidates: Iterable[str]) -> list[str]:
            return sorted(candidates, key=lambda o: (-round(scores[o], 9),
                                                     _distance(date, entries[o].date), o))

        # Common terms add to the best articles already found; they do not find new ones.
        common = [key for key in mine if len(postings[key]) > COMMON_TERM]
        if common:
            best = rank(scores)[:max(CANDIDATES, limit)]
            scores = Counter({o: scores[o] + sum(weight[k] for k in common if k in keys[o])
                              for o in best})
        out[docname] = tuple(rank(scores)[:limit])
    return out


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
