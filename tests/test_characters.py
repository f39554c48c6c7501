"""Names are stored and compared clean: invisible format characters (zero-width space and
joiners, word joiner, byte-order mark, soft hyphen) and control characters removed, NFC. Two
spellings that look the same are one entry, wherever the name came from; body text keeps its
format characters."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.characters import clean_name
from build_tools.convert import build_article
from build_tools.extract.registry import load_registry
from build_tools.extract.spans import fold
from build_tools.metadata import load_sidecar
from build_tools.parse import parse_byline, parse_credit_line, parse_dateline

#: Format characters seen in real text, and two that are easy to forget.
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202c"]


def test_clean_name():
    assert clean_name("Jose\u200b Tor\u00adres") == "Jose Torres"
    assert clean_name(" Ana\u2060\tLópez\x00 ") == "Ana López"
    assert clean_name("Jose\u0301") == "Jos\u00e9"  # NFC
    assert clean_name("e\u200b\u0301") == "\u00e9"  # composed once the joiner is gone
    assert clean_name("\u200b\ufeff") == ""


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.lists(st.tuples(st.integers(0, 30), st.sampled_from(INVISIBLE)),
                                      max_size=5))
def test_invisible_characters_never_tell_names_apart(name, insertions):
    spelled = name
    for at, char in insertions:
        spelled = spelled[:at] + char + spelled[at:]
    assert clean_name(spelled) == clean_name(name)
    assert fold(spelled) == fold(name)
    cleaned = clean_name(spelled)
    assert cleaned == clean_name(cleaned)
    assert not any(unicodedata.category(c) in ("Cf", "Cc") for c in cleaned)


def test_byline_authors_are_clean_and_once():
    assert parse_byline("By Jane Doe and Jane\u200b Doe") == ("Jane Doe",)
    assert parse_byline("By \u200bJane Doe") == ("Jane Doe",)


def test_credited_names_and_dateline_parts_are_clean():
    credits, places = parse_credit_line(
        "(Reporting by Jose\u200d Torres in Mexico\u00ad City and Jose Torres; Editing by Ann Lee)")
    assert credits == {"reporting": ["Jose Torres"], "editing": ["Ann Lee"]}
    assert places == {"Jose Torres": "Mexico City"}
    dateline = parse_dateline("SAN\u200b JOSE, Costa\u2060 Rica (Reu\u200bters) - x")
    assert (dateline.places, dateline.region, dateline.agency) == (
        ("SAN JOSE",), "Costa Rica", "Reuters")
    assert dateline.text == "SAN\u200b JOSE, Costa\u2060 Rica (Reu\u200bters)"  # as printed


ARTICLE = """\
Talks resume in Geneva
By Ana Lo\u00adpez and Ana Lopez

GENEVA (Reuters) - Secretary of State Antony Blin\u200bken met Ali\u200c Vaez on Tuesday.
Antony Blinken said talks would go on. Ali Vaez said the same, Blinken added.

(Reporting by Ana Lopez; Editing by Ann\u2060 Lee)
"""


def test_names_found_in_the_body_are_one_entry_and_the_body_is_kept(tmp_path):
    sidecar = tmp_path / "a.yaml"
    sidecar.write_text("add_people: [Antony\u200b Blinken, Ali Vaez\u00ad]\n"
                       "add_tags: [bor\u200bders, borders]\n", encoding="utf-8")
    overrides = load_sidecar(sidecar, "a.yaml")
    article, _ = build_article(ARTICLE.encode(), "a.txt", load_registry(None), (), overrides)
    assert article.authors == ("Ana Lopez",)
    assert article.people == ("Antony Blinken", "Ali Vaez")
    assert article.tags == ("borders",)
    assert article.credits == {"reporting": ["Ana Lopez"], "editing": ["Ann Lee"]}
    assert "Blin\u200bken" in article.paragraphs[0]  # the text stays as written


def test_registry_names_are_clean(tmp_path):
    path = tmp_path / "entities.yaml"
    path.write_text("people:\n  Joe\u200b Biden:\n    aliases: [Bi\u00adden]\n"
                    "ignore: [Reu\u200bters]\n", encoding="utf-8")
    registry = load_registry(path)
    assert [(e.name, e.aliases) for e in registry.entries] == [("Joe Biden", ("Biden",))]
    assert registry.apply({"people": ["Biden", "Joe Biden", "Bi\u200bden"],
                           "organizations": ["Reuters"]}) == {
        "people": ["Joe Biden"], "organizations": []}


def test_name_cleaning_is_linear_for_long_lists(tmp_path: Path):
    """Repeats are found in a dict, not by scanning the list (quadratic for 100,000 names)."""
    names = ", ".join(f"n{i}" for i in range(30_000))
    sidecar = tmp_path / "a.yaml"
    sidecar.write_text(f"tags: [{names}, n0]\n", encoding="utf-8")
    assert len(load_sidecar(sidecar, "a.yaml")["tags"].value) == 30_000


def test_format_characters_are_every_one_unicode_has():
    # The search covers planes 0, 1 and 14 only; this Python's data must agree.
    import sys
    import unicodedata

    from build_tools.characters import _format_characters

    every = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    assert {c for c in every if _format_characters().fullmatch(c)} == every
