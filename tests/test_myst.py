"""The MyST writer escapes so that every paragraph renders as exactly its text."""

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from myst_parser.parsers.mdit import create_md_parser
from myst_parser.config.main import MdParserConfig
from myst_parser.mdit_to_docutils.base import DocutilsRenderer

from build_tools.myst import escape_block, escape_inline

#: MyST's own markdown-it configuration, with the extensions conf.py turns on.
MD: MarkdownIt = create_md_parser(MdParserConfig(enable_extensions={"attrs_block"}),
                                  DocutilsRenderer)
SPECIALS = "\\`*_[]{}<>&|$~#!%+-=:.()^\"'/@ \t"
ALPHABET = st.sampled_from(list(SPECIALS) + list("aZ09é中’“—\u00a0") + ["\n"])


def tokens_text(source: str) -> tuple[list[str], str]:
    """Block token types and the concatenated inline text markdown-it sees."""
    tokens = MD.parse(source)
    types = [t.type for t in tokens]
    text = "".join(
        child.content
        for t in tokens if t.type == "inline"
        for child in (t.children or []) if child.type == "text"
    )
    return types, text


@settings(max_examples=400, deadline=None)
@given(st.text(ALPHABET, min_size=1, max_size=60).filter(lambda s: s.strip()))
def test_any_paragraph_is_one_plain_paragraph(text):
    types, rendered = tokens_text(escape_block(text))
    assert types == ["paragraph_open", "inline", "paragraph_close"]
    assert rendered == " ".join(text.split())


def test_examples():
    for text in ["# not a heading", "- not a list", "1. not a list", "2007) neither",
                 "(target)=", "% not a comment", "+++", ":::{note}", "---",
                 "```{raw} html", "{eval-rst}`x`", "<script>alert(1)</script>",
                 "AT&amp;T", "&copy;", "[a](javascript:alert(1))", "$x$", "| a | b |"]:
        types, rendered = tokens_text(escape_block(text))
        assert types == ["paragraph_open", "inline", "paragraph_close"], text
        assert rendered == text


def test_heading_keeps_trailing_hashes():
    tokens = MD.parse("# " + escape_inline("We are #1 #"))
    assert tokens[1].children[0].content == "We are #1 #"
