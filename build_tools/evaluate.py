"""How well the extractor finds names, on two kinds of labelled set.

*Mention sets* (``tests/data/eval``: ``articles/`` and ``gold.yaml`` listing every name an
article mentions): precision, recall and F1 per kind.

*Subject sets* (the Reuters-21578 layout: stories and a ``labels.json`` of subject codes such as
``reagan``, ``usa``, ``ec``): the labels say what a story is about, not every name in it, so only
recall is measured, over the codes whose name the story's body prints. A table maps codes to
names (``codes.yaml`` in the folder, else ``tests/data/r21578-codes.yaml``); it stays with the
test data, never in the extractor.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import json
import re

import yaml

from .extract import extract
from .extract.backends import NerBackend
from .extract.registry import Registry
from .extract.tags import TagRule
from .parse import parse_text
from .extract.spans import fold
from .reading import read_article_text

KINDS = ("people", "places", "organizations")
#: The kinds of a subject set's labels.json, by the extractor's name for them.
LABEL_KINDS = {"people": "people", "places": "places", "organizations": "orgs"}
#: Where the code table is looked for when the subject set's folder holds none.
DEFAULT_CODES = Path(__file__).resolve().parents[1] / "tests" / "data" / "r21578-codes.yaml"


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_positives + self.false_negatives
        return self.true_positives / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class SubjectScore(Score):
    """Recall over a subject set's labels: found or missed among the codes the text names;
    :attr:`not_named` counts the codes whose name the story does not print at all."""

    not_named: int = 0


@dataclass(frozen=True)
class Subject:
    """What a code stands for: the index's name, the surname a person may be called by alone,
    and every form that counts as the text naming it."""

    name: str
    surname: str | None
    printed: tuple[str, ...]


def evaluate(folder: Path, registry: Registry, rules: tuple[TagRule, ...] = (),
             backend: NerBackend | None = None, codes: Path | None = None,
             ) -> tuple[dict[str, Score], dict[str, dict[str, tuple[set, set]]]]:
    """Scores per kind, and per file the (missed, spurious) names of each kind. A folder with
    ``labels.json`` is a subject set, scored by :func:`evaluate_subjects`."""
    if (folder / "labels.json").is_file():
        return evaluate_subjects(folder, registry, rules, backend, codes)
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    scores = {kind: Score() for kind in KINDS}
    errors: dict[str, dict[str, tuple[set, set]]] = {}
    for name, labels in sorted(gold.items()):
        path = folder / "articles" / name
        text, _ = read_article_text(path.read_bytes(), name)
        found = extract(parse_text(text, name), registry, rules, backend)
        for kind in KINDS:
            expected, got = set(labels.get(kind) or ()), set(getattr(found, kind))
            score = scores[kind]
            score.true_positives += len(expected & got)
            score.false_positives += len(got - expected)
            score.false_negatives += len(expected - got)
            if expected != got:
                errors.setdefault(name, {})[kind] = (expected - got, got - expected)
    return scores, errors


def load_codes(path: Path) -> dict[str, dict[str, Subject]]:
    """The code table: per labels.json kind, code -> :class:`Subject`."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    table: dict[str, dict[str, Subject]] = {}
    for kind, entries in data.items():
        table[kind] = {}
        for code, entry in (entries or {}).items():
            entry = entry if isinstance(entry, dict) else {"name": entry}
            name = entry["name"]
            surname = entry.get("surname") or (name.split()[-1] if kind == "people" else None)
            printed = (name, *([surname] if surname else []), *(entry.get("printed") or ()))
            table[kind][code] = Subject(name, surname, tuple(dict.fromkeys(printed)))
    return table


def names_subject(text: str, subject: Subject) -> bool:
    """Whether *text* prints one of the subject's forms as whole words (case matters: the
    body is in mixed case, and "US" is not "us")."""
    return any(re.search(rf"(?<![\w.]){re.escape(form)}(?![\w])", text)
               for form in subject.printed)


def evaluate_subjects(folder: Path, registry: Registry, rules: tuple[TagRule, ...] = (),
                      backend: NerBackend | None = None, codes: Path | None = None,
                      ) -> tuple[dict[str, Score], dict[str, dict[str, tuple[set, set]]]]:
    """Recall of a subject set's labels that the stories name.

    A code counts as found when the extractor's names of its kind for the story hold the code's
    name, or, for a person, the bare surname (``Reagan`` from ``President Reagan``: the
    archive-wide step joins it to a full name only where the archive prints one). A code whose
    forms the story's body does not print is not named, and left out. A code missing from the
    table is an error, so that the table is kept complete.
    """
    if codes is None:
        codes = folder / "codes.yaml" if (folder / "codes.yaml").is_file() else DEFAULT_CODES
    table = load_codes(codes)
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    scores: dict[str, Score] = {kind: SubjectScore() for kind in KINDS}
    errors: dict[str, dict[str, tuple[set, set]]] = {}
    for name, story in sorted(labels.items()):
        text, _ = read_article_text((folder / name).read_bytes(), name)
        parsed = parse_text(text, name)
        found = extract(parsed, registry, rules, backend)
        body = "\n\n".join(parsed.paragraphs)
        for kind, label_kind in LABEL_KINDS.items():
            got = {fold(n) for n in getattr(found, kind)}
            score = scores[kind]
            missed = set()
            for code in story.get(label_kind) or ():
                if code not in table.get(label_kind, {}):
                    raise KeyError(f"{codes}: no name for the {label_kind} code {code!r}")
                subject = table[label_kind][code]
                if not names_subject(body, subject):
                    score.not_named += 1  # type: ignore[attr-defined]
                elif fold(subject.name) in got or (
                        subject.surname and fold(subject.surname) in got):
                    score.true_positives += 1
                else:
                    score.false_negatives += 1
                    missed.add(subject.name)
            if missed:
                errors.setdefault(name, {})[kind] = (missed, set())
    return scores, errors


def format_table(scores: dict[str, Score]) -> str:
    """A Markdown table: precision, recall and F1, or for a subject set the labels named,
    found and recall."""
    if all(isinstance(score, SubjectScore) for score in scores.values()):
        return _format_recall_table(scores)
    lines = ["| type | precision | recall | F1 |", "| --- | ---: | ---: | ---: |"]
    for kind, score in scores.items():
        lines.append(f"| {kind} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} |")
    return "\n".join(lines)


def _format_recall_table(scores: dict[str, Score]) -> str:
    lines = ["| type | labels | named in the text | found | recall |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for kind, score in scores.items():
        named = score.true_positives + score.false_negatives
        labelled = named + getattr(score, "not_named", 0)
        lines.append(f"| {kind} | {labelled} | {named} | {score.true_positives} | "
                     f"{score.recall:.3f} |")
    return "\n".join(lines)
