"""Tags from the user's taxonomy (``tags.yaml``): a tag is assigned when the article is about
its subject, not when it mentions it. Deterministic and explainable: :func:`tag_decisions` says
which words counted and why the tag was given.

A signal word counts as a word of the text, not as letters inside another: not inside a
compound (``carbon`` in ``carbon-composite``), and not as part of a longer capitalised name
(``embassy`` in ``Embassy Suites``, ``summit`` in ``Reuters Media Summit``) unless it is a
person's title there (``Secretary of State Condoleezza Rice``, ``Ambassador John Bolton``), nor
inside one of the rule's ``not_in`` phrases (``bank`` in ``central bank``).

Why position matters (issue 11): on wire copy a business story mentions profit, shares, oil or
a bank in passing; counting alone tagged a third of the archive ``markets``. A news article puts
its subject in the headline and the first paragraph (the lead), so a tag needs one of its
``words`` there, or else many of them spread through the body (:data:`DENSITY`). ``weak`` words
("deal", "vehicle", "market") add to the count only beside an unambiguous word; ``headline``
words ("shares", "bid") are unambiguous only in the headline.

What the article is about comes before what drove it: a tag whose only signal in the lead stands
in a clause that gives a cause ("durable goods orders fell, *as* demand for aircraft slid",
"earnings fell *after* the settlement of a lawsuit") is a driver, not a subject, when another
tag is placed by the headline; dense in the body, it must have as many words as that tag
(:data:`DRIVERS`). So too in the headline ("Stocks fall *as* oil tops $100") beside a tag placed
there by words of its own: then the lead and the density decide. And a tag
placed by nothing but a ``headline`` word ("Hovnanian shares tumble after results") gives way to
a tag with words of its own ("net loss", "per share"): that story is about the results."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from .people import is_title_word
from .spans import fold


@dataclass(frozen=True)
class TagRule:
    tag: str
    words: tuple[str, ...]  #: words and phrases that signal the tag, matched whole, plurals too
    min_count: int = 2
    #: Words that count only beside one of :attr:`words` ("deal" beside "merger").
    weak: tuple[str, ...] = ()
    #: Words that are :attr:`words` in the headline and :attr:`weak` elsewhere: "shares" in
    #: "Casio shares crumble" is the subject, in "sending its shares higher" an aside.
    headline: tuple[str, ...] = ()
    #: Phrases inside which a signal is no evidence ("central bank" for "bank").
    not_in: tuple[str, ...] = ()
    #: Count anywhere, as before issue 11: no headline, lead or density needed.
    anywhere: bool = False


#: Without a signal in the headline or the lead, the body must print this many of the tag's
#: ``words`` per 1,000 words, of at least two different ones: a topic, not an aside.
DENSITY = 15.0
DENSITY_DISTINCT = 2


#: Words that open a clause naming what drove the news, not what it is about: "as demand for
#: aircraft slid", "after the settlement of a lawsuit", "excluding transportation".
DRIVERS = frozenset(("after", "as", "because", "amid", "despite", "following", "excluding",
                     "when", "citing", "reflecting"))
#: Words that open such a clause after a comma: "stocks rose, with technology shares leading".
_DRIVERS_AFTER_COMMA = frozenset(("with", "led", "helped", "driven", "boosted"))
#: Words that open such a clause before "to" ("thanks to", "due to") or "by" ("helped by").
_DRIVERS_BEFORE = {"to": frozenset(("thanks", "due", "owing")),
                   "by": frozenset(("helped", "hurt", "boosted", "driven", "led", "fueled",
                                    "fuelled", "weighed", "dragged", "buoyed", "lifted",
                                    "spurred", "pressured", "sparked", "prompted", "caused",
                                    "triggered", "supported", "offset", "hit"))}
#: "on" that gives a cause: "fell on worries about", "rose on the back of".
_CAUSES_AFTER_ON = frozenset(("concern", "concerns", "worry", "worries", "fear", "fears", "hope",
                              "hopes", "expectations", "speculation", "talk", "signs", "news",
                              "the", "strong", "weak", "higher", "lower", "rising", "falling"))
#: "as" that opens no clause: "as well as", "as much as", "such as", "as part of".
_NOT_DRIVER_AFTER_AS = frozenset(("well", "much", "many", "soon", "part", "long", "far",
                                  "expected", "planned", "of", "to", "high", "low", "little",
                                  "it", "its", "reported", "announced", "usual", "such",
                                  "they", "we", "you"))
_NOT_DRIVER_BEFORE_AS = frozenset(("such", "well", "so", "same", "known", "just", "as", "itself",
                                   "himself", "herself", "themselves", "him", "her", "them",
                                   "serve", "serves", "served", "serving", "act", "acts",
                                   "acted", "acting"))


@dataclass(frozen=True)
class TagEvidence:
    """Why a tag was given: the words that counted and where the article is about it."""

    counts: dict[str, int]  #: word -> occurrences that counted (weak words included)
    weak: frozenset[str] = field(default_factory=frozenset)  #: which of them are weak
    where: str = ""  #: "bid in the headline", "merger in the lead" or the body's density
    #: Placed by the headline with nothing but :attr:`TagRule.headline` words ("shares"), none
    #: of the rule's :attr:`TagRule.words` in the headline, and not dense.
    headline_only: bool = False
    #: How often the rule's own :attr:`TagRule.words` occur (not weak, not headline words).
    full: int = 0
    #: Placed by the lead only, every signal there in a clause of cause (:data:`DRIVERS`):
    #: dropped when another tag is placed by the headline, unless it is :attr:`dense` in the
    #: body with as many of its words as that tag.
    driver: bool = False
    dense: bool = False
    #: Placed by the headline, every signal there after a word of cause ("Stocks fall as oil
    #: tops $100"): a driver when another tag stands in the headline by words of its own, and
    #: then :attr:`fallback` (what the lead or the body's density say, or None) decides.
    headline_driver: bool = False
    #: Placed by the lead (not the headline, not the density): beside a tag the headline
    #: places, it needs two of its own words; weak words do not make up the count.
    by_lead: bool = False
    fallback: "TagEvidence | None" = None

    def explained(self) -> str:
        words = ", ".join(f"{w} x{n}" + (" (weak)" if w in self.weak else "")
                          for w, n in self.counts.items())
        return f"{words}; about it: {self.where}"


#: A word with its inner apostrophes and hyphens: "carbon-composite" is one word.
_WORD = re.compile(r"[^\W_](?:[\w'’]|-(?=[^\W_]))*")
#: Lower-case words that stand inside a capitalised name: "Secretary of State".
_JOINERS = frozenset(("of", "and", "for", "the", "on", "de"))
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_COMMA = re.compile(r"[,;–—]| - ")  #: between two words: a comma, dash or semicolon


@lru_cache(maxsize=None)  # the taxonomy's phrases, looked for in every article
def _keys(phrase: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(phrase)))


class _Word(NamedTuple):  # a tuple: made for every word of every article
    key: str  #: folded, without a final possessive
    printed: str
    capitalised: bool  #: a capital first letter in mixed-case text: part of a name, maybe
    run: int  #: the number of the run of capitalised words it stands in, or -1
    paragraph: int = 0  #: 0 for the headline, then the body's paragraphs in order
    comma: bool = False  #: a comma (or dash, semicolon) just before it


def _words(text: str) -> list[_Word]:
    out: list[_Word] = []
    matches = list(_WORD.finditer(text))
    run, previous_cap_end = 0, -2
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    paragraph = 0
    for i, match in enumerate(matches):
        while paragraph < len(breaks) and breaks[paragraph] < match.start():
            paragraph += 1
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
        before = text[matches[i - 1].end():match.start()] if i else ""
        out.append(_Word(key, word, capitalised, run if in_name else -1, paragraph,
                         before != " " and _COMMA.search(before) is not None))
        if in_name:
            previous_cap_end = match.end()
        else:
            previous_cap_end = -2
    return out


def _same(word: str, signal: str, last: bool) -> bool:
    return word == signal or (last and word in (signal + "s", signal + "es"))


class _Text:
    """The words of one article, indexed once for every phrase of the taxonomy."""

    def __init__(self, text: str) -> None:
        self.words = _words(text)
        self.runs: dict[int, int] = {}
        for word in self.words:
            if word.run >= 0:
                self.runs[word.run] = self.runs.get(word.run, 0) + 1
        self.starts: dict[str, list[int]] = {}
        for i, word in enumerate(self.words):
            self.starts.setdefault(word.key, []).append(i)
        paragraphs = _PARAGRAPH_BREAK.split(text)
        # The lead is the body's first paragraph that is not a note in parentheses
        # ("(Corrects paragraph 3)", "(For more stories ... )").
        self.lead = next((i for i, p in enumerate(paragraphs) if i and p.strip()
                          and not p.lstrip().startswith("(")), -1)
        self.body_words = sum(1 for w in self.words if w.paragraph > 0)
        #: The headline's and the lead's first word that opens a clause of cause, if any.
        self.cause = {paragraph: i for paragraph in (self.lead, 0) for i in reversed(
            range(len(self.words))) if self.words[i].paragraph == paragraph
            and self._opens_driver(i)}

    def after_cause(self, paragraph: int, indexes: list[int]) -> bool:
        """Whether the words at *indexes* that stand in *paragraph* all follow a word opening
        a clause of cause there ("Stocks fall *as* oil tops $100")."""
        cause = self.cause.get(paragraph)
        here = [i for i in indexes if self.words[i].paragraph == paragraph]
        return cause is not None and bool(here) and all(i > cause for i in here)

    def _opens_driver(self, i: int) -> bool:
        words, key = self.words, self.words[i].key
        if words[i].printed.isupper():
            return False  # "AAH.AS" is a ticker, "AFTER" a heading: no clause
        after = words[i + 1].key if i + 1 < len(words) else ""
        before = words[i - 1].key if i else ""
        if key == "as":  # not "as much as", "named him as chief executive"
            as_x_as = i > 1 and words[i - 2].key == "as"
            return (after not in _NOT_DRIVER_AFTER_AS and before not in _NOT_DRIVER_BEFORE_AS
                    and not as_x_as and not is_title_word(words[i + 1].printed.capitalize()
                                                          if i + 1 < len(words) else ""))
        if key == "following":  # not "The following are", "Following are"
            return after not in ("are", "is", "were") and before != "the"
        if key in DRIVERS or (key in _DRIVERS_AFTER_COMMA and words[i].comma):
            return True
        if key == "on":  # "on the back of", "on worries", but not "on Tuesday"
            return (after in _CAUSES_AFTER_ON and before not in ("said", "comment", "focus")
                    and (after != "the" or (i + 2 < len(words)
                                             and words[i + 2].key in ("back", "news"))))
        if i > 1 and words[i - 2].key in ("is", "are", "was", "were", "be"):
            return False  # "workers were due to return"
        return key in _DRIVERS_BEFORE and before in _DRIVERS_BEFORE[key]

    def places(self, phrase: str) -> list[tuple[int, int]]:
        """Where *phrase* stands as words of the text: (first word, end) index pairs. Only the
        places where its first word stands are looked at."""
        keys = _keys(phrase)
        if not keys:
            return []
        n, first, words = len(keys), keys[0], self.words
        candidates = self.starts.get(first, []) if n > 1 else [
            *self.starts.get(first, []), *self.starts.get(first + "s", []),
            *self.starts.get(first + "es", [])]
        out = []
        for i in sorted(candidates):
            if i + n > len(words) or not all(_same(words[i + k].key, keys[k], k == n - 1)
                                             for k in range(n)):
                continue
            matched = words[i : i + n]
            run = matched[0].run
            inside_name = (run >= 0 and all(w.run == run for w in matched)
                           and self.runs[run] > n and matched[0].capitalised)
            if inside_name and not any(is_title_word(w.printed) for w in matched):
                continue  # "Embassy Suites", "Media Summit": a word of a longer name
            out.append((i, i + n))
        return out


def _is_title_signal(signal: str) -> bool:
    return is_title_word(signal.split()[-1].capitalize())


def _found(text: _Text, signals: tuple[str, ...], masked: set[int],
           starts: dict[str, list[int]] | None = None) -> dict[str, list[int]]:
    """signal -> the paragraphs it stands in, once per occurrence outside *masked* words.
    Longer phrases are looked for first and take their words into *masked*, so "to buy" and
    "buy" do not both count the one "buy"."""
    found: dict[str, list[int]] = {}
    for signal in sorted(signals, key=lambda w: -len(_keys(w))):
        places = [(i, end) for i, end in text.places(signal)
                  if not masked.intersection(range(i, end))]
        if places:
            found[signal] = [text.words[i].paragraph for i, _ in places]
            if starts is not None:
                starts[signal] = [i for i, _ in places]
            masked.update(k for i, end in places for k in range(i, end))
    return {signal: found[signal] for signal in signals if signal in found}


def _weight(signal: str, places: list[int]) -> int:
    # A title names one person however often it recurs ("India's Ambassador ... the
    # ambassador"): it is one piece of evidence.
    return 1 if _is_title_signal(signal) else len(places)


def decide(text: _Text, rule: TagRule) -> TagEvidence | None:
    """The evidence that the article is about *rule*'s subject, or None."""
    weak_found: dict[str, list[int]] = {}
    masked = {k for phrase in rule.not_in for i, end in text.places(phrase)
              for k in range(i, end)}
    starts: dict[str, list[int]] = {}
    strong = _found(text, rule.words, masked, starts)
    full_words = {w: p for w, p in strong.items()}
    for word, places in _found(text, rule.headline, masked, starts).items():
        (strong if 0 in places else weak_found).setdefault(word, places)
    weak = weak_found | _found(text, tuple(w for w in rule.weak if w not in strong), masked)
    if not strong:
        return None  # weak words alone never make a tag: "deal" is not a merger
    total = (sum(_weight(w, p) for w, p in strong.items())
             + sum(_weight(w, p) for w, p in weak.items()))
    if total < rule.min_count:
        return None
    counts = {w: len(p) for w, p in (*strong.items(), *weak.items())}

    full = sum(_weight(w, p) for w, p in full_words.items())

    def evidence(where: str, **more) -> TagEvidence:
        return TagEvidence(counts, frozenset(weak), where, full=full, **more)

    if rule.anywhere:
        return evidence(f"{total} signals anywhere (anywhere: true)")
    body = sum(_weight(w, p) for w, p in strong.items())
    density = 1000 * body / max(text.body_words, 1)
    dense = None
    if density >= DENSITY and len(strong) >= DENSITY_DISTINCT:
        dense = evidence(f"{len(strong)} different words, {density:.1f} per 1,000 words")
    def below_headline() -> TagEvidence | None:
        if placed := [w for w, p in strong.items() if text.lead in p]:
            where = f"{', '.join(placed)} in the lead"
            if text.after_cause(text.lead, [i for w in placed for i in starts[w]]):
                # Dense in the body, it is still a driver beside a headline tag with more words.
                return evidence(dense.where if dense else where, driver=True,
                                dense=dense is not None)
            return evidence(where, by_lead=True)
        return dense

    if placed := [w for w, p in strong.items() if 0 in p]:
        after_cause = text.after_cause(0, [i for w in placed for i in starts[w]])
        return evidence(f"{', '.join(placed)} in the headline",
                        headline_only=dense is None and not any(
                            0 in p for p in full_words.values()),
                        headline_driver=after_cause,
                        fallback=below_headline() if after_cause else None)
    return below_headline()


def tag_decisions(text: str, rules: tuple[TagRule, ...]) -> dict[str, TagEvidence]:
    """The tags of an article and why. *text* is the headline, a blank line, then the body's
    paragraphs separated by blank lines (a text of one paragraph is all headline)."""
    indexed = _Text(text)
    found = {rule.tag: found for rule in rules if (found := decide(indexed, rule))}
    in_headline = {tag for tag, e in found.items() if e.where.endswith("in the headline")
                   and not e.headline_driver and not e.headline_only}
    for tag, e in list(found.items()):
        if e.headline_driver and in_headline - {tag}:
            if e.fallback is None:
                del found[tag]
            else:
                found[tag] = e.fallback
    by_headline = {tag: e.full for tag, e in found.items()
                   if e.where.endswith("in the headline") and not e.headline_only}

    def driver(tag: str, e: TagEvidence) -> bool:
        # "Durable goods orders fall (economy) ... as demand for aircraft slid": a driver.
        if e.driver and any(other != tag and (not e.dense or full > e.full)
                            for other, full in by_headline.items()):
            return True
        # "... orders for aircraft" once, then "orders" all through: a word in passing.
        return e.by_lead and e.full < 2 and bool(by_headline.keys() - {tag})

    def outweighed(tag: str, e: TagEvidence) -> bool:
        # "Hovnanian shares (markets) tumble after results": the results, with words of their
        # own ("net loss", "per share"), are the story; the share move is what they did.
        return e.headline_only and e.full <= 1 and any(
            other != tag and not o.driver and o.full >= max(2, 3 * e.full)
            for other, o in found.items())

    return {tag: e for tag, e in found.items()
            if not driver(tag, e) and not outweighed(tag, e)}


def tag_evidence(text: str, rules: tuple[TagRule, ...]) -> dict[str, dict[str, int]]:
    """For each tag given to *text* (see :func:`tag_decisions`): word -> count."""
    return {tag: found.counts for tag, found in tag_decisions(text, rules).items()}
