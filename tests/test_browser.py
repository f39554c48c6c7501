"""The built site as a reader sees it: Debian's Chromium driven through Playwright.

A small site is built once per module from ``seeds/`` into a temporary project (the shared
``source/articles`` is never touched), served over HTTP on 127.0.0.1 and also opened straight
from disk (``file://``), as someone who downloaded the archive would.

The browser plumbing is in ``browser_support.py``; search is tested in
``test_search_browser.py``. Screenshots of the home and article pages are kept in
pytest's temporary folder (the path is printed; ``pytest -s`` shows it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser_support import REPO, Tab, _expect, build_site, serve

pytestmark = pytest.mark.browser

SEEDS = REPO / "seeds"

# The sample article (seeds/000_203f55c1c9505874.txt) and what it is known to produce.
SEED_FILE = "000_203f55c1c9505874.txt"
PERSON_PAGE = "people/antony-blinken.html"
PARAGRAPH_STARTS = ("Rosa, from El Salvador", "\u201cWe are looking for something better")


# ---------------------------------------------------------------------------------------------
# The seed article, read independently of the converter


@dataclass(frozen=True)
class Seed:
    title: str
    paragraphs: tuple[str, ...]

    def paragraph(self, start: str) -> str:
        found = [p for p in self.paragraphs if p.startswith(start)]
        assert len(found) == 1, f"seed has {len(found)} paragraphs starting {start!r}"
        return found[0]


def _read_seed(path: Path) -> Seed:
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", path.read_text("utf-8"))]
    blocks = [b for b in blocks if b]
    return Seed(title=blocks[0], paragraphs=tuple(blocks[1:]))


@pytest.fixture(scope="module")
def seed() -> Seed:
    return _read_seed(SEEDS / SEED_FILE)


# ---------------------------------------------------------------------------------------------
# The site: built once into a temporary project, then served


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """seeds/ built in a private copy of the project; returns the folder of the HTML."""
    return build_site(tmp_path_factory.mktemp("site"), sorted(SEEDS.glob("*.txt")))


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nbrowser screenshots: {folder}")
    return folder


# ---------------------------------------------------------------------------------------------
# The browser


def _open_article_from_home(page, seed: Seed) -> None:
    expect = _expect()
    link = page.locator("article a", has_text=seed.title)
    expect(link).to_have_count(1)
    href = link.get_attribute("href")
    assert href and re.fullmatch(r"articles/[a-z0-9-]+\.html", href), href
    link.click()
    page.wait_for_url(re.compile(r"/articles/[a-z0-9-]+\.html$"))
    expect(page.locator("article h1")).to_contain_text(seed.title)


# ---------------------------------------------------------------------------------------------
# Served over HTTP


def test_home_to_article(tab: Tab, server: str, seed: Seed, screenshots: Path) -> None:
    page, expect = tab.page, _expect()
    page.goto(server + "index.html")
    expect(page).to_have_title(re.compile("News Archive"))
    page.screenshot(path=str(screenshots / "home.png"), full_page=True)

    _open_article_from_home(page, seed)
    expect(page).to_have_title(re.compile(re.escape(seed.title)))
    body = page.locator("article p")
    for start in PARAGRAPH_STARTS:
        # The paragraph exactly as in the seed: same words, same quotes, nothing added.
        expect(body.filter(has_text=start)).to_have_text([seed.paragraph(start)])
    page.screenshot(path=str(screenshots / "article.png"), full_page=True)
    tab.assert_clean()


def test_article_links_person_and_back(tab: Tab, server: str, seed: Seed,
                                       screenshots: Path) -> None:
    page, expect = tab.page, _expect()
    page.goto(server + "index.html")
    _open_article_from_home(page, seed)
    article_url = page.url

    person = page.locator(f'article a[href$="{PERSON_PAGE}"]')
    expect(person.first).to_have_text("Antony Blinken")
    person.first.click()
    page.wait_for_url(server + PERSON_PAGE)
    expect(page.locator("article h1")).to_have_text("Antony Blinken")
    page.screenshot(path=str(screenshots / "person.png"), full_page=True)

    back = page.locator("article a", has_text=seed.title)
    expect(back, f"{PERSON_PAGE} does not list the article that names him: "
           f"{page.locator('article').inner_text()!r}").to_have_count(1)
    back.click()
    page.wait_for_url(article_url)
    expect(page.locator("article h1")).to_contain_text(seed.title)
    tab.assert_clean()


# ---------------------------------------------------------------------------------------------
# Opened from disk, with no server


def test_offline_home_to_article(tab: Tab, site: Path, seed: Seed) -> None:
    page = tab.page
    page.goto((site / "index.html").as_uri())
    _open_article_from_home(page, seed)
    assert page.url.startswith("file://")
    _expect()(page.locator("article p").filter(has_text=PARAGRAPH_STARTS[0])).to_have_text(
        [seed.paragraph(PARAGRAPH_STARTS[0])])
