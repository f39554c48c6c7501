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

from .cache import CACHE_NAME, CITIES_NAME
from .memo import MEMO_NAME
from .outputs import is_hand_edited
from .lock import LOCK_NAME, folder_locks


@dataclass
class Cleaned:
    removed: int = 0  #: generated articles removed
    kept: list[Path] = field(default_factory=list)  #: articles kept because a person wrote them


def clean(articles: Path, builddir: Path, force: bool = False) -> Cleaned:
    """Empty *builddir* and remove *articles*' generated files, holding both folders' locks.

    Only the converter's own files go from the articles folder (its ``*.md`` files, its
    extraction cache, and temporary files a killed run left); anything else there, a picture
    or a note, stays. The
    lock files stay too: a build waiting for the lock must find the same file.
    """
    done = Cleaned()
    if not articles.is_dir() and not builddir.is_dir():
        return done
    with folder_locks(articles, builddir):
        for path in sorted(builddir.iterdir()):
            if path.name == LOCK_NAME:
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        for tmp in [*articles.glob(".*.md.*.tmp"), *articles.glob(f"{CACHE_NAME}*"),
                    *articles.glob(f"{CITIES_NAME}*"), *articles.glob(f"{MEMO_NAME}*")]:
            tmp.unlink()
        for path in sorted(articles.glob("*.md")):
            if not force and is_hand_edited(
                    path.read_text(encoding="utf-8", errors="replace")) is not False:
                done.kept.append(path)
                continue
            path.unlink()
            done.removed += 1
    return done
