import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from build_tools.errors import ArchiveError
from build_tools.parse import (
    parse_byline,
    parse_credit_line,
    parse_dateline,
    parse_header_date,
    parse_text,
)
from conftest import ARTICLES, SAMPLE


@pytest.mark.parametrize(
    "line, names",
    [
        ("By Jose Torres", ("Jose Torres",)),
        ("By Dave Graham and Kanishka Singh", ("Dave Graham", "Kanishka Singh")),
        ("By A. Smith, Jean-Luc O'Neill and María José García",
         ("A. Smith", "Jean-Luc O'Neill", "María José García")),
        ("By  Sinead Carew  - Analysis", ("Sinead Carew",)),
        ("By Gill Tudor, Investment Correspondent - Analysis", ("Gill Tudor",)),
        ("Byzantine empire falls", None),
        ("By the way, this is not a byline at all and goes on", None),
    ],
)
def test_byline(line, names):
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    "text, places, region, agency",
    [
        ("VILLA COMALTITLAN (Reuters) – Thousands", ("VILLA COMALTITLAN",), None, "Reuters"),
        ("CALGARY/LONDON (Reuters) - Oil", ("CALGARY", "LONDON"), None, "Reuters"),
        ("SAN JOSE, Costa Rica (AFP) — A", ("SAN JOSE",), "Costa Rica", "AFP"),
        ("PARIS  (Reuters) - Airbus", ("PARIS",), None, "Reuters"),
        ("Chicago  (Reuters) - The", ("Chicago",), None, "Reuters"),
        ("Rio de Janeiro (AFP) - A", ("Rio de Janeiro",), None, "AFP"),
        ("Mountain View, California (Reuters) - G", ("Mountain View",), "California", "Reuters"),
        ("(Reuters) - Subprime", (), None, "Reuters"),
    ],
)
def test_dateline(text, places, region, agency):
    dateline = parse_dateline(text)
    assert (dateline.places, dateline.region, dateline.agency) == (places, region, agency)


@pytest.mark.parametrize(
    "text, printed, place, region, month_day_year",
    [
        ("WASHINGTON, Dec 26 (Reuters) - x", "WASHINGTON, Dec 26 (Reuters)", "WASHINGTON", None,
         (12, 26, None)),
        ("LONDON, March 3, 2008 (Reuters) - x", "LONDON, March 3, 2008 (Reuters)", "LONDON",
         None, (3, 3, 2008)),
        ("PARIS, 12 January 2024 (AFP) - x", "PARIS, 12 January 2024 (AFP)", "PARIS", None,
         (1, 12, 2024)),
        ("SAN FRANCISCO  Jan 8 (Reuters) - x", "SAN FRANCISCO Jan 8 (Reuters)", "SAN FRANCISCO",
         None, (1, 8, None)),
        ("SAN JOSE, Costa Rica, Sept. 4th (AFP) — x", "SAN JOSE, Costa Rica, Sept. 4th (AFP)",
         "SAN JOSE", "Costa Rica", (9, 4, None)),
        ("March 1 -  (Reuters) - x", "March 1 - (Reuters)", None, None, (3, 1, None)),
        # A weekday is printed, but it is no date.
        ("WASHINGTON, Tuesday (Reuters) - x", "WASHINGTON, Tuesday (Reuters)", "WASHINGTON",
         None, (None, None, None)),
    ],
)
def test_dated_dateline(text, printed, place, region, month_day_year):
    dateline = parse_dateline(text)
    assert dateline.text == printed
    assert dateline.places == ((place,) if place else ())
    assert dateline.region == region
    assert (dateline.month, dateline.day, dateline.year) == month_day_year


@pytest.mark.parametrize("text", [
    "Officials (who declined) - said", "The U.S. (Reuters) - x",
    "Chicago (who knows) - x",  # mixed case needs a wire agency
    "In Chicago (Reuters) - x",  # a sentence, not a place
    "(Corrects paragraph 3) - x", "(who) - x",
])
def test_not_a_dateline(text):
    assert parse_dateline(text) is None


DATELINES = Path(__file__).parent / "data" / "datelines"
EXPECTED = yaml.safe_load((DATELINES / "expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_dateline_fixtures(name):
    """Each fixture beside what the parser must find in it, and every word kept."""
    text = (DATELINES / name).read_text(encoding="utf-8")
    parsed = parse_text(text, name)
    want = EXPECTED[name]
    assert parsed.dateline.text == want["dateline"]
    assert list(parsed.dateline.places) == want["places"]
    assert parsed.dateline.agency == want["agency"]
    assert parsed.dateline_paragraph == want["dateline_paragraph"]
    opening = parsed.paragraphs[want["dateline_paragraph"]]
    assert " ".join(opening.split()).startswith(want["dateline"])  # kept in the text
    assert parsed.date == want["date"]
    assert parsed.date_source == want["date_source"]
    assert list(parsed.authors) == want["authors"]
    kept = " ".join((parsed.title, parsed.byline or "", *parsed.paragraphs))
    assert re.findall(r"\w+", kept) == re.findall(r"\w+", text)


def test_every_fixture_is_listed():
    assert {p.name for p in DATELINES.glob("*.txt")} == set(EXPECTED)


DEC_26 = "Senate returns\n\nWASHINGTON, Dec 26 (Reuters) - Senators returned.\n"


@pytest.mark.parametrize(
    "filename, date",
    [
        ("2023/senate.txt", dt.date(2023, 12, 26)),  # a folder names the year
        ("2023-senate.txt", dt.date(2023, 12, 26)),  # so does a name starting with one
        ("senate.txt", None),  # no year anywhere: not guessed
        ("top-2000-senators.txt", None),  # digits inside a name are no year
        ("2022-01-05-senate.txt", dt.date(2022, 1, 5)),  # the file name's full date wins
    ],
)
def test_date_from_dateline_needs_a_year(filename, date):
    assert parse_text(DEC_26, filename).date == date


def test_printed_year_needs_no_help():
    text = DEC_26.replace("Dec 26", "Dec 26, 2019")
    parsed = parse_text(text, "senate.txt")
    assert (parsed.date, parsed.date_source) == (dt.date(2019, 12, 26), "dateline")


def test_header_date_wins_over_dateline():
    text = ("-- Title\n-- \n-- Mon Jan 8, 2007 9:12pm EST\n-- http://example.com/a\n\n"
            "SAN FRANCISCO  Jan 7 (Reuters) - Text.\n")
    parsed = parse_text(text, "a.txt")
    assert (parsed.date, parsed.date_source) == (dt.date(2007, 1, 8), "header")


def test_weekday_words_give_no_date():
    parsed = parse_text("Quiet day\n\nStocks rose on Monday, Dec. 3, after a quiet Sunday.\n",
                        "2023/quiet.txt")
    assert parsed.dateline is None and parsed.date is None


def test_dateline_is_looked_for_only_after_notes():
    text = "Title\n\nAn ordinary first paragraph.\n\nLONDON (Reuters) - Not a dateline here.\n"
    assert parse_text(text, "a.txt").dateline is None


def test_inline_byline_in_header_layout_moves_to_the_byline():
    text = ("-- CES-Yahoo redesigns search\n-- \n-- Mon Jan 8, 2007 9:12pm EST\n"
            "-- http://example.com/a\n\n  (For more stories go to\n here ) \n\n"
            "  By  Eric Auchard SAN FRANCISCO  Jan 8 (Reuters) - Yahoo Inc. said.\n")
    parsed = parse_text(text, "a.txt")
    assert parsed.authors == ("Eric Auchard",)
    assert parsed.byline == "By Eric Auchard"
    assert parsed.paragraphs[1] == "SAN FRANCISCO  Jan 8 (Reuters) - Yahoo Inc. said."
    assert parsed.dateline.places == ("SAN FRANCISCO",)


def test_inline_byline_stays_when_the_header_names_the_authors():
    text = ("-- Title\n-- By Jane Doe\n-- Mon Jan 8, 2007 9:12pm EST\n-- http://example.com/a\n\n"
            "By Jane Doe LONDON (Reuters) - Text.\n")
    parsed = parse_text(text, "a.txt")
    assert parsed.authors == ("Jane Doe",)
    assert parsed.paragraphs[0] == "By Jane Doe LONDON (Reuters) - Text."
    assert parsed.dateline.text == "LONDON (Reuters)"


@pytest.mark.parametrize("byline", ["By", "By ", "by", "By:", "BY :", "By -", "By –"])
@pytest.mark.parametrize("gap", ["\n\n", "\n"])  # the dateline as the next paragraph or line
def test_byline_with_no_name_does_not_hide_the_dateline(byline, gap):
    text = f"Caravan moves north\n{byline}{gap}VILLA COMALTITLAN (Reuters) - Thousands walked.\n"
    parsed = parse_text(text, "a.txt")
    assert parsed.dateline is not None and parsed.dateline.places == ("VILLA COMALTITLAN",)
    assert parsed.authors == ()
    assert parsed.paragraphs == ("VILLA COMALTITLAN (Reuters) - Thousands walked.",)
    assert parsed.byline == " ".join(byline.split())  # accounted for, as printed
    assert parsed.warnings == (f"a byline that names no one ({parsed.byline!r}); ignored",)


def test_byline_with_a_colon():
    parsed = parse_text("Title\nBy: Jane Doe\n\nLONDON (Reuters) - Text.\n", "a.txt")
    assert (parsed.authors, parsed.byline, parsed.warnings) == (("Jane Doe",), "By: Jane Doe", ())
    assert parse_text("Title\nBy:\nChicago (Reuters) - Text.\n", "a.txt").dateline.text == (
        "Chicago (Reuters)")


@pytest.mark.parametrize("text, paragraphs", [
    ("Title\nBy\nfoo bar.\n", ("By foo bar.",)),  # the first word of a paragraph
    ("Title\n\nBy\n", ("By",)),  # the whole body
])
def test_by_that_is_text_stays(text, paragraphs):
    parsed = parse_text(text, "a.txt")
    assert (parsed.byline, parsed.paragraphs, parsed.warnings) == (None, paragraphs, ())


def test_short_paragraph_after_a_byline_line_is_not_the_byline():
    """"By Jose Torres" and a six-word dateline paragraph on the next line make one block."""
    parsed = parse_text("Title\nBy Jose Torres\nMEXICO CITY (Reuters) - Short.\n", "a.txt")
    assert parsed.authors == ("Jose Torres",)
    assert parsed.paragraphs == ("MEXICO CITY (Reuters) - Short.",)


def test_credit_line_roles_and_places():
    credits, places = parse_credit_line(
        "(Reporting by A One in Paris and B Two; Additional reporting by C Three; "
        "Writing by D Four; Editing by E Five and F Six)"
    )
    assert credits == {
        "reporting": ["A One", "B Two"],
        "additional reporting": ["C Three"],
        "writing": ["D Four"],
        "editing": ["E Five", "F Six"],
    }
    assert places == {"A One": "Paris"}


def test_sample_structure():
    parsed = parse_text(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)
    assert parsed.layout == "plain"
    assert parsed.title == "Migrant caravan advances north as U.S. officials head to Mexico"
    assert parsed.authors == ("Jose Torres",)
    assert parsed.dateline.text == "VILLA COMALTITLAN (Reuters)"
    assert parsed.credits == {"reporting": ["Jose Torres"], "editing": ["Aurora Ellis"]}
    assert parsed.credit_line == "(Reporting by Jose Torres in Chiapas; Editing by Aurora Ellis)"
    assert len(parsed.paragraphs) == 12
    assert parsed.date is None  # never invented


def test_header_layout():
    path = ARTICLES / "header-layout.txt"
    parsed = parse_text(path.read_text(encoding="utf-8"), path.name)
    assert parsed.layout == "header"
    assert parsed.title == "Airline orders climb as fuel prices ease"
    assert parsed.authors == ("Tim Hepher",)
    assert parsed.date == dt.date(2007, 1, 17)
    assert parsed.url.startswith("http://www.example.com/")
    assert parsed.credits == {"editing": ["Jason Neely"]}
    # Paragraphs run together with two spaces are split; hard-wrapped lines are joined.
    assert parsed.paragraphs[1] == "Gallois said Airbus expected to deliver 440 planes this year."


def test_header_date_is_the_printed_day():
    assert parse_header_date("Mon Oct 23, 2006 11:48pm EDT") == dt.date(2006, 10, 23)


def test_date_from_file_name():
    path = ARTICLES / "2023-12-26-biden-border.txt"
    assert parse_text(path.read_text(encoding="utf-8"), path.name).date == dt.date(2023, 12, 26)


@pytest.mark.parametrize("text, reason", [("", "empty"), ("\n \n", "empty"),
                                          ("Only a title\n", "no body")])
def test_bad_input(text, reason):
    with pytest.raises(ArchiveError, match=reason) as info:
        parse_text(text, "bad.txt")
    assert str(info.value).startswith("bad.txt: ")
