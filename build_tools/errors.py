"""The one error type the tools raise for bad input or bad configuration."""

from __future__ import annotations

import unicodedata
from pathlib import Path

_BREAKS = ("Cc", "Zl", "Zp")

#: Longest reason kept. Messages cut the values they quote (``safe_data.quote``); this is the
#: last guard, so that no input can make a message that floods the terminal or the report.
MAX_REASON = 400


class ArchiveError(Exception):
    """A problem with one input or configuration file, reported as ``FILE[:LINE]: reason``.

    Raised by parsing, extraction and conversion; the CLI prints it as one line and carries
    on with the rest of the archive.
    """

    def __init__(self, file: str | Path | None, reason: str, line: int | None = None) -> None:
        self.file = str(file) if file is not None else None
        # Any line break or control character (a path from a link's target can hold them)
        # would break the one line, or the terminal: each becomes a space.
        one_line = " ".join("".join(" " if unicodedata.category(c) in _BREAKS else c
                                    for c in reason).split())
        self.reason = one_line if len(one_line) <= MAX_REASON else one_line[:MAX_REASON] + "…"
        self.line = line
        super().__init__(str(self))

    def __reduce__(self):  # pickled with its own arguments, to cross to and from processes
        return (type(self), (self.file, self.reason, self.line))

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.reason}"

    def with_file(self, file: str | Path) -> ArchiveError:
        """The same error, naming *file* (pure functions raise it before they know the path)."""
        return ArchiveError(file, self.reason, self.line)
