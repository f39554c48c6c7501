"""Related articles, neighbours, terms that appear together, the chart, feeds and linked data:
the pure functions, without Sphinx."""

from __future__ import annotations

import datetime as dt
import json
import re
from unittest.mock import patch

import feedparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.sphinxext.chart import bar_chart, describe
from build_tools.sphinxext.feeds import Entry, Feed, render_atom
from build_tools.sphinxext.linked_data import meta_tags, news_article, script_json
from build_tools.sphinxext.listing import ArticleEntry
from build_tools.sphinxext import relations
from build_tools.sphinxext.relations import (
    appearing_with,
    articles_per_period,
    neighbours,
    rarity,
    related_articles,
    term_keys,
)


def entry(docname: str, date: str | None = None, **terms: list[str]) -> ArticleEntry:
    return ArticleEntry(docname=docname, title=docname.title(),
                        date=dt.date.fromisoformat(date) if date else None,
                        terms={k: tuple(v) for k, v in terms.items()})


def slugs_of(entries: dict[str, ArticleEntry]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for e in entries.values():
        for kind, names in e.terms.items():
            for name in names:
                out.setdefault(kind, {})[name] = name.lower().replace(" ", "-")
    return out


def test_a_shared_rare_name_outweighs_a_shared_common_tag():
    entries = {e.docname: e for e in [
        entry("a", "2020-01-01", people=["Rare Person"], tags=["politics"]),
        entry("b", "2020-01-02", tags=["politics"]),
        entry("c", "2021-06-01", people=["Rare Person"]),
        *(entry(f"x{i}", "2019-01-01", tags=["politics"]) for i in range(6)),
    ]}
    related = related_articles(entries, slugs_of(entries), limit=3).lists
    assert related["a"][0] == "c"  # closer in date is b, but the rare name weighs more
    assert "a" not in related["a"]
    assert len(related["a"]) == 3
    # Sharing nothing is not being related.
    lonely = {**entries, "z": entry("z", "2020-01-01", tags=["unique"])}
    assert related_articles(lonely, slugs_of(lonely), 5).lists["z"] == ()


def test_ties_go_to_the_article_closest_in_date_and_spellings_are_one_term():
    entries = {e.docname: e for e in [
        entry("a", "2020-05-10", places=["Bogotá"]),
        entry("far", "2010-01-01", places=["Bogota"]),
        entry("near", "2020-05-01", places=["Bogotá"]),
        entry("undated", None, places=["Bogotá"]),
    ]}
    slugs = {"places": {"Bogotá": "bogota", "Bogota": "bogota"}}
    assert related_articles(entries, slugs, 5).lists["a"] == ("near", "far", "undated")
    assert related_articles(entries, slugs, 0).lists["a"] == ()


def test_neighbours_follow_the_listing_order_and_skip_undated():
    entries = [entry("old", "2020-01-01"), entry("new", "2021-01-01"),
               entry("mid", "2020-06-01"), entry("nodate")]
    around = neighbours(entries)
    assert (around["mid"].older, around["mid"].newer) == ("old", "new")
    assert around["new"].newer is None and around["old"].older is None
    assert "nodate" not in around


def test_appearing_with_counts_shared_articles_and_leaves_out_the_term_itself():
    entries = {e.docname: e for e in [
        entry("a", people=["Ann Lee", "Bo Chen"], places=["Paris"]),
        entry("b", people=["Ann Lee", "Bo Chen", "Cy Dorn"]),
        entry("c", people=["Ann Lee", "Cy Dorn"], places=["Paris"]),
        entry("d", people=["Bo Chen"]),
    ]}
    slugs = slugs_of(entries)
    names = {(k, s): n for k, m in slugs.items() for n, s in m.items()}
    def keys(docname):
        return term_keys(entries[docname], slugs)

    found = appearing_with(["a", "b", "c"], keys, names, ("people", "ann-lee"), 5)
    assert [(t.name, t.count) for t in found["people"]] == [("Bo Chen", 2), ("Cy Dorn", 2)]
    assert [(t.name, t.count) for t in found["places"]] == [("Paris", 2)]
    assert found["tags"] == []
    assert len(appearing_with(["a", "b", "c"], keys, names,
                              ("people", "ann-lee"), 1)["people"]) == 1


def test_articles_per_month_or_year_with_empty_periods():
    d = dt.date.fromisoformat
    unit, series = articles_per_period([d("2023-11-02"), d("2024-01-05"), d("2024-01-09"), None])
    assert unit == "month"
    assert series == [("2023-11", 1), ("2023-12", 0), ("2024-01", 2)]
    unit, series = articles_per_period([d("2001-03-01"), d("2007-01-01")])
    assert unit == "year" and [p for p, _ in series] == [str(y) for y in range(2001, 2008)]
    assert articles_per_period([None]) == ("year", [])


def test_the_chart_is_an_image_with_its_figures_in_words():
    series = [("2023-11", 1), ("2023-12", 0), ("2024-01", 2)]
    svg = bar_chart("month", series)
    assert svg.startswith("<svg") and 'role="img"' in svg
    label = re.search(r'aria-label="([^"]*)"', svg).group(1)
    assert label == describe("month", series) == (
        "Articles per month, November 2023 to January 2024. November 2023: 1 article; "
        "January 2024: 2 articles.")
    assert svg.count("<rect") == 2 and "<script" not in svg
    assert 'fill="currentColor"' in svg  # follows the text colour: dark mode and print
    assert bar_chart("month", [("2023-11", 3)]) == ""  # one period is no chart


HOSTILE = '</script><script>alert(1)</script><!-- "x" & \u2028'


def test_json_ld_cannot_close_its_script_element_and_decodes_to_the_same_text():
    record = news_article(
        ArticleEntry("articles/a", HOSTILE, dt.date(2020, 1, 2), "Paris", "AP", ("Eve <b>",),
                     terms={"people": ("Ann <i>",), "places": ("Paris", "Lyon"),
                            "organizations": ("ACME & Co",), "tags": ("t",)}),
        url=lambda d: d + ".html", publisher="Archive", language="en",
        term_url=lambda kind, name: f"{kind}/x.html")
    html = script_json(record)
    inner = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    data = json.loads(inner)
    assert data["headline"] == HOSTILE
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2020-01-02"
    assert data["author"] == [{"@type": "Person", "name": "Eve <b>", "url": "authors/x.html"}]
    assert data["contentLocation"]["name"] == "Paris"
    assert [m["name"] for m in data["mentions"]] == ["Lyon", "ACME & Co"]
    assert data["about"][0]["name"] == "Ann <i>"


def test_meta_tags_escape_attributes():
    out = meta_tags([("og:title", HOSTILE)])
    assert out.count("<") == 1 and '"x"' not in out
    assert "&lt;/script&gt;" in out and "&quot;x&quot;" in out


def feed(entries=2) -> Feed:
    return Feed("people/ann-lee.xml", "Ann Lee – Archive", "Latest with Ann Lee",
                "people/ann-lee.html", tuple(
                    Entry(f"articles/a{i}.html", f"{HOSTILE} {i}", dt.date(2020, 1, 10 - i),
                          "Summary & <more>", ("Eve",), (("tags", "t"), ("people", "Ann Lee")))
                    for i in range(entries)))


def test_atom_without_a_site_url_is_valid_and_links_relative_to_the_feed():
    xml = render_atom(feed(), "Archive", "en", None)
    parsed = feedparser.parse(xml, response_headers={
        "content-location": "http://example.org/site/people/ann-lee.xml",
        "content-type": "application/atom+xml"})
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Ann Lee – Archive"
    first = parsed.entries[0]
    assert first.title == f"{HOSTILE} 0"
    assert first.link == "http://example.org/site/articles/a0.html"
    assert first.summary == "Summary & <more>"
    assert [t.term for t in first.tags] == ["t", "Ann Lee"]
    assert first.author == "Eve" and first.published.startswith("2020-01-10")
    assert first.id.startswith("urn:uuid:")
    assert render_atom(feed(), "Archive", "en", None) == xml  # same input, same bytes


def test_atom_with_a_site_url_has_absolute_links():
    parsed = feedparser.parse(render_atom(feed(1), "Archive", None,
                                          "https://news.example.org/archive/"))
    assert not parsed.bozo
    assert parsed.entries[0].link == "https://news.example.org/archive/articles/a0.html"
    # Each category in order, named by the index's page (the default page of its kind).
    assert [(t.term, t.label, t.scheme) for t in parsed.entries[0].tags] == [
        ("t", "t", "https://news.example.org/archive/tags/index.html"),
        ("Ann Lee", "Ann Lee", "https://news.example.org/archive/people/index.html")]
    self_link = [link.href for link in parsed.feed.links if link.rel == "self"]
    assert self_link == ["https://news.example.org/archive/people/ann-lee.xml"]
    empty = feedparser.parse(render_atom(feed(0), "Archive", None, None))
    assert not empty.bozo and empty.entries == []


@pytest.mark.parametrize("limit", [1, 2])
def test_related_never_exceeds_the_limit(limit: int):
    entries = {e.docname: e for e in (entry(f"d{i}", "2020-01-01", tags=["t"])
                                      for i in range(5))}
    assert all(len(v) == limit for v in related_articles(entries, slugs_of(entries),
                                                         limit).lists.values())


def test_rarity_falls_with_the_count_and_a_common_terms_is_kept_between_steps():
    weights = [rarity(n) for n in range(1, 5000)]
    assert all(a >= b for a, b in zip(weights, weights[1:])) and weights[-1] > 0
    assert rarity(1) > rarity(2) > rarity(100)
    assert rarity(1000) == rarity(1001)  # a common term's weight moves in steps


NAMES = [f"n{i}" for i in range(12)]


@st.composite
def archives(draw):
    """Articles with a few of a small set of names (so that many share them), some common
    to most articles, and a list of changes: add, remove, retag, redate."""
    def article(i: int) -> ArticleEntry:
        people = draw(st.lists(st.sampled_from(NAMES), max_size=3, unique=True))
        tags = draw(st.lists(st.sampled_from(["t0", "t1"]), max_size=2, unique=True))
        day = draw(st.integers(min_value=1, max_value=28))
        return entry(f"d{i}", f"2020-01-{day:02d}", people=people, tags=tags)

    entries = {e.docname: e for e in (article(i) for i in range(draw(st.integers(0, 30))))}
    changes = []
    for step in range(draw(st.integers(1, 6))):
        if entries and draw(st.booleans()):
            changes.append(("remove", draw(st.sampled_from(sorted(entries)))))
        else:
            changes.append(("set", article(100 + step if draw(st.booleans()) else
                                           draw(st.integers(0, 30)))))
    return entries, changes


@settings(max_examples=200, deadline=None)
@given(archives(), st.integers(1, 4))
def test_related_lists_kept_from_the_last_build_equal_lists_worked_out_whole(archive, limit):
    entries, changes = archive
    slugs = {"people": {n: n for n in NAMES}, "tags": {"t0": "t0", "t1": "t1"}}
    # Common terms and the candidate cut at this archive's size.
    with patch.multiple(relations, COMMON_TERM=3, CANDIDATES=2):
        previous = related_articles(entries, slugs, limit)
        for change, value in changes:
            if change == "remove":
                entries.pop(value, None)
            else:
                entries[value.docname] = value
            kept = related_articles(entries, slugs, limit, previous)
            assert kept == related_articles(entries, slugs, limit)
            previous = kept
