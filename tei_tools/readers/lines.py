"""Lines of a source text with their numbers, and the measures the readers take of them."""
from __future__ import annotations

import re
from dataclasses import dataclass

WHITESPACE = " \t\u3000\u00a0"
# A paper has tens of pages, a supplement at most hundreds: more digits are a damaged line (and
# Python refuses to read an integer of over 4,300 digits at all).
MAX_PAGE_DIGITS = 4
_SPACE_RUN = re.compile(r"[\s\u3000]+")


@dataclass
class Line:
    """One source line: its 1-based number (for messages) and its text as written."""

    no: int
    raw: str

    @property
    def text(self) -> str:
        return self.raw.strip(WHITESPACE)


def split_lines(text: str, first: int = 1) -> list[Line]:
    return [Line(first + i, raw) for i, raw in enumerate(text.split("\n"))]


def indent(raw: str) -> int:
    """Indent width: a space counts 1, a tab 4, an ideographic space 2 (it is full width)."""
    width = 0
    for ch in raw:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4
        elif ch in "\u3000\u00a0":
            width += 2
        else:
            break
    return width


def squash(text: str) -> str:
    """The text without any white space, for comparing lines that were spaced differently."""
    return _SPACE_RUN.sub("", text)


def modal_indent(lines: list[Line]) -> int:
    """The indent most lines have (the paragraph indent); the smaller one wins a tie."""
    widths = [indent(ln.raw) for ln in lines]
    return max(set(widths), key=lambda w: (widths.count(w), -w))
