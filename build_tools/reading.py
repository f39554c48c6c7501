"""Bytes of an input file -> text, with the encodings real archives hold."""

from __future__ import annotations

import codecs

from .characters import remove_control_characters
from .errors import ArchiveError
from .parse import normalise_newlines


def read_article_text(raw: bytes, name: str) -> tuple[str, list[str]]:
    """Decode *raw*: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Returns the text with LF line endings and without control characters other than tab and
    newline (whatever the encoding let through: NUL and escape codes arrive in UTF-16 and
    UTF-8), and any warnings. Raises :class:`ArchiveError` for binary files and files with
    no text.
    """
    warnings: list[str] = []
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ArchiveError(name, "starts with a UTF-16 byte-order mark but is not UTF-16")
    else:
        if b"\x00" in raw:
            raise ArchiveError(name, "binary file (contains NUL bytes), not text")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                raise ArchiveError(
                    name, f"not UTF-8 (byte {err.start}) and not Windows-1252 text"
                ) from None
            warnings.append(f"not valid UTF-8 (byte {err.start}); read as Windows-1252")
    text = normalise_newlines(text)
    if not text.strip():
        raise ArchiveError(name, "empty file (no text)" if not raw else "only white space")
    control = sum(1 for c in text if ord(c) < 32 and c not in "\n\t\f\v")
    if control > max(8, len(text) // 100):
        raise ArchiveError(name, "binary file (control characters), not text")
    text, removed = remove_control_characters(text)
    if removed:
        warnings.append(removed_warning(removed))
        if not text.strip():
            raise ArchiveError(name, "only white space and control characters")
    return text, warnings


def removed_warning(removed: list[str]) -> str:
    """``removed 3 control characters (U+0000, U+001B)``: how many, and which (the first
    three kinds)."""
    kinds = list(dict.fromkeys(removed))
    codes = ", ".join(f"U+{ord(c):04X}" for c in kinds[:3]) + (", …" if len(kinds) > 3 else "")
    plural = "s" if len(removed) > 1 else ""
    spaces = "; white-space ones became spaces" if any(c.isspace() for c in kinds) else ""
    return f"removed {len(removed)} control character{plural} ({codes}){spaces}"
