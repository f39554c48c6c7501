"""Surnames resolved across the archive: deterministic, role-aware, and the user's names kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dataclasses import replace

from build_tools.article import Article, Source
from build_tools.resolve import resolve_names, role_head


def story(file: str, people: dict[str, list[str]], overrides=()) -> Article:
    return Article(title=file, paragraphs=("Text.",), source=Source(file, "0" * 64, overrides),
                   people=tuple(people), roles={k: v for k, v in people.items() if v})


def people_of(articles) -> dict[str, tuple[str, ...]]:
    return {a.source.file: a.people for a in articles}


def test_a_surname_with_a_title_joins_the_full_name_with_that_title():
    archive = [
        story("a.txt", {"James Baker": ["Treasury Secretary"]}),
        story("b.txt", {"Baker": ["Treasury Secretary"], "Reagan": ["President"]}),
        story("c.txt", {"Baker": ["U.S. Secretary"]}),
    ]
    out, done = resolve_names(archive)
    assert people_of(out)["b.txt"] == ("James Baker", "Reagan, President")
    assert people_of(out)["c.txt"] == ("James Baker",)
    b = next(a for a in out if a.source.file == "b.txt")
    assert b.roles == {"James Baker": ["Treasury Secretary"], "Reagan, President": ["President"]}
    assert str(done["b.txt"][0]).startswith("Baker -> James Baker (")


def test_two_bakers_with_different_roles_stay_apart():
    archive = [
        story("a.txt", {"James Baker": ["Treasury Secretary"]}),
        story("b.txt", {"John Baker": ["Chief Executive"]}),
        story("c.txt", {"Baker": ["Chief Executive"]}),
        story("d.txt", {"Baker": ["Treasury Secretary"]}),
    ]
    out, _ = resolve_names(archive)
    assert people_of(out)["c.txt"] == ("John Baker",)
    assert people_of(out)["d.txt"] == ("James Baker",)


def test_two_with_the_same_role_make_the_surname_ambiguous():
    archive = [
        story("a.txt", {"James Baker": ["Secretary"]}),
        story("b.txt", {"Howard Baker": ["Secretary"]}),
        story("c.txt", {"Baker": ["Secretary"]}),
    ]
    out, done = resolve_names(archive)
    assert people_of(out)["c.txt"] == ("Baker, Secretary",)
    assert "2 full names" in done["c.txt"][0].reason


def test_an_unresolved_surname_is_one_page_spelled_as_most_articles_spell_its_role():
    archive = [story(f"{i}.txt", {"Kohl": [role]}) for i, role in
               enumerate(["Chancellor", "West German Chancellor", "Chancellor"])]
    out, _ = resolve_names(archive)
    assert {p for a in out for p in a.people} == {"Kohl, Chancellor"}


def test_descriptions_are_not_titles_and_names_the_user_gave_are_kept():
    archive = [
        story("a.txt", {"Nancy Reagan": ["First Lady"], "Ronald Reagan": ["President"]}),
        story("b.txt", {"Nancy": ["wife"]}),
        story("c.txt", {"Reagan": ["President"]}, overrides=(("people", "c.yaml"),)),
    ]
    out, done = resolve_names(archive)
    assert people_of(out)["b.txt"] == ("Nancy",)
    assert people_of(out)["c.txt"] == ("Reagan",)
    assert not done


def test_an_office_in_lower_case_is_a_title():
    archive = [story("a.txt", {"Ronald Reagan": ["President"]}),
               story("b.txt", {"Reagan": ["president"]})]
    assert people_of(resolve_names(archive)[0])["b.txt"] == ("Ronald Reagan",)


def test_role_heads():
    assert role_head("Treasury Secretary") == role_head("Secretary") == "secretary"
    assert role_head("U.S. Secretary of State") == role_head("Secretary of State")
    assert role_head("Secretary of State") != role_head("Secretary")
    assert role_head("former Fed Chairman") == "chairman"


NAMES = st.sampled_from(["James Baker", "Howard Baker", "Baker", "Reagan", "Ronald Reagan",
                         "Kohl", "Helmut Kohl"])
ROLES = st.lists(st.sampled_from(["President", "Secretary", "Treasury Secretary", "Chancellor",
                                  "wife"]), max_size=2)
ARCHIVE = st.lists(st.dictionaries(NAMES, ROLES, max_size=3), max_size=6)


@settings(max_examples=200, deadline=None)
@given(ARCHIVE, st.randoms())
def test_the_result_does_not_depend_on_the_order_of_the_inputs(people, rnd):
    archive = [story(f"{i}.txt", p) for i, p in enumerate(people)]
    shuffled = archive[:]
    rnd.shuffle(shuffled)
    out, _ = resolve_names(archive)
    again, _ = resolve_names(shuffled)
    assert sorted(people_of(out).items()) == sorted(people_of(again).items())
    # Resolving the result again changes nothing: a resolved archive is a fixed point.
    assert people_of(resolve_names(out)[0]) == people_of(out)


def test_an_acronym_spelled_out_in_one_article_is_that_name_in_every_article():
    full = "U.S. Federal Energy Regulatory Commission"
    a = replace(story("a.txt", {}), paragraphs=(f"The {full} (FERC) ruled.",),
                organizations=(full,))
    b = replace(story("b.txt", {}), organizations=("FERC", "Enron"))
    c = replace(story("c.txt", {}), organizations=("FERC",), source=Source(
        "c.txt", "0" * 64, (("organizations", "c.yaml"),)))
    out, done = resolve_names([a, b, c])
    assert {x.source.file: x.organizations for x in out} == {
        "a.txt": (full,), "b.txt": (full, "Enron"), "c.txt": ("FERC",)}
    assert str(done["b.txt"][0]) == f"FERC -> {full} (spelled out so in a.txt)"


def test_an_acronym_spelled_out_two_ways_is_left_alone():
    a = replace(story("a.txt", {}), paragraphs=("The Asian Development Bank (ADB) lent.",),
                organizations=("Asian Development Bank",))
    b = replace(story("b.txt", {}), paragraphs=("The African Development Bank (ADB) lent.",),
                organizations=("African Development Bank",))
    c = replace(story("c.txt", {}), organizations=("ADB",))
    out, _ = resolve_names([a, b, c])
    assert out[2].organizations == ("ADB",)
