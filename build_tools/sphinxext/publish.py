"""What a host needs beside the pages: ``sitemap.xml`` and ``robots.txt`` when the site has an
address (``html_baseurl``, set from ``SITE_URL``), and the 404 page's root.

The sitemap is written here rather than by sphinx-sitemap, which lists only the pages written
by the current build (its issue #13, open since 2018): an incremental build, the way the Pages
workflow runs, would publish a sitemap of the few pages that changed. Here it is made from the
environment, every document and every generated page, on every build.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from sphinx.application import Sphinx

from .builders import writes_site_pages

SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap_xml(base: str, uris: list[str]) -> bytes:
    """The sitemap of the pages at *uris* (relative to *base*), in the given order."""
    root = ElementTree.Element("urlset", xmlns=_NS)
    for uri in uris:
        ElementTree.SubElement(ElementTree.SubElement(root, "url"), "loc").text = base + uri
    ElementTree.indent(root, space=" ")
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def write_sitemap(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: ``sitemap.xml`` and ``robots.txt`` for html builders when the site
    has an address; both removed when it no longer has one."""
    if exception is not None or not writes_site_pages(app.builder):
        return
    outdir = Path(app.outdir)
    base = app.config.html_baseurl
    if not base:
        for name in (SITEMAP, ROBOTS):
            (outdir / name).unlink(missing_ok=True)
        return
    base = base.rstrip("/") + "/"
    generated = app.env.domains["news"].data.get("generated", [])
    # The 404 page and the search page are not content to be found.
    skip = {getattr(app.config, "notfound_pagename", "404"), "search"}
    names = sorted(n for n in {*app.env.found_docs, *generated} if n not in skip)
    _write(outdir / SITEMAP, sitemap_xml(base, [app.builder.get_target_uri(n) for n in names]))
    _write(outdir / ROBOTS, f"User-agent: *\nAllow: /\nSitemap: {base}{SITEMAP}\n".encode())


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def notfound_root(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: Any) -> None:
    """``html-page-context``: the 404 page is shown at any depth, so scripts that find the
    site from ``data-content_root`` get the site's path, as its links do
    (sphinx-notfound-page makes those absolute)."""
    prefix = getattr(app.config, "notfound_urls_prefix", None)
    if prefix and pagename == getattr(app.config, "notfound_pagename", None):
        context["content_root"] = prefix
