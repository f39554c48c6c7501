"""Who, where, what: people, places, organisations and tags from a parsed article. Pure.

Names are looked for in the body with its invisible format characters removed (a soft hyphen or
zero-width space inside a name would otherwise split it, or make a second spelling that looks
the same), and every name found is stored clean (:func:`~build_tools.characters.clean_name`).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ..characters import clean_name, remove_format_characters
from ..parse import ParsedText
from .backends import NerBackend
from .organizations import drop_misspelt_twins, initials_of, is_acronym
from .people import (
    find_people, person_name_keys, short_forms, speakers_in_capitals, without_initials,
)
from .pieces import (
    classify, find_pieces, inherit_kinds, join_abbreviated_places, join_short_forms,
    names_in_role, vouched,
)
from .lexicon import article_lexicon
from .places import dateline_region, proper_case
from .registry import Registry
from .spans import fold
from .tags import TagRule, tag_decisions


@dataclass(frozen=True)
class Extraction:
    location: str | None
    people: tuple[str, ...]
    places: tuple[str, ...]
    organizations: tuple[str, ...]
    tags: tuple[str, ...]
    roles: dict[str, list[str]] = field(default_factory=dict)
    tag_words: dict[str, dict[str, int]] = field(default_factory=dict)
    #: tag -> the words that counted and why the article is about it (see TagEvidence)
    tag_reasons: dict[str, str] = field(default_factory=dict)
    #: (kind, name) -> why it was assigned, for ``python -m build_tools explain``.
    reasons: dict[tuple[str, str], str] = field(default_factory=dict)


def body_text(parsed: ParsedText) -> str:
    """The body without its dateline and the wire's sign-off: the text entities are looked
    for in."""
    paragraphs = list(parsed.paragraphs)
    at = parsed.dateline_paragraph
    if parsed.dateline and at < len(paragraphs):
        opening = paragraphs[at]
        printed = parsed.dateline.text
        if parsed.dateline.end:
            cut = parsed.dateline.end
        else:
            cut = len(printed) if opening.startswith(printed) else opening.find(")") + 1
        paragraphs[at] = opening[cut:].lstrip(" –—-−")
    if parsed.sign_off and paragraphs and paragraphs[-1].endswith(parsed.sign_off):
        paragraphs[-1] = paragraphs[-1][: -len(parsed.sign_off)].rstrip()
    return "\n\n".join(p for p in paragraphs if p)


def extract(
    parsed: ParsedText,
    registry: Registry | None = None,
    rules: tuple[TagRule, ...] = (),
    backend: NerBackend | None = None,
) -> Extraction:
    """Entities and tags of one article. Structure (dateline, byline, credits) comes first and
    is never overridden by a guess from the body; an optional NER *backend* only adds names
    the rules did not find."""
    registry = registry or Registry()
    text = remove_format_characters(body_text(parsed))
    # Spans are found per paragraph so none runs across a paragraph break.
    groups = itertools.count()
    lexicon = article_lexicon(parsed.title + "\n\n" + text)
    pieces = [p for paragraph in text.split("\n\n")
              for p in find_pieces(paragraph, registry, groups, lexicon)]
    spans = [p.span for p in pieces]

    found: dict[str, list[str]] = {"people": [], "places": [], "organizations": []}
    location = None
    if parsed.dateline:
        names = [proper_case(p, spans) for p in parsed.dateline.places]
        location = names[0] if names else None
        found["places"].extend(names)
        if parsed.dateline.region:
            found["places"].append(dateline_region(parsed.dateline.region))

    reasons = {("places", name): "the dateline" for name in found["places"]}
    for piece in pieces:
        classify(piece, registry, lexicon)
    inherit_kinds(pieces)
    join_short_forms(pieces)
    join_abbreviated_places(pieces, lexicon)
    # People first: "Henderson" after "Walker Henderson", or "said Guadalupe, 58," is no city.
    journalists = journalist_keys(parsed)
    candidates = [p for p in pieces if p.kind in (None, "people") or p.guessed]
    people = find_people([p.span for p in candidates], registry.known("people"),
                         vouched(candidates), lexicon.lower)
    # "JAN LAMBREGTS, HEAD OF ASIA RESEARCH:": a speaker in capitals, which no span shows.
    named = {fold(person.name) for person in people}
    people += [p for p in speakers_in_capitals(text) if fold(p.name) not in named]
    people_keys = {key for person in people
                   for key in (fold(person.name), *short_forms(person.name))}
    # Names of people a title or role shows to be people, and their short forms.
    titled_keys = {key for person in people if person.roles
                   for key in (fold(person.name), *short_forms(person.name))}
    # Any person's name without initials, and its first and last words.
    named_keys = {key for person in people for key in person_name_keys(person.name)}
    # A body found by the words around it and a speaker of the same name are the body
    # ("Texas-based Lone Star ... Lone Star said"): only part of a name makes the person.
    full_names = {fold(person.name) for person in people}
    for piece in pieces:
        if piece.guessed and fold(piece.span.text) in people_keys:
            piece.kind = "people"
        elif (piece.kind == "organizations" and piece.reason in WEAK_ORGANIZATION_REASONS
              and (fold(piece.span.text) in titled_keys
                   or (without_initials(piece.span.text) in named_keys
                       and fold(piece.span.text) not in full_names))):
            # "Rubin and Time Warner", "Mozilo is well aware": a person the article names;
            # "Luo Chuan ... Luo was head of", "Peter Cohan ... firm Peter S. Cohan": a body
            # found only by the words around it that is a person's name is the person.
            piece.kind, piece.name, piece.reason = "people", None, "a person named in full"
    # "Texas-based Lone Star ... Lone Star said": a body, not a person who speaks.
    bodies = {fold(p.name) for p in pieces if p.kind == "organizations" and p.name}
    people = [p for p in people if p.roles or fold(p.name) not in bodies]
    place_keys = {fold(p.name) for p in pieces if p.kind == "places" and p.name}
    place_keys |= {fold(p) for p in found["places"]}
    people = [p for p in people if fold(p.name) not in place_keys]
    for piece in pieces:
        if piece.kind in ("places", "organizations") and piece.name:
            found[piece.kind].append(piece.name)
            reasons.setdefault((piece.kind, piece.name), f"{piece.reason}: {piece.span.text!r}")
        for kind, name in names_in_role(piece):
            found[kind].append(name)
            reasons.setdefault((kind, name), f"in the title {piece.span.text!r}")
    printed = [p.span.text for p in pieces
               if p.kind == "organizations" and p.name and p.span.text != p.name]
    found["organizations"] = drop_misspelt_twins(
        _drop_capital_twins(_expand_acronyms(found["organizations"])), printed)
    people = [p for p in people if fold(p.name) not in journalists]
    found["people"] = [p.name for p in people]
    roles = {p.name: p.roles for p in people if p.roles}
    for person in people:
        reasons.setdefault(("people", person.name), person.reason)
    if backend is not None:
        known = {fold(p.span.text) for p in pieces if p.kind} | people_keys | journalists
        _add_backend_names(backend, text, known, found, reasons)

    applied = registry.apply({k: _unique(v) for k, v in found.items()})
    tags = tag_decisions(parsed.title + "\n\n" + text, rules)
    return Extraction(
        location=registry.apply({"places": [location]})["places"][0] if location else None,
        people=tuple(applied.get("people", [])),
        places=tuple(applied.get("places", [])),
        organizations=tuple(applied.get("organizations", [])),
        tags=tuple(tags),
        roles=roles,
        tag_words={tag: found.counts for tag, found in tags.items()},
        tag_reasons={tag: found.explained() for tag, found in tags.items()},
        reasons=reasons,
    )


#: Reasons too weak to outrank a person the article names (in :func:`~.pieces.classify`).
WEAK_ORGANIZATION_REASONS = frozenset(
    ("listed with other organizations", "described as an organisation", "where someone works"))


def _expand_acronyms(orgs: list[str]) -> list[str]:
    """``GM`` after ``General Motors``: an acronym of an organisation named in the article."""
    initials = {short: name for name in orgs if (short := initials_of(name))}
    return [initials.get(name, name) if is_acronym(name) else name for name in orgs]


def _drop_capital_twins(orgs: list[str]) -> list[str]:
    """``H & R BLOCK`` from a heading beside ``H & R Block`` in the text: one body, named as
    the text prints it (a name in capitals that is an acronym, ``IBM``, has no such twin)."""
    printed = {fold(name) for name in orgs if not name.isupper()}
    return [name for name in orgs if not (name.isupper() and " " in name
                                          and fold(name) in printed)]


def _add_backend_names(backend: NerBackend, text: str, known: set[str],
                       found: dict[str, list[str]], reasons: dict[tuple[str, str], str]) -> None:
    """Names the backend finds that the rules did not, each under the backend's kind."""
    for name, kind in backend.entities(text):
        if kind in found and fold(name) not in known:
            known.add(fold(name))
            found[kind].append(name)
            reasons[(kind, name)] = f"found by the NER backend {backend.name}"


def journalist_keys(parsed: ParsedText) -> set[str]:
    """Folded names of the article's byline authors and credited journalists."""
    return {fold(n) for names in parsed.credits.values() for n in names} | {
        fold(n) for n in parsed.authors}


def _unique(names: list[str]) -> list[str]:
    """Each name once, clean, in the order first found."""
    return list(dict.fromkeys(clean for name in names if (clean := clean_name(name))))
