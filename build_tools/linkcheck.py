"""Is the built site whole? Every internal link and asset of every page, checked on disk.

The site is read from a copy on disk as much as from a server, so a link is good only if it
names a file in the build: not a folder (which needs a server to become ``index.html``), not a
path from the root of the disk (``/static/x.css``), and with its ``#fragment`` present in the
page it points to. Anything the browser would fetch from outside the site (a script, a style
sheet, a font, an image) is reported too, because offline it is simply missing. Links a reader
follows out of the site (an article's original URL) are fine.

Pure standard library, so it can check any folder, ours or not.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .files import read_json

#: ``<link rel=...>`` values whose ``href`` the browser fetches.
_FETCHED_RELS = frozenset(("stylesheet", "icon", "shortcut", "apple-touch-icon", "preload",
                           "modulepreload", "manifest", "mask-icon", "prefetch"))
#: Elements whose ``src`` (or ``data``) the browser fetches.
_FETCHED_SRC = frozenset(("script", "img", "iframe", "source", "video", "audio", "embed",
                          "track", "input", "frame"))
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
#: Served for a missing page at any depth (GitHub Pages, most hosts), so its links are rooted.
NOT_FOUND_PAGE = "404.html"
_XML_HREF = re.compile(r'<link[^>]*\shref="([^"]+)"')
_XML_LOC = re.compile(r"<loc>([^<]+)</loc>")
#: Schemes that are neither a file of the site nor a request.
_INERT = ("mailto:", "tel:", "data:", "javascript:", "about:", "blob:")


@dataclass(frozen=True, order=True)
class Problem:
    page: str  #: the page (or style sheet) with the link, relative to the site folder
    url: str  #: as written
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url}: {self.reason}"


@dataclass(frozen=True)
class _Link:
    url: str
    fetched: bool  #: an asset the browser loads, not a link a reader follows


class _Page(HTMLParser):
    """The links and the ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[_Link] = []
        self.ids: set[str] = set()
        self._style = False
        self._json_ld: list[str] | None = None  #: the text of a JSON-LD script being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        for key in ("id", "name") if tag in ("a", "map") else ("id",):
            if attr.get(key):
                self.ids.add(attr[key])
        if tag == "link" and attr.get("href"):
            rels = set(attr.get("rel", "").lower().split())
            self.links.append(_Link(attr["href"], bool(rels & _FETCHED_RELS)))
        elif tag in ("a", "area") and attr.get("href"):
            self.links.append(_Link(attr["href"], False))
        if tag in _FETCHED_SRC and attr.get("src"):
            self.links.append(_Link(attr["src"], True))
        if tag == "object" and attr.get("data"):
            self.links.append(_Link(attr["data"], True))
        for candidate in attr.get("srcset", "").split(","):
            if candidate.strip():
                self.links.append(_Link(candidate.split()[0], True))
        if attr.get("style"):
            self.links.extend(_Link(u, True) for u in css_urls(attr["style"]))
        self._style = tag == "style"
        if tag == "script" and attr.get("type") == "application/ld+json":
            self._json_ld = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._style = False
        if tag == "script" and self._json_ld is not None:
            try:
                record = json.loads("".join(self._json_ld))
            except ValueError:
                record = None
            self.links.extend(_Link(u, False) for u in json_urls(record, "url"))
            self._json_ld = None

    def handle_data(self, data: str) -> None:
        if self._style:
            self.links.extend(_Link(u, True) for u in css_urls(data))
        if self._json_ld is not None:
            self._json_ld.append(data)


def css_urls(text: str) -> Iterator[str]:
    for match in _CSS_URL.finditer(text):
        yield match.group(2) or match.group(4)


def json_urls(value: object, key: str) -> Iterator[str]:
    """Every string under *key*, at any depth, of a JSON value (JSON-LD's ``url``)."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k == key and isinstance(v, str):
                yield v
            else:
                yield from json_urls(v, key)
    elif isinstance(value, list):
        for v in value:
            yield from json_urls(v, key)


def _xml_links(text: str) -> list[_Link]:
    """The addresses in a feed (``<link href>``) or a sitemap (``<loc>``)."""
    return [_Link(html.unescape(u), False)
            for u in (*_XML_HREF.findall(text), *_XML_LOC.findall(text))]


def check_site(site: Path, base_url: str | None = None, folders: bool = False,
               ) -> list[Problem]:
    """Every problem with the links of the HTML pages, style sheets, feeds, sitemap and
    ``catalog.json`` under *site*.

    *base_url* is the address the site is published at (``html_baseurl``); absolute links
    under it are checked as files of the site, so a canonical link to a missing page is found.
    ``404.html`` is shown by the server at any depth, so its links are paths from the site's
    root (``/news-archive/_static/...``): they are checked against *base_url*'s path.
    Without *base_url*, the address the build recorded (``index.html``'s canonical link) is
    used, so a published build is checked as published. *folders* accepts links to a folder
    with an ``index.html`` (a ``dirhtml`` build, read only through a server).
    """
    site = site.resolve()
    base_url = base_url or published_at(site)
    pages: dict[Path, _Page] = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        parser.close()
        pages[path] = parser
    others = {path: [_Link(u, True) for u in css_urls(path.read_text(encoding="utf-8",
                                                                     errors="replace"))]
              for path in sorted(site.rglob("*.css"))}
    others.update((path, _xml_links(path.read_text(encoding="utf-8", errors="replace")))
                  for path in sorted(site.rglob("*.xml")))
    catalog = site / "catalog.json"
    if catalog.is_file():
        # Its addresses are relative to the site's root, where it stands.
        others[catalog] = [_Link(u, False) for u in json_urls(read_json(catalog), "url")]
    problems: list[Problem] = []
    ids: dict[Path, set[str]] = {path: page.ids for path, page in pages.items()}
    root_path = urlsplit(base_url).path.rstrip("/") + "/" if base_url else "/"
    for path, links in [*((p, page.links) for p, page in pages.items()), *others.items()]:
        shown = path.relative_to(site).as_posix()
        rooted = root_path if shown == NOT_FOUND_PAGE else None
        problems.extend(Problem(shown, link.url, reason)
                        for link in links
                        if (reason := _check(site, path, link, base_url, ids, rooted, folders)))
    return sorted(set(problems))


def published_at(site: Path) -> str | None:
    """The address a build was made for: its home page's canonical link, less ``index.html``."""
    try:
        head = (site / "index.html").read_text(encoding="utf-8", errors="replace")[:20000]
    except OSError:
        return None
    match = re.search(r'<link rel="canonical" href="([^"]+)index\.html"', head)
    return match.group(1) if match else None


def _check(site: Path, page: Path, link: _Link, base_url: str | None,
           ids: dict[Path, set[str]], rooted: str | None = None, folders: bool = False,
           ) -> str | None:
    url = link.url.strip()
    if not url or url.lower().startswith(_INERT):
        return None
    if base_url and url.startswith(base_url.rstrip("/") + "/"):
        target = site / unquote(urlsplit(url[len(base_url.rstrip("/")) + 1:]).path)
        return _check_file(site, target, urlsplit(url).fragment, ids, folder_ok=True)
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return "outside the site: missing when read offline" if link.fetched else None
    if parts.path.startswith("/") and rooted is not None:
        if not parts.path.startswith(rooted):
            return f"outside the site's path {rooted}"
        return _check_file(site, site / unquote(parts.path[len(rooted):]), parts.fragment, ids,
                           folder_ok=True)
    if parts.path.startswith("/"):
        return "a path from the root of the disk: breaks when read from a copy on disk"
    if not parts.path:  # ``#fragment`` in the same page
        return _missing_fragment(page, parts.fragment, ids)
    target = (page.parent / unquote(parts.path))
    return _check_file(site, target, parts.fragment, ids, folder_ok=folders)


def _check_file(site: Path, target: Path, fragment: str, ids: dict[Path, set[str]],
                folder_ok: bool = False) -> str | None:
    target = Path(_normalise(target))
    if not target.is_relative_to(site):
        return "outside the site folder"
    if target.is_dir():
        if folder_ok and (target / "index.html").is_file():
            return _missing_fragment(target / "index.html", fragment, ids)
        return "a folder: needs a server (link to its index.html)"
    if not target.is_file():
        return "no such file"
    return _missing_fragment(target, fragment, ids)


def _missing_fragment(target: Path, fragment: str, ids: dict[Path, set[str]]) -> str | None:
    if not fragment or target not in ids:  # not an HTML page, or no fragment to find
        return None
    return None if unquote(fragment) in ids[target] else f"no #{unquote(fragment)} in the page"


def _normalise(path: Path) -> str:
    """*path* with ``..`` and ``.`` resolved without following links (the site may be a
    copy where links are files)."""
    out: list[str] = []
    for part in path.parts:
        if part == "..":
            if len(out) > 1:
                out.pop()
        elif part != ".":
            out.append(part)
    return str(Path(*out))


def report(problems: Iterable[Problem]) -> str:
    problems = list(problems)
    if not problems:
        return "links: every internal link and asset resolves; nothing is fetched from outside"
    lines = [str(p) for p in problems]
    lines.append(f"links: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
    return "\n".join(lines)
