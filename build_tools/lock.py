"""One build at a time per folder: an OS lock on a file inside the folder.

Two ``make html`` runs on the same checkout would otherwise write the same articles and the
same site at once. The lock is ``fcntl.flock`` on ``FOLDER/.news-archive.lock``: the kernel
releases it when the holding process ends, however it ends (``kill -9`` included), so a lock
is never stale and there is nothing to clean up. The file records the holder's pid only so the
message can name it; the lock is the flock, not the file's existence. POSIX only (as is the
Makefile).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from .errors import ArchiveError

LOCK_NAME = ".news-archive.lock"


def lock_path(folder: Path) -> Path:
    return folder / LOCK_NAME


@contextmanager
def folder_lock(folder: Path) -> Iterator[Path]:
    """Hold the lock of *folder* (created if missing) for the ``with`` block.

    Raises :class:`ArchiveError` at once, naming the lock file and the holder's pid, when
    another process holds it; never waits.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = lock_path(folder)
    # Opened without truncating: the holder's pid must survive until we know we hold the lock.
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ArchiveError(
                path, f"another build is running here (pid {_holder(fd)}); "
                "wait for it to finish, then run again"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield path
    finally:
        # Closing the descriptor releases the lock; the file stays, harmlessly, for next time.
        os.close(fd)


@contextmanager
def folder_locks(*folders: Path) -> Iterator[None]:
    """Hold the locks of several folders, taken in order; all or none."""
    with ExitStack() as stack:
        for folder in dict.fromkeys(f.resolve() for f in folders):
            stack.enter_context(folder_lock(folder))
        yield


def _holder(fd: int) -> str:
    """The pid written in the lock file, or ``unknown`` if the holder has not written it yet."""
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return text if text.isdigit() else "unknown"
