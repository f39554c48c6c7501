"""Candidate names in an article's body: split at possessives, lists and "of", classified by
what their own words and the words around them say. Pure; :func:`extract` drives it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import gazetteer
from .organizations import (
    DESCRIPTORS, LEGAL_SUFFIXES, ORG_PREFIXES, ORG_SUFFIXES, canonical_organization, is_acronym, is_curated,
    organization_by_description, organization_by_employment, organization_in_span,
    strip_legal_suffix,
)
from .people import (
    OFFICE_WORDS, has_evidence, is_title_word, quoted_person, role_before, title_of,
)
from .places import (
    FEATURE_FIRST, big_city, canonical_place, is_demonym, place_by_context, place_by_form,
    place_with_region,
)
from .registry import Registry
from .spans import (
    Span, find_spans, fold, inside_brackets, is_capitalised, split_at_conjunctions,
    split_possessives, sub_span,
)

#: What may stand between two names of one list: "Chevron, Exxon and Shell".
_LIST_GAP = re.compile(r"^\s*(?:,|,?\s*(?:and|or)(?:\s+the)?)\s*$")
_CONJUNCTION = re.compile(r"\b(?:and|or)\b")
#: Fields that end a body's name after "and": "University of Science and Technology".
FIELDS = frozenset("""Science Sciences Technology Technologies Arts Research Innovation Culture
    Sport Sports Tourism Media Engineering Medicine Letters Law Commerce Industry""".split())
_TICKER = re.compile(r"^[A-Z0-9]{1,6}[a-z]{0,2}[A-Z]{0,2}\.[A-Z]{1,3}$")
#: Capitals and digits mixed, a digit last or inside: futures and instrument codes (``CLF8``,
#: ``NRP290``, ``US10YT``); names such as ``G7`` or ``3M`` are curated.
_CODE = re.compile(r"^(?=[A-Z0-9]*[0-9][A-Z0-9]*$)[A-Z][A-Z0-9]*[0-9][A-Z0-9]*$")
#: "Petróleos Mexicanos (Pemex)", "..., known as OVSICORI": a short name defined after a name.
_ACRONYM_AFTER = re.compile(
    r"^\s*(?:\(\s*|,\s*(?:known as|or|also called)\s+)([^\W\d_][\w&-]{1,11})\b(?!\s+[a-z])")


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


def find_pieces(paragraph: str, registry: Registry, groups: Iterator[int]) -> list[Piece]:
    """The candidate names of one paragraph, split at possessives and conjunctions, each with
    the number of the list it stands in ("Chevron, Exxon and Shell" share one)."""
    pieces: list[Piece] = []
    lists: set[int] = set()  # groups joined by "and" or "or": real lists, not "In Paris, X"
    group, previous = next(groups), None
    for whole in _without_codes(find_spans(paragraph)):
        gap = paragraph[previous.end : whole.start] if previous else ""
        if not (previous and _LIST_GAP.match(gap)):
            group = next(groups)
        elif _CONJUNCTION.search(gap):
            lists.add(group)
        previous = whole
        if _known_whole(whole, registry):
            pieces.append(Piece(whole, group))
            continue
        parts = [whole]
        if (split := _split_abbreviated_place(whole)) is not None:
            parts = list(split)
        if (split := _split_body_from_title(parts[-1])) is not None:
            parts[-1:] = split
        for n, whole in enumerate(parts):
            if n:
                group = next(groups)
            group = _add_pieces(whole, group, groups, pieces, lists)
    shouted = not any(c.islower() for c in paragraph)
    for piece in pieces:
        piece.listed = piece.group in lists
        piece.shouted = shouted
    return pieces


def _add_pieces(whole: Span, group: int, groups: Iterator[int], pieces: list[Piece],
                lists: set[int]) -> int:
    """The pieces of one name, split at possessives and lists; returns the last group."""
    if (len(whole.words) > 1 and whole.words[0].casefold() in DESCRIPTORS
            and whole.words[0] not in ORG_SUFFIXES and is_capitalised(whole.words[1])):
        whole = sub_span(whole, 1, len(whole.words) - 1)  # "Broadcaster British Sky ..."
    for k, part in enumerate(split_possessives(whole, _possessive_in_name)):
        if k:
            group = next(groups)
        parts = _split_list(part)
        if len(parts) > 1 and "and" in part.words:
            lists.add(group)
        pieces.extend(Piece(piece, group) for piece in parts)
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
        if (canonical_organization(head) or canonical_organization(words)) and canonical_place(
                head) is None and canonical_organization(name) is None:
            return sub_span(span, 0, i - 1), sub_span(span, i, len(words) - 1)
    return None


def _without_codes(spans: list[Span]) -> Iterator[Span]:
    """Spans with the tickers and codes printed inside them taken out: ``UAUA.O United
    Airlines`` -> ``United Airlines``, ``Cerberus CBS.UL`` -> ``Cerberus``."""
    for span in spans:
        start = 0
        for i, word in enumerate(span.words):
            if is_code(word):
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


def _possessive_in_name(left: Span, right: Span) -> bool:
    """"Ombudsman's Office" is one name; "Peru's Congress" and "Mexico's Navy Ministry" two."""
    return (len(right.words) == 1 and right.words[0] in ORG_SUFFIXES
            and canonical_place(left.words) is None)


def _known_whole(span: Span, registry: Registry) -> bool:
    return bool(registry.find(span.text) or is_curated(span.words) or canonical_place(span.words))


def _split_list(span: Span) -> list[Span]:
    """``Colombia and Central America`` -> two names; ``Department of Health and Human
    Services`` and ``Procter & Gamble`` stay one; ``Permian Basin of Texas`` -> two."""
    parts = split_at_conjunctions(span)
    if len(parts) > 1 and not (is_curated(span.words) or canonical_place(span.words)):
        first, second = parts[0].words, parts[1].words
        after_and = span.words[span.words.index("and") + 1]
        stands_alone = canonical_place(first) or (
            canonical_organization(first) and not " ".join(first).startswith(ORG_PREFIXES))
        # "Chamber of Commerce and Industry": a field, not a second body.
        field_only = len(second) == 1 and (second[0] in OFFICE_WORDS or second[0] in FIELDS)
        if canonical_organization(span.words) and (
                field_only or not (stands_alone or after_and == "the")):
            parts = [span]
    return [piece for part in parts for piece in _split_of_place(part)]


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
    tail_is_body = (canonical_organization(tail) is not None and canonical_organization(head)
                    is None and not " ".join(tail).startswith(ORG_PREFIXES))
    if not tail_is_body and (canonical_place(tail) is None or canonical_organization(words)):
        return [span]
    return [sub_span(span, 0, i - 1), sub_span(span, i + 1, len(words) - 1)]


def classify(piece: Piece, registry: Registry) -> None:
    """What a piece names, where its own words or the words around it say so; people are left
    to :func:`find_people`, which needs every mention."""
    span = piece.span
    piece.initial = len(span.words) == 1 and _opens_sentence(span)

    def found(kind: str | None, name: str | None, reason: str) -> None:
        piece.kind, piece.name, piece.reason = kind, name, reason

    if forced := registry.find(span.text):
        return found(forced.kind, forced.name, "in the registry")
    if piece.shouted or _in_capitals(span):
        if place := canonical_place(span.words):
            return found("places", place, "a known place")
        if is_curated(span.words):
            return found("organizations", canonical_organization(span.words), "a known organisation")
        return found("none", None, "in capitals, unknown")
    if _is_noise(span):
        return found("none", None, "ticker, index or rate")
    if len(span.words) == 1 and not is_curated(span.words) and (
            span.text in ORG_SUFFIXES or span.text.casefold() in LEGAL_SUFFIXES):
        return found("none", None, "a word of a name, alone")
    if "&" in span.words and all(len(w) == 1 for w in span.words):
        return found("none", None, "letters joined by &")
    if in_angle_brackets(span):
        # Wire copy marks a company <Texas Air Corp> and its ticker <TWA> or <TSBA.T> so.
        if len(span.words) == 1 and not any(c.islower() for c in span.text):
            return found("none", None, "a code in angle brackets")
        return found("organizations", strip_legal_suffix(span.words),
                     "a company named in angle brackets")
    if len(span.words) == 1 and inside_brackets(span):
        return found("none", None, "a short name defined in brackets")
    if place := canonical_place(span.words):
        return found("places", place, "a known place")
    if org := organization_in_span(span):
        return found("organizations", org, "a known organisation, or named like one")
    if place := place_by_form(span):
        return found("places", place, "named like a river, sea, valley or other feature")
    if span.words[-1] in gazetteer.not_entities().last_words:
        return found("none", None, "a treaty, law, event or index")
    if title_of(span.words) or role_before(span):
        piece.personal = True
        return found("people", None, "a title or role")
    if piece.initial:
        return None
    if place := place_with_region(span):
        return found("places", place, "a place named with its state or country")
    if place := big_city(span):
        piece.guessed = True
        return found("places", place, "a large city")
    if len(span.words) > 1 and quoted_person(span):
        piece.personal = True
        return None
    if org := organization_by_description(span):
        return found("organizations", org, "described as an organisation")
    if has_evidence(span):
        piece.personal = True
        return None
    if org := organization_by_employment(span):
        return found("organizations", org, "where someone works")
    if place := place_by_context(span):
        piece.guessed = True
        return found("places", place, "a place by the words around it")
    return None


def _opens_sentence(span: Span) -> bool:
    before = span.before.rstrip()
    return not before or before.endswith((".", "!", "?", ":", "\"", "“", "”", "—", "–", "-"))


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
    """Tickers (``GS.N``, ``RDSa.L``, ``CLF8``), index codes printed after a dot (``.IXIC``),
    single letters, indices and rates."""
    text = span.text
    return (
        (len(span.words) == 1 and is_code(text))
        or (len(span.words) == 1 and span.before.endswith(".")
            and span.before[-2:-1] in ("", " ", "(", "\t"))
        or (len(text) == 1)
        or fold(text) in gazetteer.not_entities().names
    )


def inherit_kinds(pieces: list[Piece]) -> None:
    """Names listed with organisations are organisations ("Chevron, Exxon and Shell"); so with
    places. Only lists whose named members are all of one kind count, and a name the text
    shows to be a person's stays one."""
    by_group: dict[int, list[Piece]] = {}
    for piece in pieces:
        by_group.setdefault(piece.group, []).append(piece)
    for members in by_group.values():
        kinds = [m.kind for m in members if m.kind]
        if not members[0].listed or len(set(kinds)) != 1 or kinds[0] in ("people", "none"):
            continue
        target = kinds[0]
        if target == "places" and len(kinds) < 2:
            continue  # "BA or Lufthansa", "Nokia and Sony Ericsson": one place proves little
        for member in members:
            if (member.kind is None and not member.personal and not member.initial
                    and not is_demonym(member.span.words)):
                member.kind, member.name = target, strip_legal_suffix(member.span.words)
                member.reason = f"listed with other {target}"


def join_short_forms(pieces: list[Piece]) -> None:
    """Later mentions of an organisation by a short name join the full one: ``Bushveld
    Platinum`` after ``Bushveld Platinum Holdings``, ``Pemex`` after ``Petróleos Mexicanos
    (Pemex)``."""
    shorts: dict[str, str] = {}
    for piece in pieces:
        if piece.kind != "organizations" or not piece.name:
            continue
        if match := _ACRONYM_AFTER.match(piece.span.after):
            shorts.setdefault(fold(match.group(1)), piece.name)
        words = piece.name.split()
        while len(words) > 1 and words[-1] in ORG_SUFFIXES:
            words = words[:-1]
            shorts.setdefault(fold(" ".join(words)), piece.name)
    for piece in pieces:
        name = shorts.get(fold(piece.span.text))
        if name and not piece.personal and piece.kind in (None, "organizations", "none"):
            piece.kind, piece.name, piece.reason = "organizations", name, f"short for {name}"


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
