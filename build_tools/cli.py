"""Command line: argument parsing and printing only; the work is in convert and explain.

``convert`` holds the lock of its output folder and ``html`` (convert, then Sphinx) holds the
locks of the articles folder and the build folder, so two builds of one checkout never write
the same files at once (see :mod:`.lock`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .convert import convert_folder, write_atomic
from .errors import ArchiveError
from .extract.backends import load_backend
from .extract.registry import load_registry, load_taxonomy
from .lock import folder_lock, folder_locks


def _progress(paths: Sequence[Path]):
    """A progress bar on a terminal; nothing at all when stderr is not one."""
    if not sys.stderr.isatty() or len(paths) < 50:
        return paths
    from tqdm import tqdm

    return tqdm(paths, desc="converting", unit="article", leave=False, file=sys.stderr)


def _optional(path: str | None, default: str) -> Path | None:
    if path is not None:
        return Path(path)
    return Path(default) if Path(default).exists() else None


def cmd_convert(args: argparse.Namespace) -> int:
    with folder_lock(Path(args.output)):
        return _convert(args)


def cmd_html(args: argparse.Namespace) -> int:
    """Convert, then build the site with Sphinx, holding both folders' locks throughout."""
    builddir = Path(args.builddir)
    args.output = args.output or str(Path(args.source) / "articles")
    with folder_locks(Path(args.output), builddir):
        # Sphinx would report a bad news_* option with pages of context; say it in one line.
        from .sphinxext.config import check_conf_file

        conf = check_conf_file(Path(args.confdir))
        if args.ner is None:
            args.ner = conf.get("news_ner_backend")
        status = _convert(args)
        if status:
            return status
        # In-process, so the lock lives exactly as long as the build (a child process could
        # outlive a killed parent and keep writing unlocked).
        from sphinx.cmd.build import main as sphinx_main

        return sphinx_main([
            "-M", "html", args.source, str(builddir), "-c", args.confdir, "-j", args.jobs, "-q",
            *(["-W", "--keep-going"] if args.strict else []),
        ])


def _convert(args: argparse.Namespace) -> int:
    input_dir, output_dir = Path(args.input), Path(args.output)
    if not input_dir.is_dir():
        raise ArchiveError(input_dir, "input folder does not exist")
    registry = load_registry(_optional(args.registry, "entities.yaml"))
    rules = load_taxonomy(_optional(args.tags, "tags.yaml"))
    report = convert_folder(
        input_dir, output_dir, registry=registry, rules=rules, force=args.force,
        max_bytes=args.max_bytes, progress=_progress, backend=load_backend(args.ner),
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
    from .explain import explain_file

    registry = load_registry(_optional(args.registry, "entities.yaml"))
    rules = load_taxonomy(_optional(args.tags, "tags.yaml"))
    print(explain_file(Path(args.file), registry, rules, load_backend(args.ner)))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_table

    registry = load_registry(_optional(args.registry, "entities.yaml"))
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
    convert.add_argument("output", help="folder for the generated .md files")
    html = sub.add_parser("html", help="convert, then build the site, holding the build lock")
    html.add_argument("input", help="folder of *.txt articles")
    html.add_argument("--source", default="source", help="Sphinx source folder (default source)")
    html.add_argument("--output", metavar="DIR",
                      help="folder for the generated .md files (default SOURCE/articles)")
    html.add_argument("--builddir", default="build", help="Sphinx output folder (default build)")
    html.add_argument("--confdir", default=".", help="folder of conf.py (default .)")
    html.add_argument("-j", "--jobs", default="auto", help="Sphinx processes (default auto)")
    for p in (convert, html):
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
                       help="entities.yaml (default: ./entities.yaml if present)")
        p.add_argument("--tags", metavar="FILE",
                       help="tags.yaml (default: ./tags.yaml if present)")
    explain.add_argument("file", help="an article .txt file")
    for p in (convert, html, explain, evaluation := sub.add_parser(
            "eval", help="score the extractor on a labelled set")):
        p.add_argument("--ner", metavar="SPEC",
                       help="add an NER backend's names: spacy:MODEL (an installed spaCy "
                            "model) or module:factory (html: default news_ner_backend in conf.py)")
    evaluation.add_argument("folder", nargs="?", default="tests/data/eval",
                            help="folder with articles/ and gold.yaml (default tests/data/eval)")
    evaluation.add_argument("--registry", metavar="FILE")
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
