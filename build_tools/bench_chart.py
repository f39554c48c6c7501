"""``docs/benchmarks.svg``: full build time and peak memory against archive size, drawn from
the benchmark's record (:mod:`build_tools.bench_record`).

Two panels side by side, one line each for our build and for plain Sphinx + MyST on the same
Markdown, every point labelled with its figure. The x axis is logarithmic: the sizes measured
(1,000 to 30,000 articles and more) are a decade or two apart, and a straight line of slope
one there is linear growth. Plain SVG, as :mod:`build_tools.sphinxext.chart`: no script, no
fonts beyond the generic ``sans-serif``, every text escaped; unlike that inline chart it sits
on its own white background, since GitHub shows it as an image on light and dark pages alike.
The two series differ in dash and marker as well as colour, so they read in grey too.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from .bench_record import OURS_FULL, PLAIN_FULL, Entry, newest_per_size, step

PANEL_W, PANEL_H = 380, 300  #: one panel's box
LEFT, RIGHT, TOP, BOTTOM = 56, 56, 34, 44  #: margins inside a panel around the plot
CAPTION_H = 28  #: below the panels: the legend; then a line of CAPTION_LINE per caption line
CAPTION_LINE, CAPTION_CHARS = 14, 120  #: about 120 characters of 10-unit text fit the width
LABEL_GAP = 11  #: the least vertical distance between two point labels


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    dash: str  #: ``stroke-dasharray``; empty for a solid line
    marker: str  #: ``circle`` or ``square``
    points: tuple[tuple[int, float], ...]  #: (articles, value), increasing articles


def _series(entries: Sequence[Entry], field: str) -> list[Series]:
    """Ours and plain's points for *field* (``seconds`` or ``peak_mb``) of the full builds."""
    found = []
    for name, label, colour, dash, marker in (
            ("ours", OURS_FULL, "#1f4e9a", "", "circle"),
            ("plain Sphinx + MyST", PLAIN_FULL, "#c05a00", "6 3", "square")):
        points = []
        for entry in entries:
            measured = step(entry, label)
            if measured is not None and measured.get(field) is not None:
                points.append((int(entry["articles"]), float(measured[field])))
        found.append(Series(name, colour, dash, marker, tuple(sorted(points))))
    return found


def x_ticks(low: float, high: float) -> list[int]:
    """Round sizes between *low* and *high* for a log axis: 1 and 3 times a power of ten, or
    1, 2, 3 and 5 times one when the range is too short for two of those."""
    for multiples in ((1, 3), (1, 2, 3, 5)):
        ticks = [m * 10 ** k for k in range(0, 9) for m in multiples if low <= m * 10 ** k <= high]
        if len(ticks) >= 2:
            return ticks
    return []


def y_top(value: float) -> tuple[float, float]:
    """The top of a linear axis from 0 showing *value*, and its tick step (1, 2 or 5 times a
    power of ten, at most six steps)."""
    if value <= 0:
        return 1.0, 0.2
    unit = 10 ** math.floor(math.log10(value / 6))
    for m in (1, 2, 5, 10):
        if value / (m * unit) <= 6:
            top = math.ceil(value / (m * unit)) * m * unit
            return float(top), float(m * unit)
    raise AssertionError("unreachable: 10 units always fit")


def _number(value: float) -> str:
    return f"{value:,.1f}".removesuffix(".0")  # 27.6 s, 202.3 s; 1,348 MB, not 1,348.0


def _spread(ys: list[float], lowest: float) -> list[float]:
    """Label heights no closer than LABEL_GAP, in the given order (top first), none below
    *lowest* (the axis): a column pushed past it moves up as a whole."""
    out: list[float] = []
    for y in ys:
        out.append(max(y, out[-1] + LABEL_GAP) if out else y)
    excess = max(0.0, out[-1] - lowest) if out else 0.0
    return [y - excess for y in out]


def panel(title: str, unit: str, series: list[Series], dx: float) -> str:
    """One panel at horizontal offset *dx*: axes, ticks, grid, lines, labelled points."""
    sizes = [n for s in series for n, _ in s.points]
    values = [v for s in series for _, v in s.points]
    plot_w, plot_h = PANEL_W - LEFT - RIGHT, PANEL_H - TOP - BOTTOM
    # More room left of the first point than right of the last: its labels go there.
    low, high = (min(sizes) / 2, max(sizes) * 1.5) if sizes else (500.0, 20000.0)
    top, tick = y_top(max(values, default=0.0))

    def x(n: float) -> float:
        return dx + LEFT + plot_w * math.log(n / low) / math.log(high / low)

    def y(v: float) -> float:
        return TOP + plot_h * (1 - v / top)

    bottom = TOP + plot_h
    out = [f'<text x="{dx + LEFT}" y="{TOP - 14}" font-size="13" font-weight="bold">'
           f'{escape(title)}</text>']
    for i in range(int(round(top / tick)) + 1):
        v = i * tick
        out.append(f'<line x1="{dx + LEFT}" y1="{y(v):.1f}" x2="{dx + LEFT + plot_w}" '
                   f'y2="{y(v):.1f}" stroke="#dddddd" stroke-width="1"/>')
        out.append(f'<text x="{dx + LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end">'
                   f'{escape(_number(v))}</text>')
    for n in x_ticks(low, high) or sorted(set(sizes)):
        out.append(f'<line x1="{x(n):.1f}" y1="{bottom}" x2="{x(n):.1f}" y2="{bottom + 5}" '
                   f'stroke="#333333"/>')
        out.append(f'<text x="{x(n):.1f}" y="{bottom + 17}" text-anchor="middle">{n:,}</text>')
    out.append(f'<path d="M{dx + LEFT} {TOP}V{bottom}H{dx + LEFT + plot_w}" fill="none" '
               f'stroke="#333333"/>')
    out.append(f'<text x="{dx + LEFT + plot_w / 2}" y="{bottom + 34}" text-anchor="middle">'
               f'articles (log scale)</text>')
    out.append(f'<text transform="translate({dx + 14} {TOP + plot_h / 2}) rotate(-90)" '
               f'text-anchor="middle">{escape(unit)}</text>')
    labels: dict[int, list[tuple[float, str, str]]] = {}
    for s in series:
        if not s.points:
            continue
        line = " ".join(f"{x(n):.1f},{y(v):.1f}" for n, v in s.points)
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        out.append(f'<polyline class="series" data-series="{escape(s.name, quote=True)}" '
                   f'points="{line}" fill="none" stroke="{s.colour}" stroke-width="2"{dash}/>')
        for n, v in s.points:
            out.append(_marker(s, x(n), y(v), f"{s.name}, {n:,} articles: {_number(v)} {unit}"))
            labels.setdefault(n, []).append((y(v), _number(v), s.colour))
    for n, column in labels.items():
        column.sort()
        # Lines leave every point rightwards, so the first size's labels go on its left.
        left = n == min(labels) and len(labels) > 1
        place = (f'x="{x(n) - 7:.1f}" text-anchor="end"' if left else f'x="{x(n) + 7:.1f}"')
        for (_, text, colour), at in zip(column, _spread([c[0] + 4 for c in column], bottom - 3)):
            out.append(f'<text {place} y="{at:.1f}" fill="{colour}">{escape(text)}</text>')
    return "\n".join(out)


def _marker(s: Series, cx: float, cy: float, title: str) -> str:
    inner = f"<title>{escape(title)}</title>"
    if s.marker == "square":
        return (f'<rect x="{cx - 3.5:.1f}" y="{cy - 3.5:.1f}" width="7" height="7" '
                f'fill="{s.colour}">{inner}</rect>')
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="{s.colour}">{inner}</circle>'


def provenance(entries: Sequence[Entry]) -> list[str]:
    """Where the points come from, in lines that fit under the chart: each size with its
    commit and date, and which were transcribed rather than measured by this tool."""
    parts = []
    for entry in entries:
        how = "" if entry.get("source", "measured") == "measured" else ", transcribed"
        parts.append(f"{entry['articles']:,} at {entry.get('commit') or 'no commit'} "
                     f"({entry.get('date', 'undated')}{how})")
    lines = ["Newest run per size:"]
    for i, part in enumerate(parts or ["none recorded"]):
        part += "." if i == len(parts) - 1 or not parts else ";"
        if len(lines[-1]) + 1 + len(part) > CAPTION_CHARS:
            lines.append(part)
        else:
            lines[-1] += " " + part
    return lines


def describe(entries: Sequence[Entry]) -> str:
    """The chart in words, for ``<desc>``."""
    words = []
    for field, unit in (("seconds", "s"), ("peak_mb", "MB")):
        for s in _series(entries, field):
            figures = ", ".join(f"{n:,}: {_number(v)} {unit}" for n, v in s.points)
            words.append(f"{s.name}, full build {'time' if field == 'seconds' else 'peak memory'}"
                         f" — {figures or 'no figures'}.")
    return " ".join(words + provenance(entries))


def chart(entries: Sequence[Entry]) -> str:
    """The SVG document for the newest entry of each size in *entries*."""
    latest = newest_per_size(list(entries))
    caption = provenance(latest)
    width, height = 2 * PANEL_W, PANEL_H + CAPTION_H + CAPTION_LINE * len(caption)
    panels = [panel("Full build time", "seconds", _series(latest, "seconds"), 0),
              panel("Peak memory of the full build", "MB", _series(latest, "peak_mb"), PANEL_W)]
    legend = []
    at = LEFT
    for s in _series(latest, "seconds"):
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        legend.append(f'<line x1="{at}" y1="{PANEL_H + 4}" x2="{at + 24}" y2="{PANEL_H + 4}" '
                      f'stroke="{s.colour}" stroke-width="2"{dash}/>')
        legend.append(_marker(s, at + 12, PANEL_H + 4, s.name))
        legend.append(f'<text x="{at + 30}" y="{PANEL_H + 8}">{escape(s.name)}</text>')
        at += 40 + 7 * len(s.name)
    for i, line in enumerate(caption):
        legend.append(f'<text class="caption" x="{LEFT}" y="{PANEL_H + 28 + CAPTION_LINE * i}" '
                      f'font-size="10" fill="#555555">{escape(line)}</text>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="title desc" '
        f'font-family="sans-serif" font-size="11" fill="#222222">\n'
        f'<title id="title">make bench: full build time and peak memory against archive size, '
        f'ours and plain Sphinx + MyST</title>\n'
        f'<desc id="desc">{escape(describe(latest))}</desc>\n'
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>\n'
        + "\n".join(panels) + "\n" + "\n".join(legend) + "\n</svg>\n"
    )
