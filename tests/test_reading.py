"""Bytes -> article text: control characters are removed whatever the encoding, with a
warning that counts them; tab, newline and every printable character stay as written."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.convert import build_article
from build_tools.errors import ArchiveError
from build_tools.extract.registry import Registry
from build_tools.reading import read_article_text

#: ESC, BEL and a form feed, in text any encoding can hold; NUL only UTF-16 lets through.
TEXT = "Title\x1b[0m\r\n\r\nMEXICO CITY (Reuters) - Café\x07 text\x0cgoes\ton.\r\n"
CLEAN = "Title[0m\n\nMEXICO CITY (Reuters) - Café text goes\ton.\n"
THREE = "removed 3 control characters (U+001B, U+0007, U+000C); white-space ones became spaces"
FOUR = "removed 4 control characters (U+0000, U+001B, U+0007, …); white-space ones became spaces"


@pytest.mark.parametrize("raw, warning", [
    (("\x00" + TEXT).encode("utf-16"), FOUR),
    (codecs.BOM_UTF16_BE + ("\x00" + TEXT).encode("utf-16-be"), FOUR),
    (TEXT.encode("utf-8"), THREE),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), THREE),
    (TEXT.encode("cp1252"), THREE),
])
def test_control_characters_are_removed_in_every_encoding(raw, warning):
    text, warnings = read_article_text(raw, "a.txt")
    assert text == CLEAN
    assert warnings[-1] == warning


def test_nul_in_a_utf16_title_never_reaches_the_article():
    raw = "Mid\x00day news\n\nLONDON (Reuters) - Markets rose.\n".encode("utf-16")
    article, warnings = build_article(raw, "a.txt", Registry(), ())
    assert article.title == "Midday news"
    assert warnings == ["removed 1 control character (U+0000)"]


def test_c1_controls_and_delete_are_removed_and_printable_text_kept():
    text, warnings = read_article_text("Caf\u00e9 \x7f\x9b\u200b\u200d\n\nx\n".encode(), "a.txt")
    assert text == "Caf\u00e9 \u200b\u200d\n\nx\n"  # format characters are kept in the body
    assert warnings == ["removed 2 control characters (U+007F, U+009B)"]


def test_carriage_returns_are_newlines_not_removed():
    assert read_article_text(b"T\r\rB\r\n", "a.txt") == ("T\n\nB\n", [])


def test_only_control_characters_is_no_text():
    with pytest.raises(ArchiveError, match="only white space and control characters"):
        read_article_text("\x01 \x02\n".encode("utf-16"), "a.txt")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-16", exclude_categories=["Cs"]), max_size=200),
       st.sampled_from(["utf-8", "utf-16"]))
def test_no_control_character_survives(text, encoding):
    try:
        got, _ = read_article_text(text.encode(encoding), "a.txt")
    except ArchiveError:
        return
    assert not any(ord(c) < 32 and c not in "\t\n" or 0x7F <= ord(c) <= 0x9F for c in got)
