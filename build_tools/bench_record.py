"""The benchmark's record: ``docs/benchmarks.json`` and the latest tables in ``docs/benchmarks.md``.

``benchmarks.json`` is a list of runs, one entry each::

    {"articles": 10000, "jobs": "auto", "date": "2026-12-02", "commit": "d36bf62",
     "source": "measured",
     "machine": {"platform": ..., "cpus": 2, "python": ..., "sphinx": ..., "myst_parser": ...,
                 "docutils": ...},
     "steps": [{"label": "sphinx build (full)", "seconds": 202.3, "peak_mb": 1348.0,
                "rate": null}, ...],
     "sizes": {"pages": 14214, "median_page_kb": 25, "largest_page_kb": 118, "output_mb": 501,
               "search_index_mb": 44.0, "environment_pickle_mb": ..., "stores_mb": {...}}}

A run of the same size on the same commit replaces the older entry (a rerun corrects it); every
other entry stays, so the file is the history the chart is drawn from. Entries with a
``source`` other than ``"measured"`` were transcribed by hand and say from where in ``note``.

The functions that change text or lists are pure; :func:`record` is the one that writes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from collections.abc import Callable
from typing import Any

from .files import read_json, write_atomic

Entry = dict[str, Any]

OURS_FULL = "sphinx build (full)"  #: the step label of our full build
PLAIN_FULL = "plain Sphinx + MyST (full, same Markdown)"  #: plain Sphinx's, same Markdown
#: Plain Sphinx's own rebuilds, after the full one: what Sphinx alone costs for a change.
PLAIN_REBUILD = "plain Sphinx + MyST, "

_BLOCK = re.compile(r"<!-- bench:latest N=(\d+) -->\n.*?<!-- /bench -->\n?", re.DOTALL)


def load(path: Path) -> list[Entry]:
    """The entries in *path*; none when it is missing or not a JSON list (a fresh checkout)."""
    found = read_json(path)
    return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []


def merged(entries: list[Entry], new: Entry) -> list[Entry]:
    """*entries* with *new* appended, after dropping any entry of the same size and commit."""
    key = (new["articles"], new.get("commit"))
    return [e for e in entries if (e.get("articles"), e.get("commit")) != key] + [new]


def newest_per_size(entries: list[Entry]) -> list[Entry]:
    """One entry per archive size, the newest by date (the later in the file on the same
    date), in increasing size."""
    best: dict[int, tuple[str, int]] = {}
    for position, entry in enumerate(entries):
        stamp = (str(entry.get("date", "")), position)
        if entry["articles"] not in best or stamp >= best[entry["articles"]]:
            best[entry["articles"]] = stamp
    return [entries[best[size][1]] for size in sorted(best)]


def step(entry: Entry, label: str) -> dict[str, Any] | None:
    """The step of *entry* called *label*, if the run had it."""
    return next((s for s in entry.get("steps", []) if s.get("label") == label), None)


def block(articles: int, body: str) -> str:
    """The marked block for a run of *articles*, holding *body* (Markdown)."""
    return f"<!-- bench:latest N={articles} -->\n{body.strip()}\n<!-- /bench -->\n"


def with_block(text: str, articles: int, body: str) -> str:
    """*text* (``benchmarks.md``) with the block of size *articles* replaced by one holding
    *body*, or, when there is none, inserted among the other blocks in increasing size; with no
    blocks at all, before the first ``## `` section (the hand-written history). Nothing outside
    the blocks changes."""
    new = block(articles, body)
    blocks = list(_BLOCK.finditer(text))
    for match in blocks:
        if int(match.group(1)) == articles:
            return text[:match.start()] + new + text[match.end():]
    larger = [m for m in blocks if int(m.group(1)) > articles]
    heading = re.search(r"^## ", text, re.MULTILINE)
    if larger:
        at, new = larger[0].start(), new + "\n"
    elif blocks:
        at, new = blocks[-1].end(), "\n" + new
    elif heading:
        at, new = heading.start(), new + "\n"
    else:
        at, new = len(text), ("\n" if text.endswith("\n") else "\n\n") + new
    return text[:at] + new + text[at:]


def record(docs: Path, entry: Entry, markdown: str,
           chart: Callable[[list[Entry]], str]) -> None:
    """Add *entry* to ``docs/benchmarks.json``, put *markdown* into its size's block of
    ``docs/benchmarks.md`` and redraw ``docs/benchmarks.svg`` with *chart* (entries -> SVG).
    Each file is replaced whole, so an interrupted run leaves the old one."""
    entries = merged(load(docs / "benchmarks.json"), entry)
    write_atomic(docs / "benchmarks.json", dumps(entries))
    page = docs / "benchmarks.md"
    text = page.read_text(encoding="utf-8") if page.exists() else "# Benchmarks\n"
    write_atomic(page, with_block(text, entry["articles"], markdown))
    write_atomic(docs / "benchmarks.svg", chart(entries))


def dumps(entries: list[Entry]) -> str:
    """The file's text: one key a line, so a new run is a readable diff."""
    return json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
