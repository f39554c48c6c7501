"""People that wire copy names without a title before the name (issue 11): a role after it,
"as" a role, a role of a body before it, and a surname the text shows to be a person's."""

import pytest

from build_tools.extract import extract
from build_tools.parse import parse_text


def found(body):
    return extract(parse_text(f"Title\n\nWASHINGTON, April 1 - {body}\n", "a.txt"))


@pytest.mark.parametrize("body, person", [
    ("Marta Quillon, Zentek's chief executive, spoke first.", "Marta Quillon"),
    ("Ovid Brannagh, Zentek vice president of sales, spoke.", "Ovid Brannagh"),
    ("The talks were led by Teo Varga, U.S. assistant secretary for trade.", "Teo Varga"),
    ("Board members praised Ilse Dorrance as Zentek Chairman.", "Ilse Dorrance"),
    ("Rafe Holcomb replaced Dana Quist as chief executive last year.", "Dana Quist"),
    ("The head of Bank of Norland, Arvo Pellinen, met bankers.", "Arvo Pellinen"),
    ("A visit by the minister of oil, mines and industry, Lucio del Brava, is due.",
     "Lucio del Brava"),
    ("The report named Ivar K. Thorsby in a footnote.", "Ivar K. Thorsby"),
])
def test_a_role_or_form_around_the_name_says_person(body, person):
    assert person in found(body).people


@pytest.mark.parametrize("body, person", [
    ("The bid came from Oskar Wendling. Wendling said he would wait.", "Oskar Wendling"),
    ("Shares rose for Tamsin Roe. Roe, who founded the firm, sold none.", "Tamsin Roe"),
    ("It bought Piers Lockhart's stake. Mr. Lockhart declined to comment.", "Piers Lockhart"),
    ("Deals with Emil Varro were cited. Varro's sons run the group.", "Emil Varro"),
])
def test_a_surname_shown_to_be_a_persons_makes_the_full_name_one(body, person):
    result = found(body)
    assert person in result.people
    assert person.split()[-1] not in result.people


@pytest.mark.parametrize("body, surname", [
    ("Pellworth said he would not run again.", "Pellworth"),
    ("Critics doubt Quandt, who has led the party since 1980.", "Quandt"),
])
def test_a_surname_alone_is_a_person_when_the_text_says_he_or_who(body, surname):
    assert surname in found(body).people


@pytest.mark.parametrize("body", [
    "Brokers Zentek, General Motors and Ford reported sales.",  # "General" opens a body
    "Zentek said it would list Ford as General Motors did.",
    "Sales of Windows Vista rose, and Vista, and its rivals, did well. Vista said so.",
    ("Including Flynn, five analysts, including two banks, cut ratings. Flynn, who follows"
     " the stock, did too."),  # a word the text prints in lower case is no first name,
    "A Nestle-manager, who asked not to be named, said so.",
    "Hurricane Teodora grew. Forecasters said Teodora was packing strong winds.",
])
def test_no_person_from_bodies_products_or_common_words(body):
    people = found(body).people
    assert not {"Zentek", "Ford", "Windows Vista", "Vista", "Including Flynn",
                "Nestle-manager", "Hurricane Teodora"} & set(people), people


def test_a_titled_person_before_and_stands_apart_from_a_body():
    result = found("Treasury Secretary Abel Marsh and Federal Reserve Board chairman Ida Kern"
                   " met. Reserve chief Ida Kern and International Monetary Fund staff spoke.")
    assert {"Abel Marsh", "Ida Kern"} <= set(result.people)
    assert "Federal Reserve Board" in result.organizations


def test_a_titled_persons_possessive_splits_from_the_body():
    result = found("Prime Minister Ravi Anand's Congress party lost the vote.")
    assert "Ravi Anand" in result.people


def test_a_designate_title_stays_out_of_the_name():
    result = found("Prime Minister-designate Kenji Morota said he would go.")
    assert "Kenji Morota" in result.people


def test_speakers_in_capitals_before_their_comments_are_people():
    result = found(
        'Prices fell. COMMENTARY: ODA KENZO, CHIEF ECONOMIST, NORLAND BANK, OSLO "Growth is'
        ' slow." PIA VAN DER LEE, HEAD OF RESEARCH AT ZENTEK: "It is soft." NORLAND'
        ' ECONOMICS TEAM, NEW YORK: "Weak." MARKET REACTION: - The yen fell. Kenzo said so.')
    assert {"Oda Kenzo", "Pia van der Lee"} <= set(result.people)
    assert not [p for p in result.people if "Norland" in p or "Market" in p]


def test_a_speaker_in_capitals_with_only_a_firm_is_a_person_by_a_given_name():
    result = found('Stocks fell. ALAN QUISTBERG, NORLAND GREENWICH CAPITAL: "Weak." WALT'
                   ' DISNEY, BURBANK: "Sales rose." ZENTEK CAPITAL, NEW YORK: "Soft."')
    assert result.people == ("Alan Quistberg",)


def test_a_speaker_in_capitals_of_or_at_a_firm_is_a_person_by_a_given_name():
    result = found('Stocks fell. STEVE QUARLING OF NORLAND ECONOMICS: "Weak." UBS TEAM OF'
                   ' ZENTEK: "Soft." - KARL VENN AT ZENTEK BANK, OSLO: "Fine."')
    assert result.people == ("Steve Quarling", "Karl Venn")


def test_a_speaker_in_capitals_takes_the_mixed_case_spelling_the_text_prints():
    result = found('Rates rose. JOHN MCALLISTER, ANALYST, ZENTEK: "Fine." John McAllister'
                   ' later said the rise was small.')
    assert "John McAllister" in result.people and "John Mcallister" not in result.people


def test_brands_after_maker_of_are_no_people():
    result = found("The maker of Zentek Gold and Norland Light said income fell.")
    assert not {"Zentek Gold", "Norland Light"} & set(result.people)


def test_an_appositive_word_is_a_whole_word():
    # ", they said" is no ", the ..." appositive: the body stays out of the person index.
    result = found("Orla Venn may lead the new Quillon Norway, they said. Sales rose.")
    assert "Quillon Norway" not in result.people


@pytest.mark.parametrize("body, person", [
    ("The view was shared by Zentek's Tobin Graff, long bullish on rail. Graff said more.",
     "Tobin Graff"),
])
def test_a_surname_that_speaks_makes_a_two_word_name_a_persons(body, person):
    assert person in found(body).people


def test_a_bodys_short_form_that_speaks_makes_no_person():
    result = found("Bids for Vornak Quellis came in. Quellis said no. Vornak urged a vote.")
    assert "Vornak Quellis" not in result.people


@pytest.mark.parametrize("body, wrong", [
    ("Crews flew to Umbra Ridge Camp, a joint venture with Zentek, on Friday.", "Umbra Ridge Camp"),
    ('It makes Dorian Vale, the "wizard of the deal" in a novel, look tame.', "Dorian Vale"),
    ("Quist said ZenBox, the newly renamed player, ships in May.", "ZenBox"),
    ("He is the son of Arlo Pym, called Pip, who flew jets.", "Pip"),
    ("Ada Roon, Chief Technical Advisor at Zentek, said sales fell.", "Technical Advisor"),
    ("The Times and Norland's El Vigia said on Monday the talks were over.", "El Vigia"),
])
def test_no_person_from_things_described_nicknames_or_title_words(body, wrong):
    assert wrong not in found(body).people


@pytest.mark.parametrize("body, person", [
    ("The hotel was founded by Olin Farrow, the great-grandfather of a socialite.", "Olin Farrow"),
    ("Ida Pell, a board member, could not be reached.", "Ida Pell"),
    ("Ned Quarry, a one-time Zentek.com executive, joined.", "Ned Quarry"),
    ("Tove Lind, a currency specialist with Zentek, said the euro rose.", "Tove Lind"),
    ('"We wait," said Marta, a season-ticket holder.', "Marta"),
])
def test_an_appositive_with_a_persons_word_still_says_person(body, person):
    assert person in found(body).people


@pytest.mark.parametrize("body, person", [
    ('Analysts praised Ansel "Sonny" Draycott, who built the bank.', "Ansel Draycott"),
    ("A letter went to Judge Orin P. Talley, Jr. of the court.", "Orin P. Talley Jr."),
])
def test_a_quoted_nickname_or_a_comma_suffix_stays_in_the_name(body, person):
    assert person in found(body).people


@pytest.mark.parametrize("body, person", [
    ("No doubt Henry Quellbarth is savoring the news.", "Henry Quellbarth"),
    ('It reads like Tom Vardleigh\'s "Bonfire" with worse jokes.', "Tom Vardleigh"),
    ("Zentek was built on Bill Orsgate's idea.", "Bill Orsgate"),
    ("The film will star Leonardo DiBrasca as the broker.", "Leonardo DiBrasca"),
    ("Investors included Jose Manuel Cuneo and two banks.", "Jose Manuel Cuneo"),
    ("The firm lost Mary-Ann O'Dowell last year.", "Mary-Ann O'Dowell"),
    ("The board followed Karl von Strehlen in May.", "Karl von Strehlen"),
    ("Zentek is still run by Charles Prince, its founder's son.", "Charles Prince"),
    ("Rallies echoed Martin Luther King in tone.", "Martin Luther King"),
    ("Zentek hired E. Howard O'Dea to run it.", "E. Howard O'Dea"),
    ("Zentek courted T. Brannock Quiller for months.", "T. Brannock Quiller"),
    ("The case turned on José Ibáñez Quintero's testimony.", "José Ibáñez Quintero"),
])
def test_a_common_given_name_opening_a_name_says_person(body, person):
    assert person in found(body).people


@pytest.mark.parametrize("body, person, role", [
    ("Prices fell. Financier George Quellman said he would sell.", "George Quellman",
     "financier"),
    ("Prices fell. Oilman T. Brannock Quiller bought shares.", "T. Brannock Quiller", "oilman"),
    ("Prices fell. Novelist Tom Vardleigh spoke.", "Tom Vardleigh", "novelist"),
])
def test_a_noun_for_what_a_person_does_opening_a_sentence_is_a_role(body, person, role):
    result = found(body)
    assert person in result.people and result.roles[person] == [role]
    assert not [p for p in result.people if p.startswith(role.title())]


def test_a_person_by_a_given_name_says_so_in_the_reason():
    result = found("No doubt Henry Quellbarth is savoring the news.")
    assert result.reasons[("people", "Henry Quellbarth")] == (
        "a common given name (Henry) and a name's shape")


@pytest.mark.parametrize("body, wrong", [
    ("Walt Disney cut its forecast.", "Walt Disney"),
    ("Sales of Harry Potter books rose.", "Harry Potter"),
    ("Harry Winston stores sold out.", "Harry Winston"),
    ("Thomas Vantrell shares fell 4 percent.", "Thomas Vantrell"),
    ("Gas for delivery at the Henry Hub rose.", "Henry Hub"),
    ("Buyers included Oliver Quist ( OQT.N ) and Zentek.", "Oliver Quist"),
    ("Prices rose. (Additional reporting by Patrick Quennell in Geneva) Shares fell.",
     "Patrick Quennell"),
    ("The park at George Texas, a town of 300, closed.", "George Texas"),
    ("It is a case for Henry Chief Executive.", "Henry Chief Executive"),
    ("He spoke at the Ronald Quellford Building in the capital.", "Ronald Quellford Building"),
    ("Residents of Alice Quarry Springs voted.", "Alice Quarry Springs"),
    ("A Harry Vandemeer necklace sold for $2 million.", "Harry Vandemeer"),
    ("Funds at T. Rowe Price and J. Walter Thompson rose.", "T. Rowe Price"),
    ("Funds at T. Rowe Price and J. Walter Thompson rose.", "J. Walter Thompson"),
    ("The study by Arthur D. Little found savings.", "Arthur D. Little"),
])
def test_no_person_from_bodies_things_or_credits_named_like_people(body, wrong):
    assert wrong not in found(body).people


@pytest.mark.parametrize("body, person", [
    ("Analyst Quill Brannagh raised his target on Zentek.", "Quill Brannagh"),
    ("Taro Ishimori reiterated her buy rating.", "Taro Ishimori"),
    ("Rachna Dorvali from the Bhopal Group for Information told a rally.", "Rachna Dorvali"),
    ("Ilse Varn at Zentek Research said the stock was cheap.", "Ilse Varn"),
])
def test_a_verb_then_his_or_a_speaker_from_a_body_says_person(body, person):
    assert person in found(body).people


def test_from_before_a_common_noun_and_a_verb_of_saying_is_no_speaker():
    result = found("Borrowing is now 950 mln Norland Dlrs from a predicted 1.75 billion.")
    assert "Norland Dlrs" not in result.people
