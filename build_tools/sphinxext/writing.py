"""Sphinx's parallel writing of documents, with the memory it holds bounded.

Sphinx (9.0) resolves every document's doctree in the main process and queues each chunk for
a writer process, without waiting: the main process resolves faster than one writer writes,
so by the end it holds nearly every resolved doctree of the build at once. At 10,000 articles
that is about 600 MB of the main process's peak (``docs/benchmarks.md``), growing with the
archive. Here the same work is done in the same order, except that no more than one chunk
more than there are writers is resolved and not yet written at any time, and the main
process's objects are frozen while it forks writers (:func:`frozen_objects`); the output is
the same.

Sphinx also starts one writer fewer than ``-j`` asks for, the main process being the other;
but that process waits for the writers much of the time, and with ``-j 2`` one writer wrote
every page of the site in turn (1,000 articles: 4.3 s, against 3.5 s with two). Here there
are as many writers as ``-j`` asks for.

It replaces ``Builder._write_parallel``, a private method, so it is installed only on the
Sphinx versions it was written against (:data:`FOR_SPHINX`); others keep Sphinx's own.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import MethodType
from typing import Any

import sphinx
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.locale import __
from sphinx.util import logging
from sphinx.util.build_phase import BuildPhase
from sphinx.util.display import status_iterator
from sphinx.util.parallel import ParallelTasks, make_chunks

logger = logging.getLogger(__name__)

FOR_SPHINX = ((9, 0),)  #: (major, minor) versions whose ``_write_parallel`` this mirrors


def bound_parallel_writing(app: Sphinx) -> None:
    """``builder-inited``: the HTML builders write in parallel with bounded memory."""
    builder = app.builder
    if isinstance(builder, StandaloneHTMLBuilder) and sphinx.version_info[:2] in FOR_SPHINX:
        builder._write_parallel = MethodType(_write_parallel, builder)  # type: ignore[method-assign]


@contextmanager
def frozen_objects() -> Iterator[None]:
    """This process's objects left out of its garbage collections (``gc.freeze``), and so out
    of those of the processes it forks meanwhile: a collection in a forked writer otherwise
    writes to every object it walks, and the kernel copies each page it writes to. At 1,000
    articles that was 100,000 page faults and 0.9 s of a 13 s build."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _write_parallel(self: Any, docnames: Sequence[str], nproc: int) -> None:
    """``Builder._write_parallel`` of Sphinx 9.0 (which Sphinx calls with *nproc* one less
    than ``-j``), with ``nproc + 1`` writers, waiting for one before resolving more than
    ``nproc + 2`` chunks ahead."""
    from sphinx.builders import _write_docname

    nproc += 1

    def write_process(docs: list[tuple[str, nodes.document]]) -> None:
        self.phase = BuildPhase.WRITING
        for docname, doctree in docs:
            self.write_doc(docname, doctree)

    # warm up caches/compile templates using the first document
    firstname, docnames = docnames[0], docnames[1:]
    _write_docname(firstname, env=self.env, builder=self, tags=self.tags)

    tasks = ParallelTasks(nproc)
    chunks = make_chunks(docnames, nproc)
    progress = status_iterator(chunks, __('writing output... '), 'darkgreen', len(chunks),
                               self.config.verbosity)
    written = 0

    def on_chunk_done(args: list[tuple[str, nodes.document]], result: None) -> None:
        nonlocal written
        written += 1
        next(progress)

    self.phase = BuildPhase.RESOLVING
    with frozen_objects():
        for queued, chunk in enumerate(chunks):
            # Resolved chunks wait for a writer instead of piling up.
            while queued - written > nproc:
                if not tasks._join_one():
                    time.sleep(0.01)
            arg = []
            for docname in chunk:
                doctree = self.env.get_and_resolve_doctree(docname, self, tags=self.tags)
                self.write_doc_serialized(docname, doctree)
                arg.append((docname, doctree))
            tasks.add_task(write_process, arg, on_chunk_done)
        tasks.join()
    logger.info('')
