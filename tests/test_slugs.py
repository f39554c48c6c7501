"""Page names: every input and every term has exactly one page, and URLs do not move."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.naming import RESERVED_NAMES, article_slugs, term_key, term_slugs

# Few, colliding titles, so that the interesting cases come up often: the same title twice, a
# title that spells another's disambiguated name, reserved and empty slugs.
TITLES = st.sampled_from([
    "Budget vote", "budget vote", "Budget Vote!", "Budget vote 1a2b3c4d", "Index", "Search",
    "!!!", "", "2", "Budget vote--1a2b3c4d", "Ümlaut news", "Umlaut news", "北京", "C++", "C",
])
PATHS = st.sampled_from([f"{d}{n}.txt" for d in ("", "sub/", "Z/") for n in "abcdefgh"])
INPUTS = st.dictionaries(PATHS, TITLES, max_size=12)


def run(titles: dict[str, str], folder: dict[str, str], taken: set[str]) -> dict[str, str]:
    """One conversion: *folder* is slug -> path of the files written before (updated)."""
    current: dict[str, list[str]] = {}
    for slug, path in folder.items():
        current.setdefault(path, []).append(slug)
    slugs = article_slugs(titles, current, taken)
    folder.clear()
    folder.update({slug: path for path, slug in slugs.items()})
    return slugs


@settings(max_examples=300, deadline=None)
@given(st.lists(INPUTS, min_size=1, max_size=4), st.sets(TITLES.map(lambda t: t.lower()
                                                                    .replace(" ", "-"))))
def test_every_input_has_one_page_and_urls_stay(runs, hand_written):
    """Any titles, any inputs added and removed between runs: one name per input, none shared,
    none reserved or hand-written, and an input whose title is unchanged keeps its name."""
    folder: dict[str, str] = {}
    before: dict[str, str] = {}
    for titles in runs:
        slugs = run(titles, folder, hand_written)
        assert set(slugs) == set(titles)
        assert len(set(slugs.values())) == len(slugs)
        assert not set(slugs.values()) & (hand_written | RESERVED_NAMES)
        for path, slug in slugs.items():
            if path in before and before[path][0] == titles[path]:
                assert slug == before[path][1]
        before = {path: (titles[path], slug) for path, slug in slugs.items()}


def test_a_title_that_spells_another_articles_name_gets_its_own():
    first = article_slugs({"a.txt": "Budget vote", "b.txt": "Budget vote"}, {})
    hashed = first["b.txt"]
    third = article_slugs({"a.txt": "Budget vote", "b.txt": "Budget vote",
                           "c.txt": "Budget vote " + hashed.split("--")[1]},
                          {p: [s] for p, s in first.items()})
    assert len(set(third.values())) == 3
    assert {p: third[p] for p in first} == first


def test_older_names_are_kept():
    """Before ``--``, a name was made unique with one hyphen; those URLs stay."""
    slugs = article_slugs({"b.txt": "Budget vote", "c.txt": "Budget vote 1a2b3c4d"},
                          {"b.txt": ["budget-vote-1a2b3c4d"]})
    assert slugs["b.txt"] == "budget-vote-1a2b3c4d"
    assert slugs["c.txt"].startswith("budget-vote-1a2b3c4d--")


NAMES = st.one_of(
    st.sampled_from(["C", "C++", "C#", "c", "Bogotá", "BOGOTA", "Bogota ", "U.S.", "US", "u s",
                     "AT&T", "AT and T", "index", "2024", "北京", "北京市", "Joe  Biden",
                     "joe-biden", "Ærø", "Aero", "x" * 90, "x" * 90 + "y", "tag--1a2b3c4d",
                     "Zero\u200bWidth", "ZeroWidth", "by count", "By-Name"]),
    st.text(max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(NAMES, max_size=20), st.sets(st.sampled_from(["guide", "c", "us", "x"])))
def test_terms_have_one_page_each_whatever_else_exists(names, taken):
    keys = {term_key(n) for n in names}
    slugs = term_slugs(keys, taken)
    assert len(set(slugs.values())) == len(keys)
    assert not set(slugs.values()) & (taken | RESERVED_NAMES)
    assert all(s and not s.isdigit() and "/" not in s for s in slugs.values())
    # A term's page does not depend on which other terms there are.
    for key in keys:
        assert term_slugs({key}, taken)[key] == slugs[key]


def test_meaningful_punctuation_makes_separate_terms():
    keys = {term_key(n) for n in ("C++", "C#", "C")}
    assert len(keys) == 3
    slugs = term_slugs(keys)
    assert slugs["c"] == "c" and slugs["c++"].startswith("c--") and slugs["c#"].startswith("c--")


def test_case_accents_spacing_and_spelling_make_one_term():
    assert len({term_key(n) for n in ("Bogotá", "BOGOTA", " Bogota", "bogota")}) == 1
    assert term_key("U.S.") == term_key("US")
    assert term_key("Coca-Cola") == term_key("Coca Cola")
    assert term_key("AT&T") == term_key("AT and T")
    assert term_key("Zero\u200bWidth") == term_key("ZeroWidth")
    assert term_key("Łódź") == term_key("Lodz")
    assert term_key("北京") != term_key("Beijing")


def test_long_names_that_share_a_beginning_get_two_pages():
    a, b = "International " * 6 + "Fund", "International " * 6 + "Bank"
    slugs = term_slugs({term_key(a), term_key(b)})
    assert len(set(slugs.values())) == 2


def test_names_are_taken_whatever_their_case():
    """On a case-insensitive disk, a user's ``tags/Guide.md`` is ``tags/guide.html``'s file."""
    assert term_slugs({"guide"}, {"Guide"})["guide"].startswith("guide--")
    assert article_slugs({"a.txt": "Budget vote"}, {}, {"Budget-Vote"})["a.txt"].startswith(
        "budget-vote--")


def test_commas_are_spelling():
    assert term_slugs({term_key("Washington, D.C.")}) == {"washington dc": "washington-dc"}
    assert term_key("Martin Luther King, Jr.") == term_key("Martin Luther King Jr")
