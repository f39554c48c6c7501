"""The search index as files: a pure function from documents, names and facets to payloads.

What a query loads, and why (``news-search.js`` is the reader):

* ``manifest``: the first term and the file name of every term shard, and the first word of
  every names shard, binary-searched in the browser; the fold table; the facets' names. A few
  kilobytes.
* ``t/NAME``: terms in sorted ranges, each with its postings: document number and the
  document's part of a BM25F score, which depends on the document alone (its weighted term
  frequency and its length against a fixed :data:`REFERENCE_LENGTH`); the browser multiplies
  it by the term's rarity, from the number of documents and of the term's postings. So
  adding a document changes the postings of its own terms only. A range starts at a term
  whose hash says so (:func:`starts_range`) and is cut into files of bounded size from there;
  a file is named by its first term (:func:`shard_name`). So an added term changes its
  own range's files and no other, and an index updated in place (:func:`update_index`)
  is the same as one built whole.
  Terms are stems; every word of the archive whose stem differs is listed too, pointing to
  its stem (``["migrants", "", "migrant"]``), so a query never depends on the browser's
  stemmer giving the same stem as the one that built the index.
* ``p/NAME``: the same terms' word positions, loaded only for quoted phrases.
* ``n/N``: the names of term pages (people, places, ...) by each folded word of the name, so
  a surname finds the page; loaded for the words of the query.
* ``facets``: per document, its year and the ids of its tags, people, places, ... (a few bytes
  a document), so counts per facet value for any result set need no further loads.
* ``d/N``: one document's display text (title, date, place, byline, paragraphs), loaded only
  for the results shown, for snippets.

Documents are numbered by date (:func:`numbering`), and a higher number breaks a tie: the
newer article comes first. Each day has a block of numbers of its own, so an article added or
taken out renumbers only the later ones of its day: the others keep their ``d/N`` files and
their postings.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import json
import math
import re
import zlib
from collections import Counter
from itertools import accumulate
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from .encode import (
    SHORT_CODES,
    decode_ints,
    deltas,
    encode_int,
    encode_ints,
    position_lists,
)
from .text import TOKEN, fold, fold_table

#: 2: documents numbered oldest first, higher numbers winning ties; 3: postings hold the
#: document's part of the score only, term shards named by their first term; 4: numbers in
#: blocks by day (:func:`numbering`), listed in the facets file.
FORMAT = 4
#: How much a word counts in each part of a document: a title match outranks a body match.
TITLE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 3, 2, 1
BM25_K1, BM25_B = 1.2, 0.75
#: Document lengths (words, title and paragraph breaks counted) are normalised against this
#: rather than the archive's mean, which would change every posting as documents come: near
#: the mean of wire stories (431 in the 2007 corpus's benchmark copies).
REFERENCE_LENGTH = 400
#: A posting's part of the score is stored as ``round(part * SCORE_SCALE)``, at least 1 (at
#: most ``(BM25_K1 + 1) * SCORE_SCALE``: two characters).
SCORE_SCALE = 50
#: Rough size (characters of encoded postings) at which a term or names shard is closed.
SHARD_CHARS = 16_000
#: A term range starts at one term in this many, on average (see :func:`starts_range`).
RANGE_TERMS = 64
#: The separators of :class:`Analysis` text.
_FIELDS = re.compile("[\t\n]")


@dataclass(frozen=True)
class Analysis:
    """A document's terms, worked out once when it is read (in parallel, and only for
    documents that changed), in a compact text form that pickles small.

    *terms* holds a line ``term<TAB>weighted frequency<TAB>encoded positions`` per stemmed
    term; *words* a line ``word<TAB>stem`` per word whose stem differs.
    """

    length: int
    terms: str
    words: str


@dataclass(frozen=True)
class SearchDoc:
    """One searchable page as collected when it is read: its title and its paragraphs."""

    title: str
    paragraphs: tuple[str, ...]
    #: From :func:`analyse`; derived from the text, so left out of comparisons and ``repr``.
    analysis: Analysis | None = field(default=None, compare=False, repr=False)


class PageText(Protocol):
    """A :class:`SearchDoc`, or anything that gives the same (the site keeps each page's in a
    file, read when first asked for: :class:`build_tools.sphinxext.texts.StoredText`)."""

    @property
    def title(self) -> str: ...
    @property
    def paragraphs(self) -> tuple[str, ...]: ...
    @property
    def analysis(self) -> Analysis | None: ...


@dataclass(frozen=True)
class IndexedDoc:
    """A document as the index shows it: its text (:class:`PageText`), URL and metadata."""

    url: str  #: from the site's root: ``articles/caravan.html``
    text: PageText
    kind: str = "article"  #: ``article`` or ``page``
    date: str | None = None  #: ISO date
    place: str | None = None
    byline: str = ""
    #: facet key (``year``, ``tag``, ``person``, ...) -> values as shown on the site
    facets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @functools.cached_property
    def digest(self) -> str:
        """Everything of the document its files show (``repr`` leaves out the analysis)."""
        return hashlib.sha256(repr(self).encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


@dataclass(frozen=True)
class NameEntry:
    """A term page found by name: ``person``, ``Alejandro Mayorkas``, its URL, its count."""

    kind: str
    name: str
    url: str
    count: int
    aliases: tuple[str, ...] = ()  #: other spellings that lead to the same page


@dataclass(frozen=True)
class Facet:
    key: str  #: the URL parameter: ``person``
    label: str  #: ``People``


def _js_order(text: str) -> bytes:
    """Sort key matching JavaScript's string comparison (UTF-16 code units)."""
    return text.encode("utf-16-be", "surrogatepass")


class Stems(dict[str, str]):
    """A memo of a stemmer, which is called for every word of every document."""

    def __init__(self, stem: Callable[[str], str]) -> None:
        super().__init__()
        self.stem = stem

    def __missing__(self, word: str) -> str:
        found = self[word] = self.stem(word) or word
        return found


def analyse(doc: PageText, stems: Stems) -> Analysis:
    """Each stemmed term's weighted frequency and encoded positions; the document's length.

    Paragraphs are one position apart, so a phrase never spans two of them.
    """
    positions: dict[str, list[int]] = {}
    weighted: dict[str, int] = {}
    words: dict[str, str] = {}
    position = 0
    parts = [(doc.title, TITLE_WEIGHT)]
    parts += [(p, LEAD_WEIGHT if i == 0 else BODY_WEIGHT) for i, p in enumerate(doc.paragraphs)]
    for text, weight in parts:
        for word in TOKEN.findall(fold(text)):
            term = stems[word]
            if term != word:
                words[word] = term
            where = positions.get(term)
            if where is None:
                positions[term] = [position]
                weighted[term] = weight
            else:
                where.append(position)
                weighted[term] += weight
            position += 1
        position += 1
    short, limit = SHORT_CODES, len(SHORT_CODES) - 1
    terms = "\n".join(
        f"{term}\t{weighted[term]}\t" + (short[1] + short[where[0] + 1]
                                       if len(where) == 1 and where[0] < limit  # most terms
                                       else encode_int(len(where)) + encode_ints(deltas(where)))
        for term, where in positions.items())
    return Analysis(position, terms, "\n".join(f"{w}\t{t}" for w, t in words.items()))


def _shards(items: Sequence[tuple[str, Any, int]]) -> list[list[tuple[str, Any]]]:
    """Sorted (key, payload, size) items cut into runs of about :data:`SHARD_CHARS`."""
    shards: list[list[tuple[str, Any]]] = []
    current: list[tuple[str, Any]] = []
    size = 0
    for key, payload, chars in items:
        if current and size + chars > SHARD_CHARS:
            shards.append(current)
            current, size = [], 0
        current.append((key, payload))
        size += chars + len(key) + 4
    if current:
        shards.append(current)
    return shards


#: One term in a shard: the term, its postings, its positions, the stem it points to.
Row = tuple[str, str, str, str | None]


def doc_part(tf: int, length: int) -> int:
    """A posting's stored part of the BM25F score: the document's weighted frequency of the
    term, saturated and normalised by its length; the browser multiplies it by the term's
    rarity. Depends on nothing but the document."""
    norm = BM25_K1 * (1 - BM25_B + BM25_B * length / REFERENCE_LENGTH)
    return max(1, round(SCORE_SCALE * tf * (BM25_K1 + 1) / (tf + norm)))


def _row(key: str, found: tuple[list[int], list[int], list[str]] | None,
         lengths: Mapping[int, int], to: str | None) -> Row:
    if found is None:
        return key, "", "", to
    numbers, tfs, wheres = found
    parts = [doc_part(tf, lengths[n]) for n, tf in zip(numbers, tfs)]
    return key, _postings(numbers, parts), "".join(wheres), to


def _postings(numbers: Sequence[int], parts: Sequence[int], after: int = -1) -> str:
    """Postings as written: each document's gap to the one before (the first's to *after*),
    then its part of the score."""
    pairs: list[int] = [0] * (2 * len(numbers))
    pairs[0::2] = [n - p for n, p in zip(numbers, [after, *numbers[:-1]])]
    pairs[1::2] = parts
    return encode_ints(pairs)


def starts_range(key: str) -> bool:
    """Whether a range of terms starts at *key*: a property of the term alone, so that ranges
    stay where they are as terms come and go elsewhere."""
    return zlib.crc32(key.encode("utf-8")) % RANGE_TERMS == 0


def term_shards(rows: Sequence[Row]) -> list[list[Row]]:
    """Sorted rows in ranges (a term that :func:`starts_range` to the next), each range cut
    into shards of about :data:`SHARD_CHARS` from its start."""
    shards: list[list[Row]] = []
    run: list[Row] = []
    for row in rows:
        if run and starts_range(row[0]):
            shards += _shards([(r[0], r, len(r[1])) for r in run])
            run = []
        run.append(row)
    if run:
        shards += _shards([(r[0], r, len(r[1])) for r in run])
    return [[row for _, row in shard] for shard in shards]


def shard_name(first: str) -> str:
    """A term shard's file name, from its first term: the same wherever the shard is."""
    return hashlib.sha256(first.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


def shard_names(firsts: Sequence[str]) -> list[str]:
    """:func:`shard_name` of each first term; one a collision would give twice (never seen)
    gets a suffix."""
    out: list[str] = []
    seen: set[str] = set()
    for first in firsts:
        name = base = shard_name(first)
        n = 1
        while name in seen:
            n += 1
            name = f"{base}-{n}"
        seen.add(name)
        out.append(name)
    return out


def shard_files(name: str, shard: Sequence[Row]) -> dict[str, Any]:
    """The ``t/`` and ``p/`` payloads of one term shard."""
    return {f"t/{name}": [[key, scored, to] if to else [key, scored]
                          for key, scored, _, to in shard],
            f"p/{name}": {key: where for key, _, where, _ in shard if where}}


@dataclass(frozen=True)
class IndexState:
    """What an index was made of, beside its files, so that the next build can update it in
    place (:func:`update_index`) instead of building it whole."""

    params: str  #: :func:`_params` and the stemmer's identity, when the index was built
    #: (number, URL, :attr:`IndexedDoc.digest`) of each document, by number
    docs: Sequence[tuple[int, str, str]]
    words: Mapping[str, tuple[str, int]]  #: word -> its stem, how many documents have it
    firsts: Sequence[str]  #: each term shard's first term
    shards: Sequence[str]  #: each term shard's name


def _params(stemmer: str) -> str:
    return repr((FORMAT, TITLE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT, BM25_K1, BM25_B,
                 REFERENCE_LENGTH, SCORE_SCALE, SHARD_CHARS, RANGE_TERMS, stemmer))


def _slot(count: int) -> int:
    """Room for *count* documents: the next power of two, so that a block that grows is
    made larger (and every later number moves) once each time it doubles."""
    return 0 if count <= 0 else 1 << (count - 1).bit_length()


def _day(doc: IndexedDoc) -> int:
    assert doc.date is not None
    return dt.date.fromisoformat(doc.date[:10]).toordinal()


def numbering(docs: Sequence[IndexedDoc]) -> list[int]:
    """Each document's number, in the order given (pages, undated articles, then dated ones
    oldest first): undated documents first, one after another; then a block of numbers per
    day from the first of January of the oldest article's year, each as large as the
    busiest day's (:func:`_slot`), holding that day's documents in the order given.

    So a number depends on its day and its place among that day's documents alone: an
    article added, edited or taken out leaves every other day's numbers as they were, which
    :func:`update_index` relies on; except when the busiest day's count crosses a power of
    two (either way), the oldest year changes, or the undated documents' count crosses one:
    then nearly every number moves."""
    days = [_day(doc) if doc.date else None for doc in docs]
    per_day = Counter(day for day in days if day is not None)
    if not per_day:
        return list(range(len(docs)))
    base = _slot(len(docs) - sum(per_day.values()))
    size = _slot(max(per_day.values()))
    epoch = dt.date(dt.date.fromordinal(min(per_day)).year, 1, 1).toordinal()
    seen: Counter[int | None] = Counter()
    out = []
    for day in days:
        rank = seen[day]
        seen[day] += 1
        out.append(rank if day is None else base + (day - epoch) * size + rank)
    return out


def _doc_file(doc: IndexedDoc) -> dict[str, Any]:
    return {"u": doc.url, "t": doc.text.title, "k": doc.kind, "d": doc.date, "p": doc.place,
            "b": doc.byline, "x": list(doc.text.paragraphs)}


def build_index(
    docs: Sequence[IndexedDoc],
    names: Sequence[NameEntry],
    facets: Sequence[Facet],
    stem: Callable[[str], str],
    stemmer: str = "",
) -> tuple[dict[str, Any], IndexState]:
    """Every index file's payload, keyed by its name without ``.js`` (``t/NAME``,
    ``manifest``), and the index's state; :func:`index_scripts` writes the payloads out.
    The same input always gives the same payloads. *stemmer* names the stemmer (its
    JavaScript), so that the state is not taken for another's.
    """
    files: dict[str, Any] = {}
    stems = Stems(stem)
    # term -> its documents' numbers, weighted frequencies and encoded positions
    postings: dict[str, tuple[list[int], list[int], list[str]]] = {}
    redirects: dict[str, str] = {}
    counts: Counter[str] = Counter()
    lengths: dict[int, int] = {}
    split = _FIELDS.split
    numbers = numbering(docs)
    for number, doc in sorted(zip(numbers, docs), key=lambda pair: pair[0]):
        analysis = doc.text.analysis or analyse(doc.text, stems)
        lengths[number] = analysis.length
        if analysis.terms:
            # One split of the whole text, read three fields at a time: 2.5 million lines
            # at 10,000 articles.
            fields = iter(split(analysis.terms))
            for term, tf, where in zip(fields, fields, fields):
                found = postings.get(term)
                if found is None:
                    postings[term] = ([number], [int(tf)], [where])
                else:
                    found[0].append(number)
                    found[1].append(int(tf))
                    found[2].append(where)
        if analysis.words:
            pairs = split(analysis.words)
            redirects.update(zip(pairs[0::2], pairs[1::2]))
            counts.update(pairs[0::2])
        files[f"d/{number}"] = _doc_file(doc)
    # Words whose stem differs point to it, so the browser needs its own stemmer only for
    # words the archive does not contain (its stemmer may be another Snowball release). A
    # stem that is also a word with another stem keeps its postings beside the pointer.
    rows = [_row(key, postings.get(key), lengths, redirects.get(key))
            for key in sorted(postings.keys() | redirects.keys(), key=_js_order)]
    shards = term_shards(rows)
    firsts = [shard[0][0] for shard in shards]
    names_of = shard_names(firsts)
    for name, shard in zip(names_of, shards):
        files.update(shard_files(name, shard))
    files.update(_shared_files(docs, numbers, names, facets, firsts, names_of))
    state = IndexState(_params(stemmer), _numbered(docs, numbers),
                       {w: (redirects[w], n) for w, n in counts.items()}, firsts, names_of)
    return files, state


def _numbered(docs: Sequence[IndexedDoc], numbers: Sequence[int]) -> list[tuple[int, str, str]]:
    """:attr:`IndexState.docs`: (number, URL, digest) of each document, by number."""
    return sorted((number, doc.url, doc.digest) for number, doc in zip(numbers, docs))


def _shared_files(docs: Sequence[IndexedDoc], numbers: Sequence[int],
                  names: Sequence[NameEntry], facets: Sequence[Facet], firsts: Sequence[str],
                  shards: Sequence[str]) -> dict[str, Any]:
    """The names shards, the facet columns and the manifest: made whole on every build that
    writes an index (tens of milliseconds at 10,000 articles)."""
    files: dict[str, Any] = {}
    kinds = sorted({entry.kind for entry in names})
    by_word: dict[str, list[list[Any]]] = {}
    for entry in sorted(names, key=lambda e: (-e.count, e.name, e.kind)):
        row = [kinds.index(entry.kind), entry.name, entry.url, entry.count]
        if entry.aliases:
            row.append(list(entry.aliases))
        for word in dict.fromkeys(w for n in (entry.name, *entry.aliases)
                                  for w in TOKEN.findall(fold(n))):
            by_word.setdefault(word, []).append(row)
    name_items = [(w, rows, len(json.dumps(rows, ensure_ascii=False)))
                  for w, rows in sorted(by_word.items(), key=lambda item: _js_order(item[0]))]
    name_shards = _shards(name_items)
    for i, shard in enumerate(name_shards):
        files[f"n/{i}"] = dict(shard)
    files["facets"] = _facet_columns(docs, numbers, facets)
    files["manifest"] = {
        "format": FORMAT,
        "docs": len(docs),
        "terms": list(firsts),
        "shards": list(shards),
        "names": [shard[0][0] for shard in name_shards],
        "kinds": kinds,
        "fold": dict(fold_table()),
    }
    return files


#: Past this share of documents changed, an index is built whole rather than updated.
UPDATE_SHARE = 0.2


def update_index(
    previous: IndexState,
    read: Callable[[str], Any],
    docs: Sequence[IndexedDoc],
    names: Sequence[NameEntry],
    facets: Sequence[Facet],
    stem: Callable[[str], str],
    stemmer: str = "",
) -> tuple[dict[str, Any], set[str], IndexState] | None:
    """The last build's index, *previous*, updated for *docs*: the payloads of the files that
    change, the names (``t/NAME``) of the last build's files that stay as they are, and the
    new state; the same index as :func:`build_index` would make. *read* gives a payload of
    the last build's index by name, or None when its file is missing or not as written.

    A number (:func:`numbering`) whose document is gone, is another or changed is taken out
    and put in again; the rest stay as they are (an article added or taken out moves only
    the later ones of its day). None when more than :data:`UPDATE_SHARE` of the documents
    would be (the numbering changed its blocks), or when the last
    index was made with other parameters or cannot be read: then the index is built whole.
    The term shards made again are those of each range (:func:`starts_range`) holding a
    term of a changed document, and of the range before one whose first term comes or goes.
    """
    if previous.params != _params(stemmer) or not previous.firsts:
        return None
    numbers = numbering(docs)
    before = {number: (url, digest) for number, url, digest in previous.docs}
    now = {number: (doc.url, doc.digest) for number, doc in zip(numbers, docs)}
    # A number whose document is another, or the same one changed, is taken out and put in.
    taken_out = sorted(n for n, was in before.items() if now.get(n) != was)
    put_in = sorted(n for n, found in now.items() if before.get(n) != found)
    if len({*taken_out, *put_in}) > UPDATE_SHARE * max(len(docs), 1):
        return None
    by_number = dict(zip(numbers, docs))
    stems = Stems(stem)
    # term -> the numbers of the documents taken out, with their encoded positions
    removed: dict[str, dict[int, str]] = {}
    added: dict[str, list[tuple[int, int, str]]] = {}
    words = dict(previous.words)
    split = _FIELDS.split
    files: dict[str, Any] = {}
    for number in taken_out:
        shown = read(f"d/{number}")
        if not isinstance(shown, dict):
            return None
        before = analyse(SearchDoc(shown["t"], tuple(shown["x"])), stems)
        fields = iter(split(before.terms) if before.terms else ())
        for term, _, where in zip(fields, fields, fields):
            removed.setdefault(term, {})[number] = where
        for word in split(before.words)[0::2] if before.words else ():
            if word not in words:
                return None  # not the state this index was made with
            stem_of, n = words[word]
            words[word] = (stem_of, n - 1)
    for number in put_in:
        doc = by_number[number]
        after = doc.text.analysis or analyse(doc.text, stems)
        fields = iter(split(after.terms) if after.terms else ())
        for term, tf, where in zip(fields, fields, fields):
            added.setdefault(term, []).append((number, doc_part(int(tf), after.length), where))
        pairs = split(after.words) if after.words else []
        for word, stem_of in zip(pairs[0::2], pairs[1::2]):
            words[word] = (stem_of, words.get(word, (stem_of, 0))[1] + 1)
        files[f"d/{number}"] = _doc_file(doc)
    # A word that no document has now, or that none had, gains or loses its pointer.
    words = {w: found for w, found in words.items() if found[1] > 0}
    touched = removed.keys() | added.keys() | (words.keys() ^ previous.words.keys())

    # The shards to make again: each range holding a touched term, in runs of adjacent ones.
    firsts, shards = list(previous.firsts), list(previous.shards)
    order = [_js_order(f) for f in firsts]
    starts = [i for i, first in enumerate(firsts) if i == 0 or starts_range(first)]
    redo: set[int] = set()  # range numbers (index into starts)
    for key in touched:
        at = max(bisect.bisect_right(order, _js_order(key)) - 1, 0)
        r = bisect.bisect_right(starts, at) - 1
        redo.add(r)
        if starts_range(key) and r > 0:
            redo.add(r - 1)  # the range before it gains or loses the terms after it
    bounds = [*starts, len(firsts)]
    runs: list[tuple[int, int]] = []
    for r in sorted(redo):
        a, b = bounds[r], bounds[r + 1]
        if runs and runs[-1][1] == a:
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((a, b))
    ordered = sorted(touched, key=_js_order)
    positions = [_js_order(key) for key in ordered]
    made: list[tuple[int, int, list[list[Row]]]] = []
    for a, b in runs:
        rows: dict[str, Row] = {}
        for i in range(a, b):
            terms, where = read(f"t/{shards[i]}"), read(f"p/{shards[i]}")
            if not isinstance(terms, list) or not isinstance(where, dict):
                return None
            for key, scored, *to in terms:
                rows[key] = (key, scored, where.get(key, ""), to[0] if to else None)
        # The touched terms in this run's range: from its first term (or the start) to the
        # next run's first term (or the end).
        start = bisect.bisect_left(positions, order[a]) if a else 0
        end = bisect.bisect_left(positions, order[b]) if b < len(firsts) else len(ordered)
        for key in ordered[start:end]:
            row = _updated(rows.get(key), key, removed.get(key, {}), added.get(key, []),
                           words.get(key, (None,))[0])
            if row is None:
                rows.pop(key, None)
            else:
                rows[key] = row
        made.append((a, b, term_shards([rows[k] for k in sorted(rows, key=_js_order)])))

    new_firsts: list[str] = []
    new_shards: list[str] = []
    kept: set[str] = set()
    at = 0
    for a, b, remade in [*made, (len(firsts), len(firsts), [])]:
        for i in range(at, a):
            new_firsts.append(firsts[i])
            new_shards.append(shards[i])
            kept.update((f"t/{shards[i]}", f"p/{shards[i]}"))
        for shard in remade:
            new_firsts.append(shard[0][0])
            new_shards.append(shard_name(shard[0][0]))
            files.update(shard_files(new_shards[-1], shard))
        at = b
    if len(set(new_shards)) != len(new_shards) or any("-" in n for n in new_shards):
        return None  # a name twice: left to build_index's suffixes
    kept.update(f"d/{n}" for n in now if f"d/{n}" not in files)
    files.update(_shared_files(docs, numbers, names, facets, new_firsts, new_shards))
    state = IndexState(previous.params, _numbered(docs, numbers), words, new_firsts,
                       new_shards)
    return files, kept, state


def _updated(row: Row | None, key: str, removed: Mapping[int, str],
             added: Sequence[tuple[int, int, str]], to: str | None) -> Row | None:
    """One term's row with the postings of *removed* documents (number -> encoded
    positions) taken out and *added* ones (number, part, positions) put in; None when it
    has neither postings nor a stem to point to.

    The postings before the first document changed are kept as written. After it, when
    every posting is one taken out (documents added after the last, or the last few taken
    out and put in again), the positions of what is taken out are known and cut off the end;
    else (a document edited among others) the positions are read document by document."""
    scored, where = (row[1], row[2]) if row is not None else ("", "")
    ints = decode_ints(scored)
    numbers = list(accumulate(ints[0::2], initial=-1))[1:]
    changed = min(min(removed, default=math.inf), min((n for n, _, _ in added), default=math.inf))
    keep = bisect.bisect_left(numbers, changed)
    tail: dict[int, tuple[int, str]] = {}
    if all(n in removed for n in numbers[keep:]):
        cut = len(where) - sum(len(removed[n]) for n in numbers[keep:])
    else:
        lists = position_lists(where)
        cut = sum(map(len, lists[:keep]))
        tail = {n: (part, w) for n, part, w in zip(numbers[keep:], ints[2 * keep + 1::2],
                                                     lists[keep:]) if n not in removed}
    for number, part, positions in added:
        tail[number] = (part, positions)
    after = sorted(tail)
    # Numbers are written one after another: the kept postings as they are, then the rest.
    kept = scored if keep == len(numbers) else encode_ints(ints[:2 * keep])
    scored = kept + _postings(after, [tail[n][0] for n in after],
                              numbers[keep - 1] if keep else -1)
    where = where[:cut] + "".join(tail[n][1] for n in after)
    if not scored and not to:
        return None
    return key, scored, where, to


def file_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def index_scripts(payloads: Mapping[str, Any],
                  kept: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each payload as the script that hands it to the browser, ``NewsSearch.put(key, data)``,
    keyed by file name (``t/NAME.js``). *kept*: the :func:`file_digest` of each file of the
    last build that stays as it is (see :func:`update_index`), by file name.

    The manifest also gets the index's build id, a digest of every other file: the browser
    asks for ``t/NAME.js?v=<build>``, so a cache never mixes shards of two builds.
    """
    def script(key: str, payload: Any) -> str:
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        return f"NewsSearch.put({json.dumps(key)},{data});\n"

    out = {f"{key}.js": script(key, payload) for key, payload in payloads.items()
           if key != "manifest"}
    digests = {**(kept or {}), **{name: file_digest(text) for name, text in out.items()}}
    digest = hashlib.sha256()
    for name in sorted(digests):
        digest.update(name.encode("utf-8") + b"\0" + digests[name].encode("ascii"))
    manifest = {**payloads["manifest"], "build": digest.hexdigest()[:16],
                "files": len(digests) + 1}
    out["manifest.js"] = script("manifest", manifest)
    return out


def _facet_columns(docs: Sequence[IndexedDoc], numbers: Sequence[int],
                   facets: Sequence[Facet]) -> dict[str, Any]:
    """The documents' numbers, ascending, as gaps (``docs``); each facet's values (most
    documents first) and, per document in that order, the ids it has.

    ``year`` is one number per document (0: undated, else 1 + the value's id); other facets
    list a document's ids as ascending gaps (each at least 1) closed by a 0.
    """
    order = sorted(range(len(docs)), key=numbers.__getitem__)
    docs = [docs[i] for i in order]
    out = []
    for facet in facets:
        counts: dict[str, int] = {}
        for doc in docs:
            for value in doc.facets.get(facet.key, ()):
                counts[value] = counts.get(value, 0) + 1
        values = sorted(counts, key=lambda v: (-counts[v], v))
        if facet.key == "year":
            values.sort(reverse=True)
        ids = {value: i for i, value in enumerate(values)}
        if facet.key == "year":
            column = encode_ints(
                (ids[doc.facets["year"][0]] + 1) if doc.facets.get("year") else 0
                for doc in docs)
        else:
            column = "".join(
                encode_ints(deltas(sorted({ids[v] for v in doc.facets.get(facet.key, ())})))
                + encode_int(0) for doc in docs)
        out.append({"key": facet.key, "label": facet.label, "values": values, "col": column})
    return {"docs": encode_ints(deltas(numbers[i] for i in order)), "facets": out}
