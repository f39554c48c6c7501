"""Tags need words that mean their subject where the text prints them (issue 11): a word inside
a compound or a longer name is no evidence."""

from pathlib import Path

import pytest

from build_tools.extract.registry import load_taxonomy
from build_tools.extract.tags import TagRule, tag_evidence

DIPLOMACY = (TagRule("diplomacy", ("embassy", "summit", "secretary of state", "ambassador"), 2),)
CLIMATE = (TagRule("climate", ("carbon",), 2),)


def test_a_word_of_a_longer_name_does_not_count():
    text = ("Blackstone owns Embassy Suites. At the Reuters Media Summit, he spoke. "
            "Embassy Suites hotels did well.")
    assert tag_evidence(text, DIPLOMACY) == {}


def test_a_title_inside_a_name_counts():
    text = "Secretary of State Condoleezza Rice met Ambassador John Bolton."
    assert tag_evidence(text, DIPLOMACY) == {
        "diplomacy": {"secretary of state": 1, "ambassador": 1}}


def test_the_word_itself_counts_capitalised_or_not():
    text = "The embassy was closed. Embassy staff left. The summit ended; Summit talks failed."
    assert tag_evidence(text, DIPLOMACY)["diplomacy"] == {"embassy": 2, "summit": 2}


def test_a_word_inside_a_compound_does_not_count():
    assert tag_evidence("Its carbon-composite wings, carbon-fiber body.", CLIMATE) == {}
    assert tag_evidence("Carbon emissions and carbon taxes.", CLIMATE) == {
        "climate": {"carbon": 2}}


def test_plurals_and_possessives_count():
    rules = (TagRule("energy", ("barrel", "opec"), 2),)
    assert tag_evidence("OPEC's output, 90 barrels a day.", rules) == {
        "energy": {"barrel": 1, "opec": 1}}


@pytest.mark.parametrize("text, tag", [
    ("Merger talks went on. The talks with Countrywide resumed.", "diplomacy"),
    ("Shareholders will vote on the deal; the vote is set for May. Fed voters differ.",
     "elections"),
    ("Teamsters vote to represent mechanics; the union vote was close.", "elections"),
    ("The 787 is built of carbon-composite materials; carbon fibre is light.", "climate"),
])
def test_the_archive_taxonomy_needs_more_than_ambiguous_words(text, tag):
    rules = load_taxonomy(Path(__file__).parent.parent / "tags.yaml")
    assert tag not in tag_evidence(text, rules)


@pytest.mark.parametrize("text, tag", [
    ("The foreign minister met the U.S. ambassador before peace talks.", "diplomacy"),
    ("Voters go to the polls in a presidential election; turnout in the last election was low.",
     "elections"),
    ("Climate change and greenhouse gas emissions were discussed.", "climate"),
])
def test_the_archive_taxonomy_still_tags_its_subjects(text, tag):
    rules = load_taxonomy(Path(__file__).parent.parent / "tags.yaml")
    assert tag in tag_evidence(text, rules)


def test_a_recurring_title_is_one_piece_of_evidence():
    text = ("The chairman wrote to India's Ambassador in Washington, Ronen Sen. The company "
            "thanked the ambassador for his efforts.")
    assert tag_evidence(text, DIPLOMACY) == {}
    assert "diplomacy" in tag_evidence(text + " The embassy replied.", DIPLOMACY)
