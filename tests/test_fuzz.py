"""Fuzzing the converter's front end: whatever the bytes, reading, parsing and extraction either
succeed or raise ArchiveError (one message for one bad file); nothing else escapes.

Bounded for CI: a few hundred examples a test, a few seconds each on two cores.
"""

from __future__ import annotations

import codecs

import yaml

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.convert import build_article, convert_folder
from build_tools.outputs import source_file
from build_tools.errors import ArchiveError
from build_tools.extract.registry import load_registry, load_taxonomy
from build_tools.parse import ParsedText, parse_text
from build_tools.reading import read_article_text
from conftest import REPO

REGISTRY = load_registry(REPO / "entities.yaml")
RULES = load_taxonomy(REPO / "tags.yaml")
FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Characters the parser treats specially, white space of every kind, and other scripts.
CHARS = list("-–—−()[];:,.'\"’/&$#*_<>{}|\\ \t\r\n\f\v\x85\u2028\u2029\u00a0\ufeff\x00\x1b"
             "aAbByYzZ09éÉÇ中ж") + ["By ", "by ", "and ", " in "]
NOISE = st.lists(st.sampled_from(CHARS), max_size=30).map("".join)
WORD = st.sampled_from(["Jose", "Torres", "MEXICO CITY", "Costa Rica", "Reuters", "AFP", "U.S.",
                        "Secretary of State", "Antony Blinken", "said", "Jan", "17,", "2007",
                        "Wed", "6:34am", "EST", "http://x.y/z", "https://", "Inc", "Ministry"])
PHRASE = st.lists(st.one_of(WORD, NOISE), max_size=8).map(" ".join)
#: Header-layout dates, impossible ones included (``Feb 30``, ``Xyz 1``, year 0999).
DATE = st.tuples(st.sampled_from(["Wed ", "Thu, ", ""]),
                 st.sampled_from(["Jan", "Feb", "Xyz", "jan"]),
                 st.integers(0, 40), st.integers(999, 10000)).map(
    lambda t: f"{t[0]}{t[1]} {t[2]}, {t[3]:04d} 6:34am EST")
#: Lines shaped like the parts the parser looks for, bent in every way.
LINE = st.one_of(
    PHRASE,
    PHRASE.map(lambda s: f"-- {s}"),
    PHRASE.map(lambda s: f"--{s}"),
    PHRASE.map(lambda s: f"By {s}"),
    st.tuples(PHRASE, PHRASE, st.sampled_from(["–", "—", "-", "--", "−", ""]), PHRASE)
    .map(lambda t: f"{t[0].upper()} ({t[1]}) {t[2]} {t[3]}"),
    st.lists(st.tuples(st.sampled_from(["Reporting", "Editing", "Additional reporting",
                                        "Writing", "Compiled", "photos", ""]), PHRASE),
             max_size=4)
    .map(lambda parts: "(" + "; ".join(f"{r} by {n}" for r, n in parts) + ")"),
    DATE.map(lambda d: f"-- {d}"),
    st.sampled_from(["-- http://www.reuters.com/article/idUSN1", "--", "By Jose Torres and Dave "
                     "Graham", "By Jane Doe - Analysis", "(Reuters)", "MEXICO CITY (Reuters) -"]),
    st.just(""),
)
PLAIN = st.lists(LINE, max_size=15).map("\n".join)
#: The wire layout: ``-- `` title, byline, date and URL lines (any of them bent), then a body.
HEADER = st.tuples(
    st.lists(st.one_of(PHRASE, DATE, st.sampled_from(["http://x.y/1", "By Jose Torres", ""])),
             min_size=2, max_size=5),
    PLAIN,
).map(lambda t: "\n".join(f"-- {f}" for f in t[0]) + "\n" + t[1])
TEXT = st.one_of(PLAIN, HEADER)
NAME = st.one_of(st.just("a.txt"), st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}-x\.txt\Z"),
                 st.text(max_size=20))
ENCODED = st.one_of(
    TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
    TEXT.map(lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
    TEXT.map(lambda t: t.encode("utf-16")),
    TEXT.map(lambda t: t.encode("cp1252", "replace")),
    st.binary(max_size=300),
    st.binary(max_size=50).map(lambda b: codecs.BOM_UTF16_LE + b),
)


@FUZZ
@given(TEXT, NAME)
def test_parse_text_fails_only_with_archive_error(text, name):
    try:
        parsed = parse_text(text, name)
    except ArchiveError:
        return
    assert isinstance(parsed, ParsedText)
    assert parsed.title and (parsed.paragraphs or parsed.credit_line)


@FUZZ
@given(st.text(max_size=300), NAME)
def test_parse_text_of_any_unicode(text, name):
    try:
        parse_text(text, name)
    except ArchiveError:
        pass


@FUZZ
@given(ENCODED)
def test_read_article_text_fails_only_with_archive_error(raw):
    try:
        text, warnings = read_article_text(raw, "a.txt")
    except ArchiveError as err:
        assert err.file == "a.txt"
        return
    assert text.strip() and "\r" not in text
    assert all(isinstance(w, str) for w in warnings)


@FUZZ
@given(ENCODED, NAME)
def test_build_article_fails_only_with_archive_error(raw, name):
    try:
        article, _ = build_article(raw, name, REGISTRY, RULES)
    except ArchiveError:
        return
    assert article.title and article.source.file == name


#: File names as an archive might hold them, and as a hostile one might: spaces, quotes,
#: YAML and MyST punctuation, other scripts, line breaks and control characters, any case of
#: ``.txt``, folders.
NAME_PART = st.text(st.sampled_from(list("aZ09 -_.'\"#:&%{}[]()!é中\u200b\u2028\x85\n\t\x1b")),
                    min_size=1, max_size=12).filter(lambda s: s not in (".", "..")
                                                    and not s.startswith("."))
FILE_NAME = st.tuples(st.lists(NAME_PART, max_size=2), NAME_PART,
                      st.sampled_from([".txt", ".TXT", ".Txt"])).map(
    lambda t: "/".join([*t[0], t[1] + t[2]]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(FILE_NAME, min_size=1, max_size=4, unique_by=str.casefold))
def test_any_file_names_give_one_result_each_and_readable_pages(tmp_path_factory, names):
    """Every input file is named in the report exactly once, in one line; each converted one
    has a page recording exactly its name; a second run changes nothing."""
    src, out = tmp_path_factory.mktemp("in"), tmp_path_factory.mktemp("out")
    written = []
    for i, name in enumerate(names):
        path = src / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"Story {i}\n\nLONDON (Reuters) - Text {i}.\n", encoding="utf-8")
        except OSError:
            continue  # a name this file system cannot hold
        written.append(name)
    report = convert_folder(src, out)
    assert len(report.inputs) == len(written)
    for result in report.inputs:
        if result.error:
            assert "\n" not in result.error and "\x85" not in result.error
            continue
        recorded = yaml.safe_load((out / result.output).read_text(encoding="utf-8")
                                  .split("---\n")[1])["source"]["file"]
        assert recorded == result.file and source_file(
            (out / result.output).read_text(encoding="utf-8")) == result.file
    again = convert_folder(src, out)
    assert [(r.file, r.status) for r in again.inputs] == [
        (r.file, "unchanged" if r.status == "converted" else r.status) for r in report.inputs]
