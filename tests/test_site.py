"""Real Sphinx builds of small archives: pages, links, indexes, text, incremental and -j."""

import io
import re
import shutil
from pathlib import Path

import pytest
from sphinx.application import Sphinx

from build_tools.article import ArticleMeta
from build_tools.parse import parse_text
from conftest import ARTICLES, SAMPLE, convert, make_project, page, sphinx_build, visible_text

SAMPLE_SLUG = "migrant-caravan-advances-north-as-u-s-officials-head-to-mexico"
PEOPLE = {
    "antony-blinken": "Antony Blinken",
    "alejandro-mayorkas": "Alejandro Mayorkas",
    "andres-manuel-lopez-obrador": "Andres Manuel Lopez Obrador",
    "matthew-miller": "Matthew Miller",
    "joe-biden": "Joe Biden",
    "luis-garcia-villagran": "Luis García Villagrán",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("site"), [SAMPLE, *ARTICLES.glob("*.txt")])
    result = sphinx_build(project)
    assert "Traceback" not in result.stderr
    return project




def main_content(markup: str) -> str:
    start = markup.index('id="furo-main-content"')
    return markup[start : markup.index("</article>", start)]


def paragraphs(markup: str) -> list[str]:
    return [visible_text(p) for p in
            re.findall(r"<p(?:\s[^>]*)?>(.*?)</p>", main_content(markup), re.DOTALL)]


def test_every_paragraph_reaches_the_page_unchanged(site):
    for source in [SAMPLE, *ARTICLES.glob("*.txt")]:
        parsed = parse_text(source.read_text(encoding="utf-8"), source.name)
        slug = next(p.stem for p in (site / "source" / "articles").glob("*.md")
                    if f"file: {source.name}" in p.read_text(encoding="utf-8"))
        shown = paragraphs(page(site, f"articles/{slug}"))
        for paragraph in (*parsed.paragraphs, *filter(None, [parsed.credit_line])):
            assert " ".join(paragraph.split()) in shown, (source.name, paragraph)


def test_hostile_text_stays_text(site):
    body = main_content(page(site, "articles/markup-b-stays-b-text-and-so-does-this-title-1"))
    assert "<script>alert" not in body and "<iframe" not in body and "<b>stays" not in body
    assert 'href="javascript:' not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body or \
        '&lt;script&gt;alert("x")&lt;/script&gt;' in body
    assert "AT&amp;amp;T &amp;copy;" in body  # entities are not decoded


def test_article_page_links_to_people_and_back(site):
    article = page(site, f"articles/{SAMPLE_SLUG}")
    for slug, name in PEOPLE.items():
        assert f'href="../people/{slug}.html"' in article
        person = page(site, f"people/{slug}")
        assert name in person
        assert f'href="../articles/{SAMPLE_SLUG}.html"' in person
    assert 'href="../tags/migration.html"' in article
    assert f'href="../articles/{SAMPLE_SLUG}.html"' in page(site, "tags/migration")
    assert 'href="../authors/jose-torres.html"' in article
    assert "(Reporting by Jose Torres in Chiapas; Editing by Aurora Ellis)" in article


def test_single_first_names_get_no_page(site):
    assert not (site / "build" / "html" / "people" / "rosa.html").exists()
    assert "Rosa" in visible_text(page(site, f"articles/{SAMPLE_SLUG}"))


def test_people_index_sorts_by_surname_with_counts(site):
    index = visible_text(page(site, "people/index"))
    order = [index.index(n) for n in ("Joe Biden", "Antony Blinken", "Luis García Villagrán",
                                      "Andres Manuel Lopez Obrador", "Alejandro Mayorkas")]
    assert order == sorted(order)
    assert "Joe Biden (2)" in index and "Antony Blinken (1)" in index


def test_home_lists_newest_first_undated_last(site):
    home = visible_text(page(site, "index"))
    dated = home.index("Biden and Lopez Obrador agree")  # 2023-12-26
    older = home.index("Airline orders climb")  # 2007-01-17
    undated = home.index("Migrant caravan advances")
    assert dated < older < undated
    assert "5 articles" in home


def test_indexes_and_dates_exist(site):
    html_dir = site / "build" / "html"
    for name in ("tags/index", "people/index", "places/index", "organizations/index",
                 "authors/index", "dates/index", "dates/2023-12", "archive/index", "search",
                 "places/villa-comaltitlan", "organizations/united-nations"):
        assert (html_dir / f"{name}.html").exists(), name
    assert "December 2023" in page(site, "dates/index")
    assert (html_dir / "_static" / "favicon.svg").exists()


def test_no_page_carries_the_whole_archive_in_a_toctree(site):
    about = page(site, "about")
    assert "articles/" not in about


def test_generated_pages_link_the_site_navigation_from_their_own_folder(site):
    # Worked out once a folder (output.share_navigation): each page's links are its own.
    link = re.compile(r'<li class="toctree-l1[^"]*"><a class="reference internal" '
                      r'href="([^"]*)">About')
    for name, about in (("search", "about.html"), ("people/index", "../about.html"),
                        ("tags/index", "../about.html"), ("archive/index", "../about.html")):
        assert link.findall(page(site, name)) == [about], name


def test_removed_term_and_article_pages_do_not_linger(tmp_path):
    project = make_project(tmp_path, [SAMPLE, ARTICLES / "no-dateline.txt"])
    sphinx_build(project)
    html_dir = project / "build" / "html"
    assert (html_dir / "people" / "maria-fernandes.html").exists()
    (project / "seeds" / "no-dateline.txt").unlink()
    convert(project)
    sphinx_build(project)
    assert not (html_dir / "people" / "maria-fernandes.html").exists()
    assert not (html_dir / "articles" / "quiet-day-at-the-harbour.html").exists()
    assert "quiet-day" not in (html_dir / "index.html").read_text(encoding="utf-8")


def test_incremental_build_updates_listings(tmp_path):
    project = make_project(tmp_path, [SAMPLE])
    sphinx_build(project)
    shutil.copy(ARTICLES / "no-dateline.txt", project / "seeds")
    convert(project)
    sphinx_build(project)
    home = (project / "build" / "html" / "index.html").read_text(encoding="utf-8")
    assert "Quiet day at the harbour" in home and "Migrant caravan" in home
    # A rebuild with no change keeps the listings whole.
    sphinx_build(project)
    home = (project / "build" / "html" / "index.html").read_text(encoding="utf-8")
    assert "Quiet day at the harbour" in home and "2 articles" in home


def test_parallel_build_matches_serial(tmp_path):
    serial = make_project(tmp_path / "s", [SAMPLE, *ARTICLES.glob("*.txt")])
    parallel = make_project(tmp_path / "p", [SAMPLE, *ARTICLES.glob("*.txt")])
    sphinx_build(serial)
    sphinx_build(parallel, "-j", "2")
    for name in ("index", "people/joe-biden", "tags/index", "people/index", "archive/index"):
        assert page(serial, name) == page(parallel, name), name


def test_environment_keeps_structured_front_matter(tmp_path):
    project = make_project(tmp_path, [SAMPLE])
    warnings = io.StringIO()
    app = Sphinx(project / "source", project, tmp_path / "out", tmp_path / "doctrees", "html",
                 status=None, warning=warnings)
    app.build()
    meta = app.env.domains["news"].articles[f"articles/{SAMPLE_SLUG}"]
    assert isinstance(meta, ArticleMeta)
    assert meta.authors == ("Jose Torres",)
    assert meta.credits == {"reporting": ("Jose Torres",), "editing": ("Aurora Ellis",)}
    assert meta.roles["Antony Blinken"] == ("Secretary of State",)
    assert "Joe Biden" in meta.people and meta.date is None
    assert warnings.getvalue() == ""
