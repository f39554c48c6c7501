"""Incremental builds: after adding, editing, changing the people of and deleting an article,
the output tree equals a fresh full build of the same sources, file by file; and generated
pages whose content did not change are not rendered or written again.

Built in-process on copies of the ``test-publication`` root, with the Furo theme the archive
uses (its sidebar shows the site's navigation on every generated page).
"""

from __future__ import annotations

import gc
import re
import shutil
from pathlib import Path

import pytest
from sphinx.builders.html import _assets

ROOT = Path(__file__).parent / "roots" / "test-publication"
THEME = {"html_theme": "furo"}
#: Written by Sphinx for itself: not pages of the site.
IGNORED = {".buildinfo", ".buildinfo.bak"}

NEW_ARTICLE = """\
---
title: Border crossings fall
authors: [Jose Torres]
agency: Reuters
location: Tijuana
date: 2023-12-28
tags: [migration, diplomacy]
people: [Alejandro Mayorkas, Zelda Quintero-Nakamura]
places: [Tijuana, Mexico]
source: {file: 2023-12-28-crossings.txt, sha256: "0"}
orphan: true
---

# Border crossings fall

TIJUANA (Reuters) - Fewer migrants crossed the border this week.
"""


def tree(outdir: Path) -> dict[str, bytes]:
    return {p.relative_to(outdir).as_posix(): p.read_bytes() for p in sorted(outdir.rglob("*"))
            if p.is_file() and p.name not in IGNORED}


def times(outdir: Path, pattern: str = "**/*.html") -> dict[str, int]:
    """Modification times of the pages, but Sphinx's own ``genindex``, written every build."""
    return {p.relative_to(outdir).as_posix(): p.stat().st_mtime_ns
            for p in outdir.glob(pattern) if p.name != "genindex.html"}


def build(make_app, srcdir: Path, **overrides):
    # Sphinx keeps each static file's checksum for the life of the process; a test that
    # edits one must see it read again, as the next sphinx-build would.
    _assets._file_checksum_inner.cache_clear()
    app = make_app("html", srcdir=srcdir, confoverrides={**THEME, **overrides})
    app.build()
    assert "Traceback" not in app.warning.getvalue()
    return app


def written(app) -> tuple[int, int]:
    """(written, generated) from the build's log line."""
    match = re.search(r"news: (\d+) of (\d+) generated pages written", app.status.getvalue())
    assert match, app.status.getvalue()[-2000:]
    return int(match.group(1)), int(match.group(2))


def assert_same_as_fresh(make_app, srcdir: Path, fresh: Path, **overrides) -> dict[str, bytes]:
    """Build *srcdir* incrementally and a copy of its sources from scratch in *fresh*; the
    two output trees hold the same files with the same bytes."""
    incremental = build(make_app, srcdir, **overrides)
    if fresh.exists():
        shutil.rmtree(fresh)
    shutil.copytree(srcdir, fresh, ignore=shutil.ignore_patterns("_build"))
    full = build(make_app, fresh, **overrides)
    got, want = tree(Path(incremental.outdir)), tree(Path(full.outdir))
    assert sorted(got) == sorted(want)
    differ = [name for name in want if got[name] != want[name]]
    assert differ == []
    return got


@pytest.fixture
def site(tmp_path: Path) -> Path:
    srcdir = tmp_path / "site"
    shutil.copytree(ROOT, srcdir)
    return srcdir


def set_field(article: Path, field: str, value: str) -> None:
    text, n = re.subn(rf"^{field}: .*$", f"{field}: {value}", article.read_text(encoding="utf-8"),
                      count=1, flags=re.MULTILINE)
    assert n == 1
    article.write_text(text, encoding="utf-8")


def test_add_edit_people_delete_each_equal_a_fresh_build(make_app, site: Path, tmp_path: Path):
    fresh = tmp_path / "fresh"
    first = build(make_app, site)
    before = tree(Path(first.outdir))
    out = Path(first.outdir)

    # Added: a new person's page and feed, and the new article in its tags', places',
    # author's, month's and the archive's pages, related lists and the search index.
    (site / "articles" / "crossings.md").write_text(NEW_ARTICLE, encoding="utf-8")
    stamps = times(out)
    after = assert_same_as_fresh(make_app, site, fresh)
    assert "people/zelda-quintero-nakamura.html" in after
    assert "people/zelda-quintero-nakamura.xml" in after
    changed = {n for n in after if before.get(n) != after[n]}
    assert {"archive/index.html", "tags/migration.html", "tags/diplomacy.html",
            "people/alejandro-mayorkas.html", "places/mexico.html", "dates/2023-12.html",
            "atom.xml", "tags/migration.xml", "articles/talks.html"} <= changed
    assert any(n.startswith("_search/") for n in changed)
    # Pages the article is not on were not written again.
    for name in ("people/axel-weber.html", "tags/markets.html", "dates/2007-10.html"):
        assert times(out)[name] == stamps[name], name

    # Text edited: its summary is on every list that shows the article.
    caravan = site / "articles" / "caravan.md"
    caravan.write_text(caravan.read_text(encoding="utf-8").replace(
        "Thousands of migrants walked", "Several thousand migrants walked"), encoding="utf-8")
    before, stamps = after, times(out)
    after = assert_same_as_fresh(make_app, site, fresh)
    changed = {n for n in after if before.get(n) != after[n]}
    assert {"archive/index.html", "tags/migration.html", "people/luis-garcia-villagran.html",
            "index.html", "atom.xml"} <= changed
    assert "Several thousand migrants" in after["tags/migration.html"].decode()
    assert times(out)["people/axel-weber.html"] == stamps["people/axel-weber.html"]

    # People changed: one person loses the article (and, with no other, their page and
    # feed), another gains it; related articles follow the shared names.
    crossings = site / "articles" / "crossings.md"
    set_field(crossings, "people", "[Axel Weber]")
    before = after
    after = assert_same_as_fresh(make_app, site, fresh)
    assert "people/zelda-quintero-nakamura.html" in before
    assert "people/zelda-quintero-nakamura.html" not in after
    assert "people/zelda-quintero-nakamura.xml" not in after
    changed = {n for n in after if before.get(n) != after[n]}
    assert {"people/axel-weber.html", "people/axel-weber.xml", "people/index.html",
            "people/by-count.html", "people/alejandro-mayorkas.html",
            "articles/crossings.html"} <= changed

    # Deleted: its page, and the pages of names only it had, are gone everywhere.
    crossings.unlink()
    before = after
    after = assert_same_as_fresh(make_app, site, fresh)
    assert "articles/crossings.html" not in after
    assert "places/tijuana.html" not in after
    assert {"archive/index.html", "tags/diplomacy.html", "people/axel-weber.html",
            "atom.xml"} <= {n for n in after if before.get(n) != after[n]}


def test_a_newest_article_changes_the_first_page_of_a_list_not_the_older_ones(
        make_app, site: Path, tmp_path: Path):
    """Pages other than a list's first are numbered from the oldest and keep their articles,
    so the story of the day rewrites the first page and not every page after it."""
    first = build(make_app, site, news_page_size=1)
    out = Path(first.outdir)
    before, stamps = tree(out), times(out)
    assert "archive/6.html" in before and "archive/7.html" not in before
    newest = NEW_ARTICLE.replace("2023-12-28", "2031-01-02")
    (site / "articles" / "newest.md").write_text(newest, encoding="utf-8")
    after = assert_same_as_fresh(make_app, site, tmp_path / "fresh", news_page_size=1)
    # The last build's first page is now page 7; the new article is on the first page.
    assert "Border crossings fall" in after["archive/index.html"].decode()
    assert after["archive/7.html"] != before.get("archive/7.html")
    oldest = after["archive/1.html"].decode()
    assert "Articles 1 to 1 from the oldest" in oldest
    # Pages whose pager shows only pages that already existed are the last build's files.
    for number in (1, 2, 3):
        name = f"archive/{number}.html"
        assert after[name] == before[name] and times(out)[name] == stamps[name], name
    home = after["archive/index.html"].decode()
    assert 'rel="next" href="7.html"' in home and "1 (oldest)" in home


def test_nothing_changed_writes_no_generated_page(make_app, site: Path):
    first = build(make_app, site)
    out = Path(first.outdir)
    done, total = written(first)
    assert done == total > 30
    stamps = times(out)
    again = build(make_app, site)
    assert written(again) == (0, total)
    assert times(out) == stamps
    # The pages kept are still the build's: in the manifest, so never removed as stale.
    third = build(make_app, site)
    assert written(third) == (0, total) and times(out) == stamps


def test_a_missing_page_is_written_again(make_app, site: Path):
    out = Path(build(make_app, site).outdir)
    (out / "tags" / "migration.html").unlink()
    again = build(make_app, site)
    assert written(again)[0] == 1
    assert (out / "tags" / "migration.html").is_file()


def test_a_changed_stylesheet_renders_every_page_again(make_app, site: Path, tmp_path: Path):
    # Sphinx links each stylesheet with its checksum (``custom.css?v=...``).
    static = site / "_static"
    static.mkdir()
    (static / "custom.css").write_text("body { color: black; }\n", encoding="utf-8")
    options = {"html_static_path": ["_static"], "html_css_files": ["custom.css"]}
    first = build(make_app, site, **options)
    total = written(first)[1]
    (static / "custom.css").write_text("body { color: navy; }\n", encoding="utf-8")
    assert_same_as_fresh(make_app, site, tmp_path / "fresh", **options)
    again = build(make_app, site, **options)  # the one checked above wrote them; now none
    assert written(again) == (0, total)


def test_title_change_and_fresh_environment_render_every_page(make_app, site: Path,
                                                               tmp_path: Path):
    total = written(build(make_app, site))[1]
    after = assert_same_as_fresh(make_app, site, tmp_path / "fresh", html_title="Other Title")
    assert "Other Title" in after["tags/migration.html"].decode()
    _assets._file_checksum_inner.cache_clear()
    app = make_app("html", srcdir=site, freshenv=True,
                   confoverrides={**THEME, "html_title": "Other Title"})
    app.build()
    assert written(app) == (total, total)


def test_a_new_page_in_the_navigation_updates_every_sidebar(make_app, site: Path,
                                                             tmp_path: Path):
    build(make_app, site)
    (site / "about.md").write_text("# About the archive\n\nWho we are.\n", encoding="utf-8")
    index = site / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n```{toctree}\nabout\n```\n",
                     encoding="utf-8")
    after = assert_same_as_fresh(make_app, site, tmp_path / "fresh")
    assert "About the archive" in after["tags/migration.html"].decode()


def test_a_build_stopped_after_reading_leaves_no_stale_listing(make_app, site: Path,
                                                               tmp_path: Path):
    # The environment (with the new terms) is saved before anything is written; if the build
    # is interrupted there (Ctrl-C: Sphinx deletes the environment after an error, not
    # after an interrupt), the pages on disk are older than the terms the next build
    # compares with.
    build(make_app, site)
    (site / "articles" / "crossings.md").write_text(NEW_ARTICLE, encoding="utf-8")
    _assets._file_checksum_inner.cache_clear()
    stopped = make_app("html", srcdir=site, confoverrides=THEME)

    def stop(app, builder):
        raise KeyboardInterrupt

    stopped.connect("write-started", stop)
    with pytest.raises(KeyboardInterrupt):
        stopped.build()
    after = assert_same_as_fresh(make_app, site, tmp_path / "fresh")
    assert "Border crossings fall" in after["tags/migration.html"].decode()


@pytest.mark.parametrize("held", [1000, 1], ids=["pages-handed-over", "pages-made-again"])
def test_reading_a_few_documents_serially_under_j_gives_the_same_site(
        make_app, site: Path, tmp_path: Path, monkeypatch, held: int):
    from build_tools.sphinxext import output, reading

    monkeypatch.setattr(reading, "SERIAL_SHARE", 1)  # this small site: one document of many
    # Changed listing pages written by two processes, handed the pages or making them again.
    monkeypatch.setattr(output, "MIN_PARALLEL_PAGES", 1)
    monkeypatch.setattr(output, "MAX_HELD_PAGES", held)
    shares: list[list[str]] = []

    class Tasks(reading.ParallelTasks):
        def add_task(self, task, arg=None, result_func=None):
            shares.append(list(arg))
            super().add_task(task, arg, result_func)

    monkeypatch.setattr(reading, "ParallelTasks", Tasks)
    _assets._file_checksum_inner.cache_clear()
    first = make_app("html", srcdir=site, confoverrides=THEME, parallel=3)
    first.build()
    # Read by three processes, one share of the documents each (Sphinx would cut these eight
    # into four chunks, and 10,000 into 45), and written in parallel, with this process's
    # objects frozen meanwhile: not after.
    assert len(shares) == 3 and sorted(sum(shares, [])) == sorted(first.env.found_docs)
    assert gc.get_freeze_count() == 0
    (site / "articles" / "crossings.md").write_text(NEW_ARTICLE, encoding="utf-8")
    seen = []
    _assets._file_checksum_inner.cache_clear()
    app = make_app("html", srcdir=site, confoverrides=THEME, parallel=2)
    app.connect("env-updated", lambda app, env: seen.append(app.parallel), priority=50)
    app.build()
    assert seen == [1] and app.parallel == 2  # read here; written by two processes again
    assert gc.get_freeze_count() == 0
    assert "generated pages written in 2 processes" in app.status.getvalue()
    got = tree(Path(app.outdir))
    fresh = tmp_path / "fresh"
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("_build"))
    want = tree(Path(build(make_app, fresh).outdir))
    assert sorted(got) == sorted(want)
    assert [n for n in want if got[n] != want[n]] == []


def test_the_general_index_of_an_earlier_build_goes_when_it_is_switched_off(make_app, site: Path):
    """The archive's conf.py has ``html_use_index = False``; a build folder kept from before
    (the Pages workflow's cache) had Sphinx's empty ``genindex.html``, which Sphinx leaves."""
    out = Path(build(make_app, site, html_use_index=True).outdir)
    assert (out / "genindex.html").is_file()
    build(make_app, site, html_use_index=False)
    assert not (out / "genindex.html").exists() and (out / "index.html").is_file()
