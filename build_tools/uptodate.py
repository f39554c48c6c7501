"""The last site build, remembered, so that ``html`` with nothing changed does not start Sphinx.

Sphinx with nothing to do still imports itself, the theme and the extensions, loads its whole
environment, finds every document and checks every page: 2.8 s of a 3.4 s rebuild with nothing
changed at 10,000 articles (``docs/benchmarks.md``). A build is skipped instead when
everything it is made from has the ``stat`` signature it had when the last successful build
started, and everything it left is as it left it:

* every file under the Sphinx source folder (the articles the converter just wrote or left,
  hand-written pages, templates, static files), and the files beside ``conf.py`` (``conf.py``
  itself, the registry and taxonomy, anything it may read);
* the extension's own files (``build_tools``), and the names of the entries of every folder
  on Python's path (an installed, upgraded or removed package changes the name of its
  ``*.dist-info`` folder);
* the command's options and the environment variables (``SITE_URL`` and any a ``conf.py``
  reads; only a few that differ from shell to shell are left out: :data:`SHELL_ONLY`);
* every file of the output (a page deleted or edited by hand is written again by Sphinx, so
  any change there makes the build run), and the doctree folder's files.

The memo is one small file in the build folder (``.news-site.json``, not published) with two
digests: of what the build was made from, taken before it started (so that a file edited
while Sphinx runs differs next time), and of what it left, taken after. It is written after a
build that succeeded and removed before a build starts, so a failed or interrupted build is
never remembered; a missing or unreadable memo makes the build run. It is only a speed-up:
``sphinx-build`` run directly never reads it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from .files import read_json, write_atomic
from .lock import LOCK_NAME
from .outputs import signature

MEMO_NAME = ".news-site.json"
FORMAT = 1
#: Environment variables that differ between two shells or two ``make`` runs and that no
#: build reads: all the others are part of the state.
SHELL_ONLY = frozenset(("_", "PWD", "OLDPWD", "SHLVL", "MAKEFLAGS", "MFLAGS", "MAKELEVEL",
                        "MAKE_TERMOUT", "MAKE_TERMERR", "TERM_SESSION_ID", "WINDOWID",
                        "COLUMNS", "LINES", "SSH_CLIENT", "SSH_CONNECTION", "SSH_TTY",
                        "SSH_AUTH_SOCK"))


def _tree(digest: "hashlib._Hash", root: Path, skip: frozenset[str] = frozenset()) -> None:
    """Every file under *root* (symbolic links followed, each folder once) into *digest*: its
    path from *root* and its signature, in a fixed order."""
    seen: set[tuple[int, int]] = set()
    pending = [(root, "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            found = os.stat(folder)
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError:
            digest.update(f"{prefix}\0missing\n".encode())
            continue
        if (found.st_dev, found.st_ino) in seen:
            continue
        seen.add((found.st_dev, found.st_ino))
        for entry in entries:
            if entry.name in skip:
                continue
            name = f"{prefix}{entry.name}"
            try:
                if entry.is_dir():
                    pending.append((Path(entry.path), f"{name}/"))
                    continue
                signed = signature(entry)
            except OSError:  # a dangling link, or gone meanwhile
                signed = None
            digest.update(f"{name}\0{signed}\n".encode("utf-8", "surrogateescape"))


def _entries(digest: "hashlib._Hash", folder: Path, signed: bool) -> None:
    """The entries of *folder* (not below it) into *digest*: names, and with *signed* the
    signatures of its files (not of its folders, whose times change as files come and go in
    them: the build folder's, when this memo is written)."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError:
        digest.update(f"{folder}\0missing\n".encode("utf-8", "surrogateescape"))
        return
    digest.update(f"{folder}\0\n".encode("utf-8", "surrogateescape"))
    for entry in entries:
        try:
            found = signature(entry) if signed and entry.is_file() else None
        except OSError:
            found = None
        digest.update(f"{entry.name}\0{found}\n".encode("utf-8", "surrogateescape"))


def input_state(*, source: Path, confdir: Path, builddir: Path, options: Iterable[str],
                environ: Mapping[str, str] | None = None) -> str:
    """A digest of everything a build of *source* (with ``conf.py`` in *confdir*) into
    *builddir* is made from; *options*: the command's own, as strings."""
    digest = hashlib.sha256()
    environ = os.environ if environ is None else environ
    digest.update(repr((FORMAT, sys.version, [str(Path(p).resolve()) for p in
                                              (source, confdir, builddir)],
                        list(options),
                        sorted((k, v) for k, v in environ.items() if k not in SHELL_ONLY))
                       ).encode("utf-8", "surrogateescape"))
    _tree(digest, source, skip=frozenset((LOCK_NAME,)))  # rewritten by every run
    _entries(digest, confdir, signed=True)
    _tree(digest, Path(__file__).parent, skip=frozenset(("__pycache__",)))
    for folder in dict.fromkeys(sys.path):
        if folder and Path(folder).is_dir():
            _entries(digest, Path(folder), signed=False)
    return digest.hexdigest()


def output_state(builddir: Path) -> str:
    """A digest of what a build left in *builddir*: every file of the site, and the doctree
    folder's files."""
    digest = hashlib.sha256()
    _tree(digest, builddir / "html")
    _entries(digest, builddir / "doctrees", signed=True)
    return digest.hexdigest()


def unchanged(builddir: Path, inputs: str) -> bool:
    """Whether the last build into *builddir* succeeded from *inputs* (:func:`input_state`)
    and the build folder is as it left it."""
    data = read_json(builddir / MEMO_NAME)
    return (isinstance(data, dict) and data.get("format") == FORMAT
            and data.get("inputs") == inputs and data.get("outputs") == output_state(builddir))


def forget(builddir: Path) -> None:
    """Before a build: a build stopped half-way must not leave the memo of the one before."""
    (builddir / MEMO_NAME).unlink(missing_ok=True)


def remember(builddir: Path, inputs: str) -> None:
    """After a successful build made from *inputs*, taken before it started."""
    write_atomic(builddir / MEMO_NAME, json.dumps(
        {"format": FORMAT, "inputs": inputs, "outputs": output_state(builddir)}) + "\n")
