"""Plain text -> the structure of a news article: title, byline, dateline, body, credits.

Pure functions, no I/O. Two input layouts are recognised by their shape:

*plain*
    Title on the first non-blank line, an optional ``By ...`` line, then body paragraphs separated
    by blank lines. The first paragraph may open with a dateline (``VILLA COMALTITLAN (Reuters) –``)
    and the last may be a credit line (``(Reporting by ...; Editing by ...)``).

*header*
    Wire archives such as the Reuters 2007 corpus: four lines starting with ``-- `` (title;
    ``By ...`` or nothing; date, time and zone; original URL), then the body.

In both, the dateline may follow a correction or editor's note (``(Corrects ...)``), may carry a
date (``WASHINGTON, Dec 26 (Reuters) -``) and may be preceded by the byline in the same paragraph
(``By Eric Auchard SAN FRANCISCO Jan 8 (Reuters) -``). Older wire copy prints no agency
(``WASHINGTON, April 1 -``): a place in capitals and a month and day then make the dateline. A
wire's sign-off closing the body (``REUTER``, ``AP``, ``dpa xx``) is recognised and kept as text.

Every word of the input reaches :attr:`ParsedText.paragraphs`, :attr:`ParsedText.credit_line` or
(for a byline) :attr:`ParsedText.byline`; only white space is normalised (lines of a paragraph are
joined with one space). Names read from the structure (authors, credited names, the dateline's
places and agency) are cleaned of invisible characters (:func:`~build_tools.characters.clean_name`);
the text they were read from stays as printed.

Dates are read, never guessed: from a ``YYYY-MM-DD`` in the file name, the header's date line,
or a dateline that prints one. A dateline's month and day without a year give a date only when
the path names the year (a ``2023/`` folder, a file name starting ``2023-``); weekday words give
none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .characters import clean_name
from .errors import ArchiveError

#: Dashes that may close a dateline: en dash, em dash, hyphen (one or two), minus sign.
DATELINE_RE = re.compile(
    r"""^(?P<head>(?:[^\W_][^()\n]*?)?)\s*  # PLACE[, Region][, date]; checked in parse_dateline
        \((?P<agency>[^()\n]{1,60})\)\s*   # (Agency)
        (?P<dash>--|[–—\-−])\s*""",
    re.VERBOSE,
)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
#: The date a dateline may print after its place: ``Dec 26``, ``March 3, 2008``,
#: ``12 January 2024``, ``Tuesday``, ``Tuesday, Dec 26``; a dash may separate it from the agency.
DATELINE_DATE_RE = re.compile(
    rf"""(?:^|[\s,]+)
        (?P<when>
          (?:(?P<weekday>{_WEEKDAY})(?:,?\s+(?=\d|{_MONTH}))?)?
          (?:(?P<month1>{_MONTH})\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year1>\d{{4}}))?
            |(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH})(?:,?\s+(?P<year2>\d{{4}}))?
          )?
        )
        \s*(?:--|[–—\-−])?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
#: The dash that closes a dateline printing no agency (``WASHINGTON, April 1 -``): white space
#: after it, so that the hyphen of ``KNOKKE-HEIST`` does not close it.
AGENCYLESS_DASH_RE = re.compile(r"\s*(?:--|[–—\-−])(?:\s+|$)")
#: How far into a paragraph a dateline printing no agency may reach.
AGENCYLESS_MAX = 80
#: Words a wire prints at the very end of a story to sign it off: ``REUTER``, ``AP``,
#: ``dpa xx``. Alone, or after the last sentence's closing punctuation.
SIGN_OFF_RE = re.compile(
    r"(?:^|(?<=[.!?\"”’')\]])\s+)(?P<sign_off>(?:REUTERS?|Reuters?|AP|AFP|UPI|dpa|DPA|xx|XX)"
    r"(?:[\s/]+(?:REUTERS?|Reuters?|AP|AFP|UPI|dpa|DPA|xx|XX))*)\s*$"
)
#: Agencies accepted after a place printed in mixed case (``Chicago (Reuters) -``) or after no
#: place at all (``(Reuters) -``): shapes an ordinary opening sentence could also have, so only
#: a wire agency's name makes them a dateline. A place in capitals accepts any agency.
KNOWN_AGENCIES = frozenset({
    "reuters", "reuters breakingviews", "reuters life!", "thomson reuters", "ifr", "ap",
    "associated press", "afp", "agence france-presse", "dpa", "upi", "xinhua", "bloomberg",
    "kyodo", "yonhap", "ansa", "efe", "pti", "ians", "interfax", "tass", "itar-tass",
    "ria novosti", "aap", "cp", "canadian press", "pa", "anadolu", "bernama", "antara",
    "dow jones",
})
#: Words a place name printed in mixed case may hold in lower case (``Rio de Janeiro``).
_PLACE_CONNECTORS = frozenset({"de", "del", "da", "do", "dos", "das", "di", "la", "le", "les",
                               "el", "al", "am", "an", "der", "den", "of", "on", "upon", "sur",
                               "en", "y", "im", "au", "aux"})
#: Capitalised words that open sentences, never places: ``The U.S. (Reuters) -`` is no dateline.
_NOT_PLACE_OPENERS = frozenset({"the", "a", "an", "in", "on", "at", "for", "but", "and", "or",
                                "as", "if", "when", "while", "its", "his", "her", "their", "our",
                                "this", "that", "these", "those", "some", "many", "most", "by",
                                "from", "with", "after", "before", "officials", "shares"})
#: Paragraphs that may stand before the dateline: a correction or editor's note, or any
#: paragraph wholly in parentheses (``(For more stories ... )``).
NOTE_RE = re.compile(
    r"^(?:\(.*\)|(?:editor['’]?s['’]? note|correction|clarification)\s*[:\-–—].*)$",
    re.IGNORECASE | re.DOTALL,
)
#: How many note paragraphs may precede the dateline before we stop looking for one.
MAX_NOTES = 3
BYLINE_RE = re.compile(r"^by:?\s+(?P<names>\S.*)$", re.IGNORECASE)
#: A byline that names no one: ``By``, ``By:``, ``By -``. Ignored, so that it does not stand
#: as the first paragraph and hide the dateline after it.
EMPTY_BYLINE_RE = re.compile(r"^by\s*[:\-–—]?$", re.IGNORECASE)
EMPTY_BYLINE_WARNING = "a byline that names no one ({}); ignored"
#: The word "By" opening a text, however punctuated: it opens a byline, never a place name.
BYLINE_WORD_RE = re.compile(r"^by(?:$|[\s:\-–—])", re.IGNORECASE)
#: Trailing labels some bylines carry: "By Sinead Carew - Analysis", "By Jane Doe, Reuters".
BYLINE_SUFFIX_RE = re.compile(
    r"\s*(?:[-–—,]\s*)(?:analysis|commentary|column|insight|interview|feature|factbox|"
    r"news analysis|reuters|ap|afp|associated press|staff writers?|correspondents?|"
    # A job title after the name: "By Gill Tudor, Investment Correspondent - Analysis".
    r"(?:[A-Z][\w&-]*\s+){1,3}(?:correspondent|editor|writer|columnist|reporter)s?)\s*$",
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
#: A year the path names: a folder called ``2023`` or a file name starting ``2023-``.
PATH_YEAR_RE = re.compile(r"^(1[89]\d\d|2[01]\d\d)(?:$|[-_ .])")
#: In the header layout, paragraphs often run together on one line, separated by two spaces.
RUN_TOGETHER_RE = re.compile(r"(?<=[.!?\"'”’)])\s{2,}(?=[\"“‘(]?[A-Z0-9])")
#: A subheading in capitals run into the paragraph it heads, after the last sentence:
#: ``... at 502.77. TRACKING DECEMBER SALES Investors carefully ...``. Two words or more, one of
#: four letters or more, so that ``IBM CEO Sam Palmisano`` is no heading.
RUN_IN_HEADING_RE = re.compile(
    r"(?<=[.!?\"”’)])\s+(?P<heading>(?=[^a-z]*[A-Z]{4})[A-Z][A-Z0-9&'’-]*(?:\s+[A-Z0-9][A-Z0-9&'’-]*)+)"
    r"\s+(?=[A-Z][a-z])"
)
MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
#: Where :attr:`ParsedText.date` came from, for ``explain`` and the docs.
FROM_FILE_NAME, FROM_HEADER, FROM_DATELINE = "file name", "header", "dateline"


@dataclass(frozen=True)
class Dateline:
    """The dateline that opens the first paragraph, as printed and in parts."""

    text: str  #: as printed, without the closing dash: ``VILLA COMALTITLAN (Reuters)``
    places: tuple[str, ...]  #: printed place names: ``("CALGARY", "LONDON")``; may be empty
    region: str | None  #: ``Costa Rica`` in ``SAN JOSE, Costa Rica (AFP)``
    agency: str | None  #: ``None`` for older copy that prints none (``WASHINGTON, April 1 -``)
    when: str | None = None  #: the printed date, ``Dec 26`` in ``WASHINGTON, Dec 26 (Reuters)``
    month: int | None = None
    day: int | None = None
    year: int | None = None  #: only when printed; never inferred here
    #: Characters of the paragraph the dateline takes, its closing dash and spaces included.
    end: int = 0

    def date(self, year: int | None = None) -> dt.date | None:
        """The printed date; *year* completes one printed without a year. ``None`` when the
        dateline prints no day (a weekday is no date) or the day does not exist."""
        year = self.year or year
        if self.month is None or self.day is None or year is None:
            return None
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None


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
    date_source: str | None = None  #: one of ``FROM_*``: where :attr:`date` was read
    url: str | None = None
    dateline_paragraph: int = 0  #: index of the paragraph that opens with the dateline
    warnings: tuple[str, ...] = ()  #: what the parser ignored, for the report
    #: The wire's sign-off closing the last paragraph, as printed (``REUTER``); it stays in
    #: :attr:`paragraphs` and is never read for names.
    sign_off: str | None = None


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
    names = match["names"].strip()
    # Labels stack: "Gill Tudor, Investment Correspondent - Analysis".
    while (stripped := BYLINE_SUFFIX_RE.sub("", names)) != names:
        names = stripped
    parts = [name for p in NAME_SPLIT_RE.split(names) if (name := clean_name(p))]
    if not parts or any(len(p.split()) > 6 or not p[0].isupper() for p in parts):
        return None
    return tuple(dict.fromkeys(parts))


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline that opens *paragraph*, or ``None``.

    ``PLACE[, Region][, date] (Agency) -``. A place printed in capitals (``SAN JOSE``, optionally
    followed by a region in any case) takes any agency. A place in mixed case (``Chicago``), or
    no place at all (``(Reuters) -``, ``March 1 - (Reuters) -``), needs a known wire agency, so
    that an opening sentence with a parenthesis is not mistaken for a dateline. Older copy
    prints no agency: ``PLACE[, Region], Month Day[, Year] -`` is one when the place is in
    capitals and the date names a month and a day.
    """
    match = DATELINE_RE.match(paragraph)
    if not match:
        return _agencyless_dateline(paragraph)
    head = " ".join(match["head"].split())
    agency = " ".join(match["agency"].split())
    when_match = DATELINE_DATE_RE.search(head)
    when = when_match["when"] if when_match and when_match["when"] else None
    place_head = head[: when_match.start()].strip(" ,") if when else head.rstrip(" -–—−")
    place_part, _, region = place_head.partition(",")
    place_part, region = place_part.strip(), region.strip() or None
    known_agency = agency.casefold() in KNOWN_AGENCIES
    if BYLINE_WORD_RE.match(place_part):
        return None  # "BY VILLA COMALTITLAN (Reuters)": a byline naming no one, then the place
    if place_part and not (_is_capitals_place(place_part) or
                           (known_agency and _is_mixed_case_place(place_part))):
        return None
    if not place_part and (region or not known_agency):
        return None
    return _dateline(f"{head} ({agency})" if head else f"({agency})", place_part, region,
                     agency, when_match if when else None, match.end())


def _agencyless_dateline(paragraph: str) -> Dateline | None:
    """``WASHINGTON, April 1 -``, ``OSAKA, Japan, April 27 -``, ``LONDON, March 3, 1987 -``:
    a place in capitals, an optional region, a month and day, and a dash, with no agency."""
    for dash in AGENCYLESS_DASH_RE.finditer(paragraph, 0, AGENCYLESS_MAX):
        head = " ".join(paragraph[: dash.start()].split())
        when_match = DATELINE_DATE_RE.search(head)
        if when_match is None or not (when_match["month1"] or when_match["month2"]):
            continue
        if "," not in head[when_match.start(): when_match.start("when")]:
            return None  # "PARIS March 3 -": the date is set off by a comma in this layout
        place_part, _, region = head[: when_match.start()].partition(",")
        place_part, region = place_part.strip(), region.strip() or None
        if (not _is_capitals_place(place_part) or BYLINE_WORD_RE.match(place_part)
                or len(place_part.split()) > 4
                or (region and not (_is_capitals_place(region) or _is_mixed_case_place(region)))):
            return None
        return _dateline(head, place_part, region, None, when_match, dash.end())
    return None


def _dateline(text: str, place_part: str, region: str | None, agency: str | None,
              when_match: re.Match | None, end: int) -> Dateline:
    places = tuple(place for p in place_part.split("/") if (place := clean_name(p)))
    month = day = year = None
    if when_match:
        month_name = when_match["month1"] or when_match["month2"]
        if month_name:
            month = MONTHS[month_name[:3].lower()]
            day = int(when_match["day1"] or when_match["day2"])
            year_text = when_match["year1"] or when_match["year2"]
            year = int(year_text) if year_text else None
    return Dateline(text=text, places=places, region=clean_name(region or "") or None,
                    agency=clean_name(agency) if agency else None,
                    when=when_match["when"] if when_match else None,
                    month=month, day=day, year=year, end=end)


def _is_capitals_place(place: str) -> bool:
    return any(c.isalpha() for c in place) and place == place.upper() and len(place) <= 60


def _is_mixed_case_place(place: str) -> bool:
    """``New York``, ``Rio de Janeiro``, ``Mountain View``: title-case words, not a sentence."""
    words = place.replace("/", " ").split()
    if not 1 <= len(words) <= 5 or words[0].casefold() in _NOT_PLACE_OPENERS:
        return False
    return all((w[0].isalpha() and w[0].isupper()) or w in _PLACE_CONNECTORS for w in words)


def find_dateline(paragraphs: list[str]) -> tuple[int, Dateline, str | None, str] | None:
    """The dateline among the opening paragraphs, skipping notes before it.

    Returns the paragraph's index, the dateline, a byline printed before it in the same
    paragraph (``By Eric Auchard SAN FRANCISCO Jan 8 (Reuters) -``) or ``None``, and the
    paragraph from the dateline on.
    """
    for index, paragraph in enumerate(paragraphs[: MAX_NOTES + 1]):
        if (dateline := parse_dateline(paragraph)) is not None:
            return index, dateline, None, paragraph
        if (split := _split_inline_byline(paragraph)) is not None:
            byline, rest = split
            if (dateline := parse_dateline(rest)) is not None:
                return index, dateline, byline, rest
        if not NOTE_RE.match(paragraph):
            return None
    return None


def _split_inline_byline(paragraph: str) -> tuple[str, str] | None:
    """``By A and B PLACE ...`` -> (``By A and B``, ``PLACE ...``): the byline ends before the
    first word in capitals (two letters or more) or the agency's parenthesis. A byline that
    names no one (``By PLACE ...``) is split off too."""
    if not BYLINE_RE.match(paragraph):
        return None
    for word in re.finditer(r"\S+", paragraph):
        if word.start() < 3:
            continue
        letters = [c for c in word.group() if c.isalpha()]
        if word.group().startswith("(") or (len(letters) >= 2 and word.group().isupper()):
            byline = " ".join(paragraph[: word.start()].split())
            if parse_byline(byline) is None and not EMPTY_BYLINE_RE.match(byline):
                return None
            return byline, paragraph[word.start():]
    return None


def parse_credit_line(text: str) -> tuple[dict[str, list[str]], dict[str, str]] | None:
    """``(Reporting by A in X; Editing by B)`` -> roles to names and names to places."""
    match = CREDIT_LINE_RE.search(text)
    if not match or match.start() != 0:
        return None
    credits: dict[str, list[str]] = {}
    places: dict[str, str] = {}
    for part in re.split(r"\s*;\s*", match["inner"].strip()):
        if not part:
            continue  # "(Reporting by A; Editing by B ; )": a trailing separator
        role_match = CREDIT_ROLE_RE.match(part.strip())
        if not role_match:
            return None
        role = " ".join(role_match["role"].lower().split())
        for chunk in NAME_SPLIT_RE.split(role_match["names"].strip()):
            name, _, place = clean_name(chunk).partition(" in ")
            if not name:
                continue
            credits.setdefault(role, [])
            if name not in credits[role]:
                credits[role].append(name)
            if place:
                places[name] = place
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


def year_from_path(path: str) -> int | None:
    """The year a relative path names: a folder ``2023/`` or a file name starting ``2023-``.

    Only such an explicit year completes a dateline's ``Dec 26``; digits elsewhere in a name
    (``top-2000-companies.txt``) are not read as a year.
    """
    for part in reversed(path.replace("\\", "/").split("/")):
        if match := PATH_YEAR_RE.match(part):
            return int(match[1])
    return None


def choose_date(
    filename: str, header_date: dt.date | None, dateline: Dateline | None
) -> tuple[dt.date | None, str | None]:
    """The article's date and its source, in order: a ``YYYY-MM-DD`` in the file name, the
    header's date, a dateline's date (its year printed, or named by the path). Never a guess."""
    if (date := date_from_filename(filename)) is not None:
        return date, FROM_FILE_NAME
    if header_date is not None:
        return header_date, FROM_HEADER
    if dateline is not None and (date := dateline.date(year_from_path(filename))) is not None:
        return date, FROM_DATELINE
    return None, None


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
        blocks.extend(_split_run_together(block))
    return _finish(
        "header", title, authors, byline, blocks, filename, header_date=date, url=url
    )


def _split_run_together(block: str) -> list[str]:
    """Paragraphs run together with two spaces, and headings run into the paragraph they head,
    as separate paragraphs."""
    parts: list[str] = []
    for part in RUN_TOGETHER_RE.split(block):
        start = 0
        for heading in RUN_IN_HEADING_RE.finditer(part):
            parts.extend((part[start: heading.start()].strip(), heading["heading"]))
            start = heading.end()
        parts.append(part[start:].strip())
    return [part for part in parts if part]


def _parse_plain_layout(lines: list[str], filename: str) -> ParsedText:
    title = " ".join(lines[0].split())
    rest = lines[1:]
    authors: tuple[str, ...] = ()
    byline = None
    if (empty := _empty_byline_line(rest)) is not None:
        byline, rest = " ".join(rest[empty].split()), rest[empty + 1:]
    blocks = split_blocks(rest)
    # A byline line and a short dateline paragraph on the next line make one block: a byline
    # before a dateline, which find_dateline splits, not a byline of six words.
    if byline is None and blocks and not _opens_with_dateline(blocks[0]) and (
            names := parse_byline(blocks[0])) is not None:
        authors, byline = names, blocks[0]
        blocks = blocks[1:]
    return _finish("plain", title, authors, byline, blocks, filename)


def _empty_byline_line(lines: list[str]) -> int | None:
    """The index of a first line ``By`` that names no one, when it stands alone (a blank line
    after it) or a dateline follows on the next line. It is taken off by itself: joined to the
    next line it would make ``By Chicago (Reuters) - ...`` a byline naming Chicago, or hide the
    dateline. Followed by other text on the next line, it stays that text's first word; with
    nothing after it, it is the body."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not EMPTY_BYLINE_RE.match(lines[first].strip()):
        return None
    following = split_blocks(lines[first + 1:])
    if not following:
        return None
    if not lines[first + 1].strip() or parse_dateline(following[0]) is not None:
        return first
    return None


def _opens_with_dateline(block: str) -> bool:
    """Whether *block* is a byline and then a dateline: ``By [names] PLACE (Agency) -``."""
    split = _split_inline_byline(block)
    return split is not None and parse_dateline(split[1]) is not None


def _finish(
    layout: str,
    title: str,
    authors: tuple[str, ...],
    byline: str | None,
    blocks: list[str],
    filename: str,
    *,
    header_date: dt.date | None = None,
    url: str | None = None,
) -> ParsedText:
    if not title:
        raise ArchiveError(filename or None, "no title (the first line is empty)")
    body, credit_line, credits, credit_places = _split_off_credit(blocks)
    if not body and not credit_line:
        raise ArchiveError(filename or None, "no body text after the title")
    sign_off = None
    if body and (signed := SIGN_OFF_RE.search(body[-1])):
        sign_off = signed["sign_off"]
    dateline, dateline_paragraph = None, 0
    if found := find_dateline(body):
        dateline_paragraph, dateline, inline_byline, rest = found
        if inline_byline and not authors:
            # The byline moves out of the text, as a byline on its own line does.
            authors, byline = parse_byline(inline_byline) or (), inline_byline
            body[dateline_paragraph] = rest
    date, date_source = choose_date(filename, header_date, dateline)
    warnings: tuple[str, ...] = ()
    if byline is not None and not authors and EMPTY_BYLINE_RE.match(byline):
        warnings = (EMPTY_BYLINE_WARNING.format(repr(byline)),)
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
        date_source=date_source,
        url=url,
        dateline_paragraph=dateline_paragraph,
        warnings=warnings,
        sign_off=sign_off,
    )
