"""``make clean``: remove what the tools made, and nothing a person wrote.

The build folder is all generated, so it goes. In the articles folder only files the converter
wrote and nobody edited since are removed; a hand-edited or hand-written article is kept and
named, unless ``force`` is given (``make clean FORCE=1``), because an archivist's corrections
cannot be made again from the inputs.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .convert import is_hand_edited
from .lock import LOCK_NAME, folder_locks


@dataclass
class Cleaned:
    removed: int = 0  #: generated articles removed
    kept: list[Path] = field(default_factory=list)  #: articles kept because a person wrote them


def clean(articles: Path, builddir: Path, force: bool = False) -> Cleaned:
    """Empty *builddir* and remove *articles*' generated files, holding both folders' locks."""
    done = Cleaned()
    if not articles.is_dir() and not builddir.is_dir():
        return done
    with folder_locks(articles, builddir):
        for path in sorted(builddir.iterdir()):
            if path.name != LOCK_NAME:
                shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
        for path in sorted(articles.rglob("*")) if articles.is_dir() else ():
            if not path.is_file() or path.name == LOCK_NAME:
                continue
            if path.suffix == ".md" and not force and is_hand_edited(
                    path.read_text(encoding="utf-8", errors="replace")) is not False:
                done.kept.append(path)
                continue
            path.unlink()
            done.removed += path.suffix == ".md"
    for folder in (builddir, articles):
        (folder / LOCK_NAME).unlink(missing_ok=True)
        _remove_empty(folder)
    return done


def _remove_empty(folder: Path) -> None:
    if not folder.is_dir():
        return
    for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
        if not any(sub.iterdir()):
            sub.rmdir()
    if not any(folder.iterdir()):
        folder.rmdir()
