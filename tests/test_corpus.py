"""The 300 real Reuters articles beside the checkout: they convert and build, losing no text."""

import re

import pytest

from build_tools.convert import FAILED
from build_tools.parse import parse_text
from build_tools.reading import read_article_text
from conftest import CORPUS, make_project, sphinx_build

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout"),
]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_every_word_is_kept_by_the_parser():
    for path in sorted(CORPUS.glob("*.txt")):
        raw = path.read_bytes()
        text, _ = read_article_text(raw, path.name)
        try:
            parsed = parse_text(text, path.name)
        except Exception:
            continue  # reported as failed; checked below
        body = text.split("\n", 4)[4] if parsed.layout == "header" else text
        kept = " ".join((*parsed.paragraphs, parsed.credit_line or ""))
        if parsed.layout == "plain":
            kept = " ".join((parsed.title, parsed.byline or "", kept))
        assert words(kept) == words(body), path.name


def test_corpus_builds(tmp_path):
    project = make_project(tmp_path, CORPUS)
    from conftest import convert

    report = convert(project)
    failed = [r.file for r in report.inputs if r.status == FAILED]
    assert failed == ["us-mattel-lawsuit-idUSN1138418120071011.txt"]  # header, no body
    result = sphinx_build(project, "-j", "2")
    assert "Traceback" not in result.stderr
    html = project / "build" / "html"
    assert len(list((html / "articles").glob("*.html"))) == len(report.inputs) - 1
    assert (html / "dates" / "2007-01.html").exists()
