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
import time
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from . import memo
from .article import Article, Source
from .cache import CACHE_NAME, CITIES_NAME, Extracted, ExtractionCache, Rendered, config_key
from .errors import ArchiveError
from .files import write_all_atomic
from .extract import extract
from .extract.backends import NerBackend
from .extract.registry import Registry
from .extract.tags import TagRule
from .metadata import (
    MANIFEST_NAME,
    SIDECAR_SUFFIXES,
    Manifest,
    Overrides,
    apply_overrides,
    load_manifest,
    merge,
    sidecar_for,
    sidecars_of,
)
from .myst import render_article
from .lock import LOCK_NAME
from .naming import article_slugs
from .outputs import OutputFile, Signature, read_outputs, sha, signature, stamp
from .parse import parse_text
from .reading import read_article_text
from .resolve import resolve_names

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

    @classmethod
    def again(cls, data: dict[str, Any]) -> Report:
        """What a run that changes nothing reports after the run that gave :meth:`to_json`
        *data*: the same inputs, failures and warnings, no article written or removed."""
        inputs = [InputResult(**r) for r in data["inputs"]]
        for result in inputs:
            if result.status == CONVERTED:
                result.status = UNCHANGED
        return cls(inputs, [], list(data["warnings"]))


@dataclass
class InputFolder:
    """What one walk of the input folder finds (see :func:`scan_inputs`)."""

    inputs: list[Path]  #: the articles to read, in a stable order
    refused: dict[str, str]  #: file as shown -> why it is not read
    #: Every visible file below the folder (``str`` of its path), so that each input's
    #: sidecars are looked for without a ``stat`` apiece: three an input at 10,000 inputs
    #: were a tenth of an unchanged run.
    files: frozenset[str]
    #: Every visible entry but folders, by relative path: what :mod:`.memo` compares.
    signatures: dict[str, Signature]

    def sidecars_of(self, txt: Path) -> list[Path]:
        """The sidecars beside the input *txt* (more than one is an error for the caller)."""
        stem = str(txt)[:-len(".txt")]
        return [Path(stem + suffix) for suffix in SIDECAR_SUFFIXES
                if stem + suffix in self.files]


def scan_inputs(input_dir: Path) -> InputFolder:
    """Every ``*.txt`` (in any case: ``NAME.TXT`` too) below *input_dir*, in a stable order,
    hidden files and folders skipped; the files refused; and every visible file.

    Refused, so that nothing is skipped in silence: names that are not UTF-8 or hold control
    characters (they would break every file that records them), links that leave the input
    folder (an archive copied elsewhere would lose them) and broken links. Links to folders
    are not followed, which rules out loops; they are refused too.
    """
    root = input_dir.resolve()
    found: list[tuple[str, Path]] = []
    refused: dict[str, str] = {}
    files: set[str] = set()
    signatures: dict[str, Signature] = {}
    folders = [(str(input_dir), "")]
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                relpath = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, relpath + "/"))
                    continue
                try:
                    signatures[relpath] = signature(entry)
                except OSError:  # a broken link (refused below): the link's own
                    signatures[relpath] = signature(entry, follow_symlinks=False)
                if entry.is_dir():
                    refused[_shown(relpath)] = "a link to a folder; not followed"
                elif entry.name.lower().endswith(".txt"):
                    path = Path(entry.path)
                    if (reason := _refusal(path, relpath, root, entry.is_symlink())):
                        refused[_shown(relpath)] = reason
                    else:
                        found.append((relpath, path))
                elif entry.is_file():
                    files.add(entry.path)
    return InputFolder([path for _, path in sorted(found)], refused, frozenset(files),
                       signatures)


#: Characters of Unicode's categories Cc, Zl and Zp, which no file name may hold.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _refusal(path: Path, relpath: str, root: Path, is_link: bool) -> str | None:
    if not _is_utf8(relpath):
        return "file name is not UTF-8; rename it"
    if _CONTROL.search(relpath):
        return "file name holds control characters or line breaks; rename it"
    return link_problem(path, root) if is_link else None


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


def _shown(relpath: str) -> str:
    """*relpath* printable: control characters and undecodable bytes written as escapes, so
    the message is one line that names the file."""
    return "".join(c if _is_utf8(c) and not _CONTROL.match(c) else repr(c)[1:-1]
                   for c in relpath)


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


def assign_slugs(articles: list[Article], existing: dict[str, OutputFile] | None = None,
                 failed: Iterable[str] = ()) -> list[Article]:
    """Each article with its unique, stable slug (:func:`~build_tools.naming.article_slugs`).

    *existing* is file name -> what is in the output folder now: a file an input
    wrote keeps its name for that input; a file edited by hand or not written by us is never
    given to another input, whose article would otherwise be dropped in its favour; nor is
    the last good page of an input that *failed* this run, which keeps it until it is fixed.
    """
    current: dict[str, list[str]] = {}
    taken: set[str] = set()
    inputs = {a.source.file for a in articles}
    failed = set(failed)
    for name, found in (existing or {}).items():
        slug, owner = name[:-len(".md")], found.owner
        if owner in inputs:
            current.setdefault(owner, []).append(slug)
        # What is kept whatever the inputs: edited by hand, not written by us, or the page of
        # an input that is still there but failed this time.
        if owner is None or owner in failed or found.edited is not False:
            taken.add(slug)
    slugs = article_slugs({a.source.file: a.title for a in articles}, current, taken)
    return sorted((replace(a, slug=slugs[a.source.file]) for a in articles),
                  key=lambda a: a.source.file)


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
    scanned = time.time_ns()  # before the scan: see ExtractionCache.trusted_sha256
    folder = scan_inputs(input_dir)
    paths, refused = folder.inputs, folder.refused
    for shown, reason in refused.items():
        results[shown] = InputResult(shown, FAILED, error=f"{shown}: {reason}")
    extraction = config_key(registry, rules, _backend_key(backend))
    run = memo.State(hashlib.sha256(f"{extraction} {_RENDERER} {max_bytes}".encode()).hexdigest(),
                     folder.signatures, memo.folder_signatures(output_dir, _OWN_FILES))
    if not force and (last := memo.last_report(output_dir, run)) is not None:
        return Report.again(last)
    memo.forget(output_dir)
    with ExtractionCache(output_dir, extraction) as cache:
        # Inputs to convert, in order: path, bytes (None: not read, as the cache knows them),
        # digest of the bytes, overrides.
        wanted: list[tuple[str, bytes | None, str, Overrides]] = []
        for path in progress(paths) if progress else paths:
            relpath = path.relative_to(input_dir).as_posix()
            result = results[relpath] = InputResult(relpath, FAILED)
            try:
                raw = None
                digest = None if force else cache.trusted_sha256(
                    relpath, folder.signatures.get(relpath), max_bytes)
                if digest is None:
                    raw = _read_bounded(path, relpath, max_bytes)
                    digest = hashlib.sha256(raw).hexdigest()
                sidecars = folder.sidecars_of(path)
                if digest in first_by_hash:
                    result.status = DUPLICATE
                    result.warnings.append(f"identical to {first_by_hash[digest]}; not converted")
                    if relpath in manifest.rows or sidecars:
                        result.warnings.append("its sidecar or manifest row is not used")
                    continue
                first_by_hash[digest] = relpath
                wanted.append((relpath, raw, digest, user_overrides(path, relpath, manifest,
                                                                    input_dir, sidecars)))
            except ArchiveError as err:
                result.error = str(err.with_file(relpath) if err.file is None else err)
            except OSError as err:
                result.error = f"{relpath}: cannot read ({err.strerror or err})"
        extracted = _extract_all(wanted, cache, registry, rules, backend, jobs)
        for relpath, _, _, overrides in wanted:
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
        report.warnings.extend(_unused_metadata(input_dir, manifest, set(results), folder))
        _remove_temporaries(output_dir)
        existing = read_outputs(output_dir, cache.written())
        pages: dict[str, str] = {}
        failed = {f for f, r in results.items() if r.status == FAILED}
        rendered: dict[str, Rendered] = {}
        signed: list[str] = []
        writes: list[tuple[Path, str]] = []
        for article in assign_slugs(articles, existing, failed):
            file = article.source.file
            result = results[file]
            name = f"{article.slug}.md"
            pages[name] = file
            result.output = name
            key, current = _article_key(article), existing.get(name)
            last = cache.rendered.get(file)
            # Rendering is the cost of an unchanged run: skip it when the article is what it was
            # last time and its file is still exactly what was written then.
            if current is not None and last is not None and (last.key, last.name) == (key, name) \
                    and last.sha == current.sha:
                result.status = UNCHANGED
                rendered[file] = last
            else:
                text = stamp(render_article(article))
                result.status = _article_status(current, text, force)
                if result.status == CONVERTED:
                    writes.append((output_dir / name, text))
                    current = None
                # A kept hand edit is recorded as what would have been written, so the next
                # run checks it again (and --force then replaces it).
                rendered[file] = Rendered(key, sha(text), name, None)
            if result.status == KEPT_EDIT:
                result.warnings.append(f"{name} was edited by hand; kept (use --force to "
                                       "regenerate)")
            if current is None or current.edited is False:
                # Ours as written: its signature, taken once it is on disk, lets the next
                # run know it without reading it. A file edited by hand is read every time.
                signed.append(file)
        write_all_atomic(writes, durable=True)
        for file in signed:
            made = rendered[file]
            if made.signature is None or existing[made.name].written is None:
                rendered[file] = replace(made, signature=signature(output_dir / made.name))
        report.inputs = [results[k] for k in sorted(results)]
        report.removed = _remove_stale(output_dir, existing, pages, failed, report)
        cache.save({p: e for p, e in extracted.items() if isinstance(e, Extracted)}, rendered,
                   {p: folder.signatures[p] for p in extracted if p in folder.signatures},
                   scanned)
    memo.remember(output_dir, replace(run, outputs=memo.folder_signatures(output_dir, _OWN_FILES)),
                  report.to_json())
    return report


#: The converter's own files in the output folder, which are not articles.
_OWN_FILES = frozenset((CACHE_NAME, CITIES_NAME, memo.MEMO_NAME, LOCK_NAME))


#: Below this many inputs to extract, starting processes costs more than it saves.
PARALLEL_FROM = 64


def _extract_all(wanted: list[tuple[str, bytes | None, str, Overrides]],
                 cache: ExtractionCache, registry: Registry, rules: tuple[TagRule, ...],
                 backend: NerBackend | None, jobs: int) -> dict[str, Extracted | ArchiveError]:
    """Each wanted input's extraction: from the cache when its bytes are unchanged, else
    extracted now, in a pool of *jobs* processes when there are enough of them."""
    out: dict[str, Extracted | ArchiveError] = {}
    todo: list[tuple[str, bytes]] = []
    for relpath, raw, digest, _ in wanted:
        hit = cache.get(relpath, digest)
        if hit is not None:
            out[relpath] = hit
        else:
            # Not read only when the cache vouched for its digest, so it has it.
            assert raw is not None, relpath
            todo.append((relpath, raw))
    if todo:
        cache.load_cities()
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


def _read_bounded(path: Path, relpath: str, max_bytes: int) -> bytes:
    """The bytes of *path*, refused past *max_bytes* without reading the rest."""
    with path.open("rb") as file:
        raw = file.read(max_bytes + 1)
        if len(raw) > max_bytes:
            size = os.fstat(file.fileno()).st_size
            raise ArchiveError(relpath, f"file too large ({size} bytes; limit {max_bytes})")
    return raw


def user_overrides(path: Path, relpath: str, manifest: Manifest, input_dir: Path,
                   found: list[Path] | None = None) -> Overrides:
    """The manifest row's fields, then the sidecar's; an error in either fails this input.
    *found*: the sidecars beside *path*, when the caller knows them."""
    row = manifest.rows.get(relpath)
    if row is not None and row.error is not None:
        raise row.error
    found = sidecars_of(path) if found is None else found
    for sidecar in found:
        if (problem := link_problem(sidecar, input_dir.resolve())) is not None:
            raise ArchiveError(sidecar.relative_to(input_dir).as_posix(), problem)
    return merge(row.overrides if row else {}, sidecar_for(path, relpath, found))


def _unused_metadata(input_dir: Path, manifest: Manifest, inputs: set[str],
                     folder: InputFolder) -> list[str]:
    """Warnings for sidecars and manifest rows that name no input (likely a renamed file), and
    for manifests in subfolders, which are not read."""
    # ``NAME.TXT`` has the sidecar ``NAME.yaml`` as ``NAME.txt`` has.
    stems = {PurePosixPath(name).with_suffix(".txt").as_posix() for name in inputs}
    visible = sorted(Path(name).relative_to(input_dir).as_posix() for name in folder.files)
    warnings = [f"{name}: sidecar without {Path(name).with_suffix('.txt').as_posix()}; ignored"
                for name in visible if name.endswith(SIDECAR_SUFFIXES)
                and PurePosixPath(name).with_suffix(".txt").as_posix() not in stems]
    warnings += [f"{name}: only the input folder's {MANIFEST_NAME} is read; ignored (list "
                 "these files in that one)"
                 for name in visible if PurePosixPath(name).name == MANIFEST_NAME
                 and name != MANIFEST_NAME]
    warnings += [f"{MANIFEST_NAME}:{row.line}: no input file {relpath}; row ignored"
                 for relpath, row in manifest.rows.items() if relpath not in inputs]
    return warnings


def _article_key(article: Article) -> str:
    """A digest of everything the article's file is made from (``repr`` of a frozen record of
    strings, tuples and dicts in a fixed order), and of the renderer's code."""
    return hashlib.sha256(f"{_RENDERER}{article!r}".encode("utf-8")).hexdigest()


#: The code that writes an article's file (the renderer, and :func:`stamp` here): a change to
#: it renders every article again.
_RENDERER = hashlib.sha256(b"".join(
    Path(__file__).with_name(name).read_bytes()
    for name in ("myst.py", "convert.py", "article.py", "outputs.py"))).hexdigest()


def _article_status(current: OutputFile | None, text: str, force: bool) -> str:
    """Whether an article's file, now *current*, is to be written with *text*."""
    if current is not None and current.sha == sha(text):
        return UNCHANGED
    if current is not None and not force and current.edited is not False:
        return KEPT_EDIT
    return CONVERTED


def _remove_stale(output_dir: Path, existing: dict[str, OutputFile], pages: dict[str, str],
                  failed: set[str], report: Report) -> list[str]:
    """Remove generated files no input has now (*pages*: file name -> input), unless they were
    edited by hand or not written by us, or belong to an input that *failed* this run: those
    are kept, and named."""
    removed = []
    for name, found in existing.items():
        if name in pages:
            continue
        if (owner := found.owner) in failed:
            report.warnings.append(f"{output_dir / name}: the last good page of {owner}, which "
                                   "failed this time; kept until it converts again")
            continue
        edited = found.edited
        if edited is False:
            (output_dir / name).unlink()
            removed.append(name)
            continue
        owner = found.owner if edited else None
        if owner in pages.values():
            why = f"written for {owner}, whose page is now another; kept, as it was edited by hand"
        elif edited:
            why = "its input has gone, but it was edited by hand; kept"
        else:
            why = "not written by the converter; kept (its name is not given to any input)"
        report.warnings.append(f"{output_dir / name}: {why}")
    return removed
