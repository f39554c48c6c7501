"""Where one run of capitalised words holds several names, or one name spreads over several
runs: lists ("Colombia and Central America"), possessives ("Peru's Congress"), "of"/"for"
("Aquanord of France", "Representatives for Delphi") and partners' firms ("Challenger, Gray &
Christmas"). Pure; :mod:`.pieces` calls it before classifying each name."""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .organizations import (
    LEGAL_SUFFIXES, ORG_PREFIXES, ORG_SUFFIXES, TICKER_AFTER, canonical_organization, is_acronym,
    is_curated,
)
from .people import OFFICE_WORDS, is_title_word, title_of
from .places import FEATURE_FIRST, canonical_place, is_demonym
from .spans import Span, fold, is_capitalised, split_at_conjunctions, sub_span


#: Fields that end a body's name after "and": "University of Science and Technology".
FIELDS = frozenset("""Science Sciences Technology Technologies Arts Research Innovation Culture
    Sport Sports Tourism Media Engineering Medicine Letters Law Commerce Industry""".split())


#: Words that, opening a sentence before a name, say what state the body is in, not what it
#: is called: "Former Federal Reserve Chairman", "Separate Labor Department data".
STATUS_WORDS = frozenset("""former ex then acting interim outgoing incoming retired separate
    separately rival fellow parent embattled troubled struggling beleaguered defunct bankrupt
    newly privately publicly state-owned state-run""".split())


#: A firm named for partners, "Gray & Christmas" or "Abbett & Co. LLC", with its legal form.
_AMPERSAND_FIRM = re.compile(r"^[A-Z][\w'’.-]* & [A-Z][\w'’.-]*(?: [A-Z][\w.,]*){0,2}$")


def join_comma_firms(paragraph: str, spans: list[Span], lexicon: Lexicon) -> list[Span]:
    """``Challenger, Gray & Christmas Inc``: one unknown word, a comma and a partners' firm
    joined by ``&`` with its legal form are one firm's name, when no list goes on around them
    (``rivals Kraft, Procter & Gamble Co and Unilever`` stays a list) and the word is no
    common one opening the sentence (``Separately, Harlow & Pierce Inc``). A legal form after a comma (``Young, Conaway,
    Stargatt & Taylor, LLP``) says the whole run of partners' names is one."""
    out: list[Span] = []
    for span in spans:
        first = len(out)  # the first span of the firm's name, among those before *span*
        while first and _partner_name(out[first - 1], lexicon) and paragraph[
                out[first - 1].end:(out[first].start if first < len(out) else span.start)
                ] == ", ":
            first -= 1
        if first < len(out) and _AMPERSAND_FIRM.match(span.text) and (
                _COMMA_LEGAL_AFTER.match(span.after) or (
                    first == len(out) - 1 and span.words[-1].casefold() in LEGAL_SUFFIXES
                    and not re.search(r"(?:,|\band|\bor)\s*$", out[first].before)
                    and not re.match(r"^\s*(?:,|and\b|or\b)\s*[A-Z]", span.after))):
            words = tuple(f"{s.words[0]}," for s in out[first:]) + span.words
            out[first:] = [Span(words, out[first].start, span.end, out[first].before,
                                span.after)]
            continue
        out.append(span)
    return out


#: ", LLP", ", Inc.": a legal form set off by a comma, as law firms print it.
_COMMA_LEGAL_AFTER = re.compile(r"^,\s*(?:LLP|L\.L\.P\.|LLC|Inc|Ltd|PLC|Plc)\b")


def _partner_name(span: Span, lexicon: Lexicon) -> bool:
    """One unknown word that may be a partner's name in a firm's: not a known name, nor a
    common word opening the sentence."""
    return (len(span.words) == 1 and not _names_alone(span.words, Lexicon())
            and not _common_opener(span, lexicon))


def _common_opener(span: Span, lexicon: Lexicon) -> bool:
    """``Separately``, ``Elsewhere``: a common word or adverb opening a sentence."""
    word = fold(span.words[0])
    return opens_sentence(span) and (
        word in lexicon.lower or word in STATUS_WORDS or word.endswith("ly"))


#: A university's schools are named with its possessive: "Boston University's School of Law".
_SCHOOL_OWNERS = frozenset(("University", "College", "Institute"))
_SCHOOLS = frozenset(("School", "College", "Faculty", "Graduate", "Institute", "Center",
                      "Centre"))


def possessive_in_name(left: Span, right: Span) -> bool:
    """"Ombudsman's Office", "Dillard's Inc", "Wendy's International Inc." and "Moody's
    Investors Service" are one name; "Peru's Congress", "Mexico's Navy Ministry", "Microsoft's
    Office" and "Rupert Murdoch's News Corp" two."""
    if (canonical_place(left.words) is not None and len(right.words) == 2
            and right.words[-1] in MEMBER_PLURALS and not is_curated(right.words)):
        return True  # "America's Community Bankers": a place's members name the body
    if canonical_place(left.words) is not None or title_of(left.words):
        return False  # "Prime Minister Rajiv Gandhi's Congress": a person's, then a body
    if (len(left.words) == 1 and is_acronym(left.words[0]) and not is_curated(left.words)
            and sum(c.isalpha() for c in left.words[0]) <= 2 and right.words[-1] in ORG_SUFFIXES
            and "and" not in right.words):
        return True  # "BJ's Wholesale Club": a founder's initials, no body of their own
    if left.words[-1] in _SCHOOL_OWNERS and right.words[0] in _SCHOOLS:
        return True  # "Boston University's School of Management"
    # "Moody's Investors Service and Fitch Ratings": the name after the possessive ends at
    # the list's "and".
    words = right.words[: right.words.index("and")] if "and" in right.words else right.words
    if not words:
        return False
    if (len(left.words) == 1 and right.before.rstrip().endswith(("'s", "’s"))
            and _founder_word(left.words[0]) and len(words) <= 2
            and is_acronym(words[0]) and not is_curated(words[:1]) and not title_of(words[:1])
            and (len(words) == 1 or words[1].casefold() in LEGAL_SUFFIXES)):
        return True  # "Chico's FAS Inc": a founder's name, then letters that are no body alone
    if len(words) == 1:
        return words[0] in ORG_SUFFIXES and not (
            is_curated(left.words) or canonical_organization(left.words))
    if all(w in ORG_SUFFIXES and w.casefold() not in LEGAL_SUFFIXES for w in words):
        return True
    # "Wendy's International Inc.": one word, then only words that name no body alone and a
    # legal form; "Murdoch's News Corp" and a known body's possessive (``Sony's Columbia
    # Pictures Inc``) are two names.
    name, legal = words[:-1], words[-1]
    return (len(left.words) == 1 and legal.casefold() in LEGAL_SUFFIXES
            and all(w in _GENERIC_TAILS for w in name)
            and not (is_curated(left.words) or is_acronym(left.words[0])))


def _founder_word(word: str) -> bool:
    """One capitalised word that may be a founder's name owning a firm's: not an acronym, a
    place or a body known on its own (``Microsoft's MSN`` is two names)."""
    words = (word,)
    return not (word.isupper() or canonical_place(words) is not None
                or is_curated(words) or canonical_organization(words))


#: Plurals of the members a trade body speaks for, ending its name after a place's
#: possessive: "America's Community Bankers" is one body, "Peru's Congress" a place's body.
MEMBER_PLURALS = frozenset("""Bankers Workers Investors Producers Manufacturers Growers Farmers
    Builders Dealers Retailers Exporters Importers Insurers Lenders""".split())
#: Words of names that follow a founder's possessive and name no body alone.
_GENERIC_TAILS = frozenset("International Holdings Industries Enterprises Companies".split())


def split_list(span: Span, lexicon: Lexicon = Lexicon(), listed: bool = False) -> list[Span]:
    """``Colombia and Central America`` -> two names; ``Department of Health and Human
    Services`` and ``Procter & Gamble`` stay one; ``Permian Basin of Texas`` -> two. A name
    the article prints on its own elsewhere (``Star Cruises``) stands alone before "and"; so
    does one *listed* after a comma (``OppenheimerFunds Inc., D.E. Shaw Valence Portfolios
    and S.A.C. Capital Management``: the list's last "and") when a body of two words or more
    follows it."""
    if len(heads := _split_for_on(span, lexicon)) > 1:
        return [piece for head in heads for piece in split_list(head, lexicon, listed)]
    parts = split_at_conjunctions(span)
    if len(parts) > 1 and not (is_curated(span.words) or canonical_place(span.words)):
        first, second = parts[0].words, parts[1].words
        after_and = span.words[span.words.index("and") + 1]
        stands_alone = canonical_place(first) or is_curated(first) or (
            len(first) == 1 and (is_acronym(first[0]) or _fused_body_word(first[0]))) or (
            canonical_organization(first) and not " ".join(first).startswith(ORG_PREFIXES)
            and not _adjective(first[-1])) or _printed_alone(first, lexicon) or (
            listed and len(first) > 1 and len(second) > 1 and not _adjective(second[0])
            and canonical_organization(second) is not None) or (
            # "Treasury Secretary James Baker and Federal Reserve Board", "Paul Volcker and
            # International Monetary Fund": a titled person, or a known body after "and"; not
            # "Dean Baker of the Center for Economic and Policy Research", cut after an adjective.
            (title_of(first) is not None and not _adjective(first[-1]))
            or (len(second) > 1 and is_curated(second)))
        # "Chamber of Commerce and Industry": a field, not a second body.
        field_only = len(second) == 1 and (second[0] in OFFICE_WORDS or second[0] in FIELDS)
        # "Providence Equity and NBC Universal and News Corp": three names and more are a
        # list, whatever legal form the last one ends with.
        many = len(parts) > 2 and canonical_organization(parts[-1].words) is not None
        if canonical_organization(span.words) and not many and (
                field_only or _second_object(first, second, lexicon)
                or not (stands_alone or after_and == "the")):
            parts = [span]
        elif len(parts) > 2 and len(parts[-1].words) == 1 and len(parts[-2].words) > 1 and (
                not _names_alone(parts[-1].words, lexicon)):
            # "J.C. Flowers and Friedman Fleischer and Lowe": of two "and"s in a row one is
            # inside a name, and a lone unknown word last is the end of one ("... & Lowe").
            last_and = max(i for i, w in enumerate(span.words[:-1]) if w == "and")
            start = span.words.index(parts[-2].words[0], 0, last_and)
            parts[-2:] = [sub_span(span, start, len(span.words) - 1)]
    return [piece for part in parts for piece in _split_of_place(part)]


#: Words of bodies' names that companies fuse onto a name: "Citicorp", "Unibank", "Mediagroup".
_FUSED_ENDINGS = ("corp", "bank", "group")


def _fused_body_word(word: str) -> bool:
    """``Citicorp``, ``Commerzbank``: one word that carries a body's word fused at its end,
    so it names a body alone before "and" (``Citicorp and Travelers Group`` are two)."""
    return (len(word) > len(max(_FUSED_ENDINGS, key=len)) + 2 and word[0].isupper()
            and word[1:].islower() and word.endswith(_FUSED_ENDINGS))


def _names_alone(words: tuple[str, ...], lexicon: Lexicon) -> bool:
    """Whether *words* name a place or body on their own, or the article prints them so."""
    return bool(canonical_place(words) or is_curated(words) or canonical_organization(words)
                or (len(words) == 1 and is_acronym(words[0])) or _printed_alone(words, lexicon))


def _second_object(first: tuple[str, ...], second: tuple[str, ...], lexicon: Lexicon) -> bool:
    """``Ministry of Chemicals and Fertilisers``, ``Group for Information and Action``: after a
    body's "of" or "for", one more common word is the second thing it is of, not a body."""
    if len(second) != 1 or _names_alone(second, lexicon):
        return False
    word = second[0]
    joiners = {first[i + 1] for i, w in enumerate(first[:-1]) if w in ORG_SUFFIXES}
    # What a body is "for" is seldom a second body ("Group for Information and Action"); what
    # it is "of" may be ("Bank of America and Wachovia"), unless a plural or common noun.
    return "for" in joiners or ("of" in joiners and (
        word.endswith("s") or fold(word) in lexicon.lower))


#: Joiners after which a name may start anew: "Representatives for Delphi", "Ratings on ...".
_FOR_ON = ("for", "on")


def _split_for_on(span: Span, lexicon: Lexicon) -> list[Span]:
    """``Air France KLM for Iberia``, ``Representatives for Delphi``, ``Ratings on Chrysler
    Financial`` -> the words before "for"/"on" and the name after; not ``Institute for Supply
    Management`` or ``Council on Foreign Relations`` (a body's word before it), nor ``Minister
    for Trade`` (a title)."""
    words = span.words
    at = next((i for i, w in enumerate(words[1:-1], 1) if w in _FOR_ON), None)
    if at is None or not is_capitalised(words[at + 1]):
        return [span]
    head, tail = words[:at], words[at + 1:]
    last = head[-1]
    if (last in ORG_SUFFIXES or last in OFFICE_WORDS or last in FIELDS or is_title_word(last)
            or canonical_organization(head)):
        return [span]
    # A common word the article also prints in lower case, or a plural ("Representatives",
    # "Ratings"): who speaks for a body or what is said of it.
    common_head = len(head) == 1 and (fold(last) in lexicon.lower or (
        last.endswith("s") and not is_demonym(head) and canonical_place(head) is None))
    named_tail = (is_curated(tail) or canonical_organization(tail) is not None
                  or (len(tail) == 1 and is_acronym(tail[0]))
                  or bool(TICKER_AFTER.match(span.after)))
    if not (common_head or named_tail):
        return [span]
    return [sub_span(span, 0, at - 1), sub_span(span, at + 1, len(words) - 1)]


def _printed_alone(words: tuple[str, ...], lexicon: Lexicon) -> bool:
    """Whether the article prints *words* as a name of their own elsewhere, and they are no
    common word (``Food``, ``Science``) or word of names."""
    if fold(" ".join(words)) not in lexicon.names:
        return False
    return len(words) > 1 or not (fold(words[0]) in lexicon.lower or words[0] in ORG_SUFFIXES
                                  or words[0] in FIELDS or words[0] in OFFICE_WORDS)


def _split_of_place(span: Span) -> list[Span]:
    """``Permian Basin of Texas``, ``Aquanord of France``, ``Shannon Cross of Cross Research``
    -> the name and the place or body; not ``University of Oxford`` or ``Secretary of
    State``."""
    words = span.words
    if "of" not in words[1:-1] or span.text.startswith(FEATURE_FIRST):
        return [span]
    i = words.index("of")
    head, tail = words[:i], words[i + 1 :]
    if head[-1] in ORG_SUFFIXES or head[-1] in OFFICE_WORDS or len(head) > 5:
        return [span]
    if is_curated(words[: i + 2]):
        return [span]  # "House of Representatives Financial Services Committee"
    tail_is_body = (canonical_organization(tail) is not None and canonical_organization(head)
                    is None and not " ".join(tail).startswith(ORG_PREFIXES))
    if (tail_is_body and len(head) == 1 and not head[0].endswith(".")
            and not is_title_word(head[0])
            and any(canonical_place(tail[:k]) for k in range(1, len(tail)))):
        # "Government of Singapore Investment Corporation", "Banc of America Securities": a
        # body of a place, named by one word, "of" and the place: one name.
        return [span]
    if not tail_is_body and (canonical_place(tail) is None or canonical_organization(words)):
        return [span]
    # "Judge Christopher Sontchi of the U.S. Bankruptcy Court": the body starts after "the".
    first = i + 1
    while first < len(words) - 1 and not is_capitalised(words[first]):
        first += 1
    return [sub_span(span, 0, i - 1), sub_span(span, first, len(words) - 1)]


def _adjective(word: str) -> bool:
    """``Economic``, ``Strategic``, ``Political``: a word that qualifies the next, so a name
    cut after it (``Center for Economic`` of ``Center for Economic and Policy Research``) is
    a fragment."""
    return canonical_place(word) is None and word.endswith(
        ("ic", "ical", "al", "ive", "ary", "ous")) and len(word) > 4


def opens_sentence(span: Span) -> bool:
    before = span.before.rstrip()
    return not before or before.endswith((".", "!", "?", ":", "\"", "“", "”", "—", "–", "-"))
