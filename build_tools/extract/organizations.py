"""Organisations: by curated name, by the form of the name, or by the ticker that follows it."""

from __future__ import annotations

import re

from . import gazetteer
from .spans import Span, fold

#: Last words that make a run of capitalised words an organisation's name.
ORG_SUFFIXES = frozenset(
    """Department Ministry Agency Bank Inc Inc. Corp Corp. Corporation Co Co. Company Companies
    Group Party Union Council Commission Committee Fund Organization Organisation Association
    University Institute Institution Authority Board Bureau Service Services Court Parliament
    Congress Senate Assembly Airlines Airways Motors Holdings Foundation Federation League
    Reserve Exchange Ltd Ltd. Plc PLC LLC LLP AG SA S.A. NV N.V. GmbH Bancorp Partners
    Securities Capital Investments Industries Systems Technologies Pharmaceuticals Energy
    Petroleum Oil Communications Telecom Networks Media Press Times Post Journal News
    Police Army Navy Force Forces Guard Office Administration Cabinet Alliance Coalition
    Movement Front Brigade Brigades Hospital School College Academy Club Society Trust Bancshares
    Insurance Financial Network Labs Laboratories Entertainment Studios Stores Markets""".split()
)
#: Legal forms dropped from a company's canonical name.
LEGAL_SUFFIXES = frozenset(
    "inc inc. corp corp. co co. ltd ltd. plc llc llp ag sa s.a. nv n.v. gmbh".split()
)
ORG_PREFIXES = ("Ministry of", "Department of", "University of", "Bank of", "Council of",
                "Office of", "Court of", "Commission of", "Institute of", "Federation of")
_TICKER_AFTER = re.compile(r"^\s*\(\s*(?:[A-Z0-9]{1,6}(?:\.[A-Za-z]{1,3})?\s*)\)|^\s*<[A-Z0-9.]+>")


def canonical_organization(words: tuple[str, ...]) -> str | None:
    """The organisation *words* name, or ``None``: curated names first, then the name's form."""
    name = " ".join(words)
    curated = gazetteer.organizations().get(fold(name))
    if curated:
        return curated
    if words[-1] in ORG_SUFFIXES or name.startswith(ORG_PREFIXES):
        return strip_legal_suffix(words)
    return None


def strip_legal_suffix(words: tuple[str, ...]) -> str | None:
    """``General Motors Corp.`` -> ``General Motors``; ``None`` when nothing is left."""
    kept = list(words)
    while len(kept) > 1 and kept[-1].casefold().rstrip(",") in LEGAL_SUFFIXES:
        kept.pop()
    return " ".join(kept) if kept else None


def organization_in_span(span: Span) -> str | None:
    """The organisation a span names on its own, or by a ticker right after it."""
    found = canonical_organization(span.words)
    if found:
        return found
    if _TICKER_AFTER.match(span.after):
        return strip_legal_suffix(span.words)
    return None
