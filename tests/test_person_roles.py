"""A person's roles on their page: ranked across the archive, and beside each article."""

import datetime as dt
import html
import re
from pathlib import Path

import pytest
import yaml

from build_tools.sphinxext.listing import ArticleEntry, Index, build_terms, rank_roles
from conftest import ARTICLES, SAMPLE, make_project, page, sphinx_build, visible_text

SAMPLE_SLUG = "migrant-caravan-advances-north-as-u-s-officials-head-to-mexico"


def entry(docname: str, date: str | None, roles: dict[str, tuple[str, ...]]) -> ArticleEntry:
    return ArticleEntry(docname=docname, title=docname,
                        date=dt.date.fromisoformat(date) if date else None,
                        terms={"people": tuple(roles)}, roles=roles)


def test_roles_rank_by_articles_then_newest_and_merge_spellings():
    entries = [
        entry("a", "2023-01-01", {"Jane Roe": ("Mayor", "analyst")}),
        entry("b", "2023-06-01", {"Jane Roe": ("Governor",)}),
        entry("c", "2022-01-01", {"Jane Roe": ("Analyst",), "John Doe": ("Judge",)}),
        entry("d", None, {"Jane Roe": ("Senator",)}),
        entry("e", "2024-01-01", {"Jane Roe": ("Analyst ", "analyst")}),
    ]
    # analyst: three articles; then one each, newest first, undated last.
    assert rank_roles(("Jane Roe",), entries) == ["Analyst", "Governor", "Mayor", "Senator"]
    assert rank_roles(("John Doe",), entries) == ["Judge"]
    assert rank_roles(("Nobody Else",), entries) == []


def test_only_indexes_with_roles_collect_them():
    entries = {"a": entry("a", "2023-01-01", {"Jane Roe": ("Mayor",)})}
    people = build_terms(Index("people", "People", "person", roles=True), entries)
    assert people["Jane Roe"].roles == ["Mayor"]
    others = build_terms(Index("people", "People", "person"), entries)
    assert others["Jane Roe"].roles == []


def write_article(project: Path, slug: str, title: str, date: str,
                  roles: dict[str, list[str]]) -> None:
    front = {"title": title, "date": date, "people": list(roles), "roles": roles,
             "orphan": True}
    text = f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n\n# {title}\n\nBody text.\n"
    (project / "source" / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("roles"), [SAMPLE, *ARTICLES.glob("*.txt")])
    write_article(project, "older-story", "Older story", "2023-01-05",
                  {"Antony Blinken": ["U.S. diplomat", "Envoy"],
                   "Eve Hostile": ['<script>alert("r")</script>', "A & B <b>chief</b>"]})
    write_article(project, "newer-story", "Newer story", "2023-03-01",
                  {"Antony Blinken": ["U.S. diplomat"]})
    result = sphinx_build(project)
    assert "Traceback" not in result.stderr
    return project




def items(markup: str) -> dict[str, str]:
    """Each listed article's title -> its visible text."""
    found = re.findall(r'<li class="news-article-item">(.*?)</li>', markup, re.DOTALL)
    out = {}
    for item in found:
        title = re.search(r'class="news-article-title"[^>]*>(.*?)</a>', item).group(1)
        out[html.unescape(title)] = visible_text(item)
    return out


def test_person_page_shows_roles_overall_and_per_article(site):
    person = page(site, "people/antony-blinken")
    overall = re.search(r'<p class="news-roles">(.*?)</p>', person, re.DOTALL).group(1)
    # Two articles call him a diplomat; of the one-article roles, the one from a dated
    # article comes before the one from the undated caravan story.
    assert visible_text(overall) == \
        "Roles: U.S. diplomat; Envoy; Secretary of State"
    listed = items(person)
    assert "Role: U.S. diplomat" in listed["Newer story"]
    assert "Roles: U.S. diplomat; Envoy" in listed["Older story"]
    caravan = listed["Migrant caravan advances north as U.S. officials head to Mexico"]
    assert "Role: Secretary of State" in caravan


def test_only_person_pages_show_roles(site):
    assert "Role: U.S. President" in visible_text(page(site, "people/joe-biden"))
    for name in ("archive/index", "tags/migration", "authors/jose-torres"):
        markup = page(site, name)
        assert "news-roles" not in markup and "news-item-roles" not in markup, name


def test_roles_from_articles_stay_text(site):
    markup = page(site, "people/eve-hostile")
    assert "<script>alert" not in markup and "<b>chief</b>" not in markup
    assert "&lt;script&gt;alert(&#34;r&#34;)&lt;/script&gt;" in markup
    assert "A &amp; B &lt;b&gt;chief&lt;/b&gt;" in markup


def test_parallel_and_incremental_builds_keep_roles(site, tmp_path):
    # Over five documents, so that -j really reads in parallel.
    parallel = make_project(tmp_path, [SAMPLE, *ARTICLES.glob("*.txt")])
    for path in (site / "source" / "articles").glob("*-story.md"):
        (parallel / "source" / "articles" / path.name).write_text(path.read_text())
    sphinx_build(parallel, "-j", "2")
    for name in ("people/antony-blinken", "people/eve-hostile"):
        assert page(site, name) == page(parallel, name), name
    # A re-read article's old roles are dropped, not merged with its new ones.
    write_article(parallel, "newer-story", "Newer story", "2023-03-01",
                  {"Antony Blinken": ["Diplomat in chief"]})
    sphinx_build(parallel, "-j", "2")
    person = page(parallel, "people/antony-blinken")
    assert "Diplomat in chief" in person
    assert "Roles: Diplomat in chief; Envoy; U.S. diplomat; Secretary of State" in visible_text(person)
