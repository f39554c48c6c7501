"""Precision, recall and F1 of the extractor against the labelled set in ``tests/data/eval``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .extract import extract
from .extract.backends import NerBackend
from .extract.registry import Registry
from .extract.tags import TagRule
from .parse import parse_text
from .reading import read_article_text

KINDS = ("people", "places", "organizations")


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


def evaluate(folder: Path, registry: Registry, rules: tuple[TagRule, ...] = (),
             backend: NerBackend | None = None,
             ) -> tuple[dict[str, Score], dict[str, dict[str, tuple[set, set]]]]:
    """Scores per kind, and per file the (missed, spurious) names of each kind."""
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


def format_table(scores: dict[str, Score]) -> str:
    lines = ["| type | precision | recall | F1 |", "| --- | ---: | ---: | ---: |"]
    for kind, score in scores.items():
        lines.append(f"| {kind} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} |")
    return "\n".join(lines)
