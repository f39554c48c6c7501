"""The search index in real Sphinx builds: test roots for the extension, real projects for
incremental and parallel builds."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from build_tools.errors import ArchiveError
from build_tools.search.index import Analysis, SearchDoc
from build_tools.sphinxext.texts import STORE, StoredText, save_text, text_file
from conftest import ARTICLES, REPO, SAMPLE, convert, make_project, sphinx_build


def index_files(outdir: Path) -> dict[str, object]:
    """Every ``_search/*.js`` file's payload, by key."""
    out = {}
    for path in sorted((outdir / "_search").rglob("*.js")):
        text = path.read_text(encoding="utf-8")
        key = path.relative_to(outdir / "_search").with_suffix("").as_posix()
        match = re.fullmatch(r'NewsSearch\.put\("([^"]+)",(.*)\);\n', text, re.DOTALL)
        if key == "stemmer":
            continue
        assert match and match.group(1) == key, path
        out[key] = json.loads(match.group(2))
    return out


def documents(files: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``d/N`` files, by number: the order of the index (other pages, then by date)."""
    return [files[key] for key in sorted((k for k in files if k.startswith("d/")),
                                         key=lambda k: int(k[2:]))]


def all_text(files: dict[str, object]) -> str:
    return json.dumps([v for k, v in files.items() if k.startswith("d/")], ensure_ascii=False)


@pytest.mark.sphinx("html", testroot="search")
def test_our_index_replaces_sphinx_search(app):
    app.build()
    out = Path(app.outdir)
    assert not (out / "searchindex.js").exists()
    search = (out / "search.html").read_text(encoding="utf-8")
    assert 'class="news-search"' in search and "_static/news-search.js" in search
    assert "searchtools.js" not in search
    assert (out / "_static" / "news-search.js").is_file()
    # The script and the stemmer by version, so a browser never runs an old one on a new index.
    digest = hashlib.sha256((out / "_static" / "news-search.js").read_bytes()).hexdigest()[:16]
    assert f"_static/news-search.js?v={digest}" in search
    assert re.search(r'_search/stemmer\.js\?v=[0-9a-f]{16}"', search)
    assert "Stemmer" in (out / "_search" / "stemmer.js").read_text(encoding="utf-8")
    files = index_files(out)
    manifest = files["manifest"]
    assert manifest["docs"] == 3  # two articles and the about page; the home page is nosearch
    text = all_text(files)
    assert "nosearchword" not in text
    assert "Thousands of migrants walked toward the U.S. border." in text
    # Front matter is not text of the page.
    assert "Jose Torres" not in " ".join(json.dumps(files[k]["x"]) for k in files if k[:2] == "d/")
    # Other pages, then articles oldest first.
    shown = documents(files)
    assert [doc["t"] for doc in shown] == [
        "About this archive", "Stocks fall as central bank holds rates",
        "Migrant caravan heads north"]
    assert shown[2]["u"] == "articles/caravan.html" and shown[2]["d"] == "2023-12-26"
    assert shown[0]["k"] == "page"


@pytest.mark.sphinx("html", testroot="search")
def test_term_pages_are_found_by_name_and_facets_use_index_names(app):
    app.build()
    files = index_files(Path(app.outdir))
    names = {word: rows for k, v in files.items() if k.startswith("n/") for word, rows in v.items()}
    kinds = files["manifest"]["kinds"]
    villagran = names["villagran"]
    assert [(kinds[r[0]], r[1], r[2], r[3]) for r in villagran] == [
        ("person", "Luis García Villagrán", "people/luis-garcia-villagran.html", 1)]
    assert (Path(app.outdir) / villagran[0][2]).is_file()
    assert any(r[1] == "European Central Bank" for r in names["central"])
    # The registry's aliases lead to the page too (entities.yaml of the test root).
    assert [r[1] for r in names["am"]] == ["Alejandro Mayorkas"]
    assert names["am"][0][4] == ["Secretary Mayorkas", "AM"]
    facets = {f["key"]: f for f in files["facets"]["facets"]}
    assert set(facets) == {"year", "tag", "person", "place", "org", "author"}
    assert facets["year"]["values"] == ["2023", "2007"]
    assert set(facets["person"]["values"]) == {"Luis García Villagrán", "Alejandro Mayorkas",
                                               "Axel Weber"}


@pytest.mark.sphinx("html", testroot="search")
def test_a_build_with_nothing_changed_writes_no_index_file(app):
    app.build()
    root = Path(app.outdir) / "_search"
    before = {p: p.stat().st_mtime_ns for p in root.rglob("*.js")}
    app.build()
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*.js")} == before
    # A lost file makes the next build write the index again.
    next(iter(sorted(root.glob("d/*.js")))).unlink()
    app.build()
    assert {p for p in root.rglob("*.js")} == set(before)


def test_another_search_language_analyses_every_page_again(tmp_path, inputs):
    """``html_search_language`` does not make Sphinx read the pages again: their stored
    analyses, made by the last language's stemmer, must not be used."""
    project = make_project(tmp_path / "p", inputs[:6])
    sphinx_build(project)
    sphinx_build(project, "-D", "html_search_language=de")
    fresh = make_project(tmp_path / "fresh", inputs[:6])
    sphinx_build(fresh, "-D", "html_search_language=de")
    assert _search_tree(project) == _search_tree(fresh)


def test_index_files_changed_by_hand_are_written_again(tmp_path, inputs):
    project = make_project(tmp_path / "p", inputs[:6])
    sphinx_build(project)
    root = project / "build" / "html" / "_search"
    for shard in (root / "t").iterdir():
        shard.write_text(shard.read_text(encoding="utf-8") + "// changed\n", encoding="utf-8")
    (project / "seeds" / "2031-06-02-newest.txt").write_text(
        "Newest story\n\nNEW YORK (Reuters) - A ferry sailed on Monday.\n", encoding="utf-8")
    convert(project)
    sphinx_build(project)
    fresh = make_project(tmp_path / "fresh", sorted((project / "seeds").glob("*.txt")))
    sphinx_build(fresh)
    assert _search_tree(project) == _search_tree(fresh)


def test_page_texts_are_kept_beside_the_doctrees_not_in_the_environment(tmp_path, inputs):
    project = make_project(tmp_path / "p", inputs[:4])
    sphinx_build(project)
    doctrees = project / "build" / "doctrees"
    with open(doctrees / "environment.pickle", "rb") as f:
        stored = pickle.load(f).domaindata["news"]["search"]
    assert stored and all(len(file) == len(text) == 16 for file, text in stored.values())
    files = {p.relative_to(doctrees / STORE).with_suffix("").as_posix()
             for p in (doctrees / STORE).rglob("*.json")}
    assert files == set(stored)
    # A page deleted takes its text with it.
    article = next(iter(sorted((project / "source" / "articles").glob("*.md"))))
    article.unlink()
    sphinx_build(project)
    assert not text_file(doctrees, f"articles/{article.stem}").exists()


def test_a_stored_text_changed_by_hand_is_an_error_naming_its_file(tmp_path):
    doc = SearchDoc("Title", ("One paragraph.",), Analysis(3, "titl\t3\t11", ""))
    digests = save_text(tmp_path, "articles/a", doc, "porter")
    path = text_file(tmp_path, "articles/a")
    assert StoredText(str(path), *digests, "porter").doc == doc
    # An analysis by another stemmer is not used: the index analyses the text again.
    other = StoredText(str(path), *digests, "german")
    assert other.paragraphs == doc.paragraphs and other.analysis is None
    path.write_text(path.read_text(encoding="utf-8").replace("One", "Two"), encoding="utf-8")
    with pytest.raises(ArchiveError, match=r"a\.json: the page's search text changed"):
        StoredText(str(path), *digests, "porter").title


@pytest.mark.sphinx("dirhtml", testroot="search")
def test_dirhtml_urls(app):
    app.build()
    out = Path(app.outdir)
    files = index_files(out)
    assert documents(files)[2]["u"] == "articles/caravan/"
    search = (out / "search" / "index.html").read_text(encoding="utf-8")
    assert 'data-index="../_search/"' in search and 'data-root="../"' in search


def _search_tree(project: Path) -> dict[str, bytes]:
    root = project / "build" / "html" / "_search"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    files = [SAMPLE, *sorted(ARTICLES.glob("*.txt"))]
    files += sorted((Path(__file__).parent / "data" / "eval" / "articles").glob("*.txt"))[:12]
    return files


def test_incremental_and_parallel_builds_give_the_full_serial_index(tmp_path, inputs):
    serial = make_project(tmp_path / "serial", inputs)
    sphinx_build(serial)
    parallel = make_project(tmp_path / "parallel", inputs)
    sphinx_build(parallel, "-j", "2")
    assert _search_tree(parallel) == _search_tree(serial)

    # Edit one article, remove one, add one; rebuild incrementally.
    seeds = serial / "seeds"
    first, second = sorted(seeds.glob("*.txt"))[:2]
    first.write_text(first.read_text(encoding="utf-8") + "\n\nA new zanzibarite paragraph.\n",
                     encoding="utf-8")
    second.unlink()
    extra = Path(__file__).parent / "data" / "eval-holdout" / "articles"
    added = sorted(extra.glob("*.txt"))[0]
    shutil.copy(added, seeds / added.name)
    convert(serial)
    before = _search_tree(serial)
    sphinx_build(serial)
    after = _search_tree(serial)
    assert after != before

    fresh = make_project(tmp_path / "fresh", sorted(seeds.glob("*.txt")))
    sphinx_build(fresh)
    assert after == _search_tree(fresh)
    terms = [v for k, v in index_files(serial / "build" / "html").items() if k.startswith("t/")]
    assert "zanzibarit" in json.dumps(terms)


def _free_day(files: dict[str, Any]) -> str:
    """A day among the articles' dates, in the year of one, on which none is dated."""
    dates = sorted({doc["d"] for doc in documents(files) if doc["d"]})
    day = dt.date.fromisoformat(dates[len(dates) // 2])
    while (day := day + dt.timedelta(days=1)).isoformat() in dates:
        pass
    assert dates[0] < day.isoformat() < dates[-1]
    return day.isoformat()


@pytest.mark.parametrize("when", ["newest", "among the others"])
def test_a_new_article_leaves_the_other_documents_files_alone(tmp_path, inputs, when):
    """Documents are numbered by day (see search.index.numbering), so an article of a day no
    other has, the newest or one among the others, leaves every other document's file as it
    was."""
    project = make_project(tmp_path / "p", inputs)
    sphinx_build(project)
    root = project / "build" / "html" / "_search"
    written = {p.name: p.stat().st_mtime_ns for p in (root / "d").iterdir()}
    day = "2031-06-02" if when == "newest" else _free_day(index_files(root.parent))
    (project / "seeds" / f"{day}-new.txt").write_text(
        "A new story\n\nNEW YORK (Reuters) - A zanzibarite ferry sailed on Monday.\n",
        encoding="utf-8")
    convert(project)
    sphinx_build(project)
    shown = documents(index_files(project / "build" / "html"))
    assert len(shown) == len(written) + 1
    new = next(doc for doc in shown if doc["t"] == "A new story")
    assert new["d"] == day and (new is shown[-1]) == (when == "newest")
    assert {p.name: p.stat().st_mtime_ns for p in (root / "d").iterdir()
            if p.name in written} == written


def test_an_index_updated_in_place_equals_a_fresh_build_and_rewrites_only_changed_shards(
        tmp_path, inputs):
    project = make_project(tmp_path / "p", inputs)
    sphinx_build(project)
    root = project / "build" / "html" / "_search"
    shards = {p.name: p.stat().st_mtime_ns for p in (root / "t").iterdir()}
    (project / "seeds" / "2031-06-02-newest.txt").write_text(
        "Zanzibarite ferry\n\nNEW YORK (Reuters) - A zanzibarite ferry sailed on Monday.\n",
        encoding="utf-8")
    story = sorted((project / "seeds").glob("*.txt"))[1]
    story.write_text(story.read_text(encoding="utf-8") + "\n\nA quokkaish paragraph.\n",
                     encoding="utf-8")
    convert(project)
    log = subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", "html", str(project / "source"),
         str(project / "build"), "-c", str(project)],
        cwd=REPO, capture_output=True, text=True, check=True).stdout
    assert "news: search index updated in place" in log
    after = {p.name: p.stat().st_mtime_ns for p in (root / "t").iterdir()}
    # Shards holding none of the two articles' terms are the last build's files.
    assert sum(after.get(name) == time for name, time in shards.items()) > len(shards) // 2
    fresh = make_project(tmp_path / "fresh", sorted((project / "seeds").glob("*.txt")))
    sphinx_build(fresh)
    assert _search_tree(project) == _search_tree(fresh)
    terms = json.dumps([v for k, v in index_files(project / "build" / "html").items()
                        if k.startswith("t/")])
    assert "zanzibarit" in terms and "quokkaish" in terms
