"""Tags from the user's taxonomy (``tags.yaml``): a tag is assigned when its signal words occur
often enough. Deterministic and explainable: :func:`tag_evidence` says which words counted.

A signal word counts as a word of the text, not as letters inside another: not inside a
compound (``carbon`` in ``carbon-composite``), and not as part of a longer capitalised name
(``embassy`` in ``Embassy Suites``, ``summit`` in ``Reuters Media Summit``) unless it is a
person's title there (``Secretary of State Condoleezza Rice``, ``Ambassador John Bolton``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .people import is_title_word
from .spans import fold


@dataclass(frozen=True)
class TagRule:
    tag: str
    words: tuple[str, ...]  #: words and phrases that signal the tag, matched whole, plurals too
    min_count: int = 2


#: A word with its inner apostrophes and hyphens: "carbon-composite" is one word.
_WORD = re.compile(r"[^\W_](?:[\w'’]|-(?=[^\W_]))*")
#: Lower-case words that stand inside a capitalised name: "Secretary of State".
_JOINERS = frozenset(("of", "and", "for", "the", "on", "de"))


@dataclass(frozen=True)
class _Word:
    key: str  #: folded, without a final possessive
    printed: str
    capitalised: bool  #: a capital first letter in mixed-case text: part of a name, maybe
    run: int  #: the number of the run of capitalised words it stands in, or -1


def _words(text: str) -> list[_Word]:
    out: list[_Word] = []
    matches = list(_WORD.finditer(text))
    run, previous_cap_end = 0, -2
    for i, match in enumerate(matches):
        word = match.group()
        key = fold(word)
        if key.endswith("'s"):
            key = key[:-2]
        capitalised = word[0].isupper() and not word.isupper()
        joiner = (key in _JOINERS and out and out[-1].capitalised and i + 1 < len(matches)
                  and matches[i + 1].group()[0].isupper())
        gap = text[previous_cap_end:match.start()] if previous_cap_end >= 0 else "."
        in_name = capitalised or joiner
        if in_name and gap.strip():
            run += 1  # punctuation between them: a new run
        out.append(_Word(key, word, capitalised, run if in_name else -1))
        if in_name:
            previous_cap_end = match.end()
        else:
            previous_cap_end = -2
    return out


def _phrase_keys(phrase: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(phrase)))


def _same(word: str, signal: str, last: bool) -> bool:
    return word == signal or (last and word in (signal + "s", signal + "es"))


def _count(words: list[_Word], runs: dict[int, int], phrase: tuple[str, ...],
           starts: dict[str, list[int]]) -> int:
    """How often *phrase* occurs as words of the text; *starts* is key -> positions, so only
    the places where its first word stands are looked at (not every word of the article for
    every phrase of the taxonomy)."""
    n, count = len(phrase), 0
    first = phrase[0]
    candidates = starts.get(first, []) if n > 1 else [
        *starts.get(first, []), *starts.get(first + "s", []), *starts.get(first + "es", [])]
    for i in sorted(candidates):
        if i + n > len(words) or not all(_same(words[i + k].key, phrase[k], k == n - 1)
                                         for k in range(n)):
            continue
        matched = words[i : i + n]
        run = matched[0].run
        inside_name = (run >= 0 and all(w.run == run for w in matched)
                       and runs[run] > n and matched[0].capitalised)
        if inside_name and not any(is_title_word(w.printed) for w in matched):
            continue  # "Embassy Suites", "Media Summit": a word of a longer name
        count += 1
    return count


def _is_title_signal(signal: str) -> bool:
    return is_title_word(signal.split()[-1].capitalize())


def tag_evidence(text: str, rules: tuple[TagRule, ...]) -> dict[str, dict[str, int]]:
    """For each tag whose signal words occur at least ``min_count`` times: word -> count."""
    words = _words(text)
    runs: dict[int, int] = {}
    for word in words:
        if word.run >= 0:
            runs[word.run] = runs.get(word.run, 0) + 1
    starts: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        starts.setdefault(word.key, []).append(i)
    found: dict[str, dict[str, int]] = {}
    for rule in rules:
        counts = {w: n for w in rule.words
                  if (n := _count(words, runs, _phrase_keys(w), starts))}
        # A title names one person however often it recurs ("India's Ambassador ... the
        # ambassador"): it is one piece of evidence.
        if sum(1 if _is_title_signal(w) else n for w, n in counts.items()) >= rule.min_count:
            found[rule.tag] = counts
    return found
