"""Time Sphinx's ``IndexBuilder.prune`` on a built site's search index, called as Sphinx's
HTML builder calls it (with the environment's ``all_docs``, a dict) and with the same names
as a set.

    python docs/upstream/prune_bench.py BUILDDIR

*BUILDDIR* is the output folder of ``sphinx-build -M html`` for a plain Sphinx project
(``python -m build_tools.bench --keep DIR`` leaves one in ``DIR/plain/_build``). The index
is only loaded and pruned; nothing is written.
"""

from __future__ import annotations

import pickle
import sys
import time
from pathlib import Path

from sphinx.search import IndexBuilder, js_index


def _prune_seconds(env: object, index: Path, docnames: object) -> float:
    indexer = IndexBuilder(env, "en", {}, None)  # type: ignore[arg-type]
    with open(index, encoding="utf-8") as f:
        indexer.load(f, js_index)
    start = time.perf_counter()
    indexer.prune(docnames)  # type: ignore[arg-type]
    return time.perf_counter() - start


def main(builddir: str) -> None:
    build = Path(builddir)
    with open(build / "doctrees" / "environment.pickle", "rb") as f:
        env = pickle.load(f)
    index = build / "html" / "searchindex.js"
    as_dict = _prune_seconds(env, index, env.all_docs)
    as_set = _prune_seconds(env, index, set(env.all_docs))
    print(f"{len(env.all_docs):,} documents; searchindex.js {index.stat().st_size / 1e6:.1f} MB")
    print(f"prune(env.all_docs), as Sphinx calls it: {as_dict:.2f} s")
    print(f"prune(set(env.all_docs)):                {as_set:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1])
