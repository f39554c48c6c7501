"""Runs of capitalised words in article text: the candidates every extractor starts from.

Pure functions. A span is a maximal run of capitalised words, possibly joined by name particles
(``de``, ``von der``, ``bin``) or ``of``/``and`` (for ``Secretary of State``, ``Procter & Gamble``),
with the words around it kept for the extractors' evidence rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..characters import remove_format_characters
from ..naming import PARTICLES

#: A word (with inner apostrophes, hyphens and dotted initials), a number, or one other character.
_TOKEN_RE = re.compile(r"[^\W\d_](?:[\w'’\-]|\.(?=[^\W\d_]))*\.?|\d[\d.,:]*\w*|&|[^\w\s]")
#: Words whose trailing period is part of the word, not the end of a sentence.
ABBREVIATIONS = frozenset(
    """mr. mrs. ms. dr. jr. sr. st. mt. ft. gen. lt. col. capt. sgt. adm. maj. cmdr. sen. rep.
    gov. pres. prof. rev. hon. corp. inc. co. ltd. bros. no. vs. ave. blvd. gov't.""".split()
)
JOINERS = frozenset(("of", "and", "&", "for", "the", "on"))
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.""".split()
)
#: Capitalised words that open sentences or headlines but never open a name.
SENTENCE_WORDS = frozenset(
    """a an the this that these those there their they then than thus this it its he she his
    her hers we our you your i in on at by for from to of into onto with without within after
    before during since until while when where why how what which who whom whose if but and or
    nor so yet as also some many most more much several few all any each every both either
    neither no not one two three four five six seven eight nine ten other another such among
    about above across against along around because despite over under between through
    throughout toward towards upon via like unlike meanwhile however although though still even
    only just now today yesterday tomorrow tonight last next earlier later here overall instead
    asked says said told added according under shares sales prices profit revenue analysts
    officials police migrants residents people government company companies reporting editing
    writing additional compiled""".split()
)


@dataclass(frozen=True)
class Span:
    """A run of capitalised words and where it stands."""

    words: tuple[str, ...]
    start: int  #: character offset in the text
    end: int
    before: str  #: the text before the span, up to 80 characters
    after: str  #: the text after the span, up to 80 characters

    @property
    def text(self) -> str:
        return " ".join(self.words)


def inside_brackets(span: Span) -> bool:
    """``(DGAC)``, ``( GM.N )``: a span that is all there is between two brackets."""
    return span.before.rstrip().endswith("(") and span.after.lstrip().startswith(")")


@lru_cache(maxsize=1 << 16)  # called for every word of every article; words repeat
def fold(text: str) -> str:
    """Case- and accent-insensitive key: ``Comaltitlán`` and ``COMALTITLAN`` fold alike, and
    so do names that differ only by invisible format characters (a zero-width space)."""
    if text.isascii():  # most words: nothing to decompose, strip or fold but the case
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", remove_format_characters(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.replace("’", "'").casefold().split())


@lru_cache(maxsize=1 << 16)  # called for every word of every article
def is_capitalised(word: str) -> bool:
    """``Reuters``, ``'Abd``, and names led by one small letter (``eBay``, ``iRobot``; not
    units such as ``kWh``)."""
    return word[:1].isupper() or (len(word) > 1 and word[0] in "'’" and word[1].isupper()) or (
        len(word) > 3 and word[0].islower() and word[1].isupper() and word[2].islower())


def is_calendar_word(word: str) -> bool:
    key = word.casefold()
    return key in WEEKDAYS or key in MONTHS


_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")  #: "U.S.", "J.": not a sentence's end


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Words with their offsets; a sentence's final period becomes a token of its own."""
    tokens: list[tuple[str, int, int]] = []
    for match in _TOKEN_RE.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if (
            len(word) > 1
            and word.endswith(".")
            and word.casefold() not in ABBREVIATIONS
            and not _INITIALS.fullmatch(word)
        ):
            tokens.append((word[:-1], start, end - 1))
            tokens.append((".", end - 1, end))
        else:
            tokens.append((word, start, end))
    return tokens


def find_spans(text: str) -> list[Span]:
    """Every maximal run of capitalised words in *text*.

    Particles and joiners stay inside a run only between capitalised words; calendar words and
    words that only open sentences are trimmed from the edges.
    """
    tokens = tokenize(text)
    spans: list[Span] = []
    i = 0
    while i < len(tokens):
        if not _starts_run(tokens[i][0]):
            i += 1
            continue
        j = i + 1
        last_cap = i
        while j < len(tokens) and text[tokens[j - 1][2] : tokens[j][1]].strip() == "":
            word = tokens[j][0]
            if _starts_run(word):
                last_cap = j
            elif word.casefold() not in PARTICLES and word.casefold() not in JOINERS:
                break
            j += 1
        run = tokens[i : last_cap + 1]
        spans.extend(_trimmed(text, run))
        i = last_cap + 1
    return spans


def sub_span(span: Span, first: int, last: int, words: tuple[str, ...] | None = None) -> Span:
    """Words *first*..*last* of *span* as a span of their own (optionally respelled as
    *words*), with offsets and context measured on the span's words joined by one space."""
    joined = " ".join(span.words)
    offsets, position = [], 0
    for word in span.words:
        offsets.append(position)
        position += len(word) + 1
    # A respelled last word is a prefix of the printed one ("Germany" of "Germany's"), so
    # the context after it keeps "'s" or "-based" for the evidence rules to read.
    start = offsets[first]
    end = offsets[last] + len(words[-1] if words else span.words[last])
    return Span(
        words=words or span.words[first : last + 1],
        start=span.start + start,
        end=span.start + end,
        before=(span.before + joined[:start])[-80:],
        after=(joined[end:] + span.after)[:80],
    )


def split_at_conjunctions(span: Span, keep_ampersand: bool = True) -> list[Span]:
    """``Colombia and Central America`` -> its two names; a span without ``and`` as is.

    ``&`` joins one name (``Procter & Gamble``, ``Ernst & Young``) unless *keep_ampersand* is
    false.
    """
    joiners = ("and",) if keep_ampersand else ("and", "&")
    parts: list[list[int]] = [[]]
    for i, word in enumerate(span.words):
        if word in joiners:
            parts.append([])
        else:
            parts[-1].append(i)
    if len(parts) == 1:
        return [span]
    pieces = []
    for indices in parts:
        # "... Bank and the Islamic Development Bank": the second name starts after "the".
        while indices and not is_capitalised(span.words[indices[0]]):
            indices = indices[1:]
        if indices:
            pieces.append(sub_span(span, indices[0], indices[-1]))
    return pieces


#: Possessive words that stand inside names: "People's Party", "Children's Hospital".
NAME_POSSESSIVES = frozenset(
    "people's children's women's men's workers' farmers' veterans' teachers' citizens'".split()
)


def possessive_base(word: str) -> str | None:
    """``Germany's`` -> ``Germany``, ``Farmers'`` -> ``Farmers``; ``None`` if not possessive."""
    if word.endswith(("'s", "’s")) and len(word) > 2:
        return word[:-2]
    if word.endswith(("s'", "s’")) and len(word) > 2:
        return word[:-1]
    return None


#: Endings that join a name to the word it qualifies: "California-based", "Al-Qaeda-linked".
COMPOUND_ENDINGS = ("-based", "-born", "-linked", "-related", "-owned", "-led", "-backed",
                    "-listed", "-run", "-controlled", "-headquartered", "-bound", "-made")


def attached_base(word: str) -> str | None:
    """The name in a possessive or a compound: ``Germany's`` -> ``Germany``, ``Farmers'`` ->
    ``Farmers``, ``Dallas-based`` -> ``Dallas``; ``None`` for any other word."""
    for ending in COMPOUND_ENDINGS:
        if word.casefold().endswith(ending) and len(word) > len(ending):
            return word[: -len(ending)]
    return possessive_base(word)


def split_possessives(span: Span, keep: Callable[[Span, Span], bool] = lambda a, b: False
                      ) -> list[Span]:
    """``Mexico's Navy Ministry`` -> ``Mexico`` and ``Navy Ministry``; ``Dallas-based Frontiers``
    -> ``Dallas`` and ``Frontiers``; a final possessive is dropped (``Lopez Obrador's`` ->
    ``Lopez Obrador``). Possessives that belong to names (``Austrian People's Party``) stay, and
    so does any split *keep* refuses for the parts before and after it."""
    out: list[Span] = []
    first = 0
    for i, word in enumerate(span.words):
        base = attached_base(word)
        if base is None or word.casefold().replace("’", "'") in NAME_POSSESSIVES:
            continue
        left = sub_span(span, first, i, span.words[first:i] + (base,))
        rest = _rest(span, i + 1)
        if rest is not None and keep(left, rest):
            continue
        out.append(left)
        first = i + 1
    if not out:
        return [span]
    if (rest := _rest(span, first)) is not None:
        out.append(rest)
    return out


def _rest(span: Span, first: int) -> Span | None:
    while first < len(span.words) and not is_capitalised(span.words[first]):
        first += 1
    return sub_span(span, first, len(span.words) - 1) if first < len(span.words) else None


#: Last words of newspapers' names that "Sunday" opens: "Sunday Telegraph", "Sunday Times".
SUNDAY_PAPERS = frozenset("""Times Telegraph Herald Post Mirror Express Mail Independent Star
    Tribune Observer Business Sun World""".split())


@lru_cache(maxsize=1 << 16)
def _starts_run(word: str) -> bool:
    return is_capitalised(word) and any(c.isalpha() for c in word)


def _trimmed(text: str, run: list[tuple[str, int, int]]) -> list[Span]:
    """Split *run* at calendar words, trim sentence words and joiners from its edges."""
    pieces: list[list[tuple[str, int, int]]] = [[]]
    for i, token in enumerate(run):
        # "April Kowalczyk" is a name; "Tuesday", "January 5" and "in May" are not.
        following = run[i + 1][0] if i + 1 < len(run) else ""
        month_as_name = (token[0].casefold() in MONTHS and not pieces[-1]
                         and is_capitalised(following) and following.casefold() not in MONTHS)
        # "Sunday Telegraph", "Sunday Times": a weekend paper's name, not a day.
        sunday_paper = token[0] == "Sunday" and following in SUNDAY_PAPERS
        if is_calendar_word(token[0]) and not month_as_name and not sunday_paper:
            pieces.append([])
        else:
            pieces[-1].append(token)
    spans = []
    for piece in pieces:
        while piece and (
            (piece[0][0].casefold() in SENTENCE_WORDS and not _opens_name(piece))
            or piece[0][0].casefold() in JOINERS
            or not is_capitalised(piece[0][0])
        ):
            piece = piece[1:]
        while piece and not is_capitalised(piece[-1][0]):
            piece = piece[:-1]
        if not piece:
            continue
        start, end = piece[0][1], piece[-1][2]
        spans.append(
            Span(
                words=tuple(t[0] for t in piece),
                start=start,
                end=end,
                before=text[max(0, start - 80) : start],
                after=text[end : end + 80],
            )
        )
    return spans


#: Sentence words that open bodies' names before "of": "Government of Singapore Investment
#: Corporation", "Company of Biologists".
_NAME_OPENERS = frozenset(("government", "company"))


def _opens_name(piece: list[tuple[str, int, int]]) -> bool:
    """Whether a sentence word opening *piece* is a name's: initials in capitals before ``&``
    (``AT&T``), or a body's first word before "of" (``Government of Singapore ...``)."""
    if len(piece) < 2:
        return False
    first, second = piece[0][0], piece[1][0]
    return (second == "&" and first.isupper()) or (
        second == "of" and first.casefold() in _NAME_OPENERS and first[0].isupper())
