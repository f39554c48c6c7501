"""Sphinx's parallel reading, skipped when it would cost more than it saves.

Sphinx (9.0) reads in parallel whenever ``-j`` allows, however few documents changed, and
each reader process sends back the *whole* environment, pickled, which the main process
unpickles and merges. That costs time in proportion to the archive, not to the change: at
10,000 articles, reading the one article just added took 3.2 s in parallel, nearly all of it
moving the environment (94 MB) between processes (``docs/benchmarks.md``). So when the
documents to read are few beside the archive, they are read in this process. When they are
read in parallel, this process's objects are frozen while it forks the readers (see
:func:`.writing.frozen_objects`).
"""

from __future__ import annotations

import gc
from typing import Any

from sphinx.application import Sphinx

#: Read in parallel only when more than one document in this many is to be read. A reader
#: process costs about what reading 600 documents in this process costs at 10,000 articles,
#: and that share grows with the archive (measured in ``docs/benchmarks.md``).
SERIAL_SHARE = 20
#: The processes ``-j`` asked for, while reading serially (by application).
_saved: dict[int, int] = {}
#: Applications reading in parallel with this process's objects frozen.
_frozen: set[int] = set()


def read_few_serially(app: Sphinx, env: Any, docnames: list[str]) -> None:
    """``env-before-read-docs``: read *docnames* in this process when they are few. Sphinx
    decides after this event, from ``app.parallel``; :func:`restore_parallel` puts it back
    before anything is written."""
    if app.parallel > 1 and len(docnames) * SERIAL_SHARE <= len(env.all_docs):
        _saved[id(app)] = app.parallel
        app.parallel = 1
    elif app.parallel > 1:
        gc.freeze()
        _frozen.add(id(app))


def restore_parallel(app: Sphinx, env: Any) -> None:
    """``env-updated``: writing is parallel again, as ``-j`` asked; the objects frozen for
    parallel reading are not."""
    if (jobs := _saved.pop(id(app), None)) is not None:
        app.parallel = jobs
    if id(app) in _frozen:
        _frozen.discard(id(app))
        gc.unfreeze()
