"""``make bench``: time conversion and Sphinx builds of a generated archive of N articles.

Articles are made from the sample seeds and, when it is beside the checkout, the real corpus
(``../shared/corpus``), each copy with its own title and date so every one is a distinct page.
Measured side by side in one run: conversion (new and unchanged), the full build, the same
Markdown through plain Sphinx + MyST (the ratio) and plain Sphinx's own rebuilds with nothing
changed and after one article's text is edited (the floor under ours), and ``make html`` with
nothing changed, after adding the newest article, and after adding one dated among the others,
editing, changing the people of and deleting one article, with each step's peak
memory, then page and output sizes and the size of Sphinx's environment pickle and of our own
stores beside it. Prints a Markdown table with the machine it ran on, then (``--search``, on
when Chromium and Playwright are installed) the search benchmark's table for the built site:
see :mod:`build_tools.search_bench`.

Each run is recorded (:mod:`build_tools.bench_record`): an entry in ``docs/benchmarks.json``
(the machine, versions, date, commit and every figure; a rerun of the same size on the same
commit replaces its entry), its table between ``<!-- bench:latest N=... -->`` markers at the
top of ``docs/benchmarks.md``, and ``docs/benchmarks.svg`` redrawn (:mod:`build_tools.bench_chart`).

Options:

``--articles N``
    the archive's size (default 1000);
``--jobs J``
    ``-j`` for the converter and Sphinx (default ``auto``);
``--keep DIR``
    work in *DIR* and keep it, to look at the built site afterwards;
``--search`` / ``--no-search``
    measure the search in Chromium, or not (default: when it is installed);
``--no-record``
    print only: write nothing to ``docs/`` (trial runs, a busy machine);
``--chart-only``
    run nothing: redraw ``docs/benchmarks.svg`` from ``docs/benchmarks.json``;
``--docs DIR``
    the folder holding ``benchmarks.json``, ``.md`` and ``.svg`` (default the checkout's ``docs/``).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import bench_chart, bench_record
from .bench_record import OURS_FULL, PLAIN_FULL, PLAIN_REBUILD, Entry
from .cache import CACHE_NAME, CITIES_NAME
from .files import write_atomic
from .sphinxext.texts import STORE as TEXTS


REPO = Path(__file__).resolve().parent.parent


#: The years the generated articles are dated in, and a day after all of them.
YEARS = range(2000, 2024)
NEWEST = f"{YEARS[-1] + 1}-12-31"


def make_inputs(folder: Path, count: int) -> None:
    """*count* distinct articles in *folder*, made from the seeds and the corpus."""
    sources = sorted((REPO / "seeds").glob("*.txt"))
    corpus = REPO.parent / "shared" / "corpus" / "reuters-2007"
    if corpus.is_dir():
        sources += sorted(corpus.glob("*.txt"))
    else:
        # Copies of a few seeds share their names, so the archive has far fewer term pages.
        print(f"benchmark: {corpus} is missing, so the articles are copies of the seeds "
              "alone; figures are not comparable with runs made with the corpus",
              file=sys.stderr)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sources]
    texts = [t for t in texts if len(t.strip().splitlines()) > 5]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = texts[i % len(texts)]
        lines = text.lstrip().split("\n")
        lines[0] = f"{lines[0]} (copy {i})" if i >= len(texts) else lines[0]
        day = f"{YEARS[i % len(YEARS)]:04d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        (folder / f"{day}-article-{i:05d}.txt").write_text("\n".join(lines), encoding="utf-8")


@dataclass
class Step:
    label: str
    seconds: float
    peak_mb: float | None = None  #: the largest resident size of a process it started
    rate: float | None = None  #: articles a second, where that is the measure


@dataclass
class Sizes:
    """What the finished build left on disk."""
    pages: int
    median_page_kb: float
    largest_page_kb: float
    output_mb: float
    search_index_mb: float
    environment_pickle_mb: float | None  #: Sphinx's ``doctrees/environment.pickle``
    #: our own files beside it in ``doctrees/`` and the converter's cache, by name
    stores_mb: dict[str, float] = field(default_factory=dict)


@dataclass
class Result:
    steps: list[Step]
    sizes: Sizes


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
        after: Callable[[Path], None] | None = None) -> Result:
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
        steps.append(Step(label, seconds, peak, rate / seconds if rate else None))
        print(f"  {label}: {seconds:.1f} s, {peak:,.0f} MB", file=sys.stderr)

    convert = [sys.executable, "-m", "build_tools", "convert", str(seeds), str(articles),
               "--confdir", str(project), "-j", jobs]
    sphinx = [sys.executable, "-m", "sphinx", "-M", "html", str(project / "source"),
              str(project / "build"), "-c", str(project), "-q", "-j", jobs]

    # What `make html` runs: the conversion and Sphinx in one process, which skips Sphinx
    # when nothing changed since its last build (build_tools.uptodate).
    make_html = [sys.executable, "-m", "build_tools", "html", str(seeds),
                 "--source", str(project / "source"), "--builddir", str(project / "build"),
                 "--confdir", str(project), "-j", jobs]

    def build(label: str) -> None:
        start = time.perf_counter()
        peak = _child(make_html, env)
        steps.append(Step(label, time.perf_counter() - start, peak))
        print(f"  {label}: {steps[-1].seconds:.1f} s", file=sys.stderr)

    print(f"benchmark: {count} articles, -j {jobs}, in {work}", file=sys.stderr)
    step("convert (all new)", convert, count)
    step("convert (nothing changed)", convert, count)
    step(OURS_FULL, sphinx)
    # The same generated Markdown through plain Sphinx + MyST and the same theme, no archive.
    _plain_project(articles, plain)
    plain_sphinx = [sys.executable, "-m", "sphinx", "-M", "html", str(plain),
                    str(plain / "_build"), "-q", "-j", jobs]
    step(PLAIN_FULL, plain_sphinx)
    # Sphinx's own cost of a change, the floor under ours: its start, its environment loaded
    # and saved, the page read and written again.
    step(f"{PLAIN_REBUILD}nothing changed", plain_sphinx)
    edited = sorted((plain / "articles").glob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more paragraph.\n",
                      encoding="utf-8")
    step(f"{PLAIN_REBUILD}one article's text edited", plain_sphinx)
    # Untimed: `make html` once, leaving what it leaves after a full build of its own (the
    # memo of what the site was built from), which the full step above does not write: it
    # runs Sphinx alone, as plain Sphinx is run.
    _child(make_html, env)
    build("make html, nothing changed")
    stories = sorted(seeds.glob("*.txt"))
    # How a newsroom's archive grows: today's story, newer than every other.
    newest = seeds / f"{NEWEST}-newest-article.txt"
    newest.write_text(stories[3].read_text(encoding="utf-8").replace("\n", " (newest)\n", 1),
                      encoding="utf-8")
    build("make html, the newest article added")
    # An article dated among the others (its text's date): later articles shift.
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
    sizes = measure_sizes(site, project / "build" / "doctrees", articles)
    if after is not None:
        after(site)
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return Result(steps, sizes)


def measure_sizes(site: Path, doctrees: Path, articles: Path) -> Sizes:
    """Page, output and search index sizes of *site*; the environment pickle and our stores
    (every file in *doctrees* that is neither a doctree nor the pickle, and the converter's
    cache in *articles*), whose growth with the archive issue 13 asks to watch."""
    mb = 1e6
    pages = sorted(p.stat().st_size for p in site.rglob("*.html"))
    pickle = doctrees / "environment.pickle"
    stores = [p for p in sorted(doctrees.iterdir()) if p.is_file()
              and p.suffix != ".doctree" and p != pickle] if doctrees.is_dir() else []
    stores += [p for p in [articles / CACHE_NAME, articles / CITIES_NAME] if p.is_file()]
    texts = doctrees / TEXTS  # the pages' search texts, a file each (see sphinxext.texts)
    return Sizes(
        pages=len(pages),
        median_page_kb=pages[len(pages) // 2] / 1024 if pages else 0.0,
        largest_page_kb=pages[-1] / 1024 if pages else 0.0,
        output_mb=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / mb,
        search_index_mb=sum(p.stat().st_size for p in (site / "_search").rglob("*")
                            if p.is_file()) / mb,
        environment_pickle_mb=pickle.stat().st_size / mb if pickle.exists() else None,
        stores_mb={**{p.name: p.stat().st_size / mb for p in stores},
                   **({f"{TEXTS}/": sum(p.stat().st_size for p in texts.rglob("*.json")) / mb}
                      if texts.is_dir() else {})})


def _plain_project(articles: Path, plain: Path) -> None:
    """A Sphinx project of the generated articles with MyST and Furo only."""
    shutil.copytree(articles, plain / "articles", ignore=shutil.ignore_patterns(".*"))
    (plain / "index.md").write_text("# Plain\n", encoding="utf-8")
    (plain / "conf.py").write_text(
        'extensions = ["myst_parser"]\nhtml_theme = "furo"\nproject = "Plain"\n'
        'myst_enable_extensions = ["attrs_block"]\nsuppress_warnings = ["myst.header"]\n',
        encoding="utf-8")


def table(steps: list[Step], sizes: Sizes) -> str:
    """The Markdown table of a run, with ratios to plain Sphinx and to a full build, and a
    last row of sizes."""
    full = next(s.seconds for s in steps if s.label == OURS_FULL)
    plain = next(s.seconds for s in steps if s.label == PLAIN_FULL)
    lines = ["| step | seconds | of full build | peak MB | rate |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for s in steps:
        share = (f"{s.seconds / plain:.2f}x plain" if s.label == OURS_FULL
                 else f"{100 * s.seconds / full:.0f} %" if s.label.startswith("make html")
                 else f"{100 * s.seconds / plain:.0f} % of plain" if
                 s.label.startswith(PLAIN_REBUILD) else "")
        peak = f"{s.peak_mb:,.0f}" if s.peak_mb else ""
        rate = f"{s.rate:,.0f}/s" if s.rate else ""
        lines.append(f"| {s.label} | {s.seconds:.1f} | {share} | {peak} | {rate} |")
    lines.append(f"| {size_line(sizes)} | | | | |")
    return "\n".join(lines)


def size_line(sizes: Sizes) -> str:
    """``pages: 3,029; median 20 kB, ...; environment.pickle 95.1 MB, our stores ...``."""
    pickle = (_size(sizes.environment_pickle_mb) if sizes.environment_pickle_mb is not None
              else "not found")
    stores = ", ".join(f"`{name}` {_size(mb)}" for name, mb in sizes.stores_mb.items())
    return (f"pages: {sizes.pages:,}; median {sizes.median_page_kb:.0f} kB, largest "
            f"{sizes.largest_page_kb:.0f} kB; output {sizes.output_mb:.0f} MB; search index "
            f"{sizes.search_index_mb:.1f} MB; `environment.pickle` {pickle}"
            + (f"; our stores: {stores}" if stores else ""))


def _size(mb: float) -> str:
    return f"{mb:,.1f} MB" if mb >= 1 else f"{mb * 1000:,.0f} kB"


def machine() -> dict[str, object]:
    """The machine and the versions a run's figures depend on."""
    def version(package: str) -> str | None:
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            return None
    return {"platform": platform.platform(), "cpus": os.cpu_count(),
            "python": platform.python_version(), "sphinx": version("sphinx"),
            "myst_parser": version("myst-parser"), "docutils": version("docutils")}


def commit() -> str | None:
    """The checkout's short commit, ``-dirty`` when tracked files other than the record itself
    differ from it; ``None`` outside git."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, check=True,
                              capture_output=True, text=True).stdout.strip()
        changed = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--",
                                  ".", ":!docs/benchmarks.*"], cwd=REPO, check=True,
                                 capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return f"{head}-dirty" if changed else head


def entry(result: Result, articles: int, jobs: str, on: dict[str, object], date: str,
          at: str | None) -> Entry:
    """The record of one run (see :mod:`build_tools.bench_record` for its shape)."""
    # Rounded below the noise of a run (about 5 %), so the file's diffs stay readable.
    steps = [{"label": s.label, "seconds": round(s.seconds, 2),
              "peak_mb": None if s.peak_mb is None else round(s.peak_mb, 1),
              "rate": None if s.rate is None else round(s.rate, 1)} for s in result.steps]
    sizes = {name: round(value, 3) if isinstance(value, float) else value
             for name, value in asdict(result.sizes).items()}
    sizes["stores_mb"] = {name: round(mb, 3) for name, mb in result.sizes.stores_mb.items()}
    return {"articles": articles, "jobs": jobs, "date": date, "commit": at,
            "source": "measured", "machine": on, "steps": steps, "sizes": sizes}


def machine_line(record: Entry) -> str:
    """``Machine: ...; 1,000 articles, -j auto; 2026-12-02, commit abc1234``."""
    on = record["machine"]
    return (f"Machine: `{on['platform']}`, {on['cpus']} CPUs, Python {on['python']}, "
            f"Sphinx {on['sphinx']}, myst-parser {on['myst_parser']}, docutils {on['docutils']}; "
            f"{record['articles']:,} articles, -j {record['jobs']}; {record['date']}, "
            f"commit {record['commit'] or 'unknown'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools.bench")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", default="auto", help="-j for the converter and Sphinx (default auto)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--search", action=argparse.BooleanOptionalAction, default=None,
                        help="measure the search on the built site in Chromium (default: on "
                             "when /usr/bin/chromium and playwright are installed)")
    parser.add_argument("--no-record", dest="record", action="store_false",
                        help="print the table only; write nothing to docs/")
    parser.add_argument("--chart-only", action="store_true",
                        help="run nothing: redraw benchmarks.svg from benchmarks.json")
    parser.add_argument("--docs", type=Path, default=REPO / "docs",
                        help="the folder of benchmarks.json, .md and .svg (default docs/)")
    args = parser.parse_args(argv)
    if args.chart_only:
        write_atomic(args.docs / "benchmarks.svg",
                     bench_chart.chart(bench_record.load(args.docs / "benchmarks.json")))
        print(f"drew {args.docs / 'benchmarks.svg'}", file=sys.stderr)
        return 0
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
    result = run(args.articles, args.jobs, args.keep, measure_search if wanted else None)
    record = entry(result, args.articles, args.jobs, machine(), time.strftime("%Y-%m-%d"),
                   commit())
    body = f"{machine_line(record)}\n\n{table(result.steps, result.sizes)}"
    for found in search:
        body += f"\n\nSearch, {args.articles:,} articles:\n\n{found}"
    print(f"\n{body}")
    if args.record:
        heading = f"## Latest run at {args.articles:,} articles (written by `make bench`)"
        bench_record.record(args.docs, record, f"{heading}\n\n{body}", bench_chart.chart)
        print(f"\nrecorded in {args.docs}/benchmarks.json, .md and .svg", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
