"""Sphinx's parallel reading: skipped when it would cost more than it saves, and with one
share of the documents a reader process when it runs.

Sphinx (9.0) reads in parallel whenever ``-j`` allows, however few documents changed, and
each reader process sends back the *whole* environment, pickled, which the main process
unpickles and merges. That costs time in proportion to the archive, not to the change: at
10,000 articles, reading the one article just added took 3.2 s in parallel, nearly all of it
moving the environment (94 MB) between processes (``docs/benchmarks.md``). So when the
documents to read are few beside the archive, they are read in this process. When they are
read in parallel, this process's objects are frozen while it forks the readers (see
:func:`.writing.frozen_objects`).

Sphinx also cuts the documents into many chunks (45 at 10,000) and merges each reader's
environment into this process's before it forks the next reader, which so starts with, and
sends back, every chunk merged before its own: the environments unpickled here grow with the
archive, and at 10,000 articles the main process spent 32 s of a 49 s read merging them.
Here each reader process reads one share of the documents (:func:`_read_parallel`); the
cause, measured, for Sphinx upstream: ``docs/upstream/sphinx-10967.md``.
"""

from __future__ import annotations

import gc
import pickle
from types import MethodType
from typing import Any

import sphinx
from sphinx.application import Sphinx
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.display import status_iterator
from sphinx.util.parallel import ParallelTasks

logger = logging.getLogger(__name__)

FOR_SPHINX = ((9, 0),)  #: (major, minor) versions whose ``_read_parallel`` this mirrors

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


def one_share_a_reader(app: Sphinx) -> None:
    """``builder-inited``: each reader process reads one share of the documents."""
    if sphinx.version_info[:2] in FOR_SPHINX:
        builder = app.builder
        builder._read_parallel = MethodType(_read_parallel, builder)  # type: ignore[method-assign]


def _read_parallel(self: Any, docnames: list[str], nproc: int) -> None:
    """``Builder._read_parallel`` of Sphinx 9.0, with one chunk of documents a process."""
    size = -(-len(docnames) // nproc)
    chunks = [docnames[i : i + size] for i in range(0, len(docnames), size)]

    # create a status_iterator to step progressbar after reading a document
    # (see: ``merge()`` function)
    progress = status_iterator(chunks, __('reading sources... '), 'purple', len(chunks),
                               self.config.verbosity)

    # clear all outdated docs at once
    for docname in docnames:
        self.events.emit('env-purge-doc', self.env, docname)
        self.env.clear_doc(docname)

    def read_process(docs: list[str]) -> bytes:
        self.env._app = self._app
        for docname in docs:
            self.read_doc(docname, _cache=False)
        # allow pickling self to send it back
        return pickle.dumps(self.env, pickle.HIGHEST_PROTOCOL)

    def merge(docs: list[str], otherenv: bytes) -> None:
        env = pickle.loads(otherenv)
        self.env.merge_info_from(docs, env, self._app)

        next(progress)

    tasks = ParallelTasks(nproc)
    for chunk in chunks:
        tasks.add_task(read_process, chunk, merge)

    # make sure all threads have finished
    tasks.join()
    logger.info('')
