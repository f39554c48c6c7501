"""The link checker: finds what breaks a site read from disk, and nothing else."""

from __future__ import annotations

from pathlib import Path

from build_tools.cli import main
from build_tools.linkcheck import Problem, check_site


def site(tmp_path: Path, pages: dict[str, str]) -> Path:
    root = tmp_path / "html"
    for name, body in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return root


def test_a_whole_site_has_no_problems(tmp_path):
    root = site(tmp_path, {
        "index.html": '<link rel="stylesheet" href="_static/a.css"><a href="people/x.html#top">'
                      'x</a><a href="#here" id="here">h</a><a href="https://reuters.com/1">'
                      'original</a><a href="mailto:a@b.c">mail</a><img src="data:image/png;'
                      'base64,AA">',
        "people/x.html": '<h1 id="top">X</h1><a href="../index.html">home</a>'
                         '<img srcset="../_static/i.png 1x, ../_static/i.png 2x">',
        "_static/a.css": "body { background: url('i.png'); }",
        "_static/i.png": "",
    })
    assert check_site(root) == []


def test_every_kind_of_break_is_named_with_its_page(tmp_path):
    root = site(tmp_path, {
        "index.html": '<a href="missing.html">m</a><a href="people/">folder</a>'
                      '<a href="/root.html">root</a><a href="people/x.html#nope">frag</a>'
                      '<script src="https://cdn.example/x.js"></script>'
                      '<link rel="stylesheet" href="//fonts.example/f.css">'
                      '<a href="../../outside.html">out</a>',
        "people/x.html": '<h1 id="top">X</h1>',
        "_static/a.css": "@font-face { src: url(https://fonts.example/f.woff2); }",
    })
    assert check_site(root) == sorted([
        Problem("_static/a.css", "https://fonts.example/f.woff2",
                "outside the site: missing when read offline"),
        Problem("index.html", "missing.html", "no such file"),
        Problem("index.html", "people/", "a folder: needs a server (link to its index.html)"),
        Problem("index.html", "/root.html",
                "a path from the root of the disk: breaks when read from a copy on disk"),
        Problem("index.html", "people/x.html#nope", "no #nope in the page"),
        Problem("index.html", "https://cdn.example/x.js",
                "outside the site: missing when read offline"),
        Problem("index.html", "//fonts.example/f.css",
                "outside the site: missing when read offline"),
        Problem("index.html", "../../outside.html", "outside the site folder"),
    ])


def test_absolute_links_under_the_site_url_are_checked_as_files(tmp_path):
    root = site(tmp_path, {
        "index.html": '<link rel="canonical" href="https://x.github.io/arc/index.html">'
                      '<link rel="alternate" href="https://x.github.io/arc/gone.xml">',
    })
    expected = [Problem("index.html", "https://x.github.io/arc/gone.xml", "no such file")]
    assert check_site(root, "https://x.github.io/arc/") == expected
    # The build's own canonical link says where it is published.
    assert check_site(root) == expected
    assert check_site(root, "https://elsewhere.example/") == []


def test_command_exits_non_zero_and_prints_each_problem(tmp_path, capsys):
    root = site(tmp_path, {"index.html": '<a href="gone.html">g</a>'})
    assert main(["check-links", str(root)]) == 1
    err = capsys.readouterr().err
    assert "index.html: gone.html: no such file" in err and "1 problem" in err
    (root / "gone.html").write_text("", encoding="utf-8")
    assert main(["check-links", str(root)]) == 0


def test_feeds_sitemap_catalog_and_json_ld_are_checked_too(tmp_path):
    root = site(tmp_path, {
        "index.html": '<script type="application/ld+json">{"@type": "NewsArticle", "url": '
                      '"gone.html", "author": [{"url": "people/x.html"}]}</script>',
        "people/x.html": "<h1>X</h1>",
        "people/x.xml": '<feed><link href="x.html" rel="alternate"/>'
                        '<entry><link href="../gone-too.html"/></entry></feed>',
        "sitemap.xml": "<urlset><url><loc>https://x.github.io/arc/people/nobody.html</loc>"
                       "</url></urlset>",
        "catalog.json": '{"articles": [{"url": "people/x.html"}, {"url": "missing.html"}]}',
    })
    assert check_site(root, "https://x.github.io/arc/") == sorted([
        Problem("index.html", "gone.html", "no such file"),
        Problem("people/x.xml", "../gone-too.html", "no such file"),
        Problem("sitemap.xml", "https://x.github.io/arc/people/nobody.html", "no such file"),
        Problem("catalog.json", "missing.html", "no such file"),
    ])


def test_folder_links_are_fine_only_when_asked(tmp_path):
    root = site(tmp_path, {"index.html": '<a href="people/">p</a>',
                           "people/index.html": "<h1>P</h1>"})
    assert [p.reason for p in check_site(root)] == [
        "a folder: needs a server (link to its index.html)"]
    assert check_site(root, folders=True) == []
