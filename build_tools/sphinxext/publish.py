"""What a host needs beside the pages: ``sitemap.xml`` and ``robots.txt`` when the site has an
address (``html_baseurl``, set from ``SITE_URL``), and the 404 page's root.

The sitemap is written here rather than by sphinx-sitemap, which lists only the pages written
by the current build (its issue #13, open since 2018): an incremental build, the way the Pages
workflow runs, would publish a sitemap of the few pages that changed. Here it is made from the
environment, every document and every generated page, on every build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

from sphinx.application import Sphinx

from ..files import write_atomic
from .builders import writes_site_pages

SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


#: The first line of the files written here; a file without it is the user's (copied from
#: ``html_extra_path``) and is never overwritten or removed.
MARK = "Written by the news archive build"


def sitemap_xml(base: str, uris: list[str]) -> bytes:
    """The sitemap of the pages at *uris* (relative to *base*), in the given order."""
    root = ElementTree.Element("urlset", xmlns=_NS)
    root.append(ElementTree.Comment(f" {MARK} "))
    for uri in uris:
        ElementTree.SubElement(ElementTree.SubElement(root, "url"), "loc").text = base + uri
    ElementTree.indent(root, space=" ")
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: ``sitemap.xml`` (and at a domain's root, where crawlers look for
    it, ``robots.txt``) for html builders when the site has an address; ours removed when it
    no longer has one."""
    if exception is not None or not writes_site_pages(app.builder):
        return
    outdir = Path(app.outdir)
    base = app.config.html_baseurl
    files: dict[str, bytes | None] = {SITEMAP: None, ROBOTS: None}
    if base:
        base = base.rstrip("/") + "/"
        generated = app.env.domains["news"].data.get("generated", [])
        # The 404 page and the search page are not content to be found.
        skip = {getattr(app.config, "notfound_pagename", "404"), "search"}
        names = sorted(n for n in {*app.env.found_docs, *generated} if n not in skip)
        files[SITEMAP] = sitemap_xml(base, [app.builder.get_target_uri(n) for n in names])
        if urlsplit(base).path == "/":
            files[ROBOTS] = f"# {MARK}\nUser-agent: *\nAllow: /\nSitemap: {base}{SITEMAP}\n" \
                .encode()
    for name, data in files.items():
        path = outdir / name
        if path.exists() and not _ours(path):
            continue  # the user's own
        if data is None:
            path.unlink(missing_ok=True)
        else:
            write_atomic(path, data)


def _ours(path: Path) -> bool:
    with path.open("rb") as handle:
        return MARK.encode() in handle.read(300)


def notfound_root(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: Any) -> None:
    """``html-page-context``: the 404 page is shown at any depth, so scripts that find the
    site from ``data-content_root`` get the site's path, as its links do
    (sphinx-notfound-page makes those absolute)."""
    prefix = getattr(app.config, "notfound_urls_prefix", None)
    if prefix and pagename == getattr(app.config, "notfound_pagename", None):
        context["content_root"] = prefix
