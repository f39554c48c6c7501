"""The one error type the tools raise for bad input or bad configuration."""

from __future__ import annotations

from pathlib import Path


class ArchiveError(Exception):
    """A problem with one input or configuration file, reported as ``FILE[:LINE]: reason``.

    Raised by parsing, extraction and conversion; the CLI prints it as one line and carries
    on with the rest of the archive.
    """

    def __init__(self, file: str | Path | None, reason: str, line: int | None = None) -> None:
        self.file = str(file) if file is not None else None
        self.reason = reason
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.reason}"

    def with_file(self, file: str | Path) -> ArchiveError:
        """The same error, naming *file* (pure functions raise it before they know the path)."""
        return ArchiveError(file, self.reason, self.line)
