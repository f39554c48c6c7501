"""Characters a reader cannot see: control characters are taken out of article text, and
format characters out of names, so that nothing invisible reaches a page or tells two names
apart.

Body text keeps its format characters (a zero-width joiner or non-joiner changes how a word is
drawn in Arabic, Persian and Indic scripts); a name loses them, because two spellings that look
the same must be one entry in an index.
"""

from __future__ import annotations

import functools
import re
import unicodedata

#: Control characters (Unicode category Cc) other than tab and newline; carriage returns have
#: been turned into newlines before this is applied.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def remove_control_characters(text: str) -> tuple[str, list[str]]:
    """*text* without control characters but tab and newline, and the characters removed.

    Those that Python counts as white space (form feed, vertical tab, the information
    separators, next line) become a space instead, so the words either side stay apart.
    """
    removed: list[str] = []

    def replace(match: re.Match[str]) -> str:
        removed.append(match.group())
        return " " if match.group().isspace() else ""

    return _CONTROL.sub(replace, text), removed


@functools.cache
def _format_characters() -> re.Pattern[str]:
    """Every character of Unicode category Cf (zero-width space and joiners, word joiner,
    byte-order mark, soft hyphen, direction marks), as this Python's Unicode data knows them.

    Only planes 0, 1 and 14 are searched, an eighth of the code points: Unicode puts its
    format characters there (the tags and language marks in 14), and the other planes hold
    ideographs or nothing."""
    planes = (range(0x20000), range(0xE0000, 0xF0000))
    chars = (chr(c) for plane in planes for c in plane if unicodedata.category(chr(c)) == "Cf")
    return re.compile("[" + "".join(map(re.escape, chars)) + "]")


def remove_format_characters(text: str) -> str:
    """*text* without format characters (category Cf)."""
    return text if text.isascii() else _format_characters().sub("", text)


def clean_name(name: str) -> str:
    """*name* as it is stored and compared: without format and control characters, white
    space folded to single spaces, in Unicode normal form NFC (``e`` and a combining accent
    become ``é``)."""
    visible, _ = remove_control_characters(remove_format_characters(name))
    return unicodedata.normalize("NFC", " ".join(visible.split()))
