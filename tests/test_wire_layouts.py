"""Older and other wire layouts (issue 11): datelines that print no agency, titles in capitals,
sign-offs, run-in headings, tickers in angle brackets and credit lines with a stray separator."""

import pytest

from build_tools.extract import body_text, extract
from build_tools.parse import parse_dateline, parse_text


@pytest.mark.parametrize(
    "text, places, region, month, day, year, rest",
    [
        ("WASHINGTON, April 1 - Senate majority leader", ("WASHINGTON",), None, 4, 1, None,
         "Senate majority leader"),
        ("WARSAW, March 26  - The Polish government", ("WARSAW",), None, 3, 26, None,
         "The Polish government"),
        ("LONDON, March 3, 1987 - Shares", ("LONDON",), None, 3, 3, 1987, "Shares"),
        ("LAGOS, APRIL 9 - NIGERIAN OIL", ("LAGOS",), None, 4, 9, None, "NIGERIAN OIL"),
        ("KNOKKE-HEIST, Belgium, April 5 - European", ("KNOKKE-HEIST",), "Belgium", 4, 5, None,
         "European"),
        ("BEAVER CREEK, Colo., June 29 - President", ("BEAVER CREEK",), "Colo.", 6, 29, None,
         "President"),
        ("OSAKA, JAPAN, April 27 - New York", ("OSAKA",), "JAPAN", 4, 27, None, "New York"),
    ],
)
def test_dateline_without_agency(text, places, region, month, day, year, rest):
    dateline = parse_dateline(text)
    assert dateline is not None
    assert (dateline.places, dateline.region, dateline.agency) == (places, region, None)
    assert (dateline.month, dateline.day, dateline.year) == (month, day, year)
    assert text[dateline.end:] == rest


@pytest.mark.parametrize(
    "text",
    [
        "The President, April 1 - the day",  # a sentence, not a place in capitals
        "IBM said on April 1 - at last",  # no comma before the date
        "NEW YORK - no date, so no dateline without an agency",
        "BY WASHINGTON, April 1 - a byline word",
        "Shares rose, April 1 - a sentence",
    ],
)
def test_not_a_dateline_without_agency(text):
    assert parse_dateline(text) is None


STORY_1987 = """POLAND FIRM ON ECONOMY DESPITE CONCESSIONS

WASHINGTON, April 1 - Senate majority leader Robert Byrd said the Senate would vote. Chancellor Helmut Kohl of BONN agreed.

Treasury Secretary James Baker said the dollar was stable. REUTER
"""


def test_story_of_1987_dateline_title_and_sign_off():
    parsed = parse_text(STORY_1987, "r21578-1.txt")
    assert parsed.title == "POLAND FIRM ON ECONOMY DESPITE CONCESSIONS"  # kept as printed
    assert parsed.dateline.text == "WASHINGTON, April 1"
    assert parsed.dateline.agency is None
    assert parsed.sign_off == "REUTER"
    assert parsed.paragraphs[-1].endswith("stable. REUTER")  # kept as text
    assert "REUTER" not in body_text(parsed) and "WASHINGTON" not in body_text(parsed)
    found = extract(parsed)
    assert found.roles["Robert Byrd"] == ["Senate majority leader"]  # no "- " from the dash
    assert "REUTER" not in found.organizations and "BONN" not in found.organizations
    assert found.location == "Washington"


@pytest.mark.parametrize("ending, sign_off", [
    ("stable.\n\nREUTER", "REUTER"),
    ("stable.\nReuter", "Reuter"),
    ("stable. AP", "AP"),
    ("stable.\n\ndpa xx", "dpa xx"),
    ("stable, said the AP", None),  # a sentence that ends with a name is no sign-off
])
def test_sign_offs(ending, sign_off):
    parsed = parse_text(f"Title\n\nLONDON, April 2 - The pound was {ending}\n", "a.txt")
    assert parsed.sign_off == sign_off
    if sign_off:
        found = extract(parsed)
        assert not {"REUTER", "Reuter", "AP", "Associated Press", "dpa"} & set(
            found.organizations)


def test_run_in_headings_are_paragraphs_of_their_own():
    text = ("-- Stocks end flat\n-- \n-- Mon Jan 8, 2007 9:12pm EST\n-- http://example.com/a\n\n"
            "NEW YORK (Reuters) - Stocks finished flat at 502.77. TRACKING DECEMBER SALES "
            "Investors carefully watch retailers. SPECIAL ITEMS Sears Holdings' one-time items "
            "rose. IBM CEO Sam Palmisano said so.\n")
    parsed = parse_text(text, "a.txt")
    assert parsed.paragraphs == (
        "NEW YORK (Reuters) - Stocks finished flat at 502.77.", "TRACKING DECEMBER SALES",
        "Investors carefully watch retailers.", "SPECIAL ITEMS",
        "Sears Holdings' one-time items rose. IBM CEO Sam Palmisano said so.")
    found = extract(parsed)
    assert "Sears Holdings" in found.organizations or "Sears" in found.organizations
    assert not {"TRACKING", "SPECIAL ITEMS Sears Holdings", "SPECIAL ITEMS"} & set(
        found.organizations)


def test_credit_line_with_a_trailing_separator():
    parsed = parse_text("Title\n\nLONDON (Reuters) - Text here. (Reporting by Nicole Maestri; "
                        "Editing by  Andre Grenon ; )\n", "a.txt")
    assert parsed.credits == {"reporting": ["Nicole Maestri"], "editing": ["Andre Grenon"]}
    assert parsed.paragraphs == ("LONDON (Reuters) - Text here.",)


def test_tickers_and_codes_are_never_entities():
    text = ("Title\n\nNEW YORK (Reuters) - Rivals such as UAL Corp.'s UAUA.O United Airlines "
            "fell. The Nasdaq Composite Index  .IXIC  rose. January crude CLF8 settled down. "
            "Bonds NRP290 rose. The sale to Cerberus CBS.UL closed. <Texas Air Corp> bought "
            "<TWA> and <TSBA.T> shares.\n")
    found = extract(parse_text(text, "a.txt"))
    assert {"United Airlines", "Cerberus", "Texas Air"} <= set(found.organizations)
    assert not {"UAUA.O United Airlines", "IXIC", "CLF8", "NRP290", "Cerberus CBS.UL", "TWA",
                "TSBA.T"} & set(found.organizations)
