"""Generated pages on small test roots: links that resolve, the home page's list and counts."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest


@pytest.mark.sphinx("html", testroot="search", confoverrides={"news_page_size": 1})
def test_links_on_every_listing_page_resolve(app):
    app.build()
    out = Path(app.outdir)
    pages = [p for folder in ("archive", "dates", "tags", "people", "places", "organizations",
                              "authors") for p in (out / folder).rglob("*.html")]
    assert out / "places" / "mexico" / "1.html" in pages  # a term's second page
    broken = []
    for page in pages:
        for href in re.findall(r'href="([^"#]+)', page.read_text(encoding="utf-8")):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            if not (page.parent / unquote(parts.path)).resolve().is_file():
                broken.append(f"{page.relative_to(out)} -> {href}")
    assert broken == []
    second = (out / "places" / "mexico" / "1.html").read_text(encoding="utf-8")
    assert 'class="news-breadcrumb"><a href="../index.html">Places</a>' in second


@pytest.mark.sphinx("html", testroot="latest")
def test_a_bad_news_latest_count_is_an_error_naming_file_and_line(app):
    app.build()
    warnings = app.warning.getvalue()
    assert "index.md:3: ERROR: news-latest: expected a whole number of articles" in warnings
    assert "'ten'" in warnings and "Traceback" not in warnings
    home = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    # The good list is built; counts are of index entries, not spellings.
    assert "Story 2" in home and ">2 articles<" in home
    assert ">1 place<" in home
