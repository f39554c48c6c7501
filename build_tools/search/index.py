"""The search index as files: a pure function from documents, names and facets to payloads.

What a query loads, and why (``news-search.js`` is the reader):

* ``manifest``: the first term of every term shard and the first word of every names shard,
  binary-searched in the browser; the fold table; the facets' names. A few kilobytes.
* ``t/N``: terms in sorted ranges of bounded size, each with its postings (document number
  and a BM25F score precomputed here and rounded, so ranking is one sum per document).
  Terms are stems; every word of the archive whose stem differs is listed too, pointing to
  its stem (``["migrants", "", "migrant"]``), so a query never depends on the browser's
  stemmer giving the same stem as the one that built the index.
* ``p/N``: the same terms' word positions, loaded only for quoted phrases.
* ``n/N``: the names of term pages (people, places, ...) by each folded word of the name, so
  a surname finds the page; loaded for the words of the query.
* ``facets``: per document, its year and the ids of its tags, people, places, ... (a few bytes
  a document), so counts per facet value for any result set need no further loads.
* ``d/N``: one document's display text (title, date, place, byline, paragraphs), loaded only
  for the results shown, for snippets.

Documents are numbered in the order given (the writer gives other pages first, then articles
oldest first), and a higher number breaks a tie: the newer article comes first.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .encode import SHORT_CODES, deltas, encode_int, encode_ints
from .text import TOKEN, fold, fold_table

FORMAT = 2  #: 2: documents numbered oldest first, higher numbers winning ties
#: How much a word counts in each part of a document: a title match outranks a body match.
TITLE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 3, 2, 1
BM25_K1, BM25_B = 1.2, 0.75
#: Scores are stored as integers: ``round(score * SCORE_SCALE)``, at least 1.
SCORE_SCALE = 50
MAX_SCORE = 1023  # two characters
#: Rough size (characters of encoded postings) at which a term or names shard is closed.
SHARD_CHARS = 16_000
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


@dataclass(frozen=True)
class IndexedDoc:
    """A document as the index shows it: a :class:`SearchDoc` with its URL and metadata."""

    url: str  #: from the site's root: ``articles/caravan.html``
    text: SearchDoc
    kind: str = "article"  #: ``article`` or ``page``
    date: str | None = None  #: ISO date
    place: str | None = None
    byline: str = ""
    #: facet key (``year``, ``tag``, ``person``, ...) -> values as shown on the site
    facets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


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


def analyse(doc: SearchDoc, stems: Stems) -> Analysis:
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


def build_index(
    docs: Sequence[IndexedDoc],
    names: Sequence[NameEntry],
    facets: Sequence[Facet],
    stem: Callable[[str], str],
) -> dict[str, Any]:
    """Every index file's payload, keyed by its name without ``.js`` (``t/3``, ``manifest``);
    :func:`index_scripts` writes them out. The same input always gives the same payloads.
    """
    files: dict[str, Any] = {}
    stems = Stems(stem)
    # term -> its documents' numbers, weighted frequencies and encoded positions
    postings: dict[str, tuple[list[int], list[int], list[str]]] = {}
    redirects: dict[str, str] = {}
    lengths: list[int] = []
    split = _FIELDS.split
    for number, doc in enumerate(docs):
        analysis = doc.text.analysis or analyse(doc.text, stems)
        lengths.append(analysis.length)
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
            fields = iter(split(analysis.words))
            redirects.update(zip(fields, fields))
        files[f"d/{number}"] = {
            "u": doc.url, "t": doc.text.title, "k": doc.kind, "d": doc.date, "p": doc.place,
            "b": doc.byline, "x": list(doc.text.paragraphs),
        }
    total = len(docs)
    average = (sum(lengths) / total) if total else 1.0
    # BM25's length normalisation, per document; (k1 + 1) and the scale folded in below.
    norms = [BM25_K1 * (1 - BM25_B + BM25_B * length / average) for length in lengths]

    # Words whose stem differs point to it, so the browser needs its own stemmer only for
    # words the archive does not contain (its stemmer may be another Snowball release). A
    # stem that is also a word with another stem keeps its postings beside the pointer.
    encoded = []
    for key in sorted(postings.keys() | redirects.keys(), key=_js_order):
        found = postings.get(key)
        if found is None:
            scored = where = ""
        else:
            numbers, tfs, wheres = found
            df = len(numbers)
            weight = math.log(1 + (total - df + 0.5) / (df + 0.5)) * (BM25_K1 + 1) * SCORE_SCALE
            pairs: list[int] = [0] * (2 * df)  # gap to the previous document, then its score
            pairs[0::2] = deltas(numbers)
            pairs[1::2] = [min(MAX_SCORE, max(1, round(weight * tf / (tf + norms[n]))))
                           for n, tf in zip(numbers, tfs)]
            scored = encode_ints(pairs)
            where = "".join(wheres)
        encoded.append((key, (scored, where, redirects.get(key)), len(scored)))
    term_shards = _shards(encoded)
    for i, shard in enumerate(term_shards):
        files[f"t/{i}"] = [[key, scored, to] if to else [key, scored]
                           for key, (scored, _, to) in shard]
        files[f"p/{i}"] = {key: where for key, (_, where, _) in shard if where}

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

    files["facets"] = _facet_columns(docs, facets)
    files["manifest"] = {
        "format": FORMAT,
        "docs": total,
        "terms": [shard[0][0] for shard in term_shards],
        "names": [shard[0][0] for shard in name_shards],
        "kinds": kinds,
        "fold": fold_table(),
    }
    return files


def index_scripts(payloads: Mapping[str, Any]) -> dict[str, str]:
    """Each payload as the script that hands it to the browser, ``NewsSearch.put(key, data)``,
    keyed by file name (``t/3.js``).

    The manifest also gets the index's build id, a digest of every other file: the browser
    asks for ``t/3.js?v=<build>``, so a cache never mixes shards of two builds.
    """
    def script(key: str, payload: Any) -> str:
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        return f"NewsSearch.put({json.dumps(key)},{data});\n"

    out = {f"{key}.js": script(key, payload) for key, payload in payloads.items()
           if key != "manifest"}
    digest = hashlib.sha256()
    for name in sorted(out):
        digest.update(name.encode("utf-8") + b"\0" + out[name].encode("utf-8"))
    manifest = {**payloads["manifest"], "build": digest.hexdigest()[:16], "files": len(out) + 1}
    out["manifest.js"] = script("manifest", manifest)
    return out


def _facet_columns(docs: Sequence[IndexedDoc], facets: Sequence[Facet]) -> dict[str, Any]:
    """Each facet's values (most documents first) and, per document, the ids it has.

    ``year`` is one number per document (0: undated, else 1 + the value's id); other facets
    list a document's ids as ascending gaps (each at least 1) closed by a 0.
    """
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
    return {"facets": out}
