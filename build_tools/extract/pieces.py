"""Candidate names in an article's body: split at possessives, lists and "of", classified by
what their own words and the words around them say. Pure; :func:`extract` drives it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import gazetteer
from .cuts import (
    FIELDS, STATUS_WORDS, join_comma_firms, opens_sentence, possessive_in_name, split_list,
)
from .lexicon import Lexicon
from .organizations import (
    BRANDS_BEFORE, LEGAL_SUFFIXES, NOT_ACRONYMS, ORG_FIRST, ORG_PREFIXES, ORG_SUFFIXES,
    PRODUCT_AFTER, PRODUCT_BEFORE, TICKER_AFTER, canonical_organization, described_at_length,
    is_acronym, is_curated, is_descriptor, names_a_concept, names_a_work,
    organization_by_description, organization_by_employment, organization_in_span,
    owned_product, short_form_twin, strip_legal_suffix,
)
from .people import (
    SURNAME_SUFFIXES, has_evidence, is_title_word, quoted_person, role_before,
    surname_is_a_suffix, title_of,
)
from .places import (
    big_city, canonical_place, is_demonym, needs_its_country, place_before_based_region,
    place_by_context, place_by_form, place_with_region,
)
from .registry import Registry
from .spans import (
    ABBREVIATIONS, Span, find_spans, fold, inside_brackets, is_capitalised, possessive_base,
    split_possessives, sub_span,
)

#: What may stand between two names of one list: "Chevron, Exxon and Shell".
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*(?:and|or)(?:\s+the)?)\s*$")
#: "MARTIN + OSA": names joined by a plus sign, as brands are printed.
_PLUS_AFTER = re.compile(r"\s*\+\s*(?=[A-Z])")
_CONJUNCTION = re.compile(r"\b(?:and|or)\b")
#: One ticker, or two printed together (``RIM.TORIMM.O``: Toronto's and Nasdaq's).
_TICKER = re.compile(r"^(?:[A-Z0-9]{1,6}[a-z]{0,2}[A-Z]{0,2}\.[A-Z]{1,3}){1,2}$")
#: Capitals and digits mixed, a digit last or inside: futures and instrument codes (``CLF8``,
#: ``NRP290``, ``US10YT``); names such as ``G7`` or ``3M`` are curated.
_CODE = re.compile(r"^(?=[A-Z0-9]*[0-9][A-Z0-9]*$)[A-Z][A-Z0-9]*[0-9][A-Z0-9]*$")
#: "Petróleos Mexicanos (Pemex)", "..., known as OVSICORI": a short name defined after a name.
_ACRONYM_AFTER = re.compile(
    r"^\s*(?:\(\s*|,\s*(?:known as|or|also called)\s+)([^\W\d_][\w&-]{1,11})\b(?!\s+[a-z])")
#: Last words that name a part of a body, so the words before them are not its short name.
PART_WORDS = frozenset("Board Committee Council Unit Office Division Newsroom Union".split())
#: Articles and words opening a sentence that end no name: "Dell Inc and Hewlett-Packard The
#: announcement", "... and Hilton When asked" (a lost period).
_TRAILING_ARTICLES = frozenset(  # "An" ends Vietnamese names
    "The When But If While Although However Asked Meanwhile Still Yet".split())
#: Last words of bodies that publish indexes: "the Conference Board index".
INDEX_PUBLISHERS = frozenset(
    "Exchange Board Bank Reserve Department Commission Association University Institute".split())
#: Words after a name that say it is a market index: "the S&P Energy index .GSPE".
_INDEX_AFTER = re.compile(
    r"^\s+(?:(?:share|stock|equity|benchmark|volatility)\s+)?(?:index|indexes|indices|average|sub-index)\b")
#: "its ticker symbol to "TRV"", "under the symbol NWEC": what follows is a code.
_SYMBOL_BEFORE = re.compile(r"\b(?:ticker|symbol)\s+(?:to\s+|of\s+|is\s+|was\s+)?[\"“']?\s*$")


#: Reasons other steps read back: a product's name, and a place guessed from the words around it.
PRODUCT_REASON = "a product or brand"
CONTEXT_REASON = "a place by the words around it"
FORM_REASON = "named like a river, sea, valley or other feature"


@dataclass
class Piece:
    """A candidate name, the list it stands in, and what it was found to be and why."""

    span: Span
    group: int
    kind: str | None = None  #: "people" (forced or titled), "places", "organizations" or None
    name: str | None = None
    reason: str = ""
    #: A name the text shows to be a person's: context may not make it anything else.
    personal: bool = False
    #: One word opening a sentence: too weak for anything but what is known of it.
    initial: bool = False
    #: In a list joined by "and" or "or", whose members share a kind.
    listed: bool = False
    #: A place by size or context alone, which a person of the same name outranks.
    guessed: bool = False
    #: In a paragraph printed wholly in capitals (a heading, a story in capitals): nothing
    #: there shows what a word is, so only names known as they stand count.
    shouted: bool = False
    #: After a body's possessive (``Palm's Treo``): what a body owns or makes, which its
    #: list does not make a body.
    owned: bool = False
    #: One of names joined by "+" (``MARTIN + OSA``): a brand's name, never a body's.
    plus_joined: bool = False
    #: The abbreviated place split off before this piece (``U.S.`` of ``U.S. Foodservice``).
    place_before: Piece | None = None


def find_pieces(paragraph: str, registry: Registry, groups: Iterator[int],
                lexicon: Lexicon = Lexicon()) -> list[Piece]:
    """The candidate names of one paragraph, split at possessives and conjunctions, each with
    the number of the list it stands in ("Chevron, Exxon and Shell" share one). *lexicon*
    holds what the whole article's text says of its words."""
    pieces: list[Piece] = []
    lists: set[int] = set()  # groups joined by "and" or "or": real lists, not "In Paris, X"
    group, previous = next(groups), None
    plus = False  # the name before was followed by "+"
    spans = join_comma_firms(paragraph, [
        _with_number_word(s, paragraph) for span in _without_codes(find_spans(paragraph))
        for s in _split_after_legal_period(span)], lexicon)
    for whole in filter(None, (_without_edge_words(s, registry, lexicon) for s in spans)):
        gap = paragraph[previous.end : whole.start] if previous else ""
        listed = bool(previous and re.match(r"^\s*,\s*$", gap))
        if not (previous and _LIST_GAP.match(gap)):
            group = next(groups)
        elif _CONJUNCTION.search(gap):
            lists.add(group)
        previous = whole
        # Matched in place: a slice of the rest of the paragraph at every name would make a
        # story printed as one paragraph quadratic.
        joined, plus = plus, bool(_PLUS_AFTER.match(paragraph, whole.end))
        if _known_whole(whole, registry):
            pieces.append(Piece(whole, group))
            continue
        if joined or plus:
            pieces.append(Piece(whole, group, plus_joined=True))
            continue
        parts = [whole]
        if (place_split := _split_abbreviated_place(whole)) is not None:
            parts = list(place_split)
        if (split := _split_body_from_title(parts[-1])) is not None:
            parts[-1:] = split
        for n, whole in enumerate(parts):
            if n:
                group = next(groups)
            first = len(pieces)
            group = _add_pieces(whole, group, groups, pieces, lists, lexicon, listed and not n)
            if n == 1 and place_split and len(pieces) == first + 1:
                pieces[-1].place_before = pieces[first - 1]
    shouted = not any(c.islower() for c in paragraph)
    for piece in pieces:
        piece.listed = piece.group in lists
        piece.shouted = shouted
    return pieces


#: A capitalised number right before a body's name, inside a sentence: "Four Seasons Hotels".
_NUMBER_BEFORE = re.compile(r"(?<=[a-z,] )(One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten) $")


def _with_number_word(span: Span, paragraph: str) -> Span:
    """``operator Four Seasons Hotels Inc``: a number that opens a run of capitals only opens
    sentences ("Two Goldman bankers"), so inside one it is the body's first word, when the run
    ends in a legal form."""
    match = _NUMBER_BEFORE.search(paragraph[max(0, span.start - 40):span.start])
    if not match or span.words[-1].casefold().rstrip(".,") not in {
            w.rstrip(".") for w in LEGAL_SUFFIXES}:
        return span
    start = span.start - len(match.group())
    return Span((match.group(1), *span.words), start, span.end,
                paragraph[max(0, start - 80):start], span.after)


def _add_pieces(whole: Span, group: int, groups: Iterator[int], pieces: list[Piece],
                lists: set[int], lexicon: Lexicon, listed: bool = False) -> int:
    """The pieces of one name, split at possessives and lists; returns the last group."""
    # ... but "Brewers Association" and "Retailers Council" are names of their own.
    if (len(whole.words) > 1 and is_descriptor(whole.words[0])
            and whole.words[0] not in ORG_SUFFIXES and is_capitalised(whole.words[1])
            and not all(w in ORG_SUFFIXES for w in whole.words[1:])):
        whole = sub_span(whole, 1, len(whole.words) - 1)  # "Broadcaster British Sky ..."
    owners = split_possessives(whole, possessive_in_name)
    for k, part in enumerate(owners):
        if k:
            group = next(groups)
        owned = k > 0 and canonical_place(owners[k - 1].words) is None and (
            part.before.rstrip().endswith(("'s", "’s", "'", "’")))
        parts = split_list(part, lexicon, listed and k == 0)
        if len(parts) > 1 and "and" in part.words:
            lists.add(group)
        pieces.extend(Piece(piece, group, owned=owned and n == 0) for n, piece in enumerate(parts))
    return group


def _split_abbreviated_place(span: Span) -> tuple[Span, Span] | None:
    """``U.S. Arms sales``, ``the U.S. Trade deficit``: older copy capitalises the word after an
    abbreviation, so a place printed with periods opens a span that is no name as a whole.
    Known bodies and titles (``U.S. Steel``, ``U.S. Trade Representative Clayton Yeutter``)
    stay whole."""
    words = span.words
    if (len(words) < 2 or not words[0].endswith(".") or canonical_place(words[0]) is None
            or canonical_place(words) or canonical_organization(words) or title_of(words)):
        return None
    return sub_span(span, 0, 0), sub_span(span, 1, len(words) - 1)


#: Titles whose words before them name a portfolio, not a body: "Energy Secretary".
PORTFOLIO_TITLES = frozenset(("minister", "secretary"))


def _split_body_from_title(span: Span) -> tuple[Span, Span] | None:
    """``Bank of Japan Governor Satoshi Sumita`` -> ``Bank of Japan`` and ``Governor Satoshi
    Sumita``: a body named in two words or more, then a title and a person's name. A body of
    one word (``Fed Chairman Volcker``, ``UAW President``) stays in the title."""
    words = span.words
    # "Republican on the House Foreign Affairs Committee": a title, then the body it sits on.
    if (len(words) > 3 and is_title_word(words[0]) and words[1] == "on"
            and canonical_organization(words)):
        rest = 2 + (words[2] == "the")
        return sub_span(span, 0, 0), sub_span(span, rest, len(words) - 1)
    for i in range(2, len(words) - 1):
        if not is_title_word(words[i]) or is_title_word(words[i - 1]):
            continue
        if words[i].casefold() in PORTFOLIO_TITLES or any(map(is_title_word, words[:i])):
            return None  # "Mineral Resources Minister", "Chief Financial Officer": one title
        j = i
        while j < len(words) and is_title_word(words[j]):
            j += 1
        name = words[j:]
        if not 1 <= len(name) <= 4 or not all(is_capitalised(w) for w in name):
            continue
        head = words[:i]
        if (canonical_organization(head) or canonical_organization(words)
                or _body_and_region(head)) and canonical_place(head) is None and (
                canonical_organization(name) is None or surname_is_a_suffix(name)):
            return sub_span(span, 0, i - 1), sub_span(span, i, len(words) - 1)
    return None


def _body_and_region(words: tuple[str, ...]) -> bool:
    """``Toyota North America``, ``GM Europe``: a known body, then the region its arm runs."""
    return any((is_curated(words[:k]) or canonical_organization(words[:k])
                or (k == 1 and is_acronym(words[0]))) and canonical_place(words[k:]) is not None
               for k in range(1, len(words)))


def _split_after_legal_period(span: Span) -> list[Span]:
    """``Home Depot Inc. Critics of CEO pay``, ``SLM Corp. Sallie Mae shares``: a legal form
    printed with its period, then a capitalised word, is where a sentence ended."""
    words = span.words
    for i, word in enumerate(words[:-1]):
        nxt = words[i + 1]
        if (word.endswith(".") and word.casefold() in LEGAL_SUFFIXES
                and word.casefold() in ABBREVIATIONS and nxt.casefold() not in LEGAL_SUFFIXES
                and nxt not in ("&", "and") and is_capitalised(nxt)):
            return [sub_span(span, 0, i), *_split_after_legal_period(
                sub_span(span, i + 1, len(words) - 1))]
    return [span]


def _without_edge_words(span: Span, registry: Registry, lexicon: Lexicon) -> Span | None:
    """The span without words at its edges that belong to the sentence, not the name: an
    article left at the end (``Hewlett-Packard The``), and a word opening the sentence that
    says what state a body is in or is a common word the article also prints in lower case
    (``Former Federal Reserve Chairman``, ``Separate Labor Department``, ``Combined ...``)."""
    words = span.words
    if len(words) > 1 and words[-1] in _TRAILING_ARTICLES:
        return _without_edge_words(sub_span(span, 0, len(words) - 2), registry, lexicon)
    if len(words) < 2 or not opens_sentence(span) or _known_whole(span, registry):
        return span
    first = fold(words[0])
    rest = 1
    while rest < len(words) and not is_capitalised(words[rest]):
        rest += 1
    tail = sub_span(span, rest, len(words) - 1) if rest < len(words) else None
    if first in STATUS_WORDS and tail and not is_title_word(tail.words[0]):
        return tail  # "Former President Bill Clinton" keeps his title whole
    if first.endswith(("ed", "ly")) and first in lexicon.lower and tail and (
            canonical_organization(tail.words) or is_curated(tail.words)):
        return tail
    # "Representatives for Delphi", "News of BHP's bid": a plural or common noun, then of,
    # for or on and a body named on its own.
    if (len(words) > 2 and words[1] in ("of", "for", "on") and not is_title_word(words[0])
            and canonical_place(words[2:]) is None
            and not " ".join(words).startswith(ORG_PREFIXES)):
        tail = sub_span(span, 2 + (words[2] == "the"), len(words) - 1)
        # "News of Dell's return": the body is named before its possessive.
        bare = tail.words[:-1] + (possessive_base(tail.words[-1]) or tail.words[-1],)
        named = is_curated(bare) or (len(bare) == 1 and is_acronym(bare[0]))
        # "Institute for Supply Management" is one name; "News of BHP's bid" is not. A body
        # known by name after "of" (``News of Dell's return``) needs no lower-case twin.
        if (named and (first in lexicon.lower or is_curated(bare))) or (
                first in lexicon.lower and words[0] not in ORG_SUFFIXES
                and canonical_organization(tail.words)):
            return tail
    return span


def _without_codes(spans: list[Span]) -> Iterator[Span]:
    """Spans with the tickers and codes printed inside them taken out: ``UAUA.O United
    Airlines`` -> ``United Airlines``, ``Cerberus CBS.UL`` -> ``Cerberus``."""
    for span in spans:
        start = 0
        for i, word in enumerate(span.words):
            # "RC2 Corp.": capitals and digits before a legal form open a company's name.
            legal_next = i + 1 < len(span.words) and (
                span.words[i + 1].casefold() in LEGAL_SUFFIXES) and not _TICKER.match(word)
            if is_code(word) and not legal_next:
                if i > start:
                    yield sub_span(span, start, i - 1)
                start = i + 1
        if start == 0:
            yield span
        elif start < len(span.words):
            yield sub_span(span, start, len(span.words) - 1)


def is_code(word: str) -> bool:
    """A ticker or a market code: ``GS.N``, ``CBS.UL``, ``CLF8`` (a future), ``NRP290``."""
    return bool(_TICKER.match(word)) or bool(_CODE.match(word))


def _known_whole(span: Span, registry: Registry) -> bool:
    return bool(registry.find(span.text) or is_curated(span.words) or canonical_place(span.words))


def classify(piece: Piece, registry: Registry, lexicon: Lexicon = Lexicon()) -> None:
    """What a piece names, where its own words or the words around it say so; people are left
    to :func:`find_people`, which needs every mention."""
    span = piece.span
    piece.initial = len(span.words) == 1 and opens_sentence(span)

    def found(kind: str | None, name: str | None, reason: str) -> None:
        piece.kind, piece.name, piece.reason = kind, name, reason

    if forced := registry.find(span.text):
        return found(forced.kind, forced.name, "in the registry")
    if piece.plus_joined:
        return found("none", None, PRODUCT_REASON)
    if piece.shouted or _in_capitals(span) or _heading_word(span):
        if (place := canonical_place(span.words)) and not needs_its_country(span.words,
                                                                             lexicon.names):
            return found("places", place, "a known place")
        if is_curated(span.words):
            return found("organizations", canonical_organization(span.words), "a known organisation")
        return found("none", None, "in capitals, unknown")
    if _is_noise(span) or (_INDEX_AFTER.match(span.after) and not is_curated(span.words)
                           and span.words[-1] not in INDEX_PUBLISHERS):
        return found("none", None, "ticker, index or rate")
    if len(span.words) == 1 and span.text in lexicon.common_acronyms and not is_curated(
            span.words):
        return found("none", None, "an acronym the article uses as a common noun")
    if len(span.words) == 1 and not is_curated(span.words) and (
            span.text in ORG_SUFFIXES or span.text.casefold() in LEGAL_SUFFIXES):
        return found("none", None, "a word of a name, alone")
    if "&" in span.words and all(len(w) == 1 or (w[-1] == "s" and len(w) == 2)
                                 for w in span.words):
        return found("none", None, "letters joined by &")  # "S & P", and its plural "S & Ps"
    if (PRODUCT_AFTER.match(span.after) or PRODUCT_BEFORE.search(span.before)
            or owned_product(span)) and (
            not is_curated(span.words) and canonical_place(span.words) is None):
        return found("none", None, PRODUCT_REASON)
    if BRANDS_BEFORE.search(span.before) and not (is_curated(span.words)
                                                  or _named_as_company(span)):
        return found("none", None, PRODUCT_REASON)
    if names_a_work(span) and not is_curated(span.words):
        return found("none", None, "the title of a work")
    if in_angle_brackets(span):
        # Wire copy marks a company <Texas Air Corp> and its ticker <TWA> or <TSBA.T> so.
        if len(span.words) == 1 and not any(c.islower() for c in span.text):
            return found("none", None, "a code in angle brackets")
        return found("organizations", strip_legal_suffix(span.words),
                     "a company named in angle brackets")
    if len(span.words) == 1 and inside_brackets(span):
        return found("none", None, "a short name defined in brackets")
    if (place := canonical_place(span.words)) and not needs_its_country(span.words,
                                                                         lexicon.names):
        return found("places", place, "a known place")
    titled = title_of(span.words)
    if titled and surname_is_a_suffix(span.words[len(titled.split()):]):
        piece.personal = True  # "President Jim Press"
        return found("people", None, "a title or role")
    if not is_curated(span.words) and (place := place_before_based_region(span)):
        return found("places", place, "a place, then the region of a '-based' body")
    if _person_named_like_body(span):
        piece.personal = True  # "Robert Steel, U.S. undersecretary for domestic finance"
        return found("people", None, "a person's name, then a role")
    if org := organization_in_span(span):
        return found("organizations", org, "a known organisation, or named like one")
    if place := place_by_form(span):
        return found("places", place, FORM_REASON)
    if span.words[-1] in gazetteer.not_entities().last_words:
        return found("none", None, "a treaty, law, event or index")
    if title_of(span.words) or role_before(span):
        piece.personal = True
        return found("people", None, "a title or role")
    if piece.initial:
        if _describable(span) and fold(span.text) not in lexicon.lower and (
                described_at_length(span.after)):
            # "L'Oreal, the world's largest cosmetics group, has ...": said at length.
            return found("organizations", strip_legal_suffix(span.words),
                         "described as an organisation")
        return None
    if place := place_with_region(span):
        return found("places", place, "a place named with its state or country")
    if place := big_city(span):
        piece.guessed = True
        return found("places", place, "a large city")
    if len(span.words) > 1 and quoted_person(span):
        piece.personal = True
        return None
    if _describable(span) and (org := organization_by_description(span)):
        return found("organizations", org, "described as an organisation")
    if has_evidence(span):
        piece.personal = True
        return None
    if _describable(span) and (org := organization_by_employment(span)):
        return found("organizations", org, "where someone works")
    if place := place_by_context(span):
        piece.guessed = True
        return found("places", place, CONTEXT_REASON)
    return None


#: Surnames that are also last words of bodies' names, beside those of :mod:`.people`.
_BODY_SURNAMES = SURNAME_SUFFIXES | frozenset(("Steel", "Young", "Mills"))
#: ", U.S. undersecretary for ...", ", the bank's chief economist": a person's role after a name.
_ROLE_APPOSITIVE = re.compile(
    r"^\s*,\s*(?:the\s+|a\s+|an\s+|its\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}(?:[a-z]+\s+){0,2}?"
    r"(?:under|deputy\s+|assistant\s+|vice\s+)?(?:secretary|chairman|chairwoman|president|"
    r"chief|director|analyst|economist|spokesman|spokeswoman|minister|governor|founder|"
    r"professor|commissioner|treasurer)\b")


def _person_named_like_body(span: Span) -> bool:
    """``Robert Steel, U.S. undersecretary``: a first name and a surname that ends bodies'
    names, set off by a person's role, are a person's name."""
    words = span.words
    return (len(words) == 2 and words[1] in _BODY_SURNAMES and words[0] not in ORG_SUFFIXES
            and not is_curated(words) and not TICKER_AFTER.match(span.after)
            and bool(_ROLE_APPOSITIVE.match(span.after)))


def _describable(span: Span) -> bool:
    """Whether the words around *span* may make it an organisation: not a people's name
    (``Japanese``), a title (``Chairman``), a lone word of names (``Jr.``, ``Economics``), a
    letter (``Class B``) or an adjective (``Academy Award-winning``, ``Nasdaq-style``)."""
    words, last = span.words, span.words[-1]
    if "-" in last and last.rsplit("-", 1)[1][:1].islower():
        return False
    if len(last) == 1 or (len(words) == 1 and is_demonym(words)):
        return False
    if len(words) > 1:
        return True
    return not (is_title_word(last) or last in NOT_ACRONYMS or last in ORG_SUFFIXES
                or last in FIELDS or last.casefold() in ABBREVIATIONS)


def _heading_word(span: Span) -> bool:
    """One word in capitals that is part of a heading or a table printed inside a paragraph:
    in a run of three words in capitals or more (``LORD, ABBETT & CO. LLC``, ``85 PERCENT,
    PRE-2003 GRANDFATHERED``), or standing alone between sentences (``appeal. DUEL "For``,
    ``LINK: - To view``). Two acronyms side by side (``IBM, HP and Dell``) are no heading."""
    word = span.text
    if len(span.words) != 1 or not _capitals(word):
        return False
    before = _TOKENS.findall(span.before)
    after = _TOKENS.findall(span.after)
    run = 1 + _capitals_run(reversed(before)) + _capitals_run(after)
    if run >= 3:
        return True
    sentence_before = not span.before.strip() or span.before.rstrip()[-1] in ".!?"
    return sum(c.isalpha() for c in word) >= 4 and sentence_before and bool(
        re.match(r"^\s*(?::|[\"“]|[A-Z][a-z])", span.after))


_TOKENS = re.compile(r"[^\W\d_][\w'’.&-]*|\S")


def _capitals_run(tokens) -> int:
    """How many words in capitals the tokens open with, across punctuation and figures."""
    count = 0
    for token in tokens:
        if token in "()" or (token[0].isalpha() and not _capitals(token)):
            break
        count += _capitals(token) and token[0].isalpha()
    return count


def _capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _in_capitals(span: Span) -> bool:
    """``ACCREDITED HOME LENDERS HOLDING``: two words or more, every one in capitals: a heading,
    not how a text prints a name (which the curated data or registry may still know)."""
    words = [w for w in span.words if any(c.isalpha() for c in w)]
    return len(words) > 1 and all(w.isupper() and len(w) > 1 for w in words) and not all(
        is_acronym(w) or w.endswith(".") for w in words)


def in_angle_brackets(span: Span) -> bool:
    """``<TSBA.T>``, ``<Texas Air Corp>``: a span that is all there is between ``<`` and ``>``."""
    return span.before.rstrip().endswith("<") and span.after.lstrip().startswith(">")


def _is_noise(span: Span) -> bool:
    """Tickers (``GS.N``, ``RDSa.L``, ``CLF8``, a word after "ticker symbol"), index codes
    printed after a dot (``.IXIC``), currencies (``HK$``), single letters, indices and rates."""
    text = span.text
    return (
        (len(span.words) == 1 and is_code(text))
        # "HK$7.8", "NT$477": capitals glued to a currency sign name the currency.
        or span.after.startswith("$")
        or (len(span.words) == 1 and bool(_SYMBOL_BEFORE.search(span.before)))
        or (len(span.words) == 1 and span.before.endswith(".")
            and span.before[-2:-1] in ("", " ", "(", "\t"))
        or (len(text) == 1)
        or fold(text) in gazetteer.not_entities().names
        or fold(text).replace(" & ", "&") in gazetteer.not_entities().names
        or _singular(fold(text)) in gazetteer.not_entities().names
    )


def _singular(key: str) -> str:
    """``blackberries`` -> ``blackberry``, ``ipods`` -> ``ipod``: a product named in the
    plural."""
    if key.endswith("ies") and len(key) > 4:
        return key[:-3] + "y"
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


def inherit_kinds(pieces: list[Piece]) -> None:
    """Names listed with organisations are organisations ("Chevron, Exxon and Shell"); so with
    places. Only lists whose named members are all of one kind count, and a name the text
    shows to be a person's stays one."""
    by_group: dict[int, list[Piece]] = {}
    for piece in pieces:
        by_group.setdefault(piece.group, []).append(piece)
    for members in by_group.values():
        if BRANDS_BEFORE.search(members[0].span.before):
            _share_brands(members)
            continue
        if members[0].listed and any(m.reason == PRODUCT_REASON for m in members):
            _share_product(members)
            continue
        kinds = [m.kind for m in members if m.kind]
        if not members[0].listed or len(set(kinds)) != 1 or kinds[0] in ("people", "none"):
            continue
        target = kinds[0]
        if target == "places" and len(kinds) < 2:
            continue  # "BA or Lufthansa", "Nokia and Sony Ericsson": one place proves little
        for member in members:
            # "Dell and PC": a common acronym or lone word of names is no body for its list.
            # "Cliffe and Charles Robertson, ING's chief economist": a person by the words
            # around him, whatever his list.
            if (member.kind is None and not member.personal and not member.initial
                    and not member.owned and _describable(member.span)
                    and not is_demonym(member.span.words) and not has_evidence(member.span)
                    and not _ROLE_APPOSITIVE.match(member.span.after)):
                member.kind, member.name = target, strip_legal_suffix(member.span.words)
                member.reason = f"listed with other {target}"


def _share_product(members: list[Piece]) -> None:
    """"Batman and One Piece play sets", "CTS-V and STS, STS-V sedans": a list that ends in a
    product's noun is a list of products; members known by name keep what they are."""
    for member in members:
        weak = member.kind is None or member.guessed or (
            member.kind == "organizations" and len(member.span.words) == 1
            and is_acronym(member.span.text) and not is_curated(member.span.words))
        if weak and not member.personal:
            member.kind, member.name, member.reason = "none", None, PRODUCT_REASON


def _share_brands(members: list[Piece]) -> None:
    """"Its brands include Hilton, Conrad Hotels & Resorts and Doubletree": every member of a
    list of brands is a brand, even one named like a body, unless it is curated or named as a
    company ("brands including Acer Inc ( 2353.TW )")."""
    for member in members:
        if not (member.personal or is_curated(member.span.words)
                or _named_as_company(member.span)):
            member.kind, member.name, member.reason = "none", None, PRODUCT_REASON


def _named_as_company(span: Span) -> bool:
    """``Acer Inc``, ``Acer ( 2353.TW )``: a name printed with its legal form or a ticker."""
    return bool(TICKER_AFTER.match(span.after)) or span.words[-1].casefold() in LEGAL_SUFFIXES


def join_short_forms(pieces: list[Piece]) -> None:
    """Later mentions of an organisation by a short name join the full one: ``Bushveld
    Platinum`` after ``Bushveld Platinum Holdings``, ``Pemex`` after ``Petróleos Mexicanos
    (Pemex)``."""
    shorts: dict[str, str] = {}
    products: set[str] = set()  # "PlayStation Portable, or PSP": a product's short name
    product_names: set[str] = set()
    heads: dict[str, set[str]] = {}  # "Delta" of "Delta Air Lines" and other first words
    tails: dict[str, set[str]] = {}  # "Lilly" of "Eli Lilly" and other last words
    web_names: dict[str, str] = {}  # "Amazon" of "Amazon.com": even a known place is the body
    for piece in pieces:
        # "Public Sector Borrowing Requirement (PSBR)": a name that is no body's, nor a
        # person's, defines a short name that is none either.
        unknown = piece.kind is None and not piece.personal and len(piece.span.words) > 1 and (
            names_a_concept(piece.span.words))
        if (piece.kind == "none" or unknown) and (
                match := _ACRONYM_AFTER.match(piece.span.after)):
            products.add(fold(match.group(1)))
        if piece.reason == PRODUCT_REASON:
            # "Batman" toys here, "Barbie and Batman" there: no place, whatever a body is.
            product_names.add(fold(piece.span.text))
        if piece.kind != "organizations" or not piece.name:
            continue
        if match := _ACRONYM_AFTER.match(piece.span.after):
            shorts.setdefault(fold(match.group(1)), piece.name)
        if piece.name.casefold().endswith(".com") and len(piece.name) > 5:
            web_names.setdefault(fold(piece.name[:-4]), piece.name)
        words = piece.name.split()
        if len(words) > 1 and (base := possessive_base(words[0])) and is_acronym(base):
            # "BJ's Wholesale Club ... BJ's offers": the founder's initials alone are the body.
            shorts.setdefault(fold(base), piece.name)
        if len(words) > 1 and words[0] not in ORG_FIRST and canonical_place(words[:1]) is None:
            heads.setdefault(fold(words[0]), set()).add(piece.name)
        if len(words) > 1 and _names_the_body(words[-1]):
            tails.setdefault(fold(words[-1]), set()).add(piece.name)
        # "Caremark Board" is a part of Caremark, not its full name.
        while len(words) > 1 and words[-1] in ORG_SUFFIXES and words[-1] not in PART_WORDS:
            words = words[:-1]
            shorts.setdefault(fold(" ".join(words)), piece.name)
    # Everything the article prints as a name, and the bodies it names.
    printed = {fold(p.span.text) for p in pieces} | {
        fold(p.name) for p in pieces if p.kind == "organizations" and p.name}
    for piece in pieces:
        key = fold(piece.span.text)
        if (key in products and key not in shorts and piece.kind in (None, "organizations")) or (
                key in product_names and piece.guessed):
            piece.kind, piece.name, piece.reason = "none", None, "short for a product or index"
            continue
        if (name := web_names.get(key)) and not piece.personal:
            piece.kind, piece.name, piece.reason = "organizations", name, f"short for {name}"
            continue
        name = shorts.get(key)
        # "New River" after "New River Pharmaceuticals": a name shaped like a river's is the
        # body's short name.
        if name and not piece.personal and (piece.kind in (None, "organizations", "none")
                                            or piece.reason == FORM_REASON):
            piece.kind, piece.name, piece.reason = "organizations", name, f"short for {name}"
        elif len(named := heads.get(key, set())) == 1 and (name := next(iter(named))) != (
                piece.name) and (_weak_place(piece) or (
                piece.kind == "organizations" and piece.reason in _WEAK_BODY_REASONS)):
            # "bankrupt Delta Air Lines ... support from Delta's creditors", "Spirit
            # AeroSystems ... Spirit, a former unit of Airbus": a weakly found name is the one
            # body the article names with that first word.
            piece.kind, piece.name, piece.reason = "organizations", name, f"short for {name}"
        elif (piece.kind == "organizations" and len(piece.span.words) == 1
              and not is_curated(piece.span.words)
              and len(named := tails.get(key, set())) == 1
              and (name := next(iter(named))) != piece.name
              and not _names_two_bodies(name, printed)):
            # "Eli Lilly ... Lilly ( LLY.N )", "shoe company Steven Madden Ltd. ... Madden's
            # stock": the last word of a body's name the article prints in full is that
            # body, not another one.
            piece.name, piece.reason = name, f"the last word of {name}"
    names = {piece.name for piece in pieces if piece.kind == "organizations" and piece.name}
    for piece in pieces:
        if piece.kind == "organizations" and piece.name and (
                twin := short_form_twin(piece.name, names)):
            piece.name, piece.reason = twin, f"spelled out for {twin}"


def _names_two_bodies(name: str, printed: set[str]) -> bool:
    """``Molson Coors`` beside ``Molson Inc``, ``Sony Ericsson`` beside ``Sony``: a name whose
    words before the last name a body the article prints on its own joins two bodies' names,
    so its last word may be the other body (``Coors``)."""
    head = tuple(name.split()[:-1])
    return fold(" ".join(head)) in printed or is_curated(head)


def _names_the_body(word: str) -> bool:
    """Whether the last word of a body's name may stand for the body: ``Lilly`` of ``Eli
    Lilly``, not ``Group``, ``Inc`` or a place (``Bank of Scotland``)."""
    return (word not in ORG_SUFFIXES and word.casefold() not in LEGAL_SUFFIXES
            and canonical_place((word,)) is None and any(c.islower() for c in word))


#: Reasons that found a body by the words around it, not by its name.
_WEAK_BODY_REASONS = frozenset(("described as an organisation", "listed with other organizations",
                                "where someone works"))


def _weak_place(piece: Piece) -> bool:
    """A city guessed from a loose "from", not "in Greenwood, South Carolina" nor a big city
    ("Bhopal")."""
    return (piece.guessed and piece.reason == CONTEXT_REASON
            and not _AT_A_PLACE.search(piece.span.before)
            and not re.match(r"^,\s+[A-Z]", piece.span.after))


#: Words before a name that place it firmly: "in Bhopal", "near Alamo".
_AT_A_PLACE = re.compile(r"\b(?:in|near|outside|at|based in)\s+(?:the\s+)?$", re.IGNORECASE)


def join_abbreviated_places(pieces: list[Piece], lexicon: Lexicon) -> None:
    """``U.S. Foodservice``: a body split from the abbreviated place that opens its printed
    name (see :func:`_split_abbreviated_place`), and never printed without it, is named with
    the place; the place is then no mention of its own."""
    for piece in pieces:
        place = piece.place_before
        if (place is not None and piece.kind == "organizations" and piece.name
                and not (is_curated(piece.span.words) or is_descriptor(piece.span.words[0]))
                and fold(piece.span.text) not in lexicon.names):
            piece.name = f"{place.span.text} {piece.name}"
            place.kind, place.name = "none", None


def names_in_role(piece: Piece) -> list[tuple[str, str]]:
    """Places and bodies inside a person's title: "Missouri Gov.", "UAW President"."""
    if piece.kind != "people":
        return []
    role = title_of(piece.span.words)
    out = []
    for word in (role or "").split():
        if place := canonical_place(word):
            out.append(("places", place))
        elif is_acronym(word):
            out.append(("organizations", word))
    return out


def vouched(candidates: list[Piece]) -> frozenset[int]:
    """Candidates listed with someone the text shows to be a person: "A and B said"."""
    groups: dict[int, list[int]] = {}
    for i, piece in enumerate(candidates):
        groups.setdefault(piece.group, []).append(i)
    vouched: set[int] = set()
    for indices in groups.values():
        if len(indices) > 1 and any(has_evidence(candidates[i].span) for i in indices):
            vouched.update(indices)
    return frozenset(vouched)
