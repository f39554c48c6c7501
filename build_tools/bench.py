"""``make bench``: time conversion and Sphinx builds of a generated archive of N articles.

Articles are made from the sample seeds and, when it is beside the checkout, the real corpus
(``../shared/corpus``), each copy with its own title and date so every one is a distinct page.
Prints a Markdown table to paste into ``docs/benchmarks.md`` with the machine it ran on, then
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
from pathlib import Path

from .convert import convert_folder
from .extract.registry import load_registry, load_taxonomy

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


def timed(label: str, func, results: list[tuple[str, float]]) -> None:
    start = time.perf_counter()
    func()
    results.append((label, time.perf_counter() - start))
    print(f"  {label}: {results[-1][1]:.1f} s", file=sys.stderr)


def run(count: int, jobs: str, keep: Path | None,
        after: Callable[[Path], None] | None = None) -> list[tuple[str, float]]:
    """Time each step; then *after* is called with the built site's folder (``build/html``)."""
    work = keep or Path(tempfile.mkdtemp(prefix="news-bench-"))
    project = work / "project"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(REPO / "source", project / "source",
                    ignore=shutil.ignore_patterns("articles"))
    for name in ("conf.py", "entities.yaml", "tags.yaml"):
        shutil.copy(REPO / name, project / name)
    seeds, articles = project / "seeds", project / "source" / "articles"
    make_inputs(seeds, count)
    registry = load_registry(project / "entities.yaml")
    rules = load_taxonomy(project / "tags.yaml")

    def convert() -> None:
        convert_folder(seeds, articles, registry=registry, rules=rules)

    def sphinx() -> None:
        subprocess.run(
            [sys.executable, "-m", "sphinx", "-M", "html", str(project / "source"),
             str(project / "build"), "-c", str(project), "-q", "-j", jobs],
            check=True, cwd=REPO, env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )

    results: list[tuple[str, float]] = []
    print(f"benchmark: {count} articles, -j {jobs}, in {work}", file=sys.stderr)
    timed("convert (all new)", convert, results)
    timed("convert (nothing changed)", convert, results)
    timed("sphinx build (full)", sphinx, results)
    timed("sphinx build (nothing changed)", sphinx, results)
    first = sorted(seeds.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n\nOne more paragraph.\n",
                     encoding="utf-8")
    timed("convert + build (one article changed)", lambda: (convert(), sphinx()), results)
    if after is not None:
        after(project / "build" / "html")
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools.bench")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", default="auto", help="sphinx -j value (default auto)")
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
    results = run(args.articles, args.jobs, args.keep, measure_search if wanted else None)
    print(f"\nMachine: {platform.platform()}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs; {args.articles} articles, sphinx -j {args.jobs}\n")
    print("| step | seconds |\n| --- | ---: |")
    for label, seconds in results:
        print(f"| {label} | {seconds:.1f} |")
    for table in search:
        print(f"\nSearch, {args.articles} articles:\n\n{table}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
