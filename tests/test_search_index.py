"""The search index writer without a browser: folding, encoding, shards, names, facets."""

from __future__ import annotations

import json
from bisect import bisect_right
from itertools import accumulate
from dataclasses import replace
from pathlib import Path
from unittest.mock import patch

import pytest
import Stemmer
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.search import index as search_index
from build_tools.search.encode import decode_ints, encode_ints
from build_tools.search.index import (
    Facet,
    IndexedDoc,
    NameEntry,
    SearchDoc,
    build_index,
    file_digest,
    index_scripts,
    update_index,
)
from build_tools.search.text import fold, fold_table, tokens

VECTORS = json.loads((Path(__file__).parent / "data" / "search" / "fold_vectors.json")
                     .read_text(encoding="utf-8"))["cases"]
STEM = Stemmer.Stemmer("english").stemWord
FACETS = [Facet("year", "Year"), Facet("tag", "Tags"), Facet("person", "People")]


@pytest.mark.parametrize("case", VECTORS, ids=lambda c: c["text"])
def test_fold_and_tokens_match_the_shared_vectors(case):
    assert fold(case["text"]) == case["fold"]
    assert tokens(case["text"]) == case["tokens"]


def test_accents_and_case_fold_away():
    assert tokens("García Villagrán") == tokens("garcia villagran") == ["garcia", "villagran"]
    assert tokens("São Paulo") == tokens("Sao Paulo")
    assert tokens("Straße") == tokens("STRASSE")
    assert tokens("Łódź") == ["lodz"]


def test_fold_table_reproduces_casefold_from_lower():
    """The browser lower-cases, then applies the table: the same as Python's casefold."""
    table = fold_table()
    for text in ("Straße", "ΟΔΟΣ", "ꮳꮃꭹ", "ẞ", "Łódź"):
        browser = "".join(table.get(c, c) for c in text.lower())
        assert fold(browser) == fold(text)


@settings(max_examples=200)
@given(st.lists(st.integers(min_value=0, max_value=2**40)))
def test_numbers_round_trip(numbers):
    assert decode_ints(encode_ints(numbers)) == numbers


def _doc(number: int, title: str, *paragraphs: str, year: str | None = "2023",
         tags: tuple[str, ...] = (), people: tuple[str, ...] = ()) -> IndexedDoc:
    facets = {"tag": tags, "person": people}
    if year:
        facets["year"] = (year,)
    return IndexedDoc(url=f"articles/a{number}.html", text=SearchDoc(title, paragraphs),
                      date=f"{year}-01-01" if year else None, facets=facets)


def _postings(files, term):
    """Decode one term's postings and positions the way news-search.js does."""
    manifest = files["manifest"]
    name = manifest["shards"][bisect_right(manifest["terms"], term) - 1]
    rows = {row[0]: row[1] for row in files[f"t/{name}"]}
    if not rows.get(term):
        return {}
    ints = decode_ints(rows[term])
    docs, doc = [], -1
    for delta in ints[::2]:
        doc += delta
        docs.append(doc)
    where = decode_ints(files[f"p/{name}"][term])
    out, k = {}, 0
    for doc in docs:
        count, k = where[k], k + 1
        positions, p = [], -1
        for delta in where[k:k + count]:
            p += delta
            positions.append(p)
        k += count
        out[doc] = positions
    return out


def test_postings_scores_and_positions():
    docs = [_doc(0, "Border talks", "Migrants reached the border.", "Officials met."),
            _doc(1, "Markets", "Shares fell.", "The border was closed to trade.")]
    files, _ = build_index(docs, [], FACETS, STEM)
    border = _postings(files, STEM("border"))
    # Title words from 0; each paragraph one position after the last: "the border" at 5, 6.
    assert border == {0: [0, 6], 1: [6]}
    # A title and first-paragraph match outranks one deep in the body.
    rows = {row[0]: row[1] for key, shard in files.items() if key.startswith("t/")
            for row in shard}
    parts = decode_ints(rows[STEM("border")])[1::2]
    assert parts[0] > parts[1] >= 1
    # The stored part depends on the document alone: other documents leave it as it is.
    more, _ = build_index([*docs, _doc(2, "Border", "Border border.")], [], FACETS, STEM)
    assert {row[0]: row[1] for key, shard in more.items() if key.startswith("t/")
            for row in shard}[STEM("border")].startswith(rows[STEM("border")])
    assert files["d/1"] == {"u": "articles/a1.html", "t": "Markets", "k": "article",
                            "d": "2023-01-01", "p": None, "b": "",
                            "x": ["Shares fell.", "The border was closed to trade."]}


def test_words_point_to_their_stem():
    files, _ = build_index([_doc(0, "Migrants", "International migrants walked.")], [], FACETS,
                        STEM)
    rows = {row[0]: row[1:] for key, shard in files.items() if key.startswith("t/")
            for row in shard}
    assert rows["migrants"] == ["", "migrant"] and rows["migrant"][0]
    assert rows["international"] == ["", STEM("international")]
    assert len(rows["walked"]) == 2 and rows[STEM("walked")][0]


def test_phrases_never_span_paragraphs():
    files, _ = build_index([_doc(0, "T", "It ended in the central", "Bank shares fell.")], [],
                        FACETS, STEM)
    central, bank = _postings(files, "central")[0], _postings(files, "bank")[0]
    assert all(b != c + 1 for c in central for b in bank)


def test_shards_are_sorted_bounded_and_cover_every_term(monkeypatch):
    monkeypatch.setattr(search_index, "SHARD_CHARS", 200)
    words = [f"word{i:03d}" for i in range(300)]
    docs = [_doc(i, f"Title {i}", " ".join(words[i % 300:(i % 300) + 20])) for i in range(60)]
    files, _ = build_index(docs, [], FACETS, lambda w: w)
    firsts, names = files["manifest"]["terms"], files["manifest"]["shards"]
    assert len(firsts) > 5 and firsts == sorted(firsts) and len(set(names)) == len(names)
    seen = []
    for i, (first, name) in enumerate(zip(firsts, names)):
        shard = [row[0] for row in files[f"t/{name}"]]
        assert shard[0] == first and shard == sorted(shard)
        assert set(files[f"p/{name}"]) == set(shard)  # no stemming here: no redirects
        # Bounded: only a single term larger than the bound may exceed it.
        size = sum(len(row[1]) + len(row[0]) + 4 for row in files[f"t/{name}"])
        assert size <= 200 + 60 or len(shard) == 1
        # A shard starts a range, or the last one was full.
        if i:
            last = files[f"t/{names[i - 1]}"]
            full = sum(len(r[1]) + len(r[0]) + 4 for r in last) + len(files[f"t/{name}"][0][1])
            assert search_index.starts_range(first) or full > 200, first
        seen += shard
    assert seen == sorted(set(seen))
    assert {"word000", "title", "42"} <= set(seen)
    # Every term is found where a binary search over the manifest says.
    for term in seen:
        assert _postings(files, term)


def test_names_are_found_by_every_word_and_alias():
    names = [NameEntry("person", "Andres Manuel Lopez Obrador", "people/amlo.html", 3,
                       ("López Obrador",)),
             NameEntry("person", "Alejandro Mayorkas", "people/mayorkas.html", 5),
             NameEntry("place", "São Paulo", "places/sao-paulo.html", 2)]
    files, _ = build_index([_doc(0, "T", "x")], names, FACETS, STEM)
    shard = {k: v for key, v2 in files.items() if key.startswith("n/") for k, v in v2.items()}
    assert [row[1] for row in shard["obrador"]] == ["Andres Manuel Lopez Obrador"]
    assert shard["mayorkas"][0][1:4] == ["Alejandro Mayorkas", "people/mayorkas.html", 5]
    assert "sao" in shard and "paulo" in shard
    kinds = files["manifest"]["kinds"]
    assert kinds[shard["sao"][0][0]] == "place"


def test_facet_columns_decode_to_each_documents_values():
    docs = [_doc(0, "A", "x", year="2023", tags=("migration",), people=("Rosa Diaz", "Joe Biden")),
            _doc(1, "B", "x", year=None, tags=()),
            _doc(2, "C", "x", year="2007", tags=("migration", "trade"), people=("Joe Biden",))]
    files = build_index(docs, [], FACETS, STEM)[0]
    facets = {f["key"]: f for f in files["facets"]["facets"]}
    # The columns run in the documents' numbers' order: the undated one, then by date.
    numbers = [n - 1 for n in accumulate(decode_ints(files["facets"]["docs"]))]
    assert [files[f"d/{n}"]["u"] for n in numbers] == [docs[i].url for i in (1, 2, 0)]
    assert facets["year"]["values"] == ["2023", "2007"]
    assert decode_ints(facets["year"]["col"]) == [0, 2, 1]
    tag = facets["tag"]
    assert tag["values"][0] == "migration"  # most documents first

    def columns(facet):
        out, ids, current = [], [], -1
        for v in decode_ints(facet["col"]):
            if v == 0:
                out.append({facet["values"][i] for i in ids})
                ids, current = [], -1
            else:
                current += v
                ids.append(current)
        return out

    assert columns(tag) == [set(), {"migration", "trade"}, {"migration"}]
    assert columns(facets["person"]) == [set(), {"Joe Biden"}, {"Rosa Diaz", "Joe Biden"}]


def test_scripts_hand_each_payload_to_the_loader_with_a_build_id():
    docs = [_doc(i, f"Title {i}", f"Body {i} text") for i in range(5)]
    scripts = index_scripts(build_index(docs, [], FACETS, STEM)[0])
    assert scripts == index_scripts(build_index(list(docs), [], FACETS, STEM)[0])
    manifest = json.loads(scripts["manifest.js"][len('NewsSearch.put("manifest",'):-3])
    assert set(scripts) == {"manifest.js", "facets.js", *(f"{kind}/{name}.js" for kind in "tp"
                                                          for name in manifest["shards"]),
                            *(f"d/{i}.js" for i in range(5))}
    for name, text in scripts.items():
        key = name.removesuffix(".js")
        assert text.startswith(f'NewsSearch.put("{key}",') and text.endswith(");\n")
        json.loads(text[len(f'NewsSearch.put("{key}",'):-3])
    manifest = json.loads(scripts["manifest.js"][len('NewsSearch.put("manifest",'):-3])
    assert manifest["files"] == len(scripts)
    fewer = index_scripts(build_index(docs[:4], [], FACETS, STEM)[0])["manifest.js"]
    assert json.loads(fewer[len('NewsSearch.put("manifest",'):-3])["build"] != manifest["build"]


def test_long_documents_keep_every_position():
    words = " ".join(f"w{i}" for i in range(40_000))
    files, _ = build_index([_doc(0, "T", words)], [], FACETS, lambda w: w)
    assert _postings(files, "w39999") == {0: [39_999 + 2]}


VOCABULARY = ("border migrants migrant walked walking talks talk officials official bank banks "
              "central shares share fell falling trade trading closed closing the a of in "
              "zebra quota yields yield oil gas prices price rose rising"
              ).split()


#: The days the documents of :func:`editions` are dated on (None: undated).
DAYS = (None, "2022-12-30", "2023-01-01", "2023-01-02", "2024-06-01")


def _in_site_order(docs: list[IndexedDoc]) -> list[IndexedDoc]:
    """Undated documents first, then by day; within a day, in the order they came."""
    return sorted(docs, key=lambda doc: doc.date or "")


@st.composite
def editions(draw):
    """An archive and a few editions of it: documents edited in place, added on any day or
    taken out, the way a newsroom's archive changes."""
    def text():
        words = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=8)
        return (" ".join(draw(words)).title(),
                *(" ".join(p) + "." for p in draw(st.lists(words, min_size=1, max_size=3))))

    made = iter(range(1000))

    def new() -> IndexedDoc:
        return replace(_doc(next(made), *text()), date=draw(st.sampled_from(DAYS)))

    docs = _in_site_order([new() for _ in range(draw(st.integers(1, 12)))])
    steps = [docs]
    for _ in range(draw(st.integers(1, 4))):
        docs = list(docs)
        for _ in range(draw(st.integers(0, 2))):
            n = draw(st.integers(0, len(docs) - 1))
            title, *paragraphs = text()
            docs[n] = replace(docs[n], text=SearchDoc(title, tuple(paragraphs)))
        for _ in range(draw(st.integers(0, 2))):
            if len(docs) > 1:
                docs.pop(draw(st.integers(0, len(docs) - 1)))
        for _ in range(draw(st.integers(0, 3))):
            docs.insert(draw(st.integers(0, len(docs))), new())
        docs = _in_site_order(docs)
        steps.append(docs)
    return steps


@settings(max_examples=300, deadline=None)
@given(editions(), st.sampled_from([40, 300]))
def test_an_index_updated_in_place_equals_one_built_whole(steps, shard_chars):
    # Small shards and ranges, so that updates cross them; any share of documents updated.
    with patch.multiple(search_index, SHARD_CHARS=shard_chars, RANGE_TERMS=5,
                        UPDATE_SHARE=100):
        names = [NameEntry("person", "Ann Lee", "people/ann-lee.html", 1)]
        files, state = build_index(steps[0], names, FACETS, STEM, "stemmer")
        for docs in steps[1:]:
            scripts = index_scripts(files)
            digests = {name: file_digest(text) for name, text in scripts.items()}
            updated = update_index(state, files.get, docs, names, FACETS, STEM, "stemmer")
            assert updated is not None
            changed, kept, state = updated
            assert not kept & changed.keys()
            files = {**{key: files[key] for key in kept}, **changed}
            whole, whole_state = build_index(docs, names, FACETS, STEM, "stemmer")
            assert files == whole and state == whole_state
            kept_digests = {f"{key}.js": digests[f"{key}.js"] for key in kept}
            assert index_scripts(changed, kept_digests)["manifest.js"] == \
                index_scripts(whole)["manifest.js"]


def _dated(number: int, day: str) -> IndexedDoc:
    return replace(_doc(number, f"Title {number}", f"Body {number} text"), date=day)


def test_numbers_move_only_within_the_day_of_an_article_added_or_taken_out():
    days = ["2020-03-01"] * 3 + ["2020-03-02"] * 3 + ["2021-07-04"] * 3 + ["2021-07-05"] * 6
    docs = [_dated(i, day) for i, day in enumerate(days)]
    files, state = build_index(docs, [], FACETS, STEM, "stemmer")
    # Blocks of eight a day (the busiest has six), from the first of January 2020: the 2nd
    # of March is the 61st day after it.
    assert search_index.numbering(docs)[:6] == [480, 481, 482, 488, 489, 490]
    added = [*docs[:4], _dated(99, "2020-03-02"), *docs[4:]]
    changed, kept, _ = update_index(state, files.get, added, [], FACETS, STEM, "stemmer")
    numbers = search_index.numbering(added)
    # The documents after the new one on its day are renumbered; no other file is written.
    assert {key for key in changed if key.startswith("d/")} == {f"d/{n}" for n in numbers[4:7]}
    assert {f"d/{n}" for n in numbers[:4] + numbers[7:]} <= kept
    gone = docs[:1] + docs[2:]
    changed, kept, _ = update_index(state, files.get, gone, [], FACETS, STEM, "stemmer")
    assert {key for key in changed if key.startswith("d/")} == {"d/481"}
    assert {"d/480", "d/488"} <= kept and "d/482" not in kept  # the last of its day, gone


def test_an_index_is_built_whole_when_its_numbers_moved_or_its_files_are_not_as_written():
    docs = [_doc(i, f"Title {i}", f"Body {i} text") for i in range(6)]
    files, state = build_index(docs, [], FACETS, STEM, "stemmer")
    newest = [*docs, _doc(6, "Newest", "Border talks.")]
    assert update_index(state, files.get, newest, [], FACETS, STEM, "stemmer") is not None
    # On one day, a document taken out or put before the others renumbers the rest; so does
    # an older year (the blocks start from its first day).
    assert update_index(state, files.get, docs[1:], [], FACETS, STEM, "stemmer") is None
    assert update_index(state, files.get, [newest[-1], *docs], [], FACETS, STEM,
                        "stemmer") is None
    assert update_index(state, files.get, [_dated(7, "2019-05-05"), *docs], [], FACETS, STEM,
                        "stemmer") is None
    # Another stemmer, or a file of the last index that cannot be read.
    assert update_index(state, files.get, newest, [], FACETS, STEM, "other") is None
    edited = [replace(docs[0], text=SearchDoc("Edited", ("New text.",))), *docs[1:]]
    assert update_index(state, {}.get, edited, [], FACETS, STEM, "stemmer") is None


def test_a_range_whose_first_term_goes_joins_the_range_before():
    with patch.multiple(search_index, SHARD_CHARS=300, RANGE_TERMS=5, UPDATE_SHARE=1.0):
        assert search_index.starts_range(STEM("closed"))
        docs = [_doc(0, "Zebra closed", "Oil."), _doc(1, "Border", "Gas talks the a of in.")]
        files, state = build_index(docs, [], FACETS, STEM, "stemmer")
        assert STEM("closed") in state.firsts
        edited = [replace(_doc(0, "Zebra", "Oil."), url=docs[0].url), docs[1]]
        changed, kept, updated = update_index(state, files.get, edited, [], FACETS, STEM,
                                              "stemmer")
        assert updated == build_index(edited, [], FACETS, STEM, "stemmer")[1]
        assert STEM("closed") not in updated.firsts
