"""Who, where, what: people, places, organisations and tags from a parsed article. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..parse import ParsedText
from .organizations import organization_in_span
from .people import find_people
from .places import canonical_place, place_in_span, proper_case
from .registry import Registry
from .spans import Span, find_spans, split_at_conjunctions
from .tags import TagRule, tag_evidence


@dataclass(frozen=True)
class Extraction:
    location: str | None
    people: tuple[str, ...]
    places: tuple[str, ...]
    organizations: tuple[str, ...]
    tags: tuple[str, ...]
    roles: dict[str, list[str]] = field(default_factory=dict)
    tag_words: dict[str, dict[str, int]] = field(default_factory=dict)


def body_text(parsed: ParsedText) -> str:
    """The body without its dateline: the text entities are looked for in."""
    paragraphs = list(parsed.paragraphs)
    if parsed.dateline and paragraphs:
        first = paragraphs[0]
        cut = first.find(")")
        paragraphs[0] = first[cut + 1 :].lstrip(" –—-−") if cut >= 0 else first
    return "\n\n".join(paragraphs)


def extract(
    parsed: ParsedText, registry: Registry | None = None, rules: tuple[TagRule, ...] = ()
) -> Extraction:
    """Entities and tags of one article. Structure (dateline, byline, credits) comes first and
    is never overridden by a guess from the body."""
    registry = registry or Registry()
    text = body_text(parsed)
    # Spans are found per paragraph so none runs across a paragraph break.
    spans = [s for paragraph in text.split("\n\n") for s in find_spans(paragraph)]

    found: dict[str, list[str]] = {"people": [], "places": [], "organizations": []}
    location = None
    if parsed.dateline:
        names = [proper_case(p, spans) for p in parsed.dateline.places]
        location = names[0] if names else None
        found["places"].extend(names)
        if parsed.dateline.region:
            found["places"].append(
                canonical_place(parsed.dateline.region) or parsed.dateline.region
            )

    journalists = {n for names in parsed.credits.values() for n in names} | set(parsed.authors)
    person_spans = []
    for whole in spans:
        # "Procter & Gamble" is one name, "Colombia and Central America" two.
        is_one = organization_in_span(whole) or place_in_span(whole)
        for span in [whole] if is_one else split_at_conjunctions(whole):
            _classify(span, registry, found, person_spans)
    # Short forms of a dateline place ("Villa Comaltitlán") are places, not people.
    place_keys = {p.casefold() for p in found["places"]}
    person_spans = [s for s in person_spans if s.text.casefold() not in place_keys]
    people = find_people(person_spans, registry.known("people"))
    found["people"] = [p.name for p in people if p.name not in journalists]
    roles = {p.name: p.roles for p in people if p.roles and p.name not in journalists}

    applied = registry.apply({k: _unique(v) for k, v in found.items()})
    tag_words = tag_evidence(parsed.title + "\n\n" + text, rules)
    return Extraction(
        location=registry.apply({"places": [location]})["places"][0] if location else None,
        people=tuple(applied.get("people", [])),
        places=tuple(applied.get("places", [])),
        organizations=tuple(applied.get("organizations", [])),
        tags=tuple(tag_words),
        roles=roles,
        tag_words=tag_words,
    )


def _classify(span: Span, registry: Registry, found: dict[str, list[str]],
              person_spans: list[Span]) -> None:
    """File a span under places or organisations, or keep it as a candidate person."""
    forced = registry.find(span.text)
    if forced and forced.kind != "people":
        found[forced.kind].append(forced.name)
    elif forced is None and (place := place_in_span(span)):
        found["places"].append(place)
    elif forced is None and (org := organization_in_span(span)):
        found["organizations"].append(org)
    else:
        person_spans.append(span)


def _unique(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name and name not in out:
            out.append(name)
    return out
