"""The last site build, remembered, so that ``html`` with nothing changed does not start Sphinx.

Sphinx with nothing to do still imports itself, the theme and the extensions, loads its whole
environment, finds every document and checks every page: 2.8 s of a 3.4 s rebuild with nothing
changed at 10,000 articles (``docs/benchmarks.md``). A build is skipped instead when
everything it is made from has the ``stat`` signature it had when the last successful build
started, and everything it left is as it left it:

* every file under the Sphinx source folder (the articles the converter just wrote or left,
  hand-written pages, templates, static files), and every file under ``conf.py``'s folder
  (``conf.py`` itself, the registry and taxonomy, templates, extra files, local extensions,
  anything it may read) but for hidden folders, the input folder and the build folder;
* the values ``conf.py`` sets that are plain data (:func:`plain_settings`: a year worked out
  from today's date changes them);
* the extension's own files (``build_tools``), and the files of every folder on Python's
  path and each installed package's ``RECORD`` (an install, upgrade or removal changes them;
  the files of another package installed in editable mode are not followed);
* the command's options and the environment variables (``SITE_URL`` and any a ``conf.py``
  reads; only some that differ from terminal to terminal are left out: :data:`SHELL_ONLY`);
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
from typing import Any

from .files import read_json, write_atomic
from .lock import LOCK_NAME
from .outputs import signature

MEMO_NAME = ".news-site.json"
FORMAT = 1
#: Environment variables that differ between two shells, terminals or ``make`` runs and that
#: no build reads (also any starting with :data:`SHELL_PREFIXES`): all the others are part of
#: the state, but for empty ones, which ``conf.py`` and Sphinx read as unset.
SHELL_ONLY = frozenset(("_", "PWD", "OLDPWD", "SHLVL", "MAKEFLAGS", "MFLAGS", "MAKELEVEL",
                        "MAKE_TERMOUT", "MAKE_TERMERR", "TERM_SESSION_ID", "WINDOWID",
                        "WINDOWPATH", "COLUMNS", "LINES", "GPG_TTY", "TMUX", "TMUX_PANE",
                        "XDG_SESSION_ID"))
SHELL_PREFIXES = ("SSH_", "VSCODE_", "KITTY_", "ITERM_", "WT_")
#: Folders that no build reads, found by name at any depth: Python's byte-code caches and npm's
#: packages (hidden folders, such as ``.git`` and ``.venv``, are left out of the configuration
#: folder's walk too).
UNREAD = frozenset(("__pycache__", "node_modules"))


def _tree(digest: "hashlib._Hash", root: Path, skip: frozenset[str] = frozenset(),
          skip_paths: frozenset[str] = frozenset(), hidden_folders: bool = True) -> None:
    """Every file under *root* (symbolic links followed, each folder once) into *digest*: its
    path from *root* and its signature, in a fixed order. Entries named in *skip* and
    folders whose real path is in *skip_paths* are left out, and without *hidden_folders*
    so are folders whose names start with a dot."""
    seen: set[tuple[int, int]] = set()
    pending = [(root, "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            found = os.stat(folder)
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError:
            digest.update(f"{prefix}\0missing\n".encode("utf-8", "surrogateescape"))
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
                    if not ((not hidden_folders and entry.name.startswith("."))
                            or (skip_paths and os.path.realpath(entry.path) in skip_paths)):
                        pending.append((Path(entry.path), f"{name}/"))
                    continue
                signed = signature(entry)
            except OSError:  # a dangling link, or gone meanwhile
                signed = None
            digest.update(f"{name}\0{signed}\n".encode("utf-8", "surrogateescape"))


def _entries(digest: "hashlib._Hash", folder: Path) -> None:
    """The entries of *folder* (not below it) into *digest*: the names and signatures of its
    files, the names of its folders (whose times change as files come and go in them), and
    for an installed package's ``*.dist-info`` folder the signature of its ``RECORD``, which
    every install writes again."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError:
        digest.update(f"{folder}\0missing\n".encode("utf-8", "surrogateescape"))
        return
    digest.update(f"{folder}\0\n".encode("utf-8", "surrogateescape"))
    for entry in entries:
        try:
            if entry.is_file():
                found = signature(entry)
            elif entry.name.endswith(".dist-info"):
                found = signature(os.path.join(entry.path, "RECORD"))
            else:
                found = None
        except OSError:
            found = None
        digest.update(f"{entry.name}\0{found}\n".encode("utf-8", "surrogateescape"))


def plain_settings(namespace: Mapping[str, Any]) -> str:
    """The values of a run ``conf.py``'s namespace that are plain data (text, numbers, and
    lists, tuples, sets and dictionaries of them), as one text: a value worked out when
    ``conf.py`` runs (a year from today's date, a version from git) changes it though no
    file changed."""
    def plain(value: Any) -> Any:
        """*value* as plain data, or :data:`_NOT_PLAIN` if it holds anything else."""
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        if isinstance(value, dict):
            items = [(plain(k), plain(v)) for k, v in value.items()]
            if any(_NOT_PLAIN in pair for pair in items):
                return _NOT_PLAIN
        elif isinstance(value, (list, tuple, set, frozenset)):
            items = [plain(v) for v in value]
            if _NOT_PLAIN in items:
                return _NOT_PLAIN
        else:
            return _NOT_PLAIN
        # Sets and dictionaries in a fixed order; lists and tuples as they are.
        return items if isinstance(value, (list, tuple)) else sorted(items, key=repr)

    return repr(sorted((name, made) for name, value in namespace.items()
                       if not name.startswith("__") and (made := plain(value)) is not _NOT_PLAIN))


_NOT_PLAIN = object()  #: a value :func:`plain_settings` leaves out: a module, a function, ...


def input_state(*, source: Path, confdir: Path, builddir: Path, options: Iterable[str],
                settings: str = "", skip: Iterable[Path] = (),
                environ: Mapping[str, str] | None = None) -> str:
    """A digest of everything a build of *source* (with ``conf.py`` in *confdir*, whose
    :func:`plain_settings` are *settings*) into *builddir* is made from; *options*: the
    command's own, as strings; *skip*: folders under *confdir* that no build reads (the
    input folder, whose articles reach the build through *source*)."""
    digest = hashlib.sha256()
    environ = os.environ if environ is None else environ
    variables = sorted((k, v) for k, v in environ.items()
                       if v and k not in SHELL_ONLY and not k.startswith(SHELL_PREFIXES))
    digest.update(repr((FORMAT, sys.version, [str(Path(p).resolve()) for p in
                                              (source, confdir, builddir)],
                        list(options), settings, variables)
                       ).encode("utf-8", "surrogateescape"))
    output = frozenset((os.path.realpath(builddir),))  # a build folder inside the sources
    # The converter's lock is rewritten by every run.
    _tree(digest, source, skip=frozenset((LOCK_NAME,)), skip_paths=output)
    # Everything else beside conf.py, at any depth: templates, static and extra files,
    # local extensions and data that conf.py may name. Not the folders walked here apart,
    # the build's output, the Python installation, or hidden folders (.git, .venv).
    if os.path.realpath(confdir) != os.path.realpath(source):
        _tree(digest, confdir, skip=UNREAD, hidden_folders=False, skip_paths=output | {
            os.path.realpath(p) for p in (source, sys.prefix, Path(__file__).parent, *skip)})
    _tree(digest, Path(__file__).parent, skip=UNREAD)
    for folder in dict.fromkeys(sys.path):
        if folder and Path(folder).is_dir():
            _entries(digest, Path(folder))
    return digest.hexdigest()


def output_state(builddir: Path) -> str:
    """A digest of what a build left in *builddir*: every file of the site, and the doctree
    folder's files."""
    digest = hashlib.sha256()
    _tree(digest, builddir / "html")
    _entries(digest, builddir / "doctrees")
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
