"""What must not become an organisation, place or person in real wire copy (issue 11)."""

import pytest

from build_tools.extract import extract
from build_tools.parse import parse_text


def found(body):
    return extract(parse_text(f"Title\n\nNEW YORK (Reuters) - {body}\n", "a.txt"))


@pytest.mark.parametrize("body, wrong, right", [
    ("Shares of JPMorgan Chase & Co. JPM.N rose.", "JPMorgan Chase &", "JPMorgan Chase"),
    ("It sold ACCREDITED HOME LENDERS HOLDING assets to Accredited Home Lenders.",
     "ACCREDITED HOME LENDERS HOLDING", None),
    ("The CUSTOMERS said so.", "CUSTOMERS", None),
    ("Mergers, or M & A, rose.", "M & A", None),
    ("Sony's PlayStation Portable sold well, as did NAND chips.", "PlayStation Portable", None),
    ("It said Current Analysis analyst Avi Greengart was right.", "Avi Greengart", None),
    ("But Ros-Lehtinen, the senior Republican on the House Foreign Affairs Committee, said no.",
     "Republican on the House Foreign Affairs Committee", "House Foreign Affairs Committee"),
])
def test_not_organisations(body, wrong, right):
    result = found(body)
    assert wrong not in result.organizations
    if right:
        assert right in result.organizations


@pytest.mark.parametrize("body, name, kind", [
    ("It owns the Ashland Daily Tidings in Oregon.", "Ashland Daily Tidings", "places"),
    ("It focuses on LCD TVs now.", "LCD TVs", "places"),
    ("Merck Finck said in a report that backlogs fell.", "Merck Finck", "people"),
    ("It was good, said Current Analysis analyst Avi Greengart.", "Current Analysis", "people"),
])
def test_not_places_or_people(body, name, kind):
    assert name not in getattr(found(body), kind)


def test_possessive_after_a_split_title():
    result = found("Former Federal Reserve Chairman Alan Greenspan's warning was heard.")
    assert "Alan Greenspan" in result.people and "Alan Greenspan's" not in result.people


def test_acronym_and_spelled_out_name_are_one_entry():
    result = found("The Organization of Petroleum Exporting Countries (OPEC) met. OPEC said no. "
                   "The U.S. Federal Energy Regulatory Commission (FERC) agreed; FERC said so.")
    assert "OPEC" in result.organizations
    assert "Federal Energy Regulatory Commission" in result.organizations
    assert not {"Organization of Petroleum Exporting Countries", "FERC",
                "U.S. Federal Energy Regulatory Commission"} & set(result.organizations)
