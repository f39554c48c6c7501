"""Optional named-entity backends: a statistical model's guesses added to the rules' findings.

The default extractor is rule-based and needs nothing downloaded. A user who has installed spaCy
and one of its models can add it (``--ner spacy:en_core_web_sm`` or ``news_ner_backend`` in
``conf.py``); anything else with the same small interface can be named as ``module:factory``.
A backend only adds names: structure (byline, dateline, credits), the registry and the rules
decide first, and nothing is ever fetched at run time.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Protocol

from ..errors import ArchiveError

#: spaCy's labels, as this project's kinds of name.
SPACY_KINDS = {"PERSON": "people", "GPE": "places", "LOC": "places", "FAC": "places",
               "ORG": "organizations"}


class NerBackend(Protocol):
    """What a backend offers: a name, and the (text, kind) pairs it finds in a text, where kind
    is ``people``, ``places`` or ``organizations``."""

    name: str

    def entities(self, text: str) -> Iterable[tuple[str, str]]: ...


class SpacyBackend:
    """A spaCy pipeline loaded from an installed model package (``spacy.load`` of a name that
    is not installed fails; it never downloads)."""

    def __init__(self, model: str) -> None:
        try:
            import spacy
        except ImportError:
            raise ArchiveError("NER backend 'spacy'", "spaCy is not installed "
                               "(pip install spacy and a model package)") from None
        try:
            self._nlp = spacy.load(model, exclude=["lemmatizer", "textcat"])
        except OSError:
            raise ArchiveError("NER backend 'spacy'", f"model {model!r} is not installed "
                               "(install its package; nothing is downloaded at run time)"
                               ) from None
        self.name = f"spacy:{model}"

    def entities(self, text: str) -> Iterable[tuple[str, str]]:
        for entity in self._nlp(text).ents:
            if kind := SPACY_KINDS.get(entity.label_):
                yield " ".join(entity.text.split()), kind


def load_backend(spec: str | None) -> NerBackend | None:
    """``None``, ``spacy:MODEL`` or ``module:factory`` -> a backend (or ``None`` for rules only)."""
    if not spec or spec == "rules":
        return None
    kind, _, target = spec.partition(":")
    if not target:
        raise ArchiveError(f"NER backend {spec!r}", "expected 'spacy:MODEL' or 'module:factory'")
    if kind == "spacy":
        return SpacyBackend(target)
    try:
        factory = getattr(importlib.import_module(kind), target)
    except (ImportError, AttributeError) as err:
        raise ArchiveError(f"NER backend {spec!r}", f"cannot import it ({err})") from None
    backend = factory()
    if not callable(getattr(backend, "entities", None)):
        raise ArchiveError(f"NER backend {spec!r}", "it has no entities(text) method")
    backend.name = getattr(backend, "name", spec)
    return backend
