"""``make bench``: time conversion and Sphinx builds of a generated archive of N articles.

Articles are made from the sample seeds and, when it is beside the checkout, the real corpus
(``../shared/corpus``), each copy with its own title and date so every one is a distinct page.
Measured side by side in one run: conversion (new and unchanged), the full build, the same
Markdown through plain Sphinx + MyST (the ratio), and ``make html`` with nothing changed and
after adding, editing, changing the people of and deleting one article, with each step's peak
memory, then page and output sizes. Prints a Markdown table to paste into
``docs/benchmarks.md`` with the machine it ran on, then
(``--search``, on when Chromium and Playwright are installed) the search benchmark's table for
the built site: see :mod:`build_tools.search_bench`.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


REPO = Path(__file__).resolve().parent.parent


def make_inputs(folder: Path, count: int) -> None:
    """*count* distinct articles in *folder*, made from the seeds and the corpus."""
    sources = sorted((REPO / "seeds").glob("*.txt"))
    corpus = REPO.parent / "shared" / "corpus" / "reuters-2007"
    if corpus.is_dir():
        sources += sorted(corpus.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sources]
    texts = [t for t in texts if len(t.strip().splitlines()) > 5]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = texts[i % len(texts)]
        lines = text.lstrip().split("\n")
        lines[0] = f"{lines[0]} (copy {i})" if i >= len(texts) else lines[0]
        day = f"{2000 + i % 24:04d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        (folder / f"{day}-article-{i:05d}.txt").write_text("\n".join(lines), encoding="utf-8")


@dataclass
class Step:
    label: str
    seconds: float
    peak_mb: float | None = None  #: the largest resident size of a process it started
    rate: str = ""  #: articles a second, where that is the measure


def _child(cmd: list[str], env: dict[str, str]) -> float:
    """Run *cmd*; the peak resident memory (MB) of the process, from ``wait4``. (Sphinx's
    parallel workers are children of it; the main process holds the environment and is the
    largest.)"""
    process = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, cmd)
    return usage.ru_maxrss / 1024  # kB on Linux


def run(count: int, jobs: str, keep: Path | None,
        after: Callable[[Path], None] | None = None) -> list[Step]:
    """Time each step of the issue's list; then *after* is called with the built site."""
    work = keep or Path(tempfile.mkdtemp(prefix="news-bench-"))
    project, plain = work / "project", work / "plain"
    for folder in (project, plain):
        if folder.exists():
            shutil.rmtree(folder)
    shutil.copytree(REPO / "source", project / "source",
                    ignore=shutil.ignore_patterns("articles"))
    for name in ("conf.py", "entities.yaml", "tags.yaml"):
        shutil.copy(REPO / name, project / name)
    seeds, articles = project / "seeds", project / "source" / "articles"
    make_inputs(seeds, count)
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    env.pop("SITE_URL", None)
    steps: list[Step] = []

    def step(label: str, cmd: list[str], rate: int | None = None) -> None:
        start = time.perf_counter()
        peak = _child(cmd, env)
        seconds = time.perf_counter() - start
        steps.append(Step(label, seconds, peak, f"{rate / seconds:,.0f}/s" if rate else ""))
        print(f"  {label}: {seconds:.1f} s, {peak:,.0f} MB", file=sys.stderr)

    convert = [sys.executable, "-m", "build_tools", "convert", str(seeds), str(articles),
               "--confdir", str(project), "-j", jobs]
    sphinx = [sys.executable, "-m", "sphinx", "-M", "html", str(project / "source"),
              str(project / "build"), "-c", str(project), "-q", "-j", jobs]

    def build(label: str) -> None:
        start = time.perf_counter()
        peak = max(_child(convert, env), _child(sphinx, env))
        steps.append(Step(label, time.perf_counter() - start, peak))
        print(f"  {label}: {steps[-1].seconds:.1f} s", file=sys.stderr)

    print(f"benchmark: {count} articles, -j {jobs}, in {work}", file=sys.stderr)
    step("convert (all new)", convert, count)
    step("convert (nothing changed)", convert, count)
    step("sphinx build (full)", sphinx)
    # The same generated Markdown through plain Sphinx + MyST and the same theme, no archive.
    _plain_project(articles, plain)
    step("plain Sphinx + MyST (full, same Markdown)",
         [sys.executable, "-m", "sphinx", "-M", "html", str(plain), str(plain / "_build"),
          "-q", "-j", jobs])
    build("make html, nothing changed")
    stories = sorted(seeds.glob("*.txt"))
    new = seeds / "zzzz-new-article.txt"
    new.write_text(stories[1].read_text(encoding="utf-8").replace("\n", " (added)\n", 1),
                   encoding="utf-8")
    build("make html, one article added")
    stories[0].write_text(stories[0].read_text(encoding="utf-8") + "\n\nOne more paragraph.\n",
                          encoding="utf-8")
    build("make html, one article's text edited")
    stories[2].with_suffix(".yaml").write_text("add_people: [Jane Benchmark]\n",
                                               encoding="utf-8")
    build("make html, one article's people changed")
    new.unlink()
    build("make html, one article deleted")
    site = project / "build" / "html"
    pages = sorted(p.stat().st_size for p in site.rglob("*.html"))
    steps.append(Step(f"pages: {len(pages):,}; median {pages[len(pages) // 2] / 1024:.0f} kB, "
                      f"largest {pages[-1] / 1024:.0f} kB; output "
                      f"{sum(p.stat().st_size for p in site.rglob('*') if p.is_file()) / 1e6:.0f}"
                      f" MB; search index "
                      f"{sum(p.stat().st_size for p in (site / '_search').rglob('*')) / 1e6:.1f}"
                      " MB", 0.0))
    if after is not None:
        after(site)
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return steps


def _plain_project(articles: Path, plain: Path) -> None:
    """A Sphinx project of the generated articles with MyST and Furo only."""
    shutil.copytree(articles, plain / "articles", ignore=shutil.ignore_patterns(".*"))
    (plain / "index.md").write_text("# Plain\n", encoding="utf-8")
    (plain / "conf.py").write_text(
        'extensions = ["myst_parser"]\nhtml_theme = "furo"\nproject = "Plain"\n'
        'myst_enable_extensions = ["attrs_block"]\nsuppress_warnings = ["myst.header"]\n',
        encoding="utf-8")


def table(steps: list[Step]) -> str:
    """The Markdown table of a run, with ratios to plain Sphinx and to a full build."""
    full = next(s.seconds for s in steps if s.label == "sphinx build (full)")
    plain = next(s.seconds for s in steps if s.label.startswith("plain Sphinx"))
    lines = ["| step | seconds | of full build | peak MB | rate |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for s in steps:
        if not s.seconds:
            lines.append(f"| {s.label} | | | | |")
            continue
        share = (f"{s.seconds / plain:.2f}x plain" if s.label == "sphinx build (full)"
                 else f"{100 * s.seconds / full:.0f} %" if s.label.startswith("make html")
                 else "")
        peak = f"{s.peak_mb:,.0f}" if s.peak_mb else ""
        lines.append(f"| {s.label} | {s.seconds:.1f} | {share} | {peak} | {s.rate} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools.bench")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", default="auto", help="-j for the converter and Sphinx (default auto)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--search", action=argparse.BooleanOptionalAction, default=None,
                        help="measure the search on the built site in Chromium (default: on "
                             "when /usr/bin/chromium and playwright are installed)")
    args = parser.parse_args(argv)
    from . import search_bench

    unavailable = search_bench.available()
    if args.search and unavailable:
        parser.error(f"--search: {unavailable}")
    if args.search is None and unavailable:
        print(f"search benchmark skipped: {unavailable}", file=sys.stderr)
    search: list[str] = []

    def measure_search(html_dir: Path) -> None:
        print("  search (Chromium, file://) ...", file=sys.stderr)
        search.append(search_bench.markdown(search_bench.measure(html_dir)))

    wanted = args.search if args.search is not None else unavailable is None
    steps = run(args.articles, args.jobs, args.keep, measure_search if wanted else None)
    print(f"\nMachine: {platform.platform()}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs; {args.articles} articles, -j {args.jobs}; "
          f"{time.strftime('%Y-%m-%d')}\n")
    print(table(steps))
    for found in search:
        print(f"\nSearch, {args.articles} articles:\n\n{found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
