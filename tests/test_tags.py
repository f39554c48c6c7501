"""Tags need words that mean their subject where the text prints them (issue 11): a word inside
a compound or a longer name is no evidence."""

from pathlib import Path

import pytest

from build_tools.errors import ArchiveError
from build_tools.extract.registry import load_taxonomy
from build_tools.extract.tags import TagRule, tag_decisions, tag_evidence

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


# Issue 11, second part: a tag describes the article, not a word it mentions in passing. Texts
# are a headline, a blank line, the lead, a blank line, the rest of the body.

MERGERS = (TagRule("mergers", ("merger", "acquisition", "takeover"), 3,
                   weak=("deal",), headline=("bid",)),)


def test_words_only_in_the_rest_of_the_body_are_a_mention():
    text = ("Acme profit rises\n\nAcme's profit rose 10 percent on strong sales.\n\n"
            "It made one acquisition last year. A merger was ruled out. The takeover of "
            "a supplier is done." + " The plant ran well." * 60)
    assert tag_evidence(text, MERGERS) == {}


def test_a_word_in_the_headline_or_the_lead_places_the_tag():
    body = "\n\nA merger was agreed. The takeover closes in May."
    headline = tag_decisions("Acme agrees acquisition of Widget\n\nAcme said so." + body,
                             MERGERS)
    assert headline["mergers"].where == "acquisition in the headline"
    lead = tag_decisions("Acme agrees terms\n\nAcme agreed the acquisition of Widget." + body,
                         MERGERS)
    assert lead["mergers"].where == "acquisition in the lead"


def test_the_lead_is_the_first_paragraph_that_is_not_a_note():
    text = ("Acme agrees terms\n\n(Corrects paragraph 3)\n\nAcme agreed the acquisition of "
            "Widget.\n\nA merger was agreed. The takeover closes in May.")
    assert tag_decisions(text, MERGERS)["mergers"].where == "acquisition in the lead"


def test_dense_words_in_the_body_place_the_tag():
    text = ("Acme moves\n\nAcme said on Monday.\n\n"
            + "The merger follows a takeover. " * 10 + "The plant ran well. " * 20)
    found = tag_decisions(text, MERGERS)["mergers"]
    assert "per 1,000 words" in found.where and found.counts == {"merger": 10, "takeover": 10}
    # As many of one word alone is not a topic: two different words are needed.
    one_word = "Acme moves\n\nAcme said.\n\n" + "The merger. " * 20 + "It ran well. " * 20
    assert tag_evidence(one_word, MERGERS) == {}


def test_weak_words_count_only_beside_an_unambiguous_one():
    labour = "GM and UAW reach deal\n\nGM and the union reached a deal.\n\nThe deal ends a strike."
    assert tag_evidence(labour, MERGERS) == {}
    beside = "Acme in merger deal\n\nAcme agreed a deal.\n\nThe deal values Widget at $1 bln."
    found = tag_decisions(beside, MERGERS)["mergers"]
    assert found.counts == {"merger": 1, "deal": 3} and found.weak == {"deal"}


def test_a_headline_word_is_weak_outside_the_headline():
    headline = "CVS ups Caremark bid\n\nCVS raised its bid.\n\nA merger would follow; the bid is final."
    assert tag_decisions(headline, MERGERS)["mergers"].where == "bid in the headline"
    lead_only = ("CVS raises offer\n\nCVS raised its bid for Caremark.\n\n"
                 "The bid is final; bid talks ended; a merger is near.")
    assert tag_evidence(lead_only, MERGERS) == {}


def test_a_word_inside_a_not_in_phrase_does_not_count():
    rules = (TagRule("banking", ("bank",), 2, not_in=("central bank",)),)
    text = "Central bank holds rates\n\nThe central bank held rates; the central bank spoke."
    assert tag_evidence(text, rules) == {}
    assert "banking" in tag_evidence("Bank profit up\n\nThe bank earned more.", rules)


def test_a_longer_phrase_takes_its_words_from_a_shorter_one():
    rules = (TagRule("mergers", ("agreed to buy", "buy"), 2),)
    assert tag_evidence("Acme agreed to buy Widget", rules) == {}
    assert tag_evidence("Acme agreed to buy Widget; it will buy more", rules) == {
        "mergers": {"agreed to buy": 1, "buy": 1}}


def test_anywhere_keeps_the_old_count():
    rules = (TagRule("mergers", ("merger",), 2, anywhere=True),)
    text = "Acme profit rises\n\nProfit rose.\n\nA merger was ruled out; no merger soon."
    assert tag_decisions(text, rules)["mergers"].counts == {"merger": 2}


def test_a_taxonomy_of_words_and_min_still_loads(tmp_path):
    path = tmp_path / "tags.yaml"
    path.write_text("ports:\n  words: [harbour, port]\n  min: 2\ncats: [cat]\n")
    rules = load_taxonomy(path)
    assert rules == (TagRule("ports", ("harbour", "port"), 2), TagRule("cats", ("cat",), 2))
    assert tag_evidence("Harbour reopens\n\nThe port and the harbour reopened.", rules) == {
        "ports": {"harbour": 2, "port": 1}}


def test_the_new_keys_load_and_a_wrong_one_is_named(tmp_path):
    path = tmp_path / "tags.yaml"
    path.write_text("mergers:\n  words: [merger]\n  weak: [deal]\n  headline: [bid]\n"
                    "  not_in: [merger arbitrage]\n  anywhere: true\n")
    assert load_taxonomy(path) == (TagRule("mergers", ("merger",), 2, ("deal",), ("bid",),
                                           ("merger arbitrage",), True),)
    path.write_text("mergers:\n  words: [merger]\n  anywhere: maybe\n")
    with pytest.raises(ArchiveError, match="anywhere: expected true or false"):
        load_taxonomy(path)
    path.write_text("mergers:\n  words: [merger]\n  strong: [x]\n")
    with pytest.raises(ArchiveError, match="unknown key"):
        load_taxonomy(path)


@pytest.mark.parametrize("text, tag", [
    ("Balfour Beatty profit up, wins U.S. deals\n\nBalfour posted a rise in profit and won four "
     "contracts.\n\nThe deals are worth $730 million; an acquisition last year helped.",
     "mergers"),
    ("Tesoro adopted poison pill\n\nTesoro's board adopted a rights plan.\n\nThe investment "
     "vehicle bought shares; the vehicle holds 9 percent.", "autos"),
    ("Fed holds rates\n\nThe central bank held rates.\n\nThe central bank and bank regulators "
     "spoke; banks lend.", "banking"),
    ("Acme profit rises\n\nAcme's profit rose.\n\nIts shares rose; the stock market and "
     "investors cheered; stocks gained." + " Sales of its widgets grew in Europe." * 30,
     "markets"),
    ("Oil falls as profit-taking clips rally\n\nOil prices fell on profit-taking.\n\n"
     "Profit-taking hit; hourly earnings data were due.", "earnings"),
])
def test_the_archive_taxonomy_leaves_out_passing_mentions(text, tag):
    rules = load_taxonomy(Path(__file__).parent.parent / "tags.yaml")
    assert tag not in tag_evidence(text, rules)


@pytest.mark.parametrize("text, tag", [
    ("Casio shares crumble on weak forecast\n\nShares of Casio fell.\n\nInvestors sold the "
     "stock; the market fell.", "markets"),
    ("GM recalls 275,936 vehicles\n\nGM is recalling cars.\n\nThe vehicles leak fluid.",
     "autos"),
    ("Alcoa's third-quarter profit rises\n\nAlcoa posted a rise in earnings.\n\nNet income "
     "was $555 million, or 63 cents per share.", "earnings"),
    ("US Airways raises offer\n\nUS Airways raised its takeover offer for Delta.\n\nThe "
     "merger would create a big airline.", "mergers"),
])
def test_the_archive_taxonomy_tags_articles_about_the_subject(text, tag):
    rules = load_taxonomy(Path(__file__).parent.parent / "tags.yaml")
    assert tag in tag_evidence(text, rules)


# What the article is about comes before what drove it (the blind review of the 2007 corpus):
# a tag whose only lead signal stands in a clause of cause is a driver when another tag is
# placed by the headline; a tag placed only by a headline word ("shares") gives way to a tag
# with words of its own.

EARNINGS_LAW = (TagRule("earnings", ("earnings", "profit"), 2),
                TagRule("law", ("lawsuit", "court"), 2, weak=("settlement",)))


@pytest.mark.parametrize("connective", [
    "after", "as", "because of", "amid", "helped by", "due to", "thanks to", "following"])
def test_a_tag_named_only_in_a_clause_of_cause_is_a_driver(connective):
    text = (f"Northwestern earnings fall\n\nNorthwestern said 2006 earnings fell {connective} "
            "the settlement of a lawsuit.\n\nThe settlement cost $20 million; profit fell.")
    assert set(tag_evidence(text, EARNINGS_LAW)) == {"earnings"}


def test_a_driver_stays_without_a_headline_tag_or_in_the_main_clause():
    # Nothing in the headline says what else the article is about: the lead decides.
    alone = ("Northwestern says more\n\nNorthwestern said earnings fell after the settlement "
             "of a lawsuit.\n\nThe settlement cost $20 million; profit fell.")
    assert set(tag_evidence(alone, EARNINGS_LAW)) == {"earnings", "law"}
    # The lawsuit before the clause of cause is a subject of the lead.
    main = ("Northwestern earnings fall\n\nNorthwestern settled a lawsuit in court and said "
            "earnings fell after charges.\n\nThe settlement cost $20 million; profit fell.")
    assert set(tag_evidence(main, EARNINGS_LAW)) == {"earnings", "law"}
    # "as well as", "such as" open no clause of cause.
    listed = ("Northwestern earnings fall\n\nNorthwestern reported earnings as well as a "
              "lawsuit in court.\n\nThe settlement cost $20 million; profit fell.")
    assert set(tag_evidence(listed, EARNINGS_LAW)) == {"earnings", "law"}
    # A ticker is no word: "AAH.AS" opens no clause.
    ticker = ("Northwestern earnings fall\n\nNorthwestern AAH.AS said earnings fell and a "
              "lawsuit went to court.\n\nThe settlement cost $20 million; profit fell.")
    assert set(tag_evidence(ticker, EARNINGS_LAW)) == {"earnings", "law"}


def test_a_driver_dense_in_the_body_is_a_subject():
    text = ("Northwestern earnings fall\n\nNorthwestern said earnings fell after a lawsuit."
            "\n\n" + "The lawsuit went to court. " * 8)
    assert set(tag_evidence(text, EARNINGS_LAW)) == {"earnings", "law"}


def test_the_archive_taxonomy_leaves_out_a_data_report_s_driver():
    rules = load_taxonomy(Path(__file__).parent.parent / "tags.yaml")
    text = ("Durable goods orders fall 5 percent\n\nOrders for durable goods fell 5 percent "
            "in March, the Commerce Department said, as demand for aircraft from Boeing "
            "slid.\n\nEconomists had expected a drop; durable goods orders excluding "
            "transportation rose. Aircraft orders fell 40 percent."
            + " Orders for machinery and metals were little changed in the month." * 6)
    assert set(tag_evidence(text, rules)) == {"economy"}


def test_a_share_move_in_the_headline_gives_way_to_the_results():
    rules = load_taxonomy(Path(__file__).parent.parent / "tags.yaml")
    text = ("Hovnanian shares tumble 17 percent after results\n\nShares of home builder "
            "Hovnanian tumbled a day after it posted a wider-than-expected loss.\n\nThe net "
            "loss was $1.01 per share; a year earlier it earned 1.50 per share. The shares "
            "fell $1.30.")
    found = tag_decisions(text, rules)
    assert set(found) == {"earnings"}
    # One word of the market in the lead ("on the Nasdaq") does not make it a market story.
    nasdaq = ("Acme shares jump after profit beats forecasts\n\nAcme's shares rose 8 percent "
              "on the Nasdaq after it posted higher quarterly profit.\n\nNet income was $5 "
              "million, or 10 cents per share; earnings beat forecasts."
              + " Sales of its widgets grew in Europe and Asia." * 25)
    assert set(tag_evidence(nasdaq, rules)) == {"earnings"}
    # Alone, or beside words of the market itself, the share move is the story.
    move = ("Casio shares crumble on weak forecast\n\nShares of Casio fell.\n\nInvestors sold "
            "the stock on the Tokyo bourse; equities fell; the net loss was 1 yen per share.")
    assert "markets" in tag_evidence(move, rules)


@pytest.mark.parametrize("text, tag", [
    ("Rock star's memoir tells all\n\nIn his memoir the singer recalls years of drug abuse "
     "and illegal drugs.\n\nHe took drugs on tour; the drug habit nearly killed him.", "health"),
    ("Stocks slip on profit taking\n\nStocks fell as investors took profits after a rally."
     "\n\nTraders booked profits; profit taking hit banks.", "earnings"),
    ("Airlines in price war\n\nAirlines are in a price war over fares.\n\nThe price war and "
     "a bidding war hurt; he had a heart attack.", "security"),
    ("Drugmaker's pipeline grows\n\nThe company's product pipeline has 12 drugs.\n\nIts drug "
     "pipeline and deal pipeline are full; more are in the pipeline.", "energy"),
    ("Blue chips rally\n\nBlue chips rose.\n\nThe blue chip index gained; it was a "
     "bargaining chip.", "technology"),
    ("Acme to buy Widget for $35 a share\n\nAcme agreed to buy Widget for $35 per share in "
     "cash.\n\nThe $35 per share offer tops a $30 per share bid.", "earnings"),
    ("Ruling party wins vote\n\nThe ruling party won; the ruling coalition held.\n\nThe "
     "ruling party's leader spoke.", "law"),
    ("Acme shareholders back board\n\nThe election of directors went Acme's way.\n\nBoard "
     "elections are held each May.", "elections"),
])
def test_the_archive_taxonomy_leaves_out_words_in_another_sense(text, tag):
    rules = load_taxonomy(Path(__file__).parent.parent / "tags.yaml")
    assert tag not in tag_evidence(text, rules)


@pytest.mark.parametrize("text, tag", [
    ("Blockbuster buys Movielink\n\nBlockbuster said it has acquired Movielink.\n\nThe "
     "purchase price was under $50 million.", "mergers"),
    ("Cisco quarterly profit rises\n\nNetwork equipment maker Cisco said its profit rose."
     "\n\nCisco, which makes routers, sells to telecommunications companies.", "technology"),
    ("Bush unveils mortgage plan, BOE cuts rates\n\nCredit strains deepened.\n\nThe Bank "
     "of England cut interest rates; the ECB held.", "economy"),
    ("UAW readying a counter-offer on Delphi\n\nThe union is readying a proposal.\n\nThe "
     "UAW and the auto parts maker talk.", "autos"),
    ("GM, Isuzu to step up cooperation\n\nGM and Isuzu will work together to boost truck "
     "sales.\n\nThe automaker said so.", "autos"),
])
def test_the_archive_taxonomy_tags_purchases_makers_rate_cuts_and_trucks(text, tag):
    rules = load_taxonomy(Path(__file__).parent.parent / "tags.yaml")
    assert tag in tag_evidence(text, rules)


MARKETS_ENERGY = (TagRule("markets", ("stocks", "nasdaq"), 2, headline=("shares",)),
                  TagRule("energy", ("oil", "crude"), 2))


def test_a_tag_after_a_word_of_cause_in_the_headline_is_a_driver():
    round_up = ("Stocks fall as oil tops $100\n\nU.S. stocks fell on Tuesday as oil topped "
                "$100 a barrel.\n\nTech stocks lost 1 percent; crude rose; stocks of airlines "
                "fell." + " Trading was light in the afternoon session." * 12)
    assert set(tag_evidence(round_up, MARKETS_ENERGY)) == {"markets"}
    # Named in the lead's main clause, the oil is a subject after all.
    both = ("Stocks fall as oil tops $100\n\nOil topped $100 a barrel and U.S. stocks fell."
            "\n\nThe Nasdaq lost 1 percent; crude rose; stocks of airlines fell."
            + " Trading was light in the afternoon session." * 12)
    found = tag_decisions(both, MARKETS_ENERGY)
    assert set(found) == {"markets", "energy"} and found["energy"].where == "oil in the lead"
    # Alone in the headline, or beside a tag placed only by a headline word, it stays.
    alone = ("Acme rises as oil tops $100\n\nAcme said so.\n\nCrude rose; oil rose.")
    assert set(tag_evidence(alone, MARKETS_ENERGY)) == {"energy"}


def test_a_comma_with_opens_a_clause_of_cause_and_as_much_as_does_not():
    with_clause = ("Stocks rise on Wall Street\n\nU.S. stocks rose on Monday, with oil shares "
                   "leading as crude prices climbed.\n\nStocks of banks rose too."
                   + " Trading was light in the afternoon session." * 12)
    assert set(tag_evidence(with_clause, MARKETS_ENERGY)) == {"markets"}
    # No comma: "merged with", "in talks with" open no clause.
    no_comma = ("Stocks rise on Wall Street\n\nU.S. stocks rose with oil and crude.\n\n"
                "Stocks of banks rose too." + " Trading was light in the afternoon." * 12)
    assert set(tag_evidence(no_comma, MARKETS_ENERGY)) == {"markets", "energy"}
    for phrase in ("rose as much as 5 percent and oil", "named Smith as chief executive of the "
                   "oil", "said the following are oil"):
        text = (f"Stocks rise on Wall Street\n\nU.S. stocks {phrase} crude producers.\n\n"
                "Stocks of banks rose too." + " Trading was light in the afternoon." * 12)
        assert set(tag_evidence(text, MARKETS_ENERGY)) == {"markets", "energy"}, phrase


def test_a_second_tag_from_the_lead_needs_two_of_its_own_words():
    rules = (TagRule("economy", ("durable goods", "economist"), 2),
             TagRule("aviation", ("aircraft", "boeing"), 2, weak=("orders",)))
    text = ("Durable goods orders rise\n\nDurable goods orders and orders for aircraft rose "
            "in May.\n\nOrders rose 2 percent; economists expected it; orders for machinery "
            "and orders for metals rose." + " The figures were revised." * 12)
    assert set(tag_evidence(text, rules)) == {"economy"}
    # Alone, the lead still places it; with two of its own words it is a subject.
    alone = text.replace("Durable goods orders rise", "Orders rise")
    assert "aviation" in tag_evidence(alone, rules)
    two = text.replace("economists expected it", "Boeing expected it")
    assert set(tag_evidence(two, rules)) == {"economy", "aviation"}
