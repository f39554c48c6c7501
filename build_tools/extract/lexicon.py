"""What an article's own text says about its words, for the rules that one sentence cannot
decide: which capitalised words it also prints in lower case (``Separate`` opening a sentence,
``separate`` elsewhere: a common word), which acronyms it spells out in lower case
(``collateralized debt obligations (CDOs)``: a common noun, not a body) or prints as plurals
(``CDOs``), and which names it prints on their own (``Star Cruises`` before ``Star Cruises and
Genting International``: two bodies). Pure; built once per article."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .spans import find_spans, fold, split_possessives

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: An acronym in brackets: ``(DI)``; and the up to eight words that end before it
#: (``diffusion index``), looked for only where an acronym is: tried at every word of the
#: text, the two as one pattern cost a fifth of extracting an article.
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9&-]{1,9})(s?)\s*\)")
_WORDS_BEFORE = re.compile(r"((?:[\w'’-]+\s+){0,7}[\w'’-]+)\s*\Z")
#: Eight words and their spaces fit in this many characters.
_LOOK_BACK = 600
#: An acronym printed as a plural: ``CDOs``, ``REITs``, ``PCs``.
_PLURAL = re.compile(r"(?<![\w.])([A-Z][A-Z0-9]{1,9})s(?![\w'’]|\.\w)")
#: An acronym, then what it stands for in brackets: ``ARM (adjustable rate mortgage)``.
_ACRONYM_THEN_WORDS = re.compile(r"(?<![\w.])([A-Z][A-Z0-9&-]{1,9})s?\s*\(\s*([^()]{3,120}?)\s*\)")
#: An acronym after "or" or "known as", after the words it stands for (``a voluntary employee
#: beneficiary association, or VEBA``), which _WORDS_BEFORE finds: as for _ACRONYM, one
#: pattern for both cost a third of extracting an article.
_OR_ACRONYM = re.compile(r",?\s+(?:or|known as|called)\s+([A-Z][A-Z0-9&-]{1,9})s?\b")
#: An acronym of three letters or more, wherever the text prints it.
_ANY_ACRONYM = re.compile(r"(?<![\w.])([A-Z]{3,7})s?(?![\w.&-])")
#: A run of lower-case words with nothing but spaces or hyphens between them.
_LOWER_RUN = re.compile(r"(?<![\w'’])[a-z][a-z'’]*(?:[\s-]+[a-z][a-z'’]*)+")
#: Short words that open or join phrases and so spell acronyms only by chance.
_FUNCTION_WORDS = frozenset("""that this with from have been were will would could should
    their there they them than then into over also said says such what when which while
    more most much some very only just each other about after before under""".split())


@dataclass(frozen=True)
class Lexicon:
    """The article's words as its text prints them."""

    #: Folded words the text prints in lower case somewhere.
    lower: frozenset[str] = frozenset()
    #: Acronyms the text spells out in lower case or prints as plurals: common nouns.
    common_acronyms: frozenset[str] = frozenset()
    #: Folded runs of capitalised words the text prints as a whole, possessives split off.
    names: frozenset[str] = frozenset()


def article_lexicon(text: str) -> Lexicon:
    """The :class:`Lexicon` of *text* (the title and body of one article)."""
    lower = frozenset(fold(w) for w in _WORD.findall(text) if w[0].islower())
    common = {m.group(1) for m in _PLURAL.finditer(text)}
    for found in defined_acronyms(text):
        words, acronym = found
        if _spelled_in_lower_case(words, acronym):
            common.add(acronym)
    common |= _acronyms_spelled_out_elsewhere(text)
    names = frozenset(fold(part.text) for span in find_spans(text)
                      for part in split_possessives(span))
    return Lexicon(lower=lower, common_acronyms=frozenset(common), names=names)


def defined_acronyms(text: str) -> list[tuple[list[str], str]]:
    """Each acronym in brackets with the up to eight words right before it (none between a
    word and the bracket but spaces), in order: ``([diffusion, index], DI)``."""
    out = []
    end = 0  # an acronym's words never reach back past the one before
    for match in _ACRONYM.finditer(text):
        start = max(end, match.start() - _LOOK_BACK)
        if (words := _WORDS_BEFORE.search(text, start, match.start())) is not None:
            out.append((words.group(1).split(), match.group(1)))
        end = match.end()
    return out


def _acronyms_spelled_out_elsewhere(text: str) -> set[str]:
    """Acronyms the text spells out in lower case other than as ``words (ACRONYM)``: in
    brackets after it (``ARM (adjustable rate mortgage)``), before ", or ACRONYM" (``a
    voluntary employee beneficiary association, or VEBA``), or anywhere as a run of words
    of four letters or more (``federal employee program`` ... ``FEP``): what a common noun's
    words abbreviate is no body's name, which the wire prints in capitals."""
    found = set()
    for match in _ACRONYM_THEN_WORDS.finditer(text):
        words = match.group(2).split()
        letters = [c for c in match.group(1) if c.isalpha()]
        if len(words) <= len(letters) + 1 and _spelled_in_lower_case(words, match.group(1)):
            found.add(match.group(1))
    end = 0  # the words of one never reach back into the one before
    for match in _OR_ACRONYM.finditer(text):
        start = max(end, match.start() - _LOOK_BACK)
        if (words := _WORDS_BEFORE.search(text, start, match.start())) is None:
            continue
        end = match.end()
        if _spelled_in_lower_case(words.group(1).split(), match.group(1)):
            found.add(match.group(1))
    acronyms = {m.group(1) for m in _ANY_ACRONYM.finditer(text)} - found
    if acronyms:
        wanted = {a.casefold() for a in acronyms}
        lengths = {len(a) for a in wanted}
        firsts = {a[0] for a in wanted}
        initials = set()
        # Only runs of words that could spell one of the acronyms: every n-gram of every run
        # was a third of extraction's time.
        for match in _LOWER_RUN.finditer(text):
            run = re.split(r"[\s-]+", match.group())
            letters = "".join(w[0] for w in run)
            streak = [0] * (len(run) + 1)  # qualifying words from each one on
            for i in range(len(run) - 1, -1, -1):
                word = run[i]
                streak[i] = streak[i + 1] + 1 if len(word) >= 4 \
                    and word not in _FUNCTION_WORDS else 0
            for i, first in enumerate(letters):
                if first in firsts:
                    initials.update(letters[i:i + n] for n in lengths if streak[i] >= n)
        found |= {a for a in acronyms if a.casefold() in initials}
    return found


def _spelled_in_lower_case(words: list[str], acronym: str) -> bool:
    """Whether the last words before ``(ACRONYM)`` spell it out, all in lower case:
    ``implantable cardioverter defibrillator (ICD)``, ``debtor-in-possession (DIP)``."""
    letters = [c for c in acronym if c.isalpha()]
    parts = [p for w in words for p in re.split(r"[-/]", w) if p]
    tail = parts[-len(letters):] if len(parts) >= len(letters) else []
    return bool(tail) and all(p[0].islower() for p in tail) and [
        p[0].casefold() for p in tail] == [c.casefold() for c in letters]
