"""Every builder on the test root ``test-builders``: html, dirhtml, singlehtml, latex, text.

Each build has no warnings, holds every article's text, and links only what it wrote (a term
page in latex is plain text); a rebuild removes exactly the pages of a removed article and
of the terms only it had, never a user's page or a file the extension did not write; a
user's page whose name a generated page would take stays, and the build fails with one line.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from build_tools.linkcheck import check_site
from build_tools.sphinxext.listing import page_name, page_numbers
from build_tools.sphinxext.output import MANIFEST

from conftest import REPO, visible_text

ROOT = Path(__file__).parent / "roots" / "test-builders"
BUILDERS = ("html", "dirhtml", "singlehtml", "latex", "text")
REMOVED = "articles/volcano"


def second_paragraphs() -> dict[str, str]:
    """Each article's last paragraph: not in its summary, so only the article shows it."""
    return {f"articles/{p.stem}": p.read_text(encoding="utf-8").strip().rsplit("\n\n", 1)[1]
            for p in sorted((ROOT / "articles").glob("*.md"))}


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of the root that a test may change."""
    return Path(shutil.copytree(ROOT, tmp_path / "src"))


def build(make_app, builder: str, srcdir: Path):
    app = make_app(builder, srcdir=srcdir)
    app.build()
    return app


# --------------------------------------------------------------------------- link checkers


def broken_links(outdir: Path) -> list[str]:
    """Every link of *outdir* that leads to no file or no element: the pre-publish checker's
    (pages, JSON-LD, feeds, sitemap, ``catalog.json``; folder links are fine, for dirhtml),
    and the addresses in the search index's document scripts."""
    problems = [str(p) for p in check_site(outdir, folders=True)]
    for script in sorted(outdir.glob("_search/[dn]/*.js")):
        text = script.read_text(encoding="utf-8")
        urls = re.findall(r'"u":"([^"]+)"', text) + re.findall(r',"([^"]+\.html|[^"]+/)",\d+\]',
                                                                text)
        for url in urls:
            target = outdir / unquote(urlsplit(url).path)
            if not (target.is_file() or (target / "index.html").is_file()):
                problems.append(f"{script.relative_to(outdir)}: {url}: no such file")
    return problems


def broken_latex_links(tex: str) -> list[str]:
    """Cross-references to labels the file does not define, and links out of the file that
    are not web addresses (a term page that latex never writes)."""
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    refs = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex))
    outside = [u for u in re.findall(r"\\sphinxhref\{([^}]*)\}", tex)
               if not re.match(r"https?://", u)]
    return sorted(refs - labels) + outside


def output_text(app) -> dict[str, str]:
    """Each article's text as this builder wrote it (one-file builders: the whole file)."""
    out = Path(app.outdir)
    if app.builder.name == "singlehtml":
        whole = visible_text((out / "index.html").read_text(encoding="utf-8"))
        return dict.fromkeys(second_paragraphs(), whole)
    if app.builder.name == "latex":
        [tex] = out.glob("*.tex")
        whole = " ".join(tex.read_text(encoding="utf-8").split())
        return dict.fromkeys(second_paragraphs(), whole)
    if app.builder.name == "text":
        return {d: " ".join((out / f"{d}.txt").read_text(encoding="utf-8").split())
                for d in second_paragraphs()}
    return {d: visible_text(Path(app.builder.get_outfilename(d)).read_text(encoding="utf-8"))
            for d in second_paragraphs()}


# --------------------------------------------------------------------------- tests


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_writes_every_article_and_links_only_what_it_wrote(
        make_app, project, builder):
    app = build(make_app, builder, project)
    assert app.statuscode == 0
    assert app.warning.getvalue() == ""
    for docname, text in output_text(app).items():
        assert second_paragraphs()[docname] in text, (builder, docname)
    out = Path(app.outdir)
    if builder == "latex":
        [tex] = out.glob("*.tex")
        tex_text = tex.read_text(encoding="utf-8")
        assert broken_latex_links(tex_text) == []
        # Term links are plain text; links to articles (all in this file) stay links.
        assert "Luis García Villagrán" in tex_text
        assert r"\hyperref[\detokenize{articles/talks::doc}]" in tex_text
    elif builder == "text":
        caravan = (out / "articles" / "caravan.txt").read_text(encoding="utf-8")
        assert "Luis García Villagrán" in caravan
        assert "Newer: Mayorkas holds border talks" in caravan
    else:
        assert broken_links(out) == []
    site = builder in ("html", "dirhtml")
    # Feeds, the catalog, the search page and the generated pages exist only in html builds.
    assert (out / "atom.xml").is_file() is site
    assert (out / "catalog.json").is_file() is site
    assert (out / "people").exists() is site
    if builder == "singlehtml":
        home = (out / "index.html").read_text(encoding="utf-8")
        assert "Luis García Villagrán" in home and "atom.xml" not in home
        assert 'href="#document-articles/caravan"' in home
    if site:
        guide = Path(app.builder.get_outfilename("tags/guide")).read_text(encoding="utf-8")
        assert "the editors' tagging guide stays on the site" in guide


def _files(outdir: Path) -> set[str]:
    return {p.relative_to(outdir).as_posix() for p in outdir.rglob("*")
            if p.is_file() and p.relative_to(outdir).parts[0] not in ("_static", "_search")}


@pytest.mark.parametrize("builder", ("html", "dirhtml"))
def test_rebuild_removes_the_pages_of_a_removed_article_and_nothing_else(
        make_app, project, builder):
    app = build(make_app, builder, project)
    out = Path(app.outdir)
    terms = app.env.domains["news"].data["terms"]
    only_there = [t for found in terms.values() for t in found.values()
                  if t.docnames == [REMOVED]]
    assert {t.kind for t in only_there} == {"tags", "people", "places", "organizations",
                                            "authors", "agencies"}
    # A file the extension did not write, in one of its folders, is never removed.
    (out / "tags" / "notes.html").write_text("<p>mine</p>", encoding="utf-8")
    before = _files(out)

    (project / f"{REMOVED}.md").unlink()
    app.build()

    def page(name: str) -> str:
        return Path(app.builder.get_outfilename(name)).relative_to(out).as_posix()

    feeds = {f"{t.pagename}.xml" for t in only_there if t.kind in ("tags", "people", "authors")}
    # The archive's numbered pages are counted from the oldest: one article fewer can leave
    # one page fewer (the last build's first page is now its first page again).
    size, count = app.config.news_page_size, len(app.env.domains["news"].articles)
    gone = set(page_numbers(count + 1, size)) - set(page_numbers(count, size))
    expected = {page(REMOVED), page("dates/2005-03"), *map(page, (t.pagename for t in only_there)),
                *feeds, *(page(page_name("archive/index", n)) for n in gone)}
    assert gone  # the case is tested
    assert before - _files(out) == expected
    assert _files(out) - before == set()
    assert (out / "tags" / "notes.html").is_file()
    assert Path(app.builder.get_outfilename("tags/guide")).is_file()
    assert broken_links(out) == []
    manifest = json.loads((Path(app.doctreedir) / MANIFEST.format(builder)).read_text("utf-8"))
    assert manifest["builder"] == builder and REMOVED not in manifest["documents"]
    assert "tags/volcanoes" not in manifest["pages"] and "tags/index" in manifest["pages"]
    assert not [p for p in out.rglob("*") if p.is_dir() and not any(p.iterdir())
                and p.name != "_sources"]


def test_a_user_page_a_generated_page_would_take_stays_and_fails_the_build(project, tmp_path):
    """One line each, naming the page and the conflict; the user's page is what is online."""
    (project / "archive").mkdir()
    (project / "archive" / "index.md").write_text("# Our own archive\n\nKept by hand.\n",
                                                  encoding="utf-8")
    (project / "tags" / "by-count.md").write_text("---\norphan: true\n---\n# Counted\n\nOurs.\n",
                                                  encoding="utf-8")
    out = tmp_path / "out"
    # Twice: a rebuild with nothing changed says it again, and fails again.
    for _ in range(2):
        result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q",
                                 "--no-color", str(project), str(out)],
                                cwd=REPO, capture_output=True, text=True)
        assert result.returncode == 1, result.stderr
        ours = [line for line in result.stderr.splitlines() if "[news.page_name]" in line]
        assert ours == [
            f"{project / 'archive' / 'index.md'}: ERROR: this page's name is taken by the "
            "generated archive index (archive/index); rename or move it [news.page_name]",
            f"{project / 'tags' / 'by-count.md'}: ERROR: this page's name is taken by the "
            "generated Tags index by count (tags/by-count); rename or move it [news.page_name]",
        ]
        assert "Traceback" not in result.stderr
    assert "Kept by hand." in (out / "archive" / "index.html").read_text(encoding="utf-8")
    assert "Ours." in (out / "tags" / "by-count.html").read_text(encoding="utf-8")
    assert (out / "tags" / "guide.html").is_file() and (out / "tags" / "index.html").is_file()


def test_a_term_never_takes_the_name_of_a_user_page_in_its_folder(make_app, project):
    (project / "tags" / "markets.md").write_text("# Our markets desk\n\nWho we are.\n",
                                                 encoding="utf-8")
    (project / "index.md").write_text(
        (project / "index.md").read_text(encoding="utf-8").replace("tags/guide\n",
                                                                   "tags/guide\ntags/markets\n"),
        encoding="utf-8")
    app = build(make_app, "html", project)
    assert app.statuscode == 0 and app.warning.getvalue() == ""
    out = Path(app.outdir)
    assert "Who we are." in (out / "tags" / "markets.html").read_text(encoding="utf-8")
    [term] = [t for t in app.env.domains["news"].data["terms"]["tags"].values()
              if t.name == "markets"]
    assert term.slug != "markets"
    assert "Bonds rally in Frankfurt" in (out / f"{term.pagename}.html").read_text("utf-8")
    assert broken_links(out) == []


def test_a_user_page_coming_and_going_moves_every_link_to_the_term(project, tmp_path):
    """Incremental builds (real sphinx-build runs, as ``make html`` does): when a user page
    gives a term its name back, and takes it again, every page linking the term follows it,
    the home page's most covered names included."""
    out, page = tmp_path / "out", project / "tags" / "markets.md"

    def home_after_build() -> str:
        subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", str(project),
                        str(out)], cwd=REPO, check=True, capture_output=True)
        assert broken_links(out) == []
        return (out / "index.html").read_text(encoding="utf-8")

    page.write_text("---\norphan: true\n---\n# Our desk\n\nUs.\n", encoding="utf-8")
    assert 'href="tags/markets--' in home_after_build()
    page.unlink()
    home = home_after_build()
    assert 'href="tags/markets.html"' in home and 'href="tags/markets--' not in home
    page.write_text("---\norphan: true\n---\n# Our desk\n\nUs.\n", encoding="utf-8")
    assert 'href="tags/markets--' in home_after_build()


def test_in_dirhtml_a_user_page_at_a_generated_pages_output_file_stays(project, tmp_path):
    """dirhtml writes the page ``search`` and the document ``search/index`` to one file."""
    (project / "search").mkdir()
    (project / "search" / "index.md").write_text("---\norphan: true\n---\n# Our search\n\n"
                                                 "Ask the librarian.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "dirhtml", "-q",
                             "--no-color", str(project), str(out)], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert "search/index.md: ERROR: this page's name is taken by the generated" in result.stderr
    assert "Ask the librarian." in (out / "search" / "index.html").read_text(encoding="utf-8")


def test_the_page_of_a_deleted_user_document_goes_too(make_app, project):
    """A build folder kept between runs (the Pages workflow caches it) must not keep
    publishing a page its author deleted; Sphinx itself leaves such pages."""
    (project / "notes.md").write_text("---\norphan: true\n---\n# Notes\n\nOld notes.\n",
                                      encoding="utf-8")
    app = build(make_app, "html", project)
    notes = Path(app.builder.get_outfilename("notes"))
    assert notes.is_file()
    (project / "notes.md").unlink()
    app.build()
    assert not notes.exists()
    assert broken_links(Path(app.outdir)) == []
