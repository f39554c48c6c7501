"""What the browser tests share: Debian's Chromium through Playwright, a tab that records
every problem the page reports, a static server on 127.0.0.1, and a site built in a private
copy of the project.

Chromium is ``/usr/bin/chromium`` (``apt-get install chromium``); Playwright's own browser
download is never used. Without it the tests are skipped, or fail when ``CI`` is set, so that
CI cannot go green by skipping them.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
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


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail on CI, where a skip would hide a broken setup."""
    if _in_ci():
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip; "
                    f"install it with: apt-get install -y chromium)", pytrace=False)
    pytest.skip(reason)


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> None:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode:
        pytest.fail(f"command failed ({done.returncode}): {' '.join(cmd)}\n"
                    f"--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}", pytrace=False)


def build_site(root: Path, inputs: list[Path]) -> Path:
    """Convert *inputs* and build them in a private copy of the project under *root* (the
    shared ``source/articles`` is never touched); returns the folder of the HTML."""
    seeds, project = root / "seeds", root / "project"
    seeds.mkdir(parents=True)
    for path in inputs:
        shutil.copy2(path, seeds / path.name)
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


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Base URL (ending in /) of *folder* served on 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
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
    requests: list[str] = field(default_factory=list)  #: every URL the page asked for

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
    page.on("request", lambda r: tab.requests.append(r.url))
    page.on("pageerror", lambda err: tab.problems.append(f"page error on {page.url}: {err}"))
    page.on("response", lambda r: r.status >= 400 and tab.problems.append(
        f"HTTP {r.status} for {r.url}"))
    # ERR_ABORTED is a load the next navigation cancelled (a favicon, say), not a missing
    # file: those fail with ERR_FILE_NOT_FOUND or an HTTP status.
    page.on("requestfailed", lambda r: "ERR_ABORTED" in (r.failure or "") or tab.problems.append(
        f"request failed: {r.url} ({r.failure})"))
    try:
        yield tab
    finally:
        context.close()


def _expect():
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    return expect
