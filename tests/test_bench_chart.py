"""The benchmark chart (``docs/benchmarks.svg``) drawn from a small fixed record."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from build_tools.bench_chart import CAPTION_CHARS, chart, x_ticks, y_top
from build_tools.bench_record import OURS_FULL, PLAIN_FULL

SVG = "{http://www.w3.org/2000/svg}"


def run(articles: int, ours: tuple[float, float], plain: tuple[float, float] | None,
        date: str = "2026-12-03", commit: str = "abc1234") -> dict:
    steps = [{"label": "convert (all new)", "seconds": 1.0, "peak_mb": 50.0, "rate": 100.0},
             {"label": OURS_FULL, "seconds": ours[0], "peak_mb": ours[1], "rate": None}]
    if plain is not None:
        steps.append({"label": PLAIN_FULL, "seconds": plain[0], "peak_mb": plain[1],
                      "rate": None})
    return {"articles": articles, "date": date, "commit": commit, "source": "measured",
            "steps": steps}


# Out of size order on purpose: the chart sorts.
RECORD = [run(10000, (202.3, 1348.0), (104.9, 576.0)),
          run(1000, (27.6, 170.0), (13.7, 127.0)),
          run(30000, (650.0, 3900.0), (320.0, 1700.0))]


def lines(svg: str) -> dict[str, list[list[tuple[float, float]]]]:
    """Each series' polylines (one a panel, time first), as lists of (x, y)."""
    found: dict[str, list[list[tuple[float, float]]]] = {}
    for line in ET.fromstring(svg).iter(f"{SVG}polyline"):
        points = [tuple(float(c) for c in p.split(",")) for p in line.get("points", "").split()]
        found.setdefault(line.get("data-series", ""), []).append(points)
    return found


def test_the_chart_is_svg_with_a_title_a_description_and_both_series():
    svg = chart(RECORD)
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}title").text
    desc = root.find(f"{SVG}desc").text
    assert "202.3 s" in desc and "1,348 MB" in desc and "576 MB" in desc
    series = lines(svg)
    assert set(series) == {"ours", "plain Sphinx + MyST"}
    assert all(len(panels) == 2 for panels in series.values())  # time and memory
    assert "<script" not in svg and "@import" not in svg and "href" not in svg


def test_points_go_left_to_right_by_size_and_up_with_the_figure():
    for panels in lines(chart(RECORD)).values():
        for points in panels:
            xs, ys = [x for x, _ in points], [y for _, y in points]
            assert len(points) == 3
            assert xs == sorted(xs) and len(set(xs)) == 3
            assert ys == sorted(ys, reverse=True)  # every figure grows with size: y goes up
    ours_time, plain_time = lines(chart(RECORD))["ours"][0], lines(chart(RECORD))["plain Sphinx + MyST"][0]
    assert all(o[1] < p[1] for o, p in zip(ours_time, plain_time))  # ours is slower: higher


def test_every_point_is_labelled_with_its_figure():
    texts = [t.text for t in ET.fromstring(chart(RECORD)).iter(f"{SVG}text")]
    for figure in ("27.6", "202.3", "650", "13.7", "104.9", "320", "170", "1,348", "3,900",
                   "127", "576", "1,700"):
        assert figure in texts


def test_the_newest_run_of_a_size_is_drawn_and_the_caption_names_it():
    older = run(1000, (99.9, 999.0), (50.0, 500.0), date="2026-12-01", commit="0ld0000")
    svg = chart([RECORD[1], older] + RECORD[:1])
    texts = [t.text for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert "99.9" not in texts and "27.6" in texts
    caption = next(t for t in texts if t and t.startswith("Newest run per size"))
    assert "1,000 at abc1234 (2026-12-03)" in caption and "0ld0000" not in caption


def test_text_from_the_record_is_escaped():
    tricky = run(1000, (27.6, 170.0), (13.7, 127.0), commit='<b>&"x</b>')
    root = ET.fromstring(chart([tricky]))  # would not parse unescaped
    assert '<b>&"x</b>' in root.find(f"{SVG}desc").text
    assert not list(root.iter(f"{SVG}b"))


def test_a_run_without_plain_sphinx_and_an_empty_record_still_draw():
    series = lines(chart([run(1000, (27.6, 170.0), None), run(3000, (80.0, 400.0), None)]))
    assert list(series) == ["ours"]
    assert ET.fromstring(chart([])).tag == f"{SVG}svg"


def test_axis_ticks():
    assert x_ticks(600, 45000) == [1000, 3000, 10000, 30000]
    assert x_ticks(1500, 4000) == [2000, 3000]
    assert x_ticks(40, 90) == []  # too short for two round sizes: the chart ticks the sizes
    assert y_top(202.3) == (250.0, 50.0)
    assert y_top(1348) == (1500.0, 500.0)
    top, step = y_top(0.7)
    assert top >= 0.7 and top / step <= 6


def test_one_size_is_ticked_at_that_size():
    texts = [t.text for t in ET.fromstring(chart([run(1234, (9.0, 90.0), (5.0, 80.0))])).iter(
        f"{SVG}text")]
    assert texts.count("1,234") == 2  # one tick a panel


def test_a_long_caption_wraps_inside_the_chart_and_names_every_size():
    many = [run(1000 * 2 ** i, (10.0 * 2 ** i, 100.0 * 2 ** i), None, commit=f"c{i:06d}")
            for i in range(8)]
    root = ET.fromstring(chart(many))
    caption = [t.text or "" for t in root.iter(f"{SVG}text") if t.get("class") == "caption"]
    assert len(caption) > 1 and all(len(line) <= CAPTION_CHARS for line in caption)
    assert all(f"c{i:06d}" in " ".join(caption) for i in range(8))
    bottom = max(float(t.get("y", 0)) for t in root.iter(f"{SVG}text"))
    assert bottom < float(root.get("height", 0))
