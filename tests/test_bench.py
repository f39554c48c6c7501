"""``make bench``'s reporting and recording, with the timed run replaced by fixed figures
(a real run takes minutes; the figures' meaning is tested, not their speed)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from build_tools import bench
from build_tools.bench import Result, Sizes, Step, entry, measure_sizes, table

STEPS = [Step("convert (all new)", 6.8123, 127.04, 146.8),
         Step(bench.OURS_FULL, 27.6, 170.0),
         Step(bench.PLAIN_FULL, 13.8, 127.0),
         Step(f"{bench.PLAIN_REBUILD}one article's text edited", 1.38, 100.0),
         Step("make html, nothing changed", 2.76, 111.0)]
SIZES = Sizes(pages=3029, median_page_kb=20.2, largest_page_kb=118.0, output_mb=81.4,
              search_index_mb=5.0, environment_pickle_mb=95.123456,
              stores_mb={"news-output-html.json": 2.5, ".news-extracted.json": 0.4})
RESULT = Result(STEPS, SIZES)
MACHINE = {"platform": "Linux-test", "cpus": 2, "python": "3.11.7", "sphinx": "9.0.4",
           "myst_parser": "5.2.0", "docutils": "0.22.4"}


def test_the_table_gives_ratios_rates_and_the_environment_and_stores_sizes():
    rows = table(STEPS, SIZES).splitlines()
    assert rows[2] == "| convert (all new) | 6.8 |  | 127 | 147/s |"
    assert rows[3] == f"| {bench.OURS_FULL} | 27.6 | 2.00x plain | 170 |  |"
    assert rows[5] == (f"| {bench.PLAIN_REBUILD}one article's text edited | 1.4 | 10 % of plain "
                       "| 100 |  |")
    assert rows[6] == "| make html, nothing changed | 2.8 | 10 % | 111 |  |"
    assert "`environment.pickle` 95.1 MB" in rows[-1]
    assert "`news-output-html.json` 2.5 MB, `.news-extracted.json` 400 kB" in rows[-1]


def test_an_entry_holds_the_machine_every_step_and_the_sizes_rounded():
    made = entry(RESULT, 1000, "auto", MACHINE, "2026-12-03", "abc1234")
    assert made["articles"] == 1000 and made["commit"] == "abc1234" and made["machine"] == MACHINE
    assert made["source"] == "measured"
    assert [s["label"] for s in made["steps"]] == [s.label for s in STEPS]
    assert made["steps"][0] == {"label": "convert (all new)", "seconds": 6.81, "peak_mb": 127.0,
                                "rate": 146.8}
    assert made["sizes"]["environment_pickle_mb"] == 95.123
    assert made["sizes"]["stores_mb"] == SIZES.stores_mb
    json.dumps(made)  # the record must be JSON


def test_sizes_count_the_pickle_and_our_stores_not_doctrees(tmp_path: Path):
    site, doctrees, articles = tmp_path / "html", tmp_path / "doctrees", tmp_path / "articles"
    for folder in (site / "_search", doctrees / "articles", articles):
        folder.mkdir(parents=True)
    for name, size in (("a.html", 1000), ("b.html", 3000), ("c.html", 2000)):
        (site / name).write_bytes(b"x" * size)
    (site / "_search" / "t.js").write_bytes(b"x" * 500_000)
    (doctrees / "environment.pickle").write_bytes(b"x" * 2_000_000)
    (doctrees / "index.doctree").write_bytes(b"x" * 10)
    (doctrees / "articles" / "one.doctree").write_bytes(b"x" * 10)
    (doctrees / "news-output-html.json").write_bytes(b"x" * 1000)
    (articles / bench.CACHE_NAME).write_bytes(b"x" * 3000)
    (articles / ".news-archive.lock").write_bytes(b"1")
    sizes = measure_sizes(site, doctrees, articles)
    assert (sizes.pages, sizes.median_page_kb, sizes.largest_page_kb) == (3, 2000 / 1024,
                                                                          3000 / 1024)
    assert sizes.search_index_mb == 0.5 and sizes.environment_pickle_mb == 2.0
    assert sizes.stores_mb == {"news-output-html.json": 0.001, bench.CACHE_NAME: 0.003}


@pytest.fixture
def fixed_run(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """``bench.run`` returns RESULT at once; the sizes it was asked for."""
    asked: list[int] = []

    def run(count: int, jobs: str, keep: Path | None, after: object = None) -> Result:
        asked.append(count)
        return RESULT

    monkeypatch.setattr(bench, "run", run)
    monkeypatch.setattr(bench, "machine", lambda: MACHINE)
    monkeypatch.setattr(bench, "commit", lambda: "abc1234")
    return asked


def test_no_record_prints_and_writes_nothing(tmp_path: Path, fixed_run: list[int], capsys):
    assert bench.main(["--articles", "20", "--no-search", "--no-record", "--docs",
                       str(tmp_path)]) == 0
    assert fixed_run == [20]
    assert list(tmp_path.iterdir()) == []
    out = capsys.readouterr().out
    assert "Machine: `Linux-test`, 2 CPUs" in out and "commit abc1234" in out
    assert f"| {bench.OURS_FULL} | 27.6 |" in out


def test_a_run_is_recorded_and_the_chart_redrawn_from_the_record(tmp_path: Path,
                                                                  fixed_run: list[int]):
    (tmp_path / "benchmarks.md").write_text("# Benchmarks\n\n## By hand\n\nold\n",
                                            encoding="utf-8")
    bench.main(["--articles", "20", "--no-search", "--docs", str(tmp_path)])
    saved = json.loads((tmp_path / "benchmarks.json").read_text(encoding="utf-8"))
    assert [(e["articles"], e["commit"]) for e in saved] == [(20, "abc1234")]
    page = (tmp_path / "benchmarks.md").read_text(encoding="utf-8")
    assert page.index("<!-- bench:latest N=20 -->") < page.index("Machine:") < page.index(
        "<!-- /bench -->") < page.index("## By hand")
    assert page.endswith("## By hand\n\nold\n")
    drawn = (tmp_path / "benchmarks.svg").read_text(encoding="utf-8")
    (tmp_path / "benchmarks.svg").unlink()
    assert bench.main(["--chart-only", "--docs", str(tmp_path)]) == 0
    assert fixed_run == [20]  # --chart-only ran nothing
    assert (tmp_path / "benchmarks.svg").read_text(encoding="utf-8") == drawn
    assert "27.6" in [t.text for t in ET.fromstring(drawn).iter("{http://www.w3.org/2000/svg}text")]
