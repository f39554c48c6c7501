"""The benchmark's record: entries in ``benchmarks.json`` and blocks in ``benchmarks.md``."""

from __future__ import annotations

import json
from pathlib import Path

from build_tools.bench_record import (block, load, merged, newest_per_size, record,
                                      with_block)


def entry(articles: int, commit: str, seconds: float = 1.0, date: str = "2026-12-03") -> dict:
    return {"articles": articles, "commit": commit, "date": date,
            "steps": [{"label": "sphinx build (full)", "seconds": seconds}]}


def test_a_rerun_of_the_same_size_on_the_same_commit_replaces_it_and_keeps_the_others():
    old = [entry(1000, "aaa", 27.6), entry(10000, "aaa", 202.3), entry(1000, "bbb", 25.0)]
    new = entry(1000, "aaa", 30.1)
    result = merged(old, new)
    assert result == [old[1], old[2], new]
    assert merged(result, entry(30000, "aaa")) == result + [entry(30000, "aaa")]


def test_the_newest_entry_of_each_size_in_increasing_size():
    first, later, same_day = (entry(1000, "a", date="2026-12-02"), entry(1000, "b", date="2026-12-04"),
                              entry(1000, "c", date="2026-12-04"))
    big = entry(10000, "a", date="2026-12-01")
    assert newest_per_size([big, later, same_day, first]) == [same_day, big]


def test_a_missing_or_foreign_file_is_an_empty_record(tmp_path: Path):
    assert load(tmp_path / "none.json") == []
    (tmp_path / "bad.json").write_text('{"not": "a list"}', encoding="utf-8")
    assert load(tmp_path / "bad.json") == []


HAND = """# Benchmarks

Intro, with the chart:

![chart](benchmarks.svg)

## 2026-12-02, by hand

| step | seconds |
| --- | ---: |
| sphinx build (full) | 27.6 |
"""


def test_the_first_block_goes_before_the_hand_written_history():
    text = with_block(HAND, 1000, "table one")
    head, _, rest = HAND.partition("## 2026-12-02")
    assert text == head + block(1000, "table one") + "\n## 2026-12-02" + rest


def test_a_block_is_replaced_and_nothing_else_changes():
    text = with_block(with_block(HAND, 1000, "table one"), 10000, "table ten")
    again = with_block(text, 1000, "table one, rerun")
    assert again == text.replace("table one", "table one, rerun")
    assert again.count("<!-- bench:latest N=1000 -->") == 1
    assert again.endswith(HAND[HAND.index("## 2026-12-02"):])
    assert with_block(again, 1000, "table one, rerun") == again


def test_blocks_stay_in_increasing_size():
    text = HAND
    for size in (10000, 1000, 30000, 3000):
        text = with_block(text, size, f"table {size}")
    at = [text.index(f"N={size} -->") for size in (1000, 3000, 10000, 30000)]
    assert at == sorted(at)
    assert at[-1] < text.index("## 2026-12-02") and text.startswith(HAND[:HAND.index("## ")])
    assert text.count("<!-- /bench -->") == 4


def test_a_page_without_history_gets_the_block_at_the_end():
    assert with_block("# Benchmarks\n", 60, "t") == "# Benchmarks\n\n" + block(60, "t")


def test_recording_writes_the_three_files_and_replaces_a_rerun(tmp_path: Path):
    (tmp_path / "benchmarks.md").write_text(HAND, encoding="utf-8")
    drawn: list[int] = []

    def chart(entries: list[dict]) -> str:
        drawn.append(len(entries))
        return f"<svg>{len(entries)}</svg>"

    record(tmp_path, entry(1000, "aaa", 27.6), "first", chart)
    record(tmp_path, entry(10000, "aaa", 202.3), "ten", chart)
    record(tmp_path, entry(1000, "aaa", 30.1), "rerun", chart)
    saved = json.loads((tmp_path / "benchmarks.json").read_text(encoding="utf-8"))
    assert [(e["articles"], e["steps"][0]["seconds"]) for e in saved] == [(10000, 202.3),
                                                                         (1000, 30.1)]
    page = (tmp_path / "benchmarks.md").read_text(encoding="utf-8")
    assert "rerun" in page and "first" not in page and "ten" in page
    assert page.endswith(HAND[HAND.index("## 2026-12-02"):])
    assert drawn == [1, 2, 2]
    assert (tmp_path / "benchmarks.svg").read_text(encoding="utf-8") == "<svg>2</svg>"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
