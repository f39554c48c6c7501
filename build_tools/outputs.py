"""The generated articles already in the output folder: who wrote each, whether it was edited
by hand since, and its text, read only when a run needs it.

Each generated file ends with a hash of what was written (:func:`stamp`), which is how a hand
edit is found. Reading 10,000 files back to check that hash was a sixth of an unchanged run, so
the converter records each file's ``stat`` signature as it leaves it (size, modification and
change times, inode): a file whose signature is the recorded one is the file that was written.
Editors, ``git checkout`` and ``cp`` all move the change time, which no tool can set back, so a
file that was touched in any way is read and checked as before.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from .myst import GENERATED_MARK

_SOURCE_FILE = re.compile(r"^source:\n  file: (.*)$", re.MULTILINE)
#: A file name YAML would read as the same string: no quotes, no indicators, no spaces at the
#: ends, and not a word YAML gives another type (``null``, ``yes``, a number).
_PLAIN_NAME = re.compile(r"\w[\w./-]*\.[A-Za-z]+")

#: ``(size, mtime_ns, ctime_ns, inode)`` of a file.
Signature = tuple[int, int, int, int]


def stamp(text: str) -> str:
    """*text* with the generated mark that records its hash as the last line."""
    return f"{text}\n{GENERATED_MARK}{sha(text)}\n"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_hand_edited(content: str) -> bool | None:
    """Whether a generated file changed since it was written; ``None`` if we did not write it."""
    body, sep, last = content.rstrip("\n").rpartition("\n")
    if not sep or not last.startswith(GENERATED_MARK):
        return None
    recorded = last[len(GENERATED_MARK):].strip()
    return sha(body) != recorded


def source_file(content: str) -> str | None:
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


def signature(path: Path | str | os.DirEntry[str], follow_symlinks: bool = True) -> Signature:
    found = (path.stat(follow_symlinks=follow_symlinks) if isinstance(path, os.DirEntry)
             else os.stat(path, follow_symlinks=follow_symlinks))
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)


@dataclass(frozen=True)
class Written:
    """What the converter recorded of a file it left in the output folder."""

    owner: str  #: the input it was written for
    sha: str  #: of its whole text
    signature: Signature


class OutputFile:
    """One ``*.md`` file in the output folder. *written* is the converter's record of it when
    the file is still exactly that one (same signature); then nothing is read."""

    def __init__(self, path: Path, written: Written | None) -> None:
        self.path = path
        self.written = written

    @cached_property
    def content(self) -> str:
        return self.path.read_text(encoding="utf-8", errors="replace")

    @cached_property
    def owner(self) -> str | None:
        return self.written.owner if self.written else source_file(self.content)

    @cached_property
    def edited(self) -> bool | None:
        """:func:`is_hand_edited` of its text."""
        return False if self.written else is_hand_edited(self.content)

    @cached_property
    def sha(self) -> str:
        return self.written.sha if self.written else sha(self.content)


def read_outputs(output_dir: Path, records: dict[str, Written]) -> dict[str, OutputFile]:
    """File name -> every article file in *output_dir*; *records* is file name -> what was
    recorded when it was last written."""
    if not output_dir.is_dir():
        return {}
    out = {}
    with os.scandir(output_dir) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if not entry.name.endswith(".md") or not entry.is_file():
                continue
            record = records.get(entry.name)
            if record is not None and record.signature != signature(entry):
                record = None
            out[entry.name] = OutputFile(Path(entry.path), record)
    return out
