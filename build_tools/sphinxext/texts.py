"""Each page's searchable text and its analysis, kept in a file beside the doctrees
(``doctrees/news-search/<docname>.json``) instead of in the Sphinx environment.

The texts were two thirds of the environment (67 of 97 MB at 10,000 articles), which every
build loads whole and every build that reads a document saves whole; the search index needs
them only for the documents that changed (see :func:`..search.index.update_index`), or all
of them when it is built whole. So the environment keeps a digest of each page's file, and
:class:`StoredText` reads the file when the index first asks for the text.

A file is written when its page is read (in the reading process, for its own documents
only, so parallel reads never share one) and removed when Sphinx purges the page; a page
read again writes it again. A file missing or not matching its digest (changed by hand) is
an :class:`~build_tools.errors.ArchiveError` naming it.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import ArchiveError
from ..files import write_atomic
from ..search.index import Analysis, SearchDoc

STORE = "news-search"


def text_file(doctreedir: str | Path, docname: str) -> Path:
    return Path(doctreedir, STORE, f"{docname}.json")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data, usedforsecurity=False).hexdigest()[:16]


def save_text(doctreedir: str | Path, docname: str, doc: SearchDoc,
              stemmer: str) -> tuple[str, str]:
    """Write *doc* (with its analysis, made by the *stemmer* named) for *docname*; for the
    environment, the digest of the file and of the text alone (what the page says, whichever
    stemmer analysed it)."""
    analysis = doc.analysis
    data = json.dumps({"title": doc.title, "paragraphs": doc.paragraphs, "stemmer": stemmer,
                       "length": analysis.length if analysis else None,
                       "terms": analysis.terms if analysis else None,
                       "words": analysis.words if analysis else None},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    write_atomic(text_file(doctreedir, docname), data)
    text = json.dumps([doc.title, doc.paragraphs], ensure_ascii=False).encode("utf-8")
    return _digest(data), _digest(text)


def remove_text(doctreedir: str | Path, docname: str) -> None:
    text_file(doctreedir, docname).unlink(missing_ok=True)


@dataclass(frozen=True)
class StoredText:
    """A page's :class:`SearchDoc` in the store, read when first asked for (and checked
    against the file's *digest*). Its ``repr`` is the digest of the text alone, so that a
    search document's own digest is made without reading the file, and is the same whichever
    stemmer analysed it. An analysis made by another stemmer than *stemmer* is left out (the
    index analyses the text again)."""

    path: str
    digest: str
    text_digest: str
    stemmer: str

    def __repr__(self) -> str:
        return f"StoredText({self.text_digest!r})"

    @functools.cached_property
    def doc(self) -> SearchDoc:
        try:
            data = Path(self.path).read_bytes()
        except OSError as err:
            raise ArchiveError(self.path, f"cannot read the page's search text ({err.strerror}); "
                               "build again with -E") from None
        if _digest(data) != self.digest:
            raise ArchiveError(self.path, "the page's search text changed since the page was "
                               "read; build again with -E")
        found = json.loads(data)
        analysis = (Analysis(found["length"], found["terms"], found["words"])
                    if found["terms"] is not None and found.get("stemmer") == self.stemmer
                    else None)
        return SearchDoc(found["title"], tuple(found["paragraphs"]), analysis)

    @property
    def title(self) -> str:
        return self.doc.title

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return self.doc.paragraphs

    @property
    def analysis(self) -> Analysis | None:
        return self.doc.analysis
