"""The built site as a reader sees it: Debian's Chromium driven through Playwright.

A small site is built once per module from ``seeds/`` into a temporary project (the shared
``source/articles`` is never touched), served over HTTP on 127.0.0.1 and also opened straight
from disk (``file://``), as someone who downloaded the archive would.

Chromium is ``/usr/bin/chromium`` (``apt-get install chromium``); Playwright's own browser
download is never used. Without it the tests are skipped, or fail when ``CI`` is set, so that
CI cannot go green by skipping them. Screenshots of the home and article pages are kept in
pytest's temporary folder (the path is printed; ``pytest -s`` shows it).
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",  # as the machine's own probe starts it: no network but loopback here
    "--disable-quic",
]
TIMEOUT_MS = 10_000  # per action or assertion; everything here normally takes well under 1 s

# The sample article (seeds/000_203f55c1c9505874.txt) and what it is known to produce.
SEED_FILE = "000_203f55c1c9505874.txt"
PERSON_PAGE = "people/antony-blinken.html"
PARAGRAPH_STARTS = ("Rosa, from El Salvador", "\u201cWe are looking for something better")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail on CI, where a skip would hide a broken setup."""
    if _in_ci():
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip; "
                    f"install it with: apt-get install -y chromium)", pytrace=False)
    pytest.skip(reason)


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


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> None:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode:
        pytest.fail(f"command failed ({done.returncode}): {' '.join(cmd)}\n"
                    f"--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}", pytrace=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build seeds/ in a private copy of the project; returns the folder of the HTML."""
    root = tmp_path_factory.mktemp("site")
    seeds, project = root / "seeds", root / "project"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(REPO / "source", project / "source",
                    ignore=lambda folder, names: ["articles"] if Path(folder) == REPO / "source"
                    else [])
    for name in ("conf.py", "entities.yaml", "tags.yaml"):
        shutil.copy2(REPO / name, project / name)

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    _run([sys.executable, "-m", "build_tools", "convert", str(seeds),
          str(project / "source" / "articles"),
          "--registry", str(project / "entities.yaml"), "--tags", str(project / "tags.yaml")],
         cwd=project, env=env)
    _run([sys.executable, "-m", "sphinx", "-M", "html", str(project / "source"),
          str(project / "build"), "-c", str(project), "-q"], cwd=project, env=env)
    html = project / "build" / "html"
    assert (html / "index.html").is_file(), f"no index.html in {html}"
    return html


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """Base URL (ending in /) of the built site served on 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nbrowser screenshots: {folder}")
    return folder


# ---------------------------------------------------------------------------------------------
# The browser


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not os.path.exists(CHROMIUM):
        _unavailable(f"{CHROMIUM} not found (Debian's chromium package is not installed)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:
        _unavailable(f"the playwright Python package is not installed ({err}); "
                     f"run: make test")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=CHROMIUM_ARGS, timeout=60_000)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Tab:
    """A page plus every problem it reported: console errors, page errors, failed requests."""

    page: object
    problems: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert not self.problems, "the browser reported problems:\n" + "\n".join(self.problems)


@pytest.fixture
def tab(browser) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    tab = Tab(page)

    def on_console(msg) -> None:
        if msg.type == "error":
            tab.problems.append(f"console error on {page.url}: {msg.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda err: tab.problems.append(f"page error on {page.url}: {err}"))
    page.on("response", lambda r: r.status >= 400 and tab.problems.append(
        f"HTTP {r.status} for {r.url}"))
    page.on("requestfailed", lambda r: tab.problems.append(
        f"request failed: {r.url} ({r.failure})"))
    try:
        yield tab
    finally:
        context.close()


def _expect():
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    return expect


def _search(page, url: str) -> list[str]:
    """Open a search URL, wait for Sphinx's search to finish; the titles of the results."""
    page.goto(url)
    page.wait_for_function(
        """() => {
            const s = document.querySelector('#search-results p.search-summary');
            return s && /finished|did not match/i.test(s.textContent);
        }""",
        timeout=TIMEOUT_MS,
    )
    return [t.strip() for t in page.locator("#search-results ul.search li > a").all_inner_texts()]


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


@pytest.mark.parametrize("query", ["caravan", "Mayorkas"])
def test_search_finds_article(tab: Tab, server: str, seed: Seed, query: str,
                              screenshots: Path) -> None:
    titles = _search(tab.page, f"{server}search.html?q={quote(query)}")
    tab.page.screenshot(path=str(screenshots / f"search-{query}.png"), full_page=True)
    assert seed.title in titles, f"search for {query!r} found {titles}"
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


def test_offline_search(tab: Tab, site: Path, seed: Seed) -> None:
    # searchindex.js is loaded by a script tag, so results appear from file:// too; the
    # summaries under them are fetched and may fail there, so they are not checked.
    titles = _search(tab.page, (site / "search.html").as_uri() + "?q=caravan")
    assert seed.title in titles, f"offline search found {titles}"
