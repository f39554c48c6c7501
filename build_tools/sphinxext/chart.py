"""A small bar chart of articles per period, drawn at build time as inline SVG.

No script and no colours of its own: bars are ``currentColor``, so the chart follows the
page's text colour in light and dark mode and prints in black. The figures are also given in
words (``aria-label``), for screen readers and for anyone who cannot see the bars.
"""

from __future__ import annotations

from html import escape

from .listing import MONTH_NAMES

WIDTH, HEIGHT, AXIS = 320, 72, 14  #: view box; the bottom AXIS units hold the labels


def period_name(period: str) -> str:
    """``2007-01`` -> ``January 2007``; ``2007`` stays."""
    if len(period) == 7:
        return f"{MONTH_NAMES[int(period[5:]) - 1]} {period[:4]}"
    return period


def _articles(n: int) -> str:
    return f"{n} article{'' if n == 1 else 's'}"


def describe(unit: str, series: list[tuple[str, int]]) -> str:
    """The chart in words: ``Articles per year, 2005 to 2007: 2005, 3 articles; ...``."""
    if not series:
        return "No dated articles."
    span = (period_name(series[0][0]) if len(series) == 1
            else f"{period_name(series[0][0])} to {period_name(series[-1][0])}")
    figures = "; ".join(f"{period_name(p)}: {_articles(n)}" for p, n in series if n)
    return f"Articles per {unit}, {span}. {figures}."


def bar_chart(unit: str, series: list[tuple[str, int]]) -> str:
    """The SVG markup, every piece of text escaped; empty for fewer than two periods."""
    if len(series) < 2:
        return ""  # one period: the dates beside the chart say it all
    top = max(n for _, n in series) or 1
    slot = min(WIDTH / len(series), 24.0)  # a few periods are bars, not blocks
    gap = min(2.0, slot * 0.2)
    plot = HEIGHT - AXIS
    room = plot - 12  # below the figure at the top
    bars = []
    for i, (period, n) in enumerate(series):
        if not n:
            continue
        h = max(1.0, room * n / top)
        bars.append(
            f'<rect x="{i * slot + gap / 2:.2f}" y="{plot - h:.2f}" width="{slot - gap:.2f}" '
            f'height="{h:.2f}"><title>{escape(period_name(period))}: {_articles(n)}</title></rect>')
    first, last = series[0][0], series[-1][0]
    end = slot * len(series)
    labels = [f'<text x="0" y="{HEIGHT - 2}" text-anchor="start">{escape(period_name(first))}</text>',
              f'<text x="{max(end, 200):.2f}" y="{HEIGHT - 2}" text-anchor="end">'
              f'{escape(period_name(last))}</text>']
    label = escape(describe(unit, series), quote=True)
    return (
        f'<svg class="news-chart" role="img" aria-label="{label}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<line x1="0" y1="{plot + 0.5}" x2="{max(end, 200):.2f}" y2="{plot + 0.5}" stroke="currentColor" '
        f'stroke-width="0.5"/>'
        f'<g fill="currentColor">{"".join(bars)}</g>'
        f'<g class="news-chart-labels" fill="currentColor" font-size="9">{"".join(labels)}</g>'
        f'<text x="0" y="8" fill="currentColor" font-size="9">most in a {unit}: {top}</text>'
        f'</svg>'
    )
