"""Index terms: spellings of one name merge into one page, linked from every spelling."""

from hypothesis import given
from hypothesis import strategies as st

from build_tools.sphinxext.listing import (
    ArticleEntry,
    Index,
    build_terms,
    page_name,
    page_numbers,
    paginate,
)


def entry(docname, places=(), people=(), roles=None):
    return ArticleEntry(docname, docname.title(), terms={"places": places, "people": people},
                        roles=roles or {})


def test_spellings_that_differ_in_accents_are_one_term():
    entries = {
        "a": entry("a", places=("Bogotá",)),
        "b": entry("b", places=("Bogota",)),
        "c": entry("c", places=("Bogotá", "Lima")),
    }
    terms = build_terms(Index("places", "Places", "place"), entries)
    assert sorted(terms) == ["Bogotá", "Lima"]
    bogota = terms["Bogotá"]
    assert (bogota.slug, bogota.docnames, bogota.variants) == ("bogota", ["a", "b", "c"],
                                                              ["Bogota"])


def test_roles_are_found_under_every_spelling():
    entries = {
        "a": entry("a", people=("José Ruiz",), roles={"José Ruiz": ("Mayor",)}),
        "b": entry("b", people=("Jose Ruiz",), roles={"Jose Ruiz": ("Governor",)}),
    }
    index = Index("people", "People", "person", sort_by_surname=True, roles=True)
    (term,) = build_terms(index, entries).values()
    assert set(term.roles) == {"Mayor", "Governor"}


def test_dirty_terms_are_those_whose_pages_may_show_something_new():
    from build_tools.sphinxext.pages import dirty_terms

    index = Index("places", "Places", "place")
    before = {"a": entry("a", places=("Lima", "Quito")), "b": entry("b", places=("Lima",)),
              "c": entry("c", places=("Oslo",)), "d": entry("d", places=("Bern", "Rome"))}
    old = {"places": build_terms(index, before)}
    # "e" added with Lima; "d"'s Bern is now printed Berne, which Rome's page lists.
    after = {**before, "e": entry("e", places=("Lima",)), "d": entry("d", places=("Berne", "Rome"))}
    new = {"places": build_terms(index, after)}
    assert dirty_terms(old, new, {"e"}) == {"places": {"Lima", "Berne", "Rome"}}
    # Nothing read, nothing different: nothing to make again.
    assert dirty_terms(new, new, set()) == {"places": set()}
    # An article read again dirties its terms, even unchanged; the others stay clean.
    assert dirty_terms(new, new, {"a"}) == {"places": {"Lima", "Quito"}}
    # A term new to this build.
    assert dirty_terms({}, new, set())["places"] == set(new["places"])


@given(st.integers(min_value=0, max_value=400), st.integers(min_value=1, max_value=60))
def test_pages_keep_their_articles_when_a_newest_one_is_added(count, size):
    items = list(range(count, 0, -1))  # newest first
    pages = paginate(items, size)
    assert [i for p in pages for i in p.items] == items
    assert [p.number for p in pages] == page_numbers(count, size)
    assert all(len(p.items) == size for p in pages[1:])
    assert len(pages[0].items) < 2 * size
    assert all(p.start == p.items[-1] for p in pages if p.items)  # counted from the oldest
    grown = paginate([count + 1, *items], size)
    # Every page but the first is in the grown list unchanged, under the same name.
    kept = {p.number: p.items for p in grown[1:]}
    assert all(kept[p.number] == p.items for p in pages[1:])


def test_page_names():
    assert page_name("tags/migration", None) == "tags/migration"
    assert page_name("tags/migration", 3) == "tags/migration/3"
    assert page_name("archive/index", 1) == "archive/1"
