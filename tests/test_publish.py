"""Publishing: GitHub Pages (SITE_URL, sitemap, 404 at any depth, the workflow), a site that is
whole on disk (the link checker, no request leaves file://), and the zip for readers."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from browser_support import Tab
from build_tools.dist import make_zip
from build_tools.linkcheck import check_site
from conftest import ARTICLES, REPO, SAMPLE, make_project

SITE_URL = "https://archive.example.org/news-archive/"
PREFIX = "/news-archive/"


def build(project: Path, out: str, site_url: str | None) -> Path:
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    if site_url:
        env["SITE_URL"] = site_url
    subprocess.run([sys.executable, "-m", "sphinx", "-M", "html", str(project / "source"),
                    str(project / out), "-c", str(project), "-q"],
                   cwd=REPO, env=env, check=True, capture_output=True, text=True)
    return project / out / "html"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("publish"),
                        [SAMPLE, *sorted(ARTICLES.glob("*.txt"))])


@pytest.fixture(scope="module")
def local(project) -> Path:
    """The site as ``make html`` builds it with no SITE_URL."""
    return build(project, "build", None)


@pytest.fixture(scope="module")
def hosted(project) -> Path:
    """The site as the Pages workflow builds it (SITE_URL a project subpath)."""
    return build(project, "build-hosted", SITE_URL.rstrip("/"))


def hrefs(markup: str) -> list[str]:
    return [html.unescape(u) for u in re.findall(r'(?:href|src)="([^"]*)"', markup)]


def test_both_sites_are_whole(local, hosted):
    assert check_site(local) == []
    assert check_site(hosted, SITE_URL) == []


def test_site_url_gives_absolute_urls_where_they_belong(hosted):
    sitemap = (hosted / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert all(loc.startswith(SITE_URL) for loc in locs)
    pages = {loc[len(SITE_URL):] for loc in locs}
    articles = {p.relative_to(hosted).as_posix() for p in (hosted / "articles").glob("*.html")}
    assert articles and articles <= pages
    assert {"index.html", "people/index.html", "tags/index.html"} <= pages
    assert "404.html" not in pages and "search.html" not in pages
    assert all((hosted / p).is_file() for p in pages)
    # Crawlers read robots.txt only at a domain's root: none for a project site.
    assert not (hosted / "robots.txt").exists()
    article = next(iter(sorted(articles)))
    markup = (hosted / article).read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}{article}"' in markup
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', markup,
                              re.S).group(1))
    assert ld["url"] == f"{SITE_URL}{article}"
    feed = (hosted / "atom.xml").read_text(encoding="utf-8")
    links = re.findall(r'<link href="([^"]+)"', feed)
    assert links and all(link.startswith(SITE_URL) for link in links)
    assert (hosted / ".nojekyll").is_file()


def test_without_site_url_nothing_absolute_points_at_the_site(local):
    assert not (local / "sitemap.xml").exists() and not (local / "robots.txt").exists()
    for path in [*local.rglob("*.html"), *local.rglob("*.xml"), local / "catalog.json"]:
        text = path.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in text, path
        assert SITE_URL not in text and "archive.example.org" not in text, path
    feed = (local / "atom.xml").read_text(encoding="utf-8")
    assert all(not urlsplit(u).scheme for u in re.findall(r'<link href="([^"]+)"', feed))


class PagesHandler(SimpleHTTPRequestHandler):
    """A host like GitHub Pages: the site under /news-archive/, 404.html for a missing path."""

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        rel = path[len(PREFIX):] if path.startswith(PREFIX) else "\0"
        return str(Path(self.directory, rel))

    def send_error(self, code, message=None, explain=None):  # noqa: D102
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def pages_host(hosted) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0),
                                lambda *a: PagesHandler(*a, directory=str(hosted)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_the_404_page_works_at_any_depth_under_a_subpath(pages_host):
    for missing in ("gone.html", "people/nobody.html", "a/b/c/d/"):
        url = f"{pages_host}{PREFIX}{missing}"
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(url)
        assert err.value.code == 404
        markup = err.value.read().decode("utf-8")
        assert "Page not found" in markup
        local = [u for u in hrefs(markup) if not u.startswith(("#", "http", "mailto:"))]
        assert any("_static/" in u for u in local) and any(u.endswith("index.html")
                                                              for u in local)
        for link in local:
            with urllib.request.urlopen(urljoin(url, link)) as response:
                assert response.status == 200, (missing, link)


def test_the_pages_workflow_builds_checks_and_deploys():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text(
        encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "push" in triggers and triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build_steps = workflow["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in build_steps]
    uses = [s.get("uses", "") for s in build_steps]
    assert "make html" in runs and "make check-links" in runs
    assert runs.index("make html") < runs.index("make check-links")
    upload = next(s for s in build_steps if s.get("uses", "").startswith(
        "actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "build/html"
    assert any(u.startswith("actions/setup-python@") for u in uses)
    cached = [s["with"]["path"] for s in build_steps if s.get("uses", "").startswith(
        "actions/cache@")]
    assert ".venv" in cached and any("build" in p and "source/articles" in p for p in cached)
    build_step = next(s for s in build_steps if s.get("run") == "make html")
    assert "SITE_URL" in build_step["env"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_dist_is_deterministic_and_opens_offline(local, tmp_path):
    first = make_zip(local, tmp_path / "one", "News Archive")
    # The same build copied elsewhere, its files' times changed: the same bytes.
    copy = Path(shutil.copytree(local, tmp_path / "copy"))
    for path in copy.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000 + hash(path.name) % 1000))
    os.utime(copy / "index.html")  # the newest file: today, like the first
    second = make_zip(copy, tmp_path / "two", "News Archive")
    assert first.name == second.name and re.fullmatch(r"news-archive-\d{4}-\d{2}-\d{2}\.zip",
                                                      first.name)
    assert hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(
        second.read_bytes()).digest()
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        top = first.stem
        assert names[0] == f"{top}/README.txt"
        assert "open index.html" in archive.read(names[0]).decode("utf-8").lower()
        assert f"{top}/index.html" in names and f"{top}/search.html" in names
        assert not any("/." in n for n in names)
        archive.extractall(tmp_path / "unpacked")
    assert check_site(tmp_path / "unpacked" / top) == []


@pytest.mark.browser
def test_offline_pages_ask_for_nothing_outside_the_folder(tab: Tab, local: Path):
    """Home, an article, a person, an index and search, from file://: every request is a file
    of the site, and search finds an article."""
    article = sorted((local / "articles").glob("*.html"))[0]
    person = sorted(p for p in (local / "people").glob("*.html")
                    if p.name not in ("index.html", "by-count.html", "by-name.html"))[0]
    for path in (local / "index.html", article, person, local / "people" / "index.html",
                 local / "search.html"):
        tab.page.goto(path.as_uri())
        tab.page.wait_for_load_state("load")
    tab.page.goto((local / "search.html").as_uri() + "?q=migrants")
    tab.page.wait_for_selector(".news-search-results li a", timeout=20_000)
    outside = [u for u in tab.requests if not u.startswith(local.as_uri() + "/")
               and not u.startswith("data:")]
    assert not outside, outside
    tab.assert_clean()


def test_a_custom_domain_gets_its_cname_and_robots_txt(project):
    site = build(project, "build-domain", "https://news.example.org/")
    assert (site / "CNAME").read_text(encoding="utf-8").strip() == "news.example.org"
    assert "<loc>https://news.example.org/index.html</loc>" in (site / "sitemap.xml").read_text(
        encoding="utf-8")
    assert (site / "robots.txt").read_text(encoding="utf-8").endswith(
        "Sitemap: https://news.example.org/sitemap.xml\n")


def test_a_robots_txt_of_your_own_is_kept(project, tmp_path):
    project = Path(shutil.copytree(project, tmp_path / "copy", ignore=shutil.ignore_patterns(
        "build*")))
    (project / "extra").mkdir()
    (project / "extra" / "robots.txt").write_text("User-agent: *\nDisallow: /\n",
                                                  encoding="utf-8")
    with (project / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nhtml_extra_path = ['extra']\n")
    for url in ("https://news.example.org/", None):
        site = build(project, "build", url)
        assert (site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"


def test_strict_build_fails_on_a_broken_link(project, tmp_path):
    """``make html STRICT=1`` runs the link checker: a hand-written page linking a file that
    is not in the build fails it, with the page and the link named."""
    project = Path(shutil.copytree(project, tmp_path / "copy", ignore=shutil.ignore_patterns(
        "build*")))
    (project / "source" / "about.md").write_text(
        "# About\n\n<a href=\"missing/report.pdf\">The report</a>\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "html", str(project / "seeds"), "--strict",
         "--source", str(project / "source"), "--builddir", str(tmp_path / "out"),
         "--confdir", str(project), "-j", "1"],
        cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert "about.html: missing/report.pdf: no such file" in result.stderr
