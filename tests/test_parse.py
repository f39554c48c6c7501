import datetime as dt

import pytest

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
    ],
)
def test_dateline(text, places, region, agency):
    dateline = parse_dateline(text)
    assert (dateline.places, dateline.region, dateline.agency) == (places, region, agency)


@pytest.mark.parametrize("text", ["Officials (who declined) - said", "The U.S. (Reuters) - x"])
def test_not_a_dateline(text):
    assert parse_dateline(text) is None


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
