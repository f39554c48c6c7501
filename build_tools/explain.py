"""Why an article got each tag and name: the evidence, in plain words."""

from __future__ import annotations

from pathlib import Path

from .extract import extract
from .extract.backends import NerBackend
from .extract.registry import Registry
from .extract.tags import TagRule
from .convert import build_article, folder_manifest, scan_inputs, user_overrides
from .errors import ArchiveError
from .resolve import Resolution, is_title, resolve_names
from .parse import parse_text
from .reading import read_article_text


def default_input_dir(path: Path, project_dir: Path) -> Path:
    """The project's ``seeds/`` (what ``make html`` converts) if *path* is in it; else the
    file's own folder."""
    seeds = (project_dir / "seeds").absolute()
    return seeds if path.absolute().is_relative_to(seeds) else path.parent


def explain_file(path: Path, input_dir: Path, registry: Registry, rules: tuple[TagRule, ...],
                 backend: NerBackend | None = None) -> str:
    """Why *path* gets its names, read as ``convert input_dir`` reads it: with that folder's
    manifest and the sidecar beside it."""
    relpath = path.absolute().relative_to(input_dir.absolute()).as_posix()
    overrides = user_overrides(path, relpath, folder_manifest(input_dir), input_dir)
    text, warnings = read_article_text(path.read_bytes(), relpath)
    parsed = parse_text(text, relpath)
    found = extract(parsed, registry, rules, backend)
    lines = [f"{path}", f"  input folder: {input_dir} (as convert reads it: its manifest.csv, "
                        f"this file as {relpath})",
             f"  layout: {parsed.layout}", f"  title: {parsed.title}"]
    lines += [f"  warning: {w}" for w in (*warnings, *parsed.warnings)]
    lines.append(f"  authors: {', '.join(parsed.authors) or '-'} (from the byline)")
    if parsed.dateline:
        lines.append(f"  dateline: {parsed.dateline.text} -> location {found.location}, "
                     f"agency {parsed.dateline.agency}")
    for role, names in parsed.credits.items():
        lines.append(f"  credits: {role}: {', '.join(names)} (from the credit line)")
    if parsed.date:
        lines.append(f"  date: {parsed.date} (from the {parsed.date_source})")
    elif parsed.dateline and parsed.dateline.month:
        lines.append(f"  date: none (the dateline prints {parsed.dateline.when} without a year, "
                     "and the path names none; never guessed)")
    else:
        lines.append("  date: none (never guessed)")
    for tag, words in found.tag_words.items():
        counted = ", ".join(f"{w} x{n}" for w, n in words.items())
        lines.append(f"  tag {tag}: {found.tag_reasons.get(tag, counted)}")
    for kind, label in (("people", "person"), ("places", "place"),
                        ("organizations", "organization")):
        for name in getattr(found, kind):
            roles = found.roles.get(name) if kind == "people" else None
            why = found.reasons.get((kind, name), "registry alias")
            lines.append(f"  {label} {name}" + (f" (role: {'; '.join(roles)})" if roles else "")
                         + f" <- {why}")
    lines += [f"  resolved across the archive: {r}"
              for r in _resolutions(path, input_dir, found, registry, rules, backend)]
    for field, setting in overrides.items():
        lines.append(f"  override {field}: {_shown(setting.value)} (from {setting.where}; "
                     "replaces what was extracted)" if not field.startswith("add_") else
                     f"  override {field}: {_shown(setting.value)} (from {setting.where})")
    return "\n".join(lines)


def _resolutions(path: Path, input_dir: Path, found, registry: Registry,
                 rules: tuple[TagRule, ...], backend: NerBackend | None) -> list[Resolution]:
    """What the archive-wide step (:mod:`.resolve`) does to this article's surnames and
    acronyms: every input of the folder is read, as ``convert`` reads them, when it has one."""
    titled = any(len(p.split()) == 1 and any(is_title(r) for r in found.roles.get(p, ()))
                 for p in found.people)
    acronym = any(" " not in o and sum(c.isupper() for c in o) >= 2
                  for o in found.organizations)
    if not (titled or acronym):  # nothing the archive could change: skip reading it
        return []
    manifest = folder_manifest(input_dir)
    articles = []
    for other in scan_inputs(input_dir).inputs:
        relpath = other.relative_to(input_dir).as_posix()
        try:
            articles.append(build_article(other.read_bytes(), relpath, registry, rules,
                                          user_overrides(other, relpath, manifest, input_dir),
                                          backend)[0])
        except (ArchiveError, OSError):
            continue  # convert reports it; here it only teaches the archive nothing
    _, done = resolve_names(articles)
    return done.get(path.absolute().relative_to(input_dir.absolute()).as_posix(), [])


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(value) or "(none)"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {', '.join(v)}" for k, v in value.items()) or "(none)"
    return "null" if value is None else str(value)
