"""Lossless, end to end: generated articles full of Markdown, MyST and HTML specials and
non-ASCII text go through the converter and a real Sphinx build, and every paragraph is on its
page exactly as written (white space normalised)."""

from __future__ import annotations

import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from build_tools.convert import DUPLICATE
from build_tools.parse import parse_text
from conftest import REPO, convert, sphinx_build

#: Single characters that mean something to CommonMark, MyST, docutils or HTML.
SPECIALS = list("\\`*_[]{}<>&|$~#!%+-=:.()^\"'/@;,?0123456789") + [" ", "\t"]
#: Text in other scripts, accents (precomposed and combining), typography and emoji.
LETTERS = [*"aZqéßØñçüΩπжЖ中文日本語한국어עבריתالعربية’‘“”—–…€\u00a0", "e\u0301", "🙂", "👍🏽"]
#: Whole constructs, so the generator reaches them without luck.
SNIPPETS = [
    "<script>alert(1)</script>", "<b>bold</b>", "<!-- c -->", "<br>", "&amp;", "&copy;",
    "&#x41;", "&nbsp;", "**strong**", "*em*", "_em_", "__x__", "`code`", "``x``", "~~del~~",
    "[a](http://x.y)", "![i](x.png)", "<https://a.b>", "https://example.com", "[^1]",
    "$x^2$", "$$", "| a | b |", "|---|", ":::{note}", "```{raw} html", "~~~", "(target)=",
    "% comment", "+++", "---", "***", "# h", "## h #", "> quote", "- item", "* item",
    "+ item", "1. item", "2) item", "{{ jinja }}", "{% x %}", "{.cls}", "{#id}", ":role:`x`",
    "{eval-rst}`x`", "|sub|", ".. raw:: html", "::", "\\*", "\\", "By", "(Reuters)", "–",
]
TOKEN = st.one_of(st.sampled_from(SNIPPETS),
                  st.lists(st.sampled_from(SPECIALS + LETTERS), min_size=1, max_size=10)
                  .map("".join))
LINE = st.lists(TOKEN, min_size=1, max_size=10).map(" ".join).filter(str.strip)
PARAGRAPH = st.lists(LINE, min_size=1, max_size=3).map("\n".join)
ARTICLE = st.builds(lambda title, body: f"{title}\n\n" + "\n\n".join(body) + "\n",
                    LINE, st.lists(PARAGRAPH, min_size=1, max_size=5))


def norm(text: str) -> str:
    return " ".join(text.split())


def blocks(text: str) -> list[str]:
    """Blank-line-separated blocks of *text*, each normalised: what a reader calls paragraphs."""
    out: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [norm(" ".join(b)) for b in out if b]


class ArticlePage(HTMLParser):
    """The title and the text paragraphs of an article page (the header and footer that the
    site adds around the text, and the heading's permalink, left out)."""

    SKIP = {"news-article-meta", "news-article-terms", "headerlink"}

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.title = ""
        self.paragraphs: list[str] = []
        self._in_main = 0
        self._skip = 0
        self._target: str | None = None
        self._text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attrs = dict(attrs)
        if self._in_main:
            self._in_main += 1
            if self._skip or self.SKIP & set((attrs.get("class") or "").split()):
                self._skip += 1
            elif tag in ("h1", "p") and self._target is None:
                self._target, self._text = tag, []
        elif attrs.get("id") == "furo-main-content":
            self._in_main = 1

    def handle_endtag(self, tag: str) -> None:
        if not self._in_main:
            return
        self._in_main -= 1
        if self._skip:
            self._skip -= 1
        elif tag == self._target:
            text = norm("".join(self._text))
            if tag == "h1":
                self.title = text
            else:
                self.paragraphs.append(text)
            self._target = None

    def handle_data(self, data: str) -> None:
        if self._target and not self._skip:
            self._text.append(data)


def expected(text: str, name: str) -> tuple[str, list[str]]:
    """The title and paragraphs an input's page must show, and a check that the parser
    accounted for every block of the body."""
    parsed = parse_text(text, name)
    shown = [norm(p) for p in (*parsed.paragraphs, parsed.credit_line) if p]
    body = blocks(text)[1:]
    if parsed.byline:  # shown in the page header, with links, not as a paragraph
        assert body[0] == norm(parsed.byline)
        body = body[1:]
    assert " ".join(shown) == " ".join(body), f"{name}: the parser lost or changed text"
    return norm(parsed.title), shown


@settings(max_examples=3, deadline=None, phases=(Phase.explicit, Phase.generate),
          suppress_health_check=list(HealthCheck))
@given(st.lists(ARTICLE, min_size=15, max_size=20, unique=True))
def test_every_paragraph_reaches_its_page_unchanged(articles):
    # No shrinking (each step is a Sphinx build); the assertion names the article instead.
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copytree(REPO / "source", project / "source",
                        ignore=shutil.ignore_patterns("articles"))
        shutil.copy(REPO / "conf.py", project)
        (project / "seeds").mkdir()
        for i, text in enumerate(articles):
            (project / "seeds" / f"{i:02d}.txt").write_text(text, encoding="utf-8")
        report = convert(project)
        assert not report.failed, [r.error for r in report.failed]
        result = sphinx_build(project)
        assert "Traceback" not in result.stderr
        for entry in report.inputs:
            if entry.status == DUPLICATE:
                continue
            text = (project / "seeds" / entry.file).read_text(encoding="utf-8")
            title, paragraphs = expected(text, entry.file)
            page = project / "build" / "html" / "articles" / (entry.output[:-3] + ".html")
            shown = ArticlePage(page.read_text(encoding="utf-8"))
            assert shown.title == title, f"{entry.file}: {text!r}"
            assert shown.paragraphs == paragraphs, f"{entry.file}: {text!r}"


def test_page_reader_sees_only_the_text():
    """The checker itself: header, footer and permalink are not taken for article text."""
    page = ArticlePage(
        '<nav><p>menu</p></nav><article role="main" id="furo-main-content"><section>'
        '<h1>A &lt;b&gt; title<a class="headerlink" href="#a">¶</a></h1>'
        '<div class="news-article-meta docutils container"><p class="news-byline">By X</p>'
        '</div><p>One  <em>two</em>\n&amp;</p><p class="credits">(Editing by Y)</p>'
        '<div class="news-article-terms"><p>Tags: z</p></div></section></article><p>foot</p>'
    )
    assert page.title == "A <b> title"
    assert page.paragraphs == ["One two &", "(Editing by Y)"]
