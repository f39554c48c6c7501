"""The Article record and its front matter: the one contract between converter and site.

The converter builds an :class:`Article` and writes it with :func:`to_front_matter`; the Sphinx
extension reads front matter back with :func:`from_front_matter`, leniently, because archivists
edit it by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

#: Front matter keys holding lists of names, each with an index on the site.
TAXONOMY_KEYS = ("authors", "tags", "people", "places", "organizations")
#: Every kind of index the site can have: the taxonomies, and each article's agency.
INDEX_KINDS = (*TAXONOMY_KEYS, "agencies")


@dataclass(frozen=True)
class Source:
    file: str  #: the input's path relative to the input folder, with ``/``
    sha256: str
    #: (field, file) for each field a sidecar or the manifest set, file relative to the input
    #: folder; no line numbers, so that editing one manifest row rewrites only its article.
    overrides: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Article:
    """Everything the site needs to know about one article."""

    title: str
    paragraphs: tuple[str, ...]  #: body text exactly as written
    source: Source
    slug: str = ""
    authors: tuple[str, ...] = ()
    agency: str | None = None
    dateline: str | None = None  #: as printed: ``VILLA COMALTITLAN (Reuters)``
    location: str | None = None  #: the dateline's place, properly cased
    date: dt.date | None = None
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    roles: dict[str, list[str]] = field(default_factory=dict)  #: person -> titles in this story
    credits: dict[str, list[str]] = field(default_factory=dict)  #: role -> names
    credit_line: str | None = None  #: as printed, rendered after the body
    url: str | None = None


def to_front_matter(article: Article) -> dict[str, Any]:
    """The YAML mapping written at the top of the article's MyST file (order is part of it)."""
    return {
        "title": article.title,
        "authors": list(article.authors),
        "agency": article.agency,
        "dateline": article.dateline,
        "location": article.location,
        "date": article.date.isoformat() if article.date else None,
        "tags": list(article.tags),
        "people": list(article.people),
        "places": list(article.places),
        "organizations": list(article.organizations),
        "roles": {k: list(v) for k, v in article.roles.items()},
        "credits": {k: list(v) for k, v in article.credits.items()},
        "url": article.url,
        "source": _source(article.source),
        # Articles are reached through the generated listings, not a toctree.
        "orphan": True,
    }


def _source(source: Source) -> dict[str, Any]:
    out: dict[str, Any] = {"file": source.file, "sha256": source.sha256}
    if source.overrides:
        out["overrides"] = dict(source.overrides)
    return out


@dataclass(frozen=True)
class ArticleMeta:
    """What the site reads back from front matter: every field typed, missing ones empty."""

    title: str
    authors: tuple[str, ...] = ()
    agency: str | None = None
    dateline: str | None = None
    location: str | None = None
    date: dt.date | None = None
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    credits: dict[str, tuple[str, ...]] = field(default_factory=dict)
    url: str | None = None
    source_file: str | None = None  #: the input's path relative to the input folder

    def terms(self, key: str) -> tuple[str, ...]:
        """The names under one of :data:`INDEX_KINDS`."""
        if key == "agencies":
            return (self.agency,) if self.agency else ()
        return getattr(self, key)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _names(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        text = _text(item)
        if text and text not in out:
            out.append(text)
    return tuple(out)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _mapping(value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        return {}
    return {str(k): _names(v) for k, v in value.items() if _names(v)}


def from_front_matter(data: dict[str, Any], fallback_title: str = "") -> ArticleMeta:
    """Typed metadata from a front matter mapping; wrong types become empty, never errors."""
    return ArticleMeta(
        title=_text(data.get("title")) or fallback_title,
        authors=_names(data.get("authors")),
        agency=_text(data.get("agency")),
        dateline=_text(data.get("dateline")),
        location=_text(data.get("location")),
        date=_date(data.get("date")),
        tags=_names(data.get("tags")),
        people=_names(data.get("people")),
        places=_names(data.get("places")),
        organizations=_names(data.get("organizations")),
        roles=_mapping(data.get("roles")),
        credits=_mapping(data.get("credits")),
        url=_text(data.get("url")),
        source_file=_text(source.get("file")) if isinstance(source := data.get("source"), dict)
        else None,
    )
