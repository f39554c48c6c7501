"""Command line: argument parsing and printing only; the work is in convert and explain.

``convert`` holds the lock of its output folder and ``html`` (convert, then Sphinx) holds the
locks of the articles folder and the build folder, so two builds of one checkout never write
the same files at once (see :mod:`.lock`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import uptodate
from .convert import convert_folder
from .errors import ArchiveError
from .files import write_atomic
from .extract.backends import load_backend
from .lock import folder_lock, folder_locks
from .project import Project, load_project


def _progress(paths: Sequence[Path]):
    """A progress bar on a terminal; nothing at all when stderr is not one."""
    if not sys.stderr.isatty() or len(paths) < 50:
        return paths
    from tqdm import tqdm

    return tqdm(paths, desc="converting", unit="article", leave=False, file=sys.stderr)


def _project(args: argparse.Namespace) -> Project:
    """conf.py's settings (a bad ``news_*`` option is one line here, not Sphinx's pages of
    context), with what the command line gives instead."""
    project = load_project(Path(args.confdir), Path(getattr(args, "source", "source")))
    if args.ner is None:
        args.ner = project.ner
    return project


def cmd_convert(args: argparse.Namespace) -> int:
    project = _project(args)
    args.output = args.output or str(project.articles)
    with folder_lock(Path(args.output)):
        return _convert(args, project)


def cmd_html(args: argparse.Namespace) -> int:
    """Convert, then build the site with Sphinx, holding both folders' locks throughout."""
    builddir = Path(args.builddir)
    project = _project(args)
    args.output = args.output or str(project.articles)
    with folder_locks(Path(args.output), builddir):
        status = _convert(args, project)
        if status:
            return status

        inputs = uptodate.input_state(source=Path(args.source), confdir=Path(args.confdir),
                                      builddir=builddir, options=[f"strict={args.strict}"],
                                      settings=project.settings, skip=[Path(args.input)])
        if uptodate.unchanged(builddir, inputs):
            print(f"site unchanged since the last build: {builddir / 'html'} (Sphinx not run)")
            return 0
        uptodate.forget(builddir)
        # In-process, so the lock lives exactly as long as the build (a child process could
        # outlive a killed parent and keep writing unlocked).
        from sphinx.cmd.build import main as sphinx_main

        status = sphinx_main([
            "-M", "html", args.source, str(builddir), "-c", args.confdir, "-j", args.jobs, "-q",
            *(["-W", "--keep-going"] if args.strict else []),
        ])
        if status == 0 and args.strict:
            # Strict: a broken link or an asset from outside the site fails the build too.
            # Checked under the lock, so no other build changes the site meanwhile.
            from .linkcheck import check_site, report

            if problems := check_site(builddir / "html", os.environ.get("SITE_URL") or None):
                print(report(problems), file=sys.stderr)
                return 1
        if status == 0:
            uptodate.remember(builddir, inputs)
    return status


def _processes(jobs: str) -> int:
    """``-j``: a number, or ``auto`` for one process per core (as for Sphinx)."""
    if jobs == "auto":
        return os.cpu_count() or 1
    if not jobs.isdigit() or int(jobs) < 1:
        raise ArchiveError(None, f"-j {jobs}: expected a number of processes or auto")
    return int(jobs)


def _convert(args: argparse.Namespace, project: Project) -> int:
    input_dir, output_dir = Path(args.input), Path(args.output)
    if not input_dir.is_dir():
        raise ArchiveError(input_dir, "input folder does not exist")
    report = convert_folder(
        input_dir, output_dir, registry=project.registry(args.registry),
        rules=project.taxonomy(args.tags), force=args.force,
        max_bytes=args.max_bytes, progress=_progress, backend=load_backend(args.ner),
        jobs=_processes(args.jobs),
    )
    for result in report.inputs:
        if result.error:
            print(result.error, file=sys.stderr)
        for warning in result.warnings:
            print(f"{result.file}: warning: {warning}", file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.report:
        write_atomic(Path(args.report), json.dumps(report.to_json(), indent=2,
                                                    ensure_ascii=False) + "\n")
    print(report.summary())
    if args.strict and (report.failed or report.warnings or
                        any(r.warnings for r in report.inputs)):
        print("strict: bad input or warnings above; failing", file=sys.stderr)
        return 1
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from .explain import default_input_dir, explain_file

    project = _project(args)
    path = Path(args.file)
    input_dir = Path(args.input) if args.input else default_input_dir(path, project.confdir)
    if not path.absolute().is_relative_to(input_dir.absolute()):
        raise ArchiveError(path, f"not in the input folder {input_dir}")
    print(explain_file(path, input_dir, project.registry(args.registry),
                       project.taxonomy(args.tags), load_backend(args.ner)))
    return 0


def cmd_clean(args: argparse.Namespace) -> int:
    from .clean import clean

    done = clean(_project(args).articles, Path(args.builddir), args.force)
    print(f"emptied {args.builddir}/ and removed {done.removed} generated articles")
    if done.kept:
        print(f"kept {len(done.kept)} articles edited or written by hand "
              "(FORCE=1 or --force removes them too):", file=sys.stderr)
        for path in done.kept:
            print(f"  {path}", file=sys.stderr)
    return 0


def cmd_check_links(args: argparse.Namespace) -> int:
    from .linkcheck import check_site, report

    site = Path(args.site)
    if not site.is_dir():
        raise ArchiveError(site, "no such folder; build the site first (make html)")
    problems = check_site(site, args.base_url)
    print(report(problems), file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0


def cmd_dist(args: argparse.Namespace) -> int:
    from .dist import make_zip
    from .linkcheck import check_site, report

    # A reader far from any network cannot fix a broken copy: check it before handing it out.
    if problems := check_site(Path(args.site)):
        print(report(problems), file=sys.stderr)
        print("dist: not written; fix the links above first", file=sys.stderr)
        return 1
    print(make_zip(Path(args.site), Path(args.out), _project(args).title))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from .audit import as_markdown, index_entries, sample

    articles = Path(args.articles) if args.articles else _project(args).articles
    picked = sample(articles, args.index, args.size, args.seed)
    print(as_markdown(args.index, picked, len(index_entries(articles, args.index))), end="")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_table

    registry = _project(args).registry(args.registry)
    scores, errors = evaluate(Path(args.folder), registry, backend=load_backend(args.ner))
    if args.verbose:
        for name, kinds in errors.items():
            for kind, (missed, spurious) in kinds.items():
                print(f"{name}: {kind}: missed {sorted(missed)}; spurious {sorted(spurious)}")
        print()
    print(format_table(scores))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m build_tools",
                                     description="News archive tools.")
    sub = parser.add_subparsers(dest="command", required=True)

    convert = sub.add_parser("convert", help="convert a folder of articles to MyST files")
    convert.add_argument("input", help="folder of *.txt articles")
    convert.add_argument("output", nargs="?", help="folder for the generated .md files "
                         "(default: source/ and conf.py's news_articles_dir)")
    html = sub.add_parser("html", help="convert, then build the site, holding the build lock")
    html.add_argument("input", help="folder of *.txt articles")
    html.add_argument("--source", default="source", help="Sphinx source folder (default source)")
    html.add_argument("--output", metavar="DIR", help="folder for the generated .md files "
                      "(default: SOURCE and conf.py's news_articles_dir)")
    html.add_argument("--builddir", default="build", help="Sphinx output folder (default build)")
    for p in (convert, html):
        p.add_argument("-j", "--jobs", default="auto",
                       help="processes for converting (and, html, for Sphinx); default auto: "
                            "one per core")
        p.add_argument("--force", action="store_true",
                       help="regenerate files even if they were edited by hand")
        p.add_argument("--strict", action="store_true",
                       help="exit non-zero if any input fails or warns (html: or Sphinx warns)")
        p.add_argument("--report", metavar="FILE", help="write a JSON report of every input")
        p.add_argument("--max-bytes", type=int, default=5 * 1024 * 1024,
                       help="skip inputs larger than this (default 5 MB)")
    for p in (convert, html, explain := sub.add_parser(
            "explain", help="show why each tag and name was assigned to an article")):
        p.add_argument("--registry", metavar="FILE",
                       help="entities.yaml (default: conf.py's news_registry)")
        p.add_argument("--tags", metavar="FILE",
                       help="tags.yaml (default: conf.py's news_taxonomy)")
    explain.add_argument("file", help="an article .txt file")
    explain.add_argument("--input", metavar="DIR",
                         help="the folder it is converted from, whose manifest.csv applies "
                              "(default: the project's seeds/ if the file is in it, else the "
                              "file's folder)")
    for p in (convert, html, explain, evaluation := sub.add_parser(
            "eval", help="score the extractor on a labelled set")):
        p.add_argument("--ner", metavar="SPEC",
                       help="add an NER backend's names: spacy:MODEL (an installed spaCy "
                            "model) or module:factory (html: default news_ner_backend in conf.py)")
    evaluation.add_argument("folder", nargs="?", default="tests/data/eval",
                            help="folder with articles/ and gold.yaml (default tests/data/eval)")
    evaluation.add_argument("--registry", metavar="FILE",
                            help="entities.yaml (default: conf.py's news_registry)")
    cleaning = sub.add_parser("clean", help="remove the build folder and generated articles, "
                              "keeping those edited by hand")
    cleaning.add_argument("--builddir", default="build",
                          help="Sphinx output folder (default build)")
    cleaning.add_argument("--source", default="source",
                          help="Sphinx source folder (default source)")
    cleaning.add_argument("--force", action="store_true",
                          help="remove hand-edited and hand-written articles too")
    cleaning.set_defaults(func=cmd_clean, ner=None)
    links = sub.add_parser("check-links", help="check that every internal link and asset of a "
                           "built site resolves on disk, and that nothing comes from outside")
    links.add_argument("site", nargs="?", default="build/html",
                       help="the built site (default build/html)")
    links.add_argument("--base-url", metavar="URL",
                       help="where it is published (SITE_URL): absolute links under it are "
                            "checked as files of the site")
    links.set_defaults(func=cmd_check_links)
    dist = sub.add_parser("dist", help="zip the built site, with a README.txt, to read offline")
    dist.add_argument("site", nargs="?", default="build/html",
                      help="the built site (default build/html)")
    dist.add_argument("--out", default="dist", help="folder for the zip (default dist)")
    dist.set_defaults(func=cmd_dist, ner=None)
    audit = sub.add_parser("audit", help="a random sample of an index's entries with the text "
                           "that gave each, to judge its precision by hand")
    audit.add_argument("index", help="people, places, organizations, tags, authors or agencies")
    audit.add_argument("--articles", metavar="DIR",
                       help="generated articles (default: conf.py's news_articles_dir)")
    audit.add_argument("--size", type=int, default=100, help="entries (default 100)")
    audit.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    audit.set_defaults(func=cmd_audit, ner=None)
    for p in (convert, html, explain, evaluation, cleaning, dist, audit):
        p.add_argument("--confdir", default=".", help="folder of conf.py (default .)")
    evaluation.add_argument("-v", "--verbose", action="store_true",
                            help="list every missed and spurious name")
    evaluation.set_defaults(func=cmd_eval)
    convert.set_defaults(func=cmd_convert)
    html.set_defaults(func=cmd_html)
    explain.set_defaults(func=cmd_explain)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ArchiveError as err:
        print(err, file=sys.stderr)
        return 2
