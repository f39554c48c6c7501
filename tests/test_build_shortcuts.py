"""The build's shortcuts change how fast a site is built, never what it holds: articles' front
matter read once by the extension instead of again by MyST, and generated pages written in
parallel processes."""

from __future__ import annotations

import json
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

from build_tools.sphinxext.search import _payload
from conftest import ARTICLES, REPO, SAMPLE, make_project, page, sphinx_build

EVAL = Path(__file__).parent / "data" / "eval" / "articles"


def outputs(html: Path) -> dict[str, bytes]:
    return {p.relative_to(html).as_posix(): p.read_bytes()
            for p in sorted(html.rglob("*")) if p.is_file() and p.name != ".buildinfo"}


def _build(project: Path, *extra: str) -> str:
    """Build *project*, not quietly; what Sphinx printed."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", "html", str(project / "source"),
         str(project / "build"), "-c", str(project), *extra],
        cwd=REPO, capture_output=True, text=True, check=True).stdout


def test_listing_pages_are_not_made_again_when_nothing_they_show_changed(tmp_path: Path):
    project = make_project(tmp_path, [SAMPLE, *sorted(ARTICLES.glob("*.txt"))])
    html = project / "build" / "html"
    first = _build(project)
    assert "listing pages unchanged" not in first
    built = outputs(html)
    again = _build(project)
    assert "listing pages unchanged" in again and "news: 0 of " in again
    assert outputs(html) == built
    # A registry's sort key is outside every document: the people index must follow it.
    registry = project / "entities.yaml"
    text = registry.read_text(encoding="utf-8")
    assert "sort_as: Lopez Obrador, Andres Manuel" in text
    registry.write_text(text.replace("sort_as: Lopez Obrador, Andres Manuel",
                                     "sort_as: Zzz, Andres Manuel"), encoding="utf-8")
    changed = _build(project)
    assert "listing pages unchanged" not in changed
    assert outputs(html)["people/index.html"] != built["people/index.html"]
    # Feeds follow their options although no article changed.
    assert "feeds unchanged" in _build(project)
    shorter = _build(project, "-D", "news_feed_length=1")
    assert "feeds unchanged" not in shorter
    assert outputs(html)["atom.xml"].count(b"<entry>") == 1
    # A registry that cannot be read says so on every build, not only the first.
    registry.write_text("people: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        result = subprocess.run(
            [sys.executable, "-m", "sphinx", "-M", "html", str(project / "source"),
             str(project / "build"), "-c", str(project), "-q"],
            cwd=REPO, capture_output=True, text=True, check=True)
        assert "index sort keys from it are not used" in result.stderr


def test_generated_pages_written_in_parallel_equal_those_written_serially(tmp_path: Path):
    inputs = [SAMPLE, *sorted(ARTICLES.glob("*.txt")), *sorted(EVAL.glob("*.txt"))[:12]]
    serial = make_project(tmp_path / "serial", inputs)
    parallel = tmp_path / "parallel" / "project"
    shutil.copytree(serial, parallel)
    sphinx_build(serial)
    # Not quiet, to see which way the pages were written.
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", "html", str(parallel / "source"),
         str(parallel / "build"), "-c", str(parallel), "-j", "2"],
        cwd=REPO, capture_output=True, text=True, check=True)
    assert re.search(r"news: \d+ generated pages written in 2 processes", result.stdout)
    assert outputs(serial / "build" / "html") == outputs(parallel / "build" / "html")


def _article(project: Path) -> Path:
    return next((project / "source" / "articles").glob("*.md"))


def _environment(project: Path):
    with open(project / "build" / "doctrees" / "environment.pickle", "rb") as f:
        return pickle.load(f)


def _searched(project: Path) -> int:
    """How many pages the search index holds."""
    script = (project / "build" / "html" / "_search" / "manifest.js").read_text(encoding="utf-8")
    return _payload(script)["docs"]


def test_front_matter_taken_once_still_gives_sphinx_its_metadata_and_lines(tmp_path: Path):
    project = make_project(tmp_path, [SAMPLE])
    article = _article(project)
    sphinx_build(project)
    searched = _searched(project)
    text = article.read_text(encoding="utf-8")
    # A hand edit: a role MyST does not know, on a line we know, and a page left out of search.
    lines = text.replace("orphan: true\n", "orphan: true\nnosearch: true\n").split("\n")
    lines.append("A {unknown-role}`x` here.")
    article.write_text("\n".join(lines), encoding="utf-8")
    result = sphinx_build(project)
    docname = f"articles/{article.stem}"
    # ``orphan`` reached Sphinx: no "not included in any toctree" warning.
    assert "toctree" not in result.stderr
    assert f"{article.name}:{len(lines)}" in result.stderr, result.stderr
    metadata = _environment(project).metadata[docname]
    assert metadata["orphan"] == "True" and metadata["nosearch"] == "True"
    assert json.loads(metadata["places"]) and metadata["title"]
    assert _searched(project) == searched - 1
    # The page itself is unchanged by the shortcut: the title and byline are there, and no
    # front matter field is printed.
    markup = page(project, docname)
    assert "news-dateline" in markup and "sha256" not in markup


def test_front_matter_with_myst_settings_is_left_to_myst(tmp_path: Path):
    project = make_project(tmp_path, [SAMPLE])
    article = _article(project)
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("orphan: true\n", "orphan: true\nhtml_meta:\n"
                                    "  keywords: hand-added\n"), encoding="utf-8")
    sphinx_build(project)
    markup = page(project, f"articles/{article.stem}")
    assert '<meta content="hand-added" name="keywords" />' in markup, markup[:2000]


def test_parallel_writing_with_bounded_memory_writes_what_serial_writing_does(
        make_app, rootdir, tmp_path: Path, monkeypatch):
    from build_tools.sphinxext import writing

    sources = {}
    for name in ("serial", "parallel"):
        sources[name] = tmp_path / name
        shutil.copytree(rootdir / "test-publication", sources[name])
    serial = make_app("html", srcdir=sources["serial"])
    serial.build()
    # One document a chunk, so that the writer is waited for many times.
    chunked: list[int] = []

    def one_a_chunk(docnames, nproc, maxbatch=10):
        chunked.append(len(docnames))
        return [[d] for d in docnames]

    monkeypatch.setattr(writing, "make_chunks", one_a_chunk)
    parallel = make_app("html", srcdir=sources["parallel"], parallel=2)
    parallel.build()
    assert chunked and chunked[0] >= 4, "the bounded writer was not used"
    assert outputs(Path(parallel.outdir)) == outputs(Path(serial.outdir))


def test_a_build_with_nothing_changed_leaves_the_index_and_catalog_alone(tmp_path: Path):
    """Not made again, nor even their digests worked out; and a file missing from the output
    is made again all the same."""
    project = make_project(tmp_path, [SAMPLE, *sorted(ARTICLES.glob("*.txt"))])
    html = project / "build" / "html"
    _build(project)
    shard = sorted((html / "_search" / "t").iterdir())[0]
    watched = [html / "catalog.json", html / "_search" / "manifest.js", shard]
    times = [p.stat().st_mtime_ns for p in watched]
    built = outputs(html)
    assert "listing pages unchanged" in _build(project)
    assert [p.stat().st_mtime_ns for p in watched] == times and outputs(html) == built
    (html / "catalog.json").unlink()
    shard.unlink()
    _build(project)
    assert outputs(html) == built
    # One article's text changed: the index and the catalog follow.
    story = next(p for p in (project / "source" / "articles").glob("*.md"))
    story.write_text(story.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Quiet ", 1),
                     encoding="utf-8")
    _build(project)
    after = outputs(html)
    assert after["catalog.json"] != built["catalog.json"]
    assert after["_search/manifest.js"] != built["_search/manifest.js"]
