"""Article -> MyST Markdown text. The only place that escapes article text.

Every character of article text that CommonMark, MyST or HTML could read as markup is
backslash-escaped, so the page shows the text exactly as written and nothing in it becomes a
heading, list, link, role, directive, raw HTML or entity. CommonMark lets any ASCII punctuation
be escaped with a backslash, and a backslash before any other character is kept literally, so
escaping never loses text.
"""

from __future__ import annotations

import re

import yaml

from .article import Article, to_front_matter

#: Markup anywhere in a line: headings' closing ``#``, emphasis, code, links, images, HTML, entities, roles and
#: substitutions (``{``), tables, math, strikethrough, backslash itself.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]{}<>&|$~#])")
#: Markup only at the start of a block: headings, lists, quotes, thematic breaks, MyST comments
#: (``%``), targets (``(name)=``), block breaks (``+++``), colon fences, setext underlines.
_BLOCK_START = re.compile(r"^([+\-=%(:]|\d+(?=[.)]))")
_WHITESPACE = re.compile(r"\s+")

#: Marks the last line of a generated file; the hash covers every line before it.
GENERATED_MARK = "% news-archive generated sha256="


def escape_inline(text: str) -> str:
    """*text* with every inline markup character escaped and white space folded to one space."""
    return _INLINE_SPECIALS.sub(r"\\\1", _WHITESPACE.sub(" ", text).strip())


def escape_block(text: str) -> str:
    """One paragraph of article text as a MyST paragraph that renders as exactly that text."""
    escaped = escape_inline(text)
    match = _BLOCK_START.match(escaped)
    if not match:
        return escaped
    if match.group(1)[0].isdigit():
        # "2007. A year" would start an ordered list: escape the delimiter after the number.
        end = match.end()
        return escaped[:end] + "\\" + escaped[end:]
    return "\\" + escaped


#: Characters YAML reads as line breaks even inside quotes; PyYAML writes them raw when
#: allowed Unicode, and they would come back as spaces.
_YAML_BREAKS = ("\x85", "\u2028", "\u2029")


#: libyaml's safe dumper when PyYAML has it: the same text, 25 times faster (the converter's
#: largest cost once extraction is cached).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
#: No line is ever folded (libyaml takes no infinity).
_NO_FOLDING = 2**31 - 1


def dump_front_matter(data: dict) -> str:
    """YAML for front matter, always through a safe dumper, in the given key order, and each
    value on one line (the converter finds ``source.file`` again without parsing it all)."""
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=_NO_FOLDING)
    if any(c in text for c in _YAML_BREAKS):
        # Escaped, they survive: ``\u2028``. Rare, so the rest of the archive stays readable.
        text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=False, sort_keys=False,
                         default_flow_style=False, width=_NO_FOLDING)
    return text


def render_article(article: Article) -> str:
    """The MyST file for *article*, without the trailing generated mark."""
    parts = ["---\n", dump_front_matter(to_front_matter(article)), "---\n\n"]
    parts.append(f"# {escape_inline(article.title)}\n\n")
    for paragraph in article.paragraphs:
        parts.append(escape_block(paragraph) + "\n\n")
    if article.credit_line:
        parts.append("{.credits}\n" + escape_block(article.credit_line) + "\n\n")
    return "".join(parts).rstrip("\n") + "\n"
