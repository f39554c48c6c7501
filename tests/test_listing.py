"""Index terms: spellings of one name merge into one page, linked from every spelling."""

from build_tools.sphinxext.listing import ArticleEntry, Index, build_terms


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
