"""Errors that users see as one line, `file:line: message`, instead of a traceback."""
from __future__ import annotations


class ToolError(Exception):
    """A failure caused by input or environment, reported without a traceback."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        # One line, whatever the message quotes (libxml2 puts line breaks into some of its own).
        self.message = " ".join(part.strip() for part in message.splitlines() if part.strip())
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


# Errors of input no rule foresaw: reported as one line per file, never as a traceback.
UNFORESEEN = (RecursionError, MemoryError, ValueError, LookupError)


class SourceError(ToolError):
    """The source article is not in the expected format."""
