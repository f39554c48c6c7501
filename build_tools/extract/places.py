"""Places: the dateline's, and those the body names that the gazetteer or registry knows."""

from __future__ import annotations

from . import gazetteer
from .spans import PARTICLES, Span, fold


def canonical_place(words: tuple[str, ...] | str) -> str | None:
    """The gazetteer's name for *words*, or ``None`` when it is no known place."""
    name = words if isinstance(words, str) else " ".join(words)
    table = gazetteer.places()
    found = table.get(fold(name))
    if found is None and fold(name).startswith("the "):
        found = table.get(fold(name)[4:])
    return found


def title_case(printed: str) -> str:
    """``VILLA DE LEYVA`` -> ``Villa de Leyva``: capitals to title case, particles lower."""
    words = []
    for i, word in enumerate(printed.split()):
        lower = word.lower()
        if i and lower in PARTICLES:
            words.append(lower)
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in lower.split("-")))
    return " ".join(words)


def proper_case(printed: str, spans: list[Span]) -> str:
    """A dateline place printed in capitals, as the gazetteer or the body spells it.

    ``VILLA COMALTITLAN`` becomes ``Villa Comaltitlán`` when the body prints it so; a known place
    takes the gazetteer's name; anything else gets title case.
    """
    known = canonical_place(printed)
    if known:
        return known
    key = fold(printed)
    for span in spans:
        if fold(span.text) == key and span.text != span.text.upper():
            return span.text
    return title_case(printed)


def place_in_span(span: Span) -> str | None:
    """The place a span names when the whole span is a known place."""
    return canonical_place(span.words)
