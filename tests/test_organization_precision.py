"""Index entries that are no body of their own on real 2007 copy: fragments of longer names,
people's names, titles of works, brands, finance terms and typing slips. Every sentence is
invented."""

import pytest

from build_tools.extract import extract
from build_tools.extract.lexicon import article_lexicon
from build_tools.extract.organizations import drop_misspelt_twins, is_acronym, is_slip_of
from build_tools.extract.people import person_name_keys, without_initials
from build_tools.parse import parse_text


def found(body):
    return extract(parse_text(f"Title\n\nNEW YORK (Reuters) - {body}\n", "a.txt"))


def orgs(body):
    return set(found(body).organizations)


# --- Finance terms and acronyms the article spells out in lower case -----------------------

@pytest.mark.parametrize("text, acronym", [
    ("Borrowers chose between fixed loans and an ARM (adjustable rate mortgage) then.", "ARM"),
    ("It funds a trust, known as a voluntary employee beneficiary association, or VEBA.",
     "VEBA"),
    ("The federal employee program was renewed. FEP covers nurses.",
     "FEP"),
])
def test_acronyms_spelled_out_in_lower_case_anywhere_are_common_nouns(text, acronym):
    assert acronym in article_lexicon(text).common_acronyms


def test_short_or_joining_words_spell_no_acronym():
    """"its big move" and "that was more" spell acronyms only by chance."""
    lexicon = article_lexicon("Its big move came as IBM said that was more. TWM rose.")
    assert not {"IBM", "TWM"} & lexicon.common_acronyms


def test_a_common_nouns_acronym_is_no_body():
    body = ("Carmakers fund a healthcare trust for retirees, a voluntary employee beneficiary "
            "association, or VEBA. Talks on the VEBA resumed, Zarnow Motors Corp said.")
    assert orgs(body) == {"Zarnow Motors"}


@pytest.mark.parametrize("word", ["EPS", "EBITDA", "VEBA", "LBO"])
def test_curated_finance_terms_are_no_acronyms_of_bodies(word):
    assert not is_acronym(word)


def test_finance_terms_match_as_printed():
    """"Roe" is a surname, not ``ROE``."""
    result = found("Shares rose for Tamsin Roe. Roe, who founded the firm, sold none. "
                   "EPS rose at Wexcombe Corp.")
    assert "Tamsin Roe" in result.people
    assert set(result.organizations) == {"Wexcombe"}


# --- Works, brands and products --------------------------------------------------------------

@pytest.mark.parametrize("body", [
    'Trelawny wrote in his memoir, "The Real Bargain." Holt Dunmore Inc published it.',
    "She wrote the novel Grand Harbor Club about her years at Holt Dunmore Inc.",
    'The film "Royal Street Partners" opened, Holt Dunmore Inc said.',
])
def test_a_works_title_is_no_body(body):
    assert orgs(body) == {"Holt Dunmore"}


def test_a_quoted_name_a_body_goes_by_stays_one():
    """'renamed itself "X"' and a quoted name ending like a body's stay bodies."""
    assert "Pellam Trust" in orgs('Savoy Bancorp renamed its unit "Pellam Trust" on Monday.')


def test_a_list_of_brands_is_no_list_of_bodies():
    body = ("Marlowe Inns Corp said on Monday its brands include Marlowe, Vantor Hotels & "
            "Resorts, Quill Suites and Harbor Lodge Inn.")
    assert orgs(body) == {"Marlowe Inns"}


def test_a_company_among_brands_keeps_its_legal_form():
    body = "Lianto builds notebooks for brands including Kestra Inc ( 2388.TW ) and others."
    assert "Kestra" in orgs(body)


def test_an_owned_technology_is_a_product():
    body = "Shire Plc wants the U.S. group's Carrierpath technology for pain drugs."
    assert orgs(body) == {"Shire"}


@pytest.mark.parametrize("body", [
    "The chain will close its 28 KESTREL + VINE stores next year, Penmark Corp said.",
    "Penmark Corp said its Kestrel + Vine shops would close.",
])
def test_names_joined_by_a_plus_sign_are_a_brand(body):
    """Neither half of a brand printed as "A + B" is a body of its own."""
    assert orgs(body) == {"Penmark"}


# --- Fragments of longer names and people's names --------------------------------------------

@pytest.mark.parametrize("body, name", [
    ("Retailers such as Tamlyn's WTB Inc and Ostrava Inc reported weak sales.", "Tamlyn's WTB"),
    ("Sales at retailer Tamlyn's WTB, the clothing chain, fell.", "Tamlyn's WTB"),
])
def test_a_founders_possessive_then_letters_is_one_name(body, name):
    """The letters after a founder's possessive are no body alone."""
    assert name in orgs(body)
    assert "WTB" not in orgs(body)


@pytest.mark.parametrize("body", [
    "Mexico's PRI won the vote, and Microsoft's MSN portal grew.",
    "Dell's CFO quit on Monday.",
])
def test_a_places_or_known_bodys_possessive_stays_apart(body):
    assert not any("'s" in name for name in orgs(body))


def test_a_body_printed_only_after_an_abbreviated_place_keeps_it():
    """"U.S. Foodservice" is the body's name; "U.S. Treasury's" is the Treasury's."""
    body = ("Harlan Group sold U.S. Brightfoods, a food distributor, to buyout firms. "
            "Stuart Levey, the U.S. Treasury's top official, spoke.")
    result = found(body)
    assert "U.S. Brightfoods" in result.organizations
    assert "Brightfoods" not in result.organizations
    assert "Treasury Department" in result.organizations


def test_a_body_also_printed_alone_drops_the_place():
    body = ("Harlan Group sold U.S. Brightfoods, a food distributor, to buyout firms. "
            "Brightfoods, a food distributor, said sales rose.")
    assert "Brightfoods" in orgs(body)


def test_the_last_word_of_a_bodys_name_is_that_body():
    body = ("Drugmaker Amos Quillby and Co said profit rose. Later Quillby ( QLB.N ) shares "
            "rose. Shares of shoe company Wendell Farrow Ltd. rose; the price of Farrow's "
            "stock fell.")
    assert orgs(body) == {"Amos Quillby", "Wendell Farrow"}


def test_a_curated_last_word_is_a_body_of_its_own():
    """"Sony Ericsson" and "Ericsson" are two bodies."""
    body = "Handset maker Sony Ericsson said sales rose, and Ericsson ( ERICb.ST ) shares fell."
    assert orgs(body) == {"Sony Ericsson", "Ericsson"}


def test_the_last_word_of_two_bodies_joined_names_stays_itself():
    """"Halder Brisco" is made of Halder and Brisco: "Brisco" may be the other body."""
    body = ("Halder Brisco Corp, formed when Halder Inc bought Brisco, said profit fell. "
            "Brisco and Tamber declined to comment.")
    assert orgs(body) >= {"Halder Brisco", "Halder", "Brisco"}


@pytest.mark.parametrize("body, wrong, person", [
    ("Tao Minghui, a former executive at Zhenda Corp, may run it. Officials could not be "
     "reached, while Zhenda and Tao declined to comment.", "Tao", "Tao Minghui"),
    ('"It is over," Dirk Halvorsen, president of consulting firm Dirk J. Halvorsen, wrote.',
     "Dirk J. Halvorsen", "Dirk Halvorsen"),
])
def test_a_weakly_found_body_that_is_part_of_a_persons_name_is_the_person(
        body, wrong, person):
    result = found(body)
    assert person in result.people
    assert wrong not in result.organizations


def test_a_speaker_named_as_the_body_is_still_the_body():
    result = found("The plant is owned by Dallas, Texas-based Lone Star. Lone Star said so.")
    assert "Lone Star" not in result.people


def test_person_name_keys():
    assert without_initials("Peter S. Cohan") == "peter cohan"
    assert person_name_keys("Luo J. Chuan") == {"luo chuan", "luo", "chuan"}
    assert person_name_keys("Madonna") == set()


# --- Typing slips ------------------------------------------------------------------------------

@pytest.mark.parametrize("name, other, slip", [
    ("HBSC", "HSBC", True),
    ("Dow Chemicals", "Dow Chemical", True),
    ("Broadcomm", "Broadcom", True),
    ("Sprint-Nextel", "Sprint Nextel", True),
    ("MBIA", "MBNA", False),
    ("BEA Systems", "BAE Systems", False),
    ("Banc of America", "Bank of America", False),
    ("Citicorp", "Citigroup", False),
])
def test_is_slip_of(name, other, slip):
    assert is_slip_of(name, other) is slip


def test_a_slip_printed_less_often_is_dropped():
    orgs = ["HSBC Holdings", "HBSC", "HSBC Holdings", "Qorvex Chemical", "Qorvex Chemical",
            "Qorvex Chemicals"]
    assert drop_misspelt_twins(orgs, ["HSBC", "HSBC"]) == [
        "HSBC Holdings", "HSBC Holdings", "Qorvex Chemical", "Qorvex Chemical"]


def test_names_tied_in_mentions_both_stay():
    assert drop_misspelt_twins(["Qorvex Chemical", "Qorvex Chemicals"]) == [
        "Qorvex Chemical", "Qorvex Chemicals"]


def test_a_misspelt_name_in_an_article_joins_the_right_one():
    body = ("Analysts at Trexmoor Capital Inc said Trexmoor Capital would gain. Trexmoor "
            "Capital shares rose; Trexmoore Capital Inc rivals fell.")
    assert orgs(body) == {"Trexmoor Capital"}
