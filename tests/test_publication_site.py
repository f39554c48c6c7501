"""The site as a publication, in real Sphinx builds: article pages, home page, entity pages,
indexes in both orders, feeds, JSON-LD, OpenGraph and ``catalog.json``.

The test root ``test-publication`` holds seven small articles, one of them hostile; the
incremental tests build the evaluation set (over 30 real-shaped articles) with sphinx-build.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest
import yaml

from build_tools.naming import slugify

from conftest import ARTICLES, SAMPLE, make_project, page, sphinx_build, visible_text

EVAL = Path(__file__).parent / "data" / "eval" / "articles"


def read(app, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def parse_feed(path: Path, url: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes(), response_headers={
        "content-location": url, "content-type": "application/atom+xml"})
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return parsed


def json_ld(markup: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', markup, re.DOTALL)]


@pytest.mark.sphinx("html", testroot="publication")
def test_article_page_header_chips_related_and_neighbours(app):
    app.build()
    html = read(app, "articles/caravan.html")
    assert "<title>Migrant caravan heads north – Test Archive</title>" in html
    assert re.search(r'<html[^>]* lang="en"', html)
    header = html[html.index('class="news-article-meta'):html.index("VILLA COMALTITLAN", html.index('class="news-article-meta'))]
    assert 'href="../authors/jose-torres.html">Jose Torres</a>' in header
    assert 'href="../places/villa-comaltitlan.html">Villa Comaltitlán</a>' in header
    assert 'href="../agencies/reuters.html">Reuters</a>' in header
    assert "26 December 2023" in header
    chips = html[html.index('class="news-article-terms'):]
    for href in ("../tags/migration.html", "../people/luis-garcia-villagran.html",
                 "../places/mexico.html"):
        assert f'href="{href}"' in chips
    assert "2023-12-26-caravan.txt" in chips
    assert 'href="https://www.reuters.com/world/caravan"' in chips
    related = chips[chips.index("Related articles"):chips.index("news-prevnext")]
    titles = re.findall(r'class="reference internal" href="([^"]+)"', related)
    # "stranded" (Villagrán, migration, Mexico) and "talks" (Mayorkas, migration, Mexico)
    # share as much, each name being in two articles; "talks" is a day away, so it is first.
    assert titles[:2] == ["talks.html", "stranded.html"]
    assert "markets.html" not in titles  # shares nothing
    nav = visible_text(chips[chips.index("news-prevnext"):])
    assert "Older: Migrants stranded in Tapachula" in nav
    assert "Newer: Mayorkas holds border talks" in nav


@pytest.mark.sphinx("html", testroot="publication")
def test_hostile_front_matter_stays_text_in_every_context(app):
    app.build()
    html = read(app, "articles/hostile.html")
    head = html[:html.index("</head>")]
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold" not in html
    [record] = json_ld(head)
    assert record["headline"] == '</script><script>alert(1)</script> "Quotes" & <b>bold</b>'
    assert record["author"][0]["name"] == "Eve <img src=x onerror=alert(2)>"
    og = dict(re.findall(r'<meta property="([^"]+)" content="([^"]*)">', head))
    assert og["og:title"].startswith("&lt;/script&gt;")
    for name in ("index.html", "archive/index.html", "atom.xml", "people/axel-weber.xml",
                 "agencies/index.html", "tags/index.html"):
        text = read(app, name)
        assert "<script>alert" not in text and "<img src=x" not in text, name
    catalog = json.loads(read(app, "catalog.json"))
    hostile = next(r for r in catalog["articles"] if r["url"] == "articles/hostile.html")
    assert hostile["title"].startswith("</script>") and hostile["agency"] == "Wire & Co"


@pytest.mark.sphinx("html", testroot="publication")
def test_home_page_lists_latest_with_summary_years_indexes_and_most_covered(app):
    app.build()
    html = read(app, "index.html")
    text = visible_text(html)
    assert "7 articles" in text and "7 tags" not in text
    for index in ("tags", "people", "places", "organizations", "authors", "agencies"):
        assert f'href="{index}/index.html"' in html
    latest = html[html.index('class="news-latest"'):]
    assert latest.index("Mayorkas holds border talks") < latest.index("Migrant caravan")
    assert "Officials met to discuss the border." in latest  # the first paragraph
    assert "27 December 2023" in latest and "Mexico City" in latest
    assert 'href="dates/index.html#year-2023">2023</a>' in html
    assert 'id="year-2023"' in read(app, "dates/index.html")
    top = visible_text(html[html.index("news-most-covered"):])
    assert "Axel Weber (3)" in top and "Mexico (3)" in top and "migration (4)" in top
    assert "A test archive &lt;of&gt; &quot;wire&quot; stories &amp; more" in html


@pytest.mark.sphinx("html", testroot="publication")
def test_entity_page_dates_chart_and_what_appears_with_it(app):
    app.build()
    html = read(app, "people/axel-weber.html")
    text = visible_text(html)
    assert "3 articles, 11 September 2007 to 16 October 2007" in text
    svg = re.search(r"<svg[^>]*>", html).group(0)
    assert 'role="img"' in svg
    assert ('aria-label="Articles per month, September 2007 to October 2007. September 2007: '
            '1 article; October 2007: 2 articles."') in svg
    together = visible_text(html[html.index("news-together"):])
    assert "Organisations European Central Bank (2)" in together
    assert "Germany (3)" in together and "markets (3)" in together
    assert "Axel Weber (" not in together
    assert 'type="application/atom+xml"' in html and 'href="axel-weber.xml"' in html
    # An agency is an entity too.
    agency = visible_text(read(app, "agencies/reuters.html"))
    assert "4 articles" in agency and "Agencies" in agency


@pytest.mark.sphinx("html", testroot="publication")
def test_indexes_in_both_orders_link_each_other(app):
    app.build()
    by_name, by_count = read(app, "tags/index.html"), read(app, "tags/by-count.html")
    assert 'href="by-count.html">most articles</a>' in by_name
    assert 'href="index.html">A–Z</a>' in by_count
    assert '<span aria-current="page">A–Z</span>' in by_name

    def names(markup: str) -> list[str]:
        return re.findall(r'<li><a href="[^"]+">([^<]+)</a>', markup)

    assert names(by_count) == ["migration", "markets", "&lt;tag&gt;", "diplomacy"]
    assert names(by_name) == ["diplomacy", "markets", "migration", "&lt;tag&gt;"]


@pytest.mark.sphinx("html", testroot="publication")
def test_feeds_are_atom_with_summaries_dates_authors_and_categories(app):
    app.build()
    out = Path(app.outdir)
    site = parse_feed(out / "atom.xml", "http://example.org/atom.xml")
    assert site.feed.title == "Test Archive"
    titles = [e.title for e in site.entries]
    assert titles[0] == "Mayorkas holds border talks" and "An undated note" not in titles
    first = site.entries[0]
    assert first.link == "http://example.org/articles/talks.html"
    assert first.summary == "MEXICO CITY (AP) - Officials met to discuss the border."
    assert first.author == "Dave Graham" and first.updated.startswith("2023-12-27")
    assert {"migration", "Alejandro Mayorkas", "Department of Homeland Security"} <= {
        t.term for t in first.tags}
    person = parse_feed(out / "people" / "alejandro-mayorkas.xml",
                        "http://example.org/people/alejandro-mayorkas.xml")
    assert [e.link for e in person.entries] == ["http://example.org/articles/talks.html",
                                               "http://example.org/articles/caravan.html"]
    assert (out / "tags" / "migration.xml").is_file()
    assert (out / "authors" / "jose-torres.xml").is_file()
    assert not (out / "places" / "mexico.xml").exists()  # places have no feeds by default
    index = read(app, "index.html")
    assert '<link rel="alternate" type="application/atom+xml"' in index
    assert 'href="atom.xml"' in index


@pytest.mark.sphinx("html", testroot="publication",
                    confoverrides={"html_baseurl": "https://news.example.org/archive/",
                                   "news_feed_length": 1, "news_related": 1,
                                   "news_feeds": ["places"]})
def test_site_url_makes_links_absolute_and_options_apply(app):
    app.build()
    out = Path(app.outdir)
    site = parse_feed(out / "atom.xml", "file:///elsewhere/atom.xml")
    assert [e.link for e in site.entries] == [
        "https://news.example.org/archive/articles/talks.html"]
    assert (out / "places" / "mexico.xml").is_file() and not (out / "tags").joinpath(
        "migration.xml").exists()
    html = read(app, "articles/caravan.html")
    [record] = json_ld(html)
    assert record["url"] == "https://news.example.org/archive/articles/caravan.html"
    assert record["author"][0]["url"] == "https://news.example.org/archive/authors/jose-torres.html"
    assert '<meta property="og:url" content="https://news.example.org/archive/articles/caravan.html">' in html
    related = html[html.index("Related articles"):html.index("news-prevnext")]
    assert related.count("<li>") == 1
    catalog = json.loads(read(app, "catalog.json"))
    assert catalog["base_url"] == "https://news.example.org/archive/"
    assert catalog["articles"][0]["url"] == "https://news.example.org/archive/articles/talks.html"


@pytest.mark.sphinx("html", testroot="publication")
def test_catalog_has_one_record_per_article(app):
    app.build()
    catalog = json.loads(read(app, "catalog.json"))
    assert catalog["count"] == 7 == len(catalog["articles"])
    caravan = next(r for r in catalog["articles"] if r["url"] == "articles/caravan.html")
    assert caravan == {
        "url": "articles/caravan.html", "title": "Migrant caravan heads north",
        "date": "2023-12-26", "authors": ["Jose Torres"], "agency": "Reuters",
        "location": "Villa Comaltitlán", "tags": ["migration"],
        "people": ["Luis García Villagrán", "Alejandro Mayorkas"],
        "places": ["Villa Comaltitlán", "Mexico"],
        "organizations": [], "source_file": "2023-12-26-caravan.txt",
        "original_url": "https://www.reuters.com/world/caravan"}


# ------------------------------------------------------------- a real archive, incrementally


def outputs(html: Path) -> dict[str, bytes]:
    return {p.relative_to(html).as_posix(): p.read_bytes() for p in sorted(html.rglob("*"))
            if p.is_file() and p.suffix in (".html", ".xml", ".json")
            and not p.relative_to(html).as_posix().startswith("_")}


def set_people(article: Path, people: list[str]) -> None:
    text = article.read_text(encoding="utf-8")
    text, n = re.subn(r"^people:.*?(?=^\w)", "people:\n" + "".join(f"- {p}\n" for p in people),
                      text, count=1, flags=re.MULTILINE | re.DOTALL)
    assert n == 1
    article.write_text(text, encoding="utf-8")


def test_editing_one_articles_people_updates_related_entity_pages_and_feeds(tmp_path: Path):
    inputs = [SAMPLE, *sorted(EVAL.glob("*.txt"))]
    assert len(inputs) >= 30
    project = make_project(tmp_path / "a", inputs)
    sphinx_build(project)
    html = project / "build" / "html"
    articles = project / "source" / "articles"
    dated = [p for p in sorted(articles.glob("*.md"))
             if re.search(r"^date: '?\d", p.read_text(encoding="utf-8"), re.MULTILINE)]
    caravan, other = dated[0], dated[1]
    before = outputs(html)
    feed_times = {p: p.stat().st_mtime_ns for p in html.glob("tags/*.xml")}
    assert f"{other.stem}.html" not in page(project, f"articles/{caravan.stem}").split(
        "Related articles")[1]

    # Give one story a person `other` has, and a new one.
    person = re.search(r"^people:\n- (.+)$", other.read_text(encoding="utf-8"),
                       re.MULTILINE).group(1)
    set_people(caravan, [person, "Zelda Quintero-Nakamura"])
    sphinx_build(project)
    after = outputs(html)
    caravan_page = page(project, f"articles/{caravan.stem}")
    assert f'href="{other.stem}.html"' in caravan_page.split("Related articles")[1]
    new_person = page(project, "people/zelda-quintero-nakamura")
    assert person in visible_text(new_person.split("Appears with")[1])
    feed = parse_feed(html / "people" / "zelda-quintero-nakamura.xml",
                      "http://example.org/people/zelda-quintero-nakamura.xml")
    title = re.search(r"^title: (.+)$", caravan.read_text(encoding="utf-8"), re.MULTILINE)
    assert [e.title for e in feed.entries] == [title.group(1).strip("'\"")]
    # A feed for each person page, and none for people the edit left with no article.
    people = html / "people"
    assert {p.stem for p in people.glob("*.xml")} == {
        p.stem for p in people.glob("*.html") if p.stem not in ("index", "by-count")}
    assert len(set(before) - set(after)) > 0  # pages and feeds of dropped people are gone
    changed = {name for name in after if before.get(name) != after[name]}
    assert "people/zelda-quintero-nakamura.html" in changed
    assert "atom.xml" in changed  # its entry for the story lists the new people
    # Feeds of tags the story does not have were not written again; its own tags' were.
    tags = {slugify(t) for t in yaml.safe_load(caravan.read_text(encoding="utf-8").split(
        "---")[1])["tags"]}
    rewritten = {p.stem for p in feed_times if p.stat().st_mtime_ns != feed_times[p]}
    assert rewritten == tags

    # The incremental result is what a full build of the same sources gives.
    fresh = tmp_path / "b" / "project"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns("build"))
    sphinx_build(fresh)
    assert outputs(fresh / "build" / "html") == after
