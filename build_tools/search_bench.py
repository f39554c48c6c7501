"""The search benchmark: what a query costs on a built site, in Debian's Chromium from ``file://``.

For a built site (``build/html``) it reports the index's size on disk (every file under
``_search/``, its file count and its largest file) and, for a few queries, what the search page
loads and how soon the first result appears:

* **index bytes**: the sum of the sizes on disk of ``_search/<key>.js`` for every key in
  ``window.NewsSearch.loaded`` once the page says it is done (manifest, facets, term, names,
  positions and display-text shards). The stemmer (``_search/stemmer.js``) and the search
  script (``_static/news-search.js``) are the same for every query and reported apart, as
  **scripts**; resource timing gives no sizes on ``file://``, so sizes are the files'.
* **first result**: ``window.NewsSearch.firstResultAt`` (``performance.now()`` when the first
  result is rendered, so milliseconds since navigation start); **done**: when the status says
  how many articles were found. Each run is in a fresh browser context (nothing cached in the
  browser; the operating system's file cache is warm after the first run) and the median of
  :data:`RUNS` runs is reported.

Queries are chosen from the built site, so they exist at any size: the surname of the most
frequent person, a common word, a two-word phrase that occurs, the common word filtered by the
most common year, and the most common tag alone. "Page ready" (DOMContentLoaded, when the
search script starts) shows how much of the time is the page itself rather than the index.
Goals (issue 8): at most :data:`GOAL_BYTES` of index data and the first result within
:data:`GOAL_MS` at 10,000 articles. Not a test: figures for ``docs/benchmarks.md``.

    python -m build_tools.search_bench build/html
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from .search.encode import decode_ints

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
INDEX_DIR = "_search"
SCRIPTS = (f"{INDEX_DIR}/stemmer.js", "_static/news-search.js")
RUNS = 3
TIMEOUT_MS = 60_000
GOAL_BYTES = 2_000_000  # 2 MB of index data per query
GOAL_MS = 1000.0  # first result within 1 s
#: Common words to try, in order, and phrases; the first that occurs in the site is used.
COMMON_WORDS = ("said", "market")
PHRASES = ("central bank", "prime minister", "united states")
#: The status text once a search has finished (see news-search.js) or failed.
DONE = r"/^\d+ articles? |^\d+ articles?\.|could not be read/"


def available() -> str | None:
    """Why the browser part cannot run here, or None if it can."""
    if not os.path.exists(CHROMIUM):
        return f"{CHROMIUM} not found (apt-get install chromium)"
    try:
        found = importlib.util.find_spec("playwright.sync_api")
    except ImportError as err:
        found, why = None, f" ({err})"
    else:
        why = ""
    if found is None:
        return f"the playwright package is not installed{why}"
    return None


# ---------------------------------------------------------------------------------------------
# The index on disk


def _payload(path: Path) -> Any:
    """The data of an index file: ``NewsSearch.put("key",DATA);``."""
    text = path.read_text(encoding="utf-8")
    start = text.index(",") + 1
    end = text.rstrip().rstrip(";").rstrip()
    assert end.endswith(")"), f"{path} is not NewsSearch.put(...)"
    return json.loads(end[start:-1])


def index_stats(html_dir: Path) -> dict[str, Any]:
    """Total size, file count and largest file of the index, and its files by kind."""
    root = html_dir / INDEX_DIR
    sizes = {p.relative_to(root).as_posix(): p.stat().st_size
             for p in root.rglob("*") if p.is_file()}
    largest = max(sizes, key=lambda name: sizes[name])
    kinds: dict[str, list[int]] = {}
    for name, size in sizes.items():
        kind = name.split("/")[0] if "/" in name else name.removesuffix(".js")
        kinds.setdefault(kind, []).append(size)
    return {
        "total_bytes": sum(sizes.values()), "files": len(sizes),
        "largest": {"name": f"{INDEX_DIR}/{largest}", "bytes": sizes[largest]},
        "by_kind": {kind: {"files": len(s), "bytes": sum(s), "max": max(s)}
                    for kind, s in sorted(kinds.items())},
        "scripts": {name: (html_dir / name).stat().st_size for name in SCRIPTS
                    if (html_dir / name).exists()},
    }


def _docs_text(root: Path, limit: int = 400) -> list[str]:
    """Title and paragraphs of the first *limit* documents by number (other pages, then the
    oldest articles; the numbers have gaps between days), lower-cased."""
    out = []
    for path in sorted((root / "d").glob("*.js"), key=lambda p: int(p.stem))[:limit]:
        doc = _payload(path)
        out.append(" ".join([doc.get("t") or "", *doc.get("x", [])]).lower())
    return out


def choose_queries(html_dir: Path) -> list[tuple[str, str]]:
    """(label, query string) pairs that exist in this site: a name, a word, a phrase, a filter."""
    root = html_dir / INDEX_DIR
    facets = {f["key"]: f for f in _payload(root / "facets.js")["facets"]}
    texts = _docs_text(root)
    words = Counter(w for t in texts for w in re.findall(r"[a-z]+", t))
    queries: list[tuple[str, str]] = []
    people = facets.get("person", {}).get("values", [])
    if people:
        surname = people[0].split()[-1]
        queries.append((f"name: {surname} (most frequent person, {people[0]})",
                        urlencode({"q": surname})))
    word = next((w for w in COMMON_WORDS if words[w]), words.most_common(1)[0][0])
    queries.append((f"common word: {word}", urlencode({"q": word})))
    phrase = next((p for p in PHRASES if any(p in t for t in texts)), None)
    if phrase is None:  # two consecutive words of the first article
        first = re.findall(r"[a-z]{4,}", texts[0])
        phrase = " ".join(first[:2])
    queries.append((f'phrase: "{phrase}"', urlencode({"q": f'"{phrase}"'})))
    year = facets.get("year")
    if year and year["values"]:
        counts = Counter(v for v in decode_ints(year["col"]) if v)
        common = year["values"][counts.most_common(1)[0][0] - 1]
        queries.append((f"word + facet: {word}, year={common}",
                        urlencode({"q": word, "year": common})))
    tags = facets.get("tag", {}).get("values", [])
    if tags:
        queries.append((f"facet only: tag={tags[0]}", urlencode({"tag": tags[0]})))
    return queries


# ---------------------------------------------------------------------------------------------
# The browser


_ARRIVALS = """
window.__benchArrivals = [];
document.addEventListener("load", (event) => {
  const t = event.target;
  if (t.tagName === "SCRIPT" && t.src) {
    const name = decodeURIComponent(t.src).split("?")[0];
    const key = name.includes("/_search/") ? name.split("/_search/").pop().replace(/\\.js$/, "")
      : name.split("/").pop();
    window.__benchArrivals.push([key, performance.now()]);
  }
}, true);
"""


def _one_run(browser, url: str) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    try:
        # Resource timing lists nothing on file://: note when each script has loaded instead.
        context.add_init_script(_ARRIVALS)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda err: problems.append(f"page error: {err}"))
        page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
        page.goto(url, wait_until="commit")
        done_at = page.wait_for_function(
            """() => {
                 const s = document.querySelector('.news-search-status');
                 return s && %s.test(s.textContent) ? performance.now() : null;
               }""" % DONE, polling="raf", timeout=TIMEOUT_MS).json_value()
        found = page.evaluate("""() => ({
            status: document.querySelector('.news-search-status').textContent,
            shown: document.querySelectorAll('.news-search-result').length,
            loaded: [...(window.NewsSearch && window.NewsSearch.loaded || [])],
            first: window.NewsSearch && window.NewsSearch.firstResultAt || null,
            ready: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
            arrivals: window.__benchArrivals || [],
        })""")
    finally:
        context.close()
    return {**found, "done": done_at, "problems": problems}


def measure(html_dir: Path, queries: list[tuple[str, str]] | None = None,
            runs: int = RUNS, browser: Any = None) -> dict[str, Any]:
    """Index size, and for each (label, query string) what it loads and how soon it shows.

    *browser* is a Playwright browser to use (the tests pass theirs); by default Debian's
    Chromium is started and closed here.
    """
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            own = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=CHROMIUM_ARGS, timeout=60_000)
            try:
                return measure(html_dir, queries, runs, own)
            finally:
                own.close()
    html_dir = Path(html_dir).resolve()
    stats = index_stats(html_dir)
    if queries is None:
        queries = choose_queries(html_dir)
    page_url = (html_dir / "search.html").as_uri()
    sizes_root = html_dir / INDEX_DIR
    results = []
    for label, query in queries:
        url = f"{page_url}?{query}"
        samples = [_one_run(browser, url) for _ in range(runs)]
        last = samples[-1]
        loaded = {key: (sizes_root / f"{key}.js").stat().st_size
                  for key in last["loaded"]}
        count = re.match(r"\d+", last["status"])
        heaviest = max(loaded, key=lambda k: loaded[k]) if loaded else None
        firsts = [s["first"] for s in samples if s["first"] is not None]
        by_kind: dict[str, int] = {}
        for key, size in loaded.items():
            kind = key.split("/")[0]
            by_kind[kind] = by_kind.get(kind, 0) + size
        results.append({
            "label": label, "query": query, "url": url, "status": last["status"],
            "results": int(count.group()) if count else None,
            "shown": last["shown"],
            "files": len(loaded), "index_bytes": sum(loaded.values()),
            "loaded": loaded, "bytes_by_kind": by_kind,
            "heaviest": {"key": heaviest, "bytes": loaded[heaviest]} if heaviest else None,
            "first_ms": statistics.median(firsts) if firsts else None,
            "done_ms": statistics.median(s["done"] for s in samples),
            "first_ms_runs": [s["first"] for s in samples],
            "ready_ms": statistics.median(s["ready"] for s in samples),
            "same_keys": all(set(s["loaded"]) == set(last["loaded"]) for s in samples),
            "arrivals_ms": {k: round(t) for k, t in last["arrivals"]},
            "problems": sorted({p for s in samples for p in s["problems"]}),
        })
    return {**stats, "scripts_bytes": sum(stats["scripts"].values()), "runs": runs,
            "queries": results}


# ---------------------------------------------------------------------------------------------
# Reporting


def _kb(n: int) -> str:
    return f"{n / 1000:,.1f} kB" if n < 1_000_000 else f"{n / 1_000_000:,.2f} MB"


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def markdown(report: dict[str, Any]) -> str:
    """The figures as Markdown: index size, then one row a query, then any browser problems."""
    largest = report["largest"]
    kinds = ", ".join(f"{k} {v['files']:,} files {_kb(v['bytes'])} (largest {_kb(v['max'])})"
                      for k, v in report["by_kind"].items())
    scripts = ", ".join(f"`{name}` {_kb(size)}" for name, size in report["scripts"].items())
    lines = [
        f"Index: {_kb(report['total_bytes'])} in {report['files']:,} files under `_search/`; "
        f"largest `{largest['name']}` {_kb(largest['bytes'])}.",
        "",
        f"By kind: {kinds}.",
        "",
        f"Scripts loaded by every query, not counted in \"index loaded\": {scripts}.",
        "",
        f"Time: median of {report['runs']} cold runs (a fresh browser context each), "
        f"milliseconds since navigation start, headless Chromium, `file://`; \"page ready\" "
        f"is DOMContentLoaded, when the search script starts.",
        "",
        "| query | results | files | index loaded | heaviest file | page ready (ms) "
        "| first result (ms) | done (ms) |",
        "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for q in report["queries"]:
        heavy = q["heaviest"]
        heavy_text = f"`{heavy['key']}` {_kb(heavy['bytes'])}" if heavy else "—"
        results = "—" if q["results"] is None else f"{q['results']:,}"
        lines.append(f"| {q['label']} (`?{q['query']}`) | {results} | {q['files']} | "
                     f"{_kb(q['index_bytes'])} | {heavy_text} | {_ms(q['ready_ms'])} | "
                     f"{_ms(q['first_ms'])} | "
                     f"{_ms(q['done_ms'])} |")
    worst_bytes = max((q["index_bytes"] for q in report["queries"]), default=0)
    worst_ms = max((q["first_ms"] or q["done_ms"] for q in report["queries"]), default=0)
    lines += ["", f"Goals (issue 8, at 10,000 articles): index loaded ≤ 2 MB — worst "
              f"{_kb(worst_bytes)}, {'met' if worst_bytes <= GOAL_BYTES else 'missed'}; first "
              f"result ≤ 1 s — worst {_ms(worst_ms)} ms, "
              f"{'met' if worst_ms <= GOAL_MS else 'missed'}."]
    problems = sorted({p for q in report["queries"] for p in q["problems"]})
    if problems:
        lines += ["", "Browser problems:", *(f"* {p}" for p in problems)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools.search_bench",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("html_dir", type=Path, help="a built site (the folder of search.html)")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs a query (default {RUNS})")
    parser.add_argument("--query", action="append", metavar="QUERYSTRING",
                        help="a query string such as 'q=border&year=2007' (repeatable; "
                             "default: chosen from the site)")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)
    if not (args.html_dir / "search.html").exists():
        parser.error(f"{args.html_dir / 'search.html'} not found: build the site first")
    reason = available()
    if reason:
        print(f"search benchmark skipped: {reason}", file=sys.stderr)
        return 1
    queries = [(q, q) for q in args.query] if args.query else None
    report = measure(args.html_dir, queries, runs=args.runs)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
