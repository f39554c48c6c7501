"""The 300 real Reuters articles beside the checkout: they convert and build, losing no text."""

import datetime as dt
import re
from pathlib import Path

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
        paragraphs = list(parsed.paragraphs)
        if parsed.layout == "header" and parsed.byline and not header(path)[1]:
            # A byline printed in the body ("By Eric Auchard SAN FRANCISCO ...") moved out of
            # the paragraph it opened, the dateline's.
            paragraphs.insert(parsed.dateline_paragraph, parsed.byline)
        kept = " ".join((*paragraphs, parsed.credit_line or ""))
        if parsed.layout == "plain":
            kept = " ".join((parsed.title, parsed.byline or "", kept))
        assert words(kept) == words(body), path.name


def header(path: Path) -> list[str]:
    """The four ``-- `` header lines: title, byline, date, URL."""
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")[:4]
    return [" ".join(line[2:].split()) for line in lines]


#: Bylines printed in the body when the header has none.
BODY_BYLINES = {"electronics-show-yahoo-idUSN0840748620070109.txt": ("Eric Auchard",)}
#: Labels after the names in a header byline.
BYLINE_LABELS = re.compile(r"\s*(?:, Investment Correspondent)?\s*(?:- Analysis)?$")
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def expected(path: Path) -> dict:
    """Title, authors, date and URL read straight from the header, independently of the parser."""
    title, byline, printed, url = header(path)
    names = BYLINE_LABELS.sub("", byline.removeprefix("By ")) if byline else ""
    authors = tuple(n for n in re.split(r"\s*,\s*|\s+and\s+", names) if n)
    month, day, year = re.match(r"\w{3} (\w{3}) (\d+), (\d{4}) ", printed).groups()
    return {
        "title": title,
        "authors": authors or BODY_BYLINES.get(path.name, ()),
        # The printed day in the printed zone: 11:48pm EDT on the 23rd is the 23rd.
        "date": dt.date(int(year), MONTHS.index(month) + 1, int(day)),
        "url": url,
    }


def test_title_authors_date_url_and_dateline():
    checked = 0
    for path in sorted(CORPUS.glob("*.txt")):
        text, _ = read_article_text(path.read_bytes(), path.name)
        try:
            parsed = parse_text(text, path.name)
        except Exception:
            continue  # reported as failed; checked below
        got = {"title": parsed.title, "authors": parsed.authors, "date": parsed.date,
               "url": parsed.url}
        assert got == expected(path), path.name
        assert parsed.dateline is not None, path.name
        checked += 1
    assert checked == 299


@pytest.mark.parametrize("name, dateline, paragraph", [
    # After a correction or an editor's note.
    ("businesspro-cisco-results-corrected-dc-idUSHER77889720071107.txt", "NEW YORK (Reuters)", 1),
    ("electronics-show-yahoo-idUSN0840748620070109.txt", "SAN FRANCISCO Jan 8 (Reuters)", 1),
    # In mixed case, without a place, or with a date but no place.
    ("us-autos-usa-chart-idUSN0354245720070403.txt", "Chicago (Reuters)", 0),
    ("us-usa-subprime-factbox-idUSN1432410220070315.txt", "(Reuters)", 0),
    ("us-factbox-financiallayoffs-idUSN0241510520071002.txt", "(Reuters)", 0),
    ("us-autos-usa-gm-table-idUSN0139930420070301.txt", "(Reuters)", 0),
    ("us-insidertrading-examples-idUSN0142773220070302.txt", "March 1 - (Reuters)", 0),
])
def test_datelines_once_missed(name, dateline, paragraph):
    path = CORPUS / name
    parsed = parse_text(read_article_text(path.read_bytes(), name)[0], name)
    assert (parsed.dateline.text, parsed.dateline_paragraph) == (dateline, paragraph)
    assert parsed.dateline.agency == "Reuters"


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


def test_person_index_holds_people():
    """No weekdays, months, agencies, desks, countries, cities or companies filed as people."""
    from build_tools.extract import extract
    from build_tools.extract.organizations import ORG_SUFFIXES
    from build_tools.extract.places import canonical_place
    from build_tools.extract.spans import MONTHS, WEEKDAYS

    people = set()
    for path in sorted(CORPUS.glob("*.txt")):
        try:
            parsed = parse_text(read_article_text(path.read_bytes(), path.name)[0], path.name)
        except Exception:
            continue
        people.update(extract(parsed).people)
    assert len(people) > 400
    for name in people:
        words = name.split()
        assert not {w.casefold() for w in words} & (WEEKDAYS | MONTHS), name
        assert not {"Reuters", "Newsroom", "Desk", "Bloomberg"} & set(words), name
        assert words[-1] not in ORG_SUFFIXES, name
        assert canonical_place(name) is None, name
    companies = {"Bear Stearns", "Morgan Stanley", "Northern Rock", "Sprint Nextel",
                 "Hutchison Whampoa", "Washington Mutual", "Tokyo Electron", "Verizon Wireless",
                 "Toll Brothers", "Best Buy", "Chicago Newsroom", "Nokia Oyj"}
    assert not people & companies
