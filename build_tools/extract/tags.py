"""Tags from the user's taxonomy (``tags.yaml``): a tag is assigned when its signal words occur
often enough. Deterministic and explainable: :func:`tag_evidence` says which words counted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .spans import fold


@dataclass(frozen=True)
class TagRule:
    tag: str
    words: tuple[str, ...]  #: words and phrases that signal the tag, matched whole, plurals too
    min_count: int = 2


@lru_cache(maxsize=256)
def _pattern(phrase: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(w) for w in fold(phrase).split())
    return re.compile(rf"(?<!\w){words}(?:s|es)?(?!\w)")


def tag_evidence(text: str, rules: tuple[TagRule, ...]) -> dict[str, dict[str, int]]:
    """For each tag whose signal words occur at least ``min_count`` times: word -> count."""
    folded = fold(text)
    found: dict[str, dict[str, int]] = {}
    for rule in rules:
        counts = {w: n for w in rule.words if (n := len(_pattern(w).findall(folded)))}
        if sum(counts.values()) >= rule.min_count:
            found[rule.tag] = counts
    return found
