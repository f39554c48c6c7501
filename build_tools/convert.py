"""Folder of plain-text articles -> folder of MyST files, safely.

* Deterministic: the same inputs give byte-identical files, and a file whose content would not
  change is not touched, so Sphinx re-reads only what changed.
* Atomic: every file is written to a temporary name and renamed, so an interrupted run leaves
  no half-written article.
* Hand edits win: each generated file ends with a hash of what was written; a file edited since
  is kept (and reported) unless ``force`` is given.
* One bad input is one message; the rest of the archive is still converted.
* What the user sets wins: a sidecar or ``manifest.csv`` row (:mod:`build_tools.metadata`)
  overrides extracted fields. Its values are part of the generated file, so editing a sidecar
  rewrites exactly that article.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

import yaml

from .article import Article, Source
from .cache import Extracted, ExtractionCache, config_key
from .errors import ArchiveError
from .files import write_all_atomic
from .extract import extract
from .extract.backends import NerBackend
from .extract.registry import Registry
from .extract.tags import TagRule
from .metadata import (
    MANIFEST_NAME,
    Manifest,
    Overrides,
    apply_overrides,
    load_manifest,
    merge,
    orphan_sidecars,
    sidecar_for,
    sidecars_of,
)
from .myst import GENERATED_MARK, render_article
from .naming import article_slugs
from .parse import parse_text
from .reading import read_article_text
from .resolve import resolve_names

_SOURCE_FILE = re.compile(r"^source:\n  file: (.*)$", re.MULTILINE)
#: A file name YAML would read as the same string: no quotes, no indicators, no spaces at the
#: ends, and not a word YAML gives another type (``null``, ``yes``, a number).
_PLAIN_NAME = re.compile(r"\w[\w./-]*\.[A-Za-z]+")
#: Status of one input in the report.
CONVERTED, UNCHANGED, FAILED, DUPLICATE, KEPT_EDIT = (
    "converted", "unchanged", "failed", "duplicate", "kept-hand-edit")


@dataclass
class InputResult:
    file: str  #: relative to the input folder
    status: str
    output: str | None = None  #: relative to the output folder
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    #: Names resolved across the archive (:mod:`build_tools.resolve`): ``Baker -> James Baker
    #: (why)``.
    resolved: list[str] = field(default_factory=list)


@dataclass
class Report:
    """What a conversion did, input by input."""

    inputs: list[InputResult] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  #: not tied to one input

    def count(self, status: str) -> int:
        return sum(1 for r in self.inputs if r.status == status)

    @property
    def failed(self) -> list[InputResult]:
        return [r for r in self.inputs if r.status == FAILED]

    def summary(self) -> str:
        edits = self.count(KEPT_EDIT)
        text = (
            f"{self.count(CONVERTED)} converted, {self.count(UNCHANGED)} unchanged, "
            f"{len(self.removed)} removed, {len(self.failed)} failed"
        )
        if dupes := self.count(DUPLICATE):
            text += f", {dupes} duplicate"
        if edits:
            text += f", {edits} hand-edited kept"
        return text

    def to_json(self) -> dict:
        return {
            "summary": self.summary(),
            "inputs": [vars(r) for r in self.inputs],
            "removed": self.removed,
            "warnings": self.warnings,
        }


def stamp(text: str) -> str:
    """*text* with the generated mark that records its hash as the last line."""
    return f"{text}\n{GENERATED_MARK}{hashlib.sha256(text.encode('utf-8')).hexdigest()}\n"


def is_hand_edited(content: str) -> bool | None:
    """Whether a generated file changed since it was written; ``None`` if we did not write it."""
    body, sep, last = content.rstrip("\n").rpartition("\n")
    if not sep or not last.startswith(GENERATED_MARK):
        return None
    recorded = last[len(GENERATED_MARK):].strip()
    return hashlib.sha256(body.encode("utf-8")).hexdigest() != recorded


def list_inputs(input_dir: Path) -> tuple[list[Path], dict[str, str]]:
    """Every ``*.txt`` (in any case: ``NAME.TXT`` too) below *input_dir*, in a stable order,
    hidden files and folders skipped; and the files refused, file as shown -> reason.

    Refused, so that nothing is skipped in silence: names that are not UTF-8 or hold control
    characters (they would break every file that records them), links that leave the input
    folder (an archive copied elsewhere would lose them) and broken links. Links to folders
    are not followed, which rules out loops; they are refused too.
    """
    root = input_dir.resolve()
    found: list[Path] = []
    refused: dict[str, str] = {}
    for folder, dirs, files in os.walk(input_dir):
        here = Path(folder)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in dirs:
            if (here / name).is_symlink():
                refused[_shown(here / name, input_dir)] = "a link to a folder; not followed"
        for name in files:
            path = here / name
            if name.startswith(".") or not name.lower().endswith(".txt"):
                continue
            if (reason := _refusal(path, path.relative_to(input_dir).as_posix(), root)):
                refused[_shown(path, input_dir)] = reason
            else:
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(input_dir).as_posix()), refused


def _refusal(path: Path, relpath: str, root: Path) -> str | None:
    if not _is_utf8(relpath):
        return "file name is not UTF-8; rename it"
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in relpath):
        return "file name holds control characters or line breaks; rename it"
    return link_problem(path, root)


def link_problem(path: Path, root: Path) -> str | None:
    """Why a link at *path* is not read: broken, or leading out of *root* (the resolved input
    folder), whose copy elsewhere would lose it. ``None`` for a file that is not a link, or
    a link to a file inside."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    if not target.is_file():
        return "a broken link"
    if not target.is_relative_to(root):
        return f"a link to {target}, outside the input folder; not followed"
    return None


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes, kept by the OS as surrogates
        return False
    return True


def _shown(path: Path, input_dir: Path) -> str:
    """*path* relative to the input folder, printable: control characters and undecodable
    bytes written as escapes, so the message is one line that names the file."""
    text = path.relative_to(input_dir).as_posix()
    return "".join(
        c if _is_utf8(c) and unicodedata.category(c) not in ("Cc", "Zl", "Zp")
        else repr(c)[1:-1] for c in text)


def build_article(
    raw: bytes, relpath: str, registry: Registry, rules: tuple[TagRule, ...],
    overrides: Overrides | None = None, backend: NerBackend | None = None,
) -> tuple[Article, list[str]]:
    """One input's bytes -> its Article (without a slug) and any warnings. Pure.

    *overrides* (from a sidecar or the manifest) replace what extraction found."""
    article, warnings = extract_article(raw, relpath, registry, rules, backend)
    return (apply_overrides(article, overrides) if overrides else article), warnings


def extract_article(raw: bytes, relpath: str, registry: Registry, rules: tuple[TagRule, ...],
                    backend: NerBackend | None = None) -> tuple[Article, list[str]]:
    """What the input's bytes alone give: read, parsed and searched for names. Pure; the
    part :mod:`.cache` keeps between runs."""
    text, warnings = read_article_text(raw, relpath)
    parsed = parse_text(text, relpath)
    warnings.extend(parsed.warnings)
    found = extract(parsed, registry, rules, backend)
    article = Article(
        title=parsed.title,
        paragraphs=parsed.paragraphs,
        source=Source(relpath, hashlib.sha256(raw).hexdigest()),
        authors=parsed.authors,
        agency=parsed.dateline.agency if parsed.dateline else None,
        dateline=parsed.dateline.text if parsed.dateline else None,
        location=found.location,
        date=parsed.date,
        tags=found.tags,
        people=found.people,
        places=found.places,
        organizations=found.organizations,
        roles=found.roles,
        credits=parsed.credits,
        credit_line=parsed.credit_line,
        url=parsed.url,
    )
    return article, warnings


def assign_slugs(articles: list[Article], existing: dict[str, str] | None = None,
                 failed: Iterable[str] = ()) -> list[Article]:
    """Each article with its unique, stable slug (:func:`~build_tools.naming.article_slugs`).

    *existing* is file name -> content of what is in the output folder now: a file an input
    wrote keeps its name for that input; a file edited by hand or not written by us is never
    given to another input, whose article would otherwise be dropped in its favour; nor is
    the last good page of an input that *failed* this run, which keeps it until it is fixed.
    """
    current: dict[str, list[str]] = {}
    taken: set[str] = set()
    inputs = {a.source.file for a in articles}
    failed = set(failed)
    for name, content in (existing or {}).items():
        slug, owner = name[:-len(".md")], _source_file(content)
        if owner in inputs:
            current.setdefault(owner, []).append(slug)
        # What is kept whatever the inputs: edited by hand, not written by us, or the page of
        # an input that is still there but failed this time.
        if owner is None or owner in failed or is_hand_edited(content) is not False:
            taken.add(slug)
    slugs = article_slugs({a.source.file: a.title for a in articles}, current, taken)
    return sorted((replace(a, slug=slugs[a.source.file]) for a in articles),
                  key=lambda a: a.source.file)


def _source_file(content: str) -> str | None:
    """The ``source.file`` a generated article records, or ``None`` if it records none that
    can be read (a hand-broken file is not ours to take or remove)."""
    match = _SOURCE_FILE.search(content)
    if not match:
        return None
    text = match.group(1)
    if _PLAIN_NAME.fullmatch(text):
        return text  # what safe_dump writes unquoted reads back as itself
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    return value if isinstance(value, str) else None


def convert_folder(
    input_dir: Path,
    output_dir: Path,
    *,
    registry: Registry | None = None,
    rules: tuple[TagRule, ...] = (),
    force: bool = False,
    max_bytes: int = 5 * 1024 * 1024,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
    backend: NerBackend | None = None,
    jobs: int = 1,
) -> Report:
    """Convert every article in *input_dir* into *output_dir*; see the module docstring.

    Inputs the last run extracted, unchanged, come from :mod:`.cache`; the others are
    extracted in *jobs* processes, with the same result as one."""
    registry = registry or Registry()
    report = Report()
    results: dict[str, InputResult] = {}
    articles: list[Article] = []
    first_by_hash: dict[str, str] = {}
    # A manifest that cannot be read stops the run here, before anything is written.
    manifest = folder_manifest(input_dir)
    paths, refused = list_inputs(input_dir)
    for shown, reason in refused.items():
        results[shown] = InputResult(shown, FAILED, error=f"{shown}: {reason}")
    cache = ExtractionCache(output_dir, config_key(registry, rules, _backend_key(backend)))
    wanted: list[tuple[str, bytes, Overrides]] = []  # inputs to convert, in order
    for path in progress(paths) if progress else paths:
        relpath = path.relative_to(input_dir).as_posix()
        result = results[relpath] = InputResult(relpath, FAILED)
        try:
            size = path.stat().st_size
            if size > max_bytes:
                raise ArchiveError(relpath, f"file too large ({size} bytes; limit {max_bytes})")
            raw = path.read_bytes()
            digest = hashlib.sha256(raw).hexdigest()
            if digest in first_by_hash:
                result.status = DUPLICATE
                result.warnings.append(f"identical to {first_by_hash[digest]}; not converted")
                if relpath in manifest.rows or sidecars_of(path):
                    result.warnings.append("its sidecar or manifest row is not used")
                continue
            first_by_hash[digest] = relpath
            wanted.append((relpath, raw, user_overrides(path, relpath, manifest, input_dir)))
        except ArchiveError as err:
            result.error = str(err.with_file(relpath) if err.file is None else err)
        except OSError as err:
            result.error = f"{relpath}: cannot read ({err.strerror or err})"
    extracted = _extract_all(wanted, cache, registry, rules, backend, jobs)
    for relpath, _, overrides in wanted:
        found = extracted[relpath]
        if isinstance(found, ArchiveError):
            results[relpath].error = str(found)
            continue
        results[relpath].warnings.extend(found.warnings)
        articles.append(apply_overrides(found.article, overrides) if overrides
                        else found.article)
    articles, resolutions = resolve_names(articles)
    for file, done in resolutions.items():
        results[file].resolved = [str(r) for r in done]
    report.warnings.extend(_unused_metadata(input_dir, manifest, set(results)))
    _remove_temporaries(output_dir)
    existing = _read_existing(output_dir)
    pages: dict[str, str] = {}
    failed = {f for f, r in results.items() if r.status == FAILED}
    rendered: dict[str, tuple[str, str]] = {}
    writes: list[tuple[Path, str]] = []
    for article in assign_slugs(articles, existing, failed):
        result = results[article.source.file]
        name = f"{article.slug}.md"
        pages[name] = article.source.file
        result.output = name
        key, current = _article_key(article), existing.get(name)
        # Rendering is the cost of an unchanged run: skip it when the article is what it was
        # last time and its file is still exactly what was written then.
        if current is not None and cache.rendered.get(article.source.file) == (key, _sha(current)):
            result.status = UNCHANGED
        else:
            text = stamp(render_article(article))
            result.status = _article_status(current, text, force)
            if result.status == CONVERTED:
                writes.append((output_dir / name, text))
                current = text
        rendered[article.source.file] = (key, _sha(current))
        if result.status == KEPT_EDIT:
            result.warnings.append(f"{name} was edited by hand; kept (use --force to regenerate)")
    write_all_atomic(writes, durable=True)
    report.inputs = [results[k] for k in sorted(results)]
    report.removed = _remove_stale(output_dir, existing, pages, failed, report)
    cache.save({p: e for p, e in extracted.items() if isinstance(e, Extracted)}, rendered)
    return report


#: Below this many inputs to extract, starting processes costs more than it saves.
PARALLEL_FROM = 64


def _extract_all(wanted: list[tuple[str, bytes, Overrides]], cache: ExtractionCache,
                 registry: Registry, rules: tuple[TagRule, ...], backend: NerBackend | None,
                 jobs: int) -> dict[str, Extracted | ArchiveError]:
    """Each wanted input's extraction: from the cache when its bytes are unchanged, else
    extracted now, in a pool of *jobs* processes when there are enough of them."""
    out: dict[str, Extracted | ArchiveError] = {}
    todo: list[tuple[str, bytes]] = []
    for relpath, raw, _ in wanted:
        hit = cache.get(relpath, hashlib.sha256(raw).hexdigest())
        if hit is not None:
            out[relpath] = hit
        else:
            todo.append((relpath, raw))
    if jobs > 1 and len(todo) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_setup,
                                 initargs=(registry, rules, backend)) as pool:
            done = pool.map(_worker_extract, todo, chunksize=max(1, len(todo) // (jobs * 8)))
            out.update(zip((relpath for relpath, _ in todo), done))
    else:
        _worker_setup(registry, rules, backend)
        out.update((relpath, _worker_extract((relpath, raw))) for relpath, raw in todo)
    return out


_WORKER: tuple[Registry, tuple[TagRule, ...], NerBackend | None] | None = None


def _worker_setup(registry: Registry, rules: tuple[TagRule, ...],
                  backend: NerBackend | None) -> None:
    global _WORKER
    _WORKER = (registry, rules, backend)


def _worker_extract(item: tuple[str, bytes]) -> Extracted | ArchiveError:
    relpath, raw = item
    assert _WORKER is not None
    registry, rules, backend = _WORKER
    try:
        article, warnings = extract_article(raw, relpath, registry, rules, backend)
    except ArchiveError as err:
        return err.with_file(relpath) if err.file is None else err
    return Extracted(article, tuple(warnings))


def _backend_key(backend: NerBackend | None) -> str | None:
    """What names a backend for the cache: its own ``cache_key`` if it has one (a model and
    its version), else its type."""
    if backend is None:
        return None
    return getattr(backend, "cache_key", None) or f"{type(backend).__module__}." \
        f"{type(backend).__qualname__}"


def _remove_temporaries(output_dir: Path) -> None:
    """Delete ``.NAME.md.*.tmp`` files that a killed run left behind (see :func:`.files.write_atomic`).

    Safe because the command line holds the output folder's lock while converting
    (:mod:`build_tools.lock`), so no other run is writing one of these now.
    """
    if output_dir.is_dir():
        for tmp in output_dir.glob(".*.md.*.tmp"):
            tmp.unlink(missing_ok=True)


def folder_manifest(input_dir: Path) -> Manifest:
    """The input folder's ``manifest.csv`` (only that one: see :func:`_unused_metadata`)."""
    path = input_dir / MANIFEST_NAME
    if (problem := link_problem(path, input_dir.resolve())) is not None:
        raise ArchiveError(MANIFEST_NAME, problem)
    return load_manifest(path, MANIFEST_NAME) if path.is_file() else Manifest({})


def user_overrides(path: Path, relpath: str, manifest: Manifest, input_dir: Path) -> Overrides:
    """The manifest row's fields, then the sidecar's; an error in either fails this input."""
    row = manifest.rows.get(relpath)
    if row is not None and row.error is not None:
        raise row.error
    found = sidecars_of(path)
    for sidecar in found:
        if (problem := link_problem(sidecar, input_dir.resolve())) is not None:
            raise ArchiveError(sidecar.relative_to(input_dir).as_posix(), problem)
    return merge(row.overrides if row else {}, sidecar_for(path, relpath, found))


def _unused_metadata(input_dir: Path, manifest: Manifest, inputs: set[str]) -> list[str]:
    """Warnings for sidecars and manifest rows that name no input (likely a renamed file), and
    for manifests in subfolders, which are not read."""
    # ``NAME.TXT`` has the sidecar ``NAME.yaml`` as ``NAME.txt`` has.
    stems = {PurePosixPath(name).with_suffix(".txt").as_posix() for name in inputs}
    warnings = [f"{name}: sidecar without {Path(name).with_suffix('.txt').as_posix()}; ignored"
                for name in orphan_sidecars(input_dir, stems)]
    warnings += [f"{path.relative_to(input_dir).as_posix()}: only the input folder's "
                 f"{MANIFEST_NAME} is read; ignored (list these files in that one)"
                 for path in sorted(input_dir.rglob(MANIFEST_NAME)) if path.parent != input_dir
                 and not any(p.startswith(".") for p in path.relative_to(input_dir).parts)]
    warnings += [f"{MANIFEST_NAME}:{row.line}: no input file {relpath}; row ignored"
                 for relpath, row in manifest.rows.items() if relpath not in inputs]
    return warnings


def _read_existing(output_dir: Path) -> dict[str, str]:
    """File name -> content of every article already in *output_dir*."""
    if not output_dir.is_dir():
        return {}
    return {p.name: p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(output_dir.glob("*.md"))}


def _article_key(article: Article) -> str:
    """A digest of everything the article's file is made from (``repr`` of a frozen record of
    strings, tuples and dicts in a fixed order), and of the renderer's code."""
    return hashlib.sha256(f"{_RENDERER}{article!r}".encode("utf-8")).hexdigest()


def _sha(text: str | None) -> str:
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()


#: The code that writes an article's file (the renderer, and :func:`stamp` here): a change to
#: it renders every article again.
_RENDERER = hashlib.sha256(b"".join(Path(__file__).with_name(name).read_bytes()
                                    for name in ("myst.py", "convert.py", "article.py"))
                           ).hexdigest()


def _article_status(current: str | None, text: str, force: bool) -> str:
    """Whether an article's file, now *current*, is to be written with *text*."""
    if current == text:
        return UNCHANGED
    if current is not None and not force and is_hand_edited(current) is not False:
        return KEPT_EDIT
    return CONVERTED


def _remove_stale(output_dir: Path, existing: dict[str, str], pages: dict[str, str],
                  failed: set[str], report: Report) -> list[str]:
    """Remove generated files no input has now (*pages*: file name -> input), unless they were
    edited by hand or not written by us, or belong to an input that *failed* this run: those
    are kept, and named."""
    removed = []
    for name, content in existing.items():
        if name in pages:
            continue
        if (owner := _source_file(content)) in failed:
            report.warnings.append(f"{output_dir / name}: the last good page of {owner}, which "
                                   "failed this time; kept until it converts again")
            continue
        edited = is_hand_edited(content)
        if edited is False:
            (output_dir / name).unlink()
            removed.append(name)
            continue
        owner = _source_file(content) if edited else None
        if owner in pages.values():
            why = f"written for {owner}, whose page is now another; kept, as it was edited by hand"
        elif edited:
            why = "its input has gone, but it was edited by hand; kept"
        else:
            why = "not written by the converter; kept (its name is not given to any input)"
        report.warnings.append(f"{output_dir / name}: {why}")
    return removed
