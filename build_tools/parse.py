"""Plain text -> the structure of a news article: title, byline, dateline, body, credits.

Pure functions, no I/O. Two input layouts are recognised by their shape:

*plain*
    Title on the first non-blank line, an optional ``By ...`` line, then body paragraphs separated
    by blank lines. The first paragraph may open with a dateline (``VILLA COMALTITLAN (Reuters) –``)
    and the last may be a credit line (``(Reporting by ...; Editing by ...)``).

*header*
    Wire archives such as the Reuters 2007 corpus: four lines starting with ``-- `` (title;
    ``By ...`` or nothing; date, time and zone; original URL), then the body.

Every word of the input reaches :attr:`ParsedText.paragraphs` or :attr:`ParsedText.credit_line`;
only white space is normalised (lines of a paragraph are joined with one space).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .errors import ArchiveError

#: Dashes that may close a dateline: en dash, em dash, hyphen (one or two), minus sign.
DATELINE_RE = re.compile(
    r"""^(?P<place>[^\W\d_][^()\n]*?)\s*   # PLACE[, Region], upper case checked below
        \((?P<agency>[^()\n]{1,60})\)\s*   # (Agency)
        (?P<dash>--|[–—\-−])\s*""",
    re.VERBOSE,
)
BYLINE_RE = re.compile(r"^by\s+(?P<names>\S.*)$", re.IGNORECASE)
#: Trailing labels some bylines carry: "By Sinead Carew - Analysis", "By Jane Doe, Reuters".
BYLINE_SUFFIX_RE = re.compile(
    r"\s*(?:[-–—,]\s*)(?:analysis|commentary|column|insight|interview|feature|factbox|"
    r"news analysis|reuters|ap|afp|associated press|staff writers?|correspondents?)\s*$",
    re.IGNORECASE,
)
NAME_SPLIT_RE = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)\s*")
CREDIT_ROLE_RE = re.compile(
    r"^(?P<role>(?:[A-Za-z]+\s+){0,2}?(?:reporting|writing|editing|compiled|compiling|"
    r"research|translation|translated|graphics|photos?|contributions?|additional reporting)"
    r"(?:\s+and\s+\w+)?)\s+by\s+(?P<names>.+)$",
    re.IGNORECASE | re.DOTALL,
)
CREDIT_LINE_RE = re.compile(r"\((?P<inner>[^()]*\bby\b[^()]*)\)\s*$", re.IGNORECASE)
HEADER_DATE_RE = re.compile(
    r"^(?:[A-Za-z]{3},?\s+)?(?P<month>[A-Za-z]{3})\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})"
)
FILENAME_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
#: In the header layout, paragraphs often run together on one line, separated by two spaces.
RUN_TOGETHER_RE = re.compile(r"(?<=[.!?\"'”’)])\s{2,}(?=[\"“‘(]?[A-Z0-9])")
MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


@dataclass(frozen=True)
class Dateline:
    """The dateline that opens the first paragraph, as printed and in parts."""

    text: str  #: as printed, without the closing dash: ``VILLA COMALTITLAN (Reuters)``
    places: tuple[str, ...]  #: printed place names: ``("CALGARY", "LONDON")``
    region: str | None  #: ``Costa Rica`` in ``SAN JOSE, Costa Rica (AFP)``
    agency: str


@dataclass(frozen=True)
class ParsedText:
    """The structure of one article's text, before any extraction."""

    layout: str  #: ``plain`` or ``header``
    title: str
    authors: tuple[str, ...] = ()
    byline: str | None = None  #: as printed, ``By Jose Torres``
    dateline: Dateline | None = None
    paragraphs: tuple[str, ...] = ()  #: the body; the first still opens with its dateline
    credit_line: str | None = None  #: as printed, with its parentheses
    credits: dict[str, list[str]] = field(default_factory=dict)
    credit_places: dict[str, str] = field(default_factory=dict)  #: name -> "in X" place
    date: dt.date | None = None
    url: str | None = None


def normalise_newlines(text: str) -> str:
    """CRLF and CR to LF; drop a byte-order mark."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def split_blocks(lines: list[str]) -> list[str]:
    """Join the lines of each blank-line-separated block with one space."""
    blocks: list[str] = []
    current: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped:
            current.append(stripped)
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def parse_byline(line: str) -> tuple[str, ...] | None:
    """``By A, B and C`` -> ``("A", "B", "C")``; ``None`` when *line* is no byline."""
    match = BYLINE_RE.match(line.strip())
    if not match:
        return None
    names = BYLINE_SUFFIX_RE.sub("", match["names"].strip())
    parts = [" ".join(p.split()) for p in NAME_SPLIT_RE.split(names) if p.strip()]
    if not parts or any(len(p.split()) > 6 or not p[0].isupper() for p in parts):
        return None
    return tuple(parts)


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline that opens *paragraph*, or ``None``.

    The place must be printed in capitals (``SAN JOSE``), optionally followed by a region in
    any case (``SAN JOSE, Costa Rica``), so that an opening sentence with a parenthesis is not
    mistaken for a dateline.
    """
    match = DATELINE_RE.match(paragraph)
    if not match:
        return None
    head = " ".join(match["place"].split())
    place_part, _, region = head.partition(",")
    place_part, region = place_part.strip(), region.strip() or None
    letters = [c for c in place_part if c.isalpha()]
    if not letters or place_part != place_part.upper() or len(place_part) > 60:
        return None
    places = tuple(p.strip() for p in place_part.split("/") if p.strip())
    agency = " ".join(match["agency"].split())
    text = f"{head} ({agency})"
    return Dateline(text=text, places=places, region=region, agency=agency)


def parse_credit_line(text: str) -> tuple[dict[str, list[str]], dict[str, str]] | None:
    """``(Reporting by A in X; Editing by B)`` -> roles to names and names to places."""
    match = CREDIT_LINE_RE.search(text)
    if not match or match.start() != 0:
        return None
    credits: dict[str, list[str]] = {}
    places: dict[str, str] = {}
    for part in re.split(r"\s*;\s*", match["inner"].strip()):
        role_match = CREDIT_ROLE_RE.match(part.strip())
        if not role_match:
            return None
        role = " ".join(role_match["role"].lower().split())
        for chunk in NAME_SPLIT_RE.split(role_match["names"].strip()):
            chunk = " ".join(chunk.split())
            name, _, place = chunk.partition(" in ")
            name = name.strip()
            if not name:
                continue
            credits.setdefault(role, [])
            if name not in credits[role]:
                credits[role].append(name)
            if place.strip():
                places[name] = place.strip()
    return (credits, places) if credits else None


def parse_header_date(text: str) -> dt.date | None:
    """``Wed Jan 17, 2007 6:34am EST`` -> 2007-01-17: the day as printed, in the printed zone."""
    match = HEADER_DATE_RE.match(text.strip())
    if not match:
        return None
    month = MONTHS.get(match["month"].lower())
    try:
        return dt.date(int(match["year"]), month, int(match["day"])) if month else None
    except ValueError:
        return None


def date_from_filename(name: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` date in a file name, when it is a real date."""
    for match in FILENAME_DATE_RE.finditer(name):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None


def _split_off_credit(paragraphs: list[str]) -> tuple[list[str], str | None, dict, dict]:
    """Take the credit line off the end of the body, whole paragraph or run-on tail."""
    if not paragraphs:
        return paragraphs, None, {}, {}
    last = paragraphs[-1]
    match = CREDIT_LINE_RE.search(last)
    if not match:
        return paragraphs, None, {}, {}
    credit = last[match.start():].strip()
    parsed = parse_credit_line(credit)
    if parsed is None:
        return paragraphs, None, {}, {}
    before = last[: match.start()].rstrip()
    body = paragraphs[:-1] + ([before] if before else [])
    return body, credit, parsed[0], parsed[1]


def parse_text(text: str, filename: str = "") -> ParsedText:
    """Parse one article. Raises :class:`ArchiveError` when it has no title or no body."""
    lines = normalise_newlines(text).split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        raise ArchiveError(filename or None, "empty file (no text)")
    lines = lines[start:]
    header = _header_lines(lines)
    if header is not None:
        return _parse_header_layout(lines, header, filename)
    return _parse_plain_layout(lines, filename)


def _header_lines(lines: list[str]) -> int | None:
    """How many ``-- `` header lines open *lines*, when it has the header layout's shape."""
    count = 0
    for line in lines:
        if line.startswith("--") and (len(line) == 2 or line[2] in " \t"):
            count += 1
        else:
            break
    return count if count >= 3 and lines[0][2:].strip() else None


def _parse_header_layout(lines: list[str], count: int, filename: str) -> ParsedText:
    fields = [line[2:].strip() for line in lines[:count]]
    title = " ".join(fields[0].split())
    authors: tuple[str, ...] = ()
    byline = None
    date = url = None
    for value in fields[1:]:
        if not value:
            continue
        if (names := parse_byline(value)) is not None and not authors:
            authors, byline = names, " ".join(value.split())
        elif re.match(r"^https?://\S+$", value) and url is None:
            url = value
        elif date is None and (parsed := parse_header_date(value)) is not None:
            date = parsed
    blocks: list[str] = []
    for block in split_blocks(lines[count:]):
        blocks.extend(p for p in RUN_TOGETHER_RE.split(block) if p)
    return _finish(
        "header", title, authors, byline, blocks, filename, date=date, url=url
    )


def _parse_plain_layout(lines: list[str], filename: str) -> ParsedText:
    title = " ".join(lines[0].split())
    rest = lines[1:]
    authors: tuple[str, ...] = ()
    byline = None
    blocks = split_blocks(rest)
    if blocks and (names := parse_byline(blocks[0])) is not None:
        authors, byline = names, blocks[0]
        blocks = blocks[1:]
    return _finish(
        "plain", title, authors, byline, blocks, filename, date=date_from_filename(filename)
    )


def _finish(
    layout: str,
    title: str,
    authors: tuple[str, ...],
    byline: str | None,
    blocks: list[str],
    filename: str,
    *,
    date: dt.date | None = None,
    url: str | None = None,
) -> ParsedText:
    if not title:
        raise ArchiveError(filename or None, "no title (the first line is empty)")
    body, credit_line, credits, credit_places = _split_off_credit(blocks)
    if not body and not credit_line:
        raise ArchiveError(filename or None, "no body text after the title")
    dateline = parse_dateline(body[0]) if body else None
    return ParsedText(
        layout=layout,
        title=title,
        authors=authors,
        byline=byline,
        dateline=dateline,
        paragraphs=tuple(body),
        credit_line=credit_line,
        credits=credits,
        credit_places=credit_places,
        date=date,
        url=url,
    )
