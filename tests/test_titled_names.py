"""People named by title and surname, and titles inside an organisation's name (issue 11)."""

import pytest

from build_tools.extract import extract
from build_tools.parse import parse_text


def found(body):
    return extract(parse_text(f"Title\n\nWASHINGTON, April 1 - {body}\n", "a.txt"))


@pytest.mark.parametrize("body, name, role", [
    ("President Reagan said he would veto the bill.", "Reagan", "President"),
    ("Fed Chairman Volcker told Congress rates would stay.", "Volcker", "Fed Chairman"),
    ("Chancellor Kohl met the cabinet.", "Kohl", "Chancellor"),
    ("The plan of Treasury Secretary Baker was cited.", "Baker", "Treasury Secretary"),
    ("Prime Minister Nakasone will visit.", "Nakasone", "Prime Minister"),
    ("It was Indonesian Energy Minister Subroto who spoke.", "Subroto",
     "Indonesian Energy Minister"),
])
def test_title_and_surname_is_a_person_with_that_role(body, name, role):
    result = found(body)
    assert name in result.people
    assert result.roles[name] == [role]


def test_full_name_in_the_article_is_kept_alone():
    result = found("Treasury Secretary James Baker spoke. Later Treasury Secretary Baker said no.")
    assert "James Baker" in result.people and "Baker" not in result.people
    assert result.roles["James Baker"] == ["Treasury Secretary"]


@pytest.mark.parametrize("body", [
    "Mr. Baker said the talks would go on.",  # a form of address is no title
    "Baker said the talks would go on.",
    "He is President of McLeod Young Weir.",
    "The Secretary General of the Turkish General Staff spoke.",
    "General Motors said sales fell.",
])
def test_no_surname_only_person_without_a_title(body):
    result = found(body)
    assert not [p for p in result.people if " " not in p]


@pytest.mark.parametrize("body, organization, person, role", [
    ("Bank of Japan Governor Satoshi Sumita said so.", "Bank of Japan", "Satoshi Sumita",
     "Governor"),
    ("Bank of Spain Governor Mariano Rubio said so.", "Bank of Spain", "Mariano Rubio",
     "Governor"),
    ("Federal Reserve Board Chairman Paul Volcker said so.", "Federal Reserve Board",
     "Paul Volcker", "Chairman"),
])
def test_title_inside_an_organisation_splits_off_the_person(body, organization, person, role):
    result = found(body)
    assert organization in result.organizations
    assert person in result.people and result.roles[person] == [role]
    assert not [o for o in result.organizations if person in o]


@pytest.mark.parametrize("body, not_organization", [
    ("Mineral Resources Minister Thandiwe Mokoena urged talks.", "Mineral Resources"),
    ("Chief Financial Officer Jane Roe said so.", "Chief Financial"),
])
def test_portfolio_and_title_words_are_no_organisation(body, not_organization):
    assert not_organization not in found(body).organizations


@pytest.mark.parametrize("body, places, organizations", [
    ("The U.S. Arms sales to Iran and the U.S. Trade deficit grew.", {"United States"}, set()),
    ("U.S. Trade Representative Clayton Yeutter met EC ministers.", {"United States"},
     {"European Community"}),
    ("West Germany and the Soviet Union signed; GATT talks resumed.",
     {"West Germany", "Soviet Union"}, {"General Agreement on Tariffs and Trade"}),
])
def test_older_copy_places_and_bodies(body, places, organizations):
    result = found(body)
    assert places <= set(result.places)
    assert organizations <= set(result.organizations)
    assert not [o for o in result.organizations if o.startswith("U.S. ")]


@pytest.mark.parametrize("body, person, role", [
    # A title word that ends the run is the surname's: "Prince", "King", "Major".
    ("The bank awarded Chief Executive Charles Prince $10 million.", "Charles Prince",
     "Chief Executive"),
    ("Chief Operating Officer Denny Strigl said so.", "Denny Strigl", "Chief Operating Officer"),
    # A compound of titles is a title.
    ('"Enough," AFL-CIO Secretary-Treasurer Richard Trumka said in a statement.',
     "Richard Trumka", "AFL-CIO Secretary-Treasurer"),
])
def test_title_words_in_names_and_compound_titles(body, person, role):
    result = found(body)
    assert person in result.people
    assert role in result.roles[person]
    assert not any(person in org for org in result.organizations)
