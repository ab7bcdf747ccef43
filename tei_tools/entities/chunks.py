"""Very long units are tagged in pieces, so that no rule's cost grows with the square of a unit.

A unit longer than LIMIT characters is cut after sentence ends into pieces of about PIECE
characters; each piece is tagged as a unit of its own and paired with the pieces of the partner
unit that stand at about the same relative place. Names do not cross sentence ends, so ordinary
articles, whose paragraphs are shorter than LIMIT, are tagged exactly as before.
"""
from __future__ import annotations

import re

from .spans import Span

LIMIT = 3000
PIECE = 400
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])|(?<=\.)\s")


def split(text: str) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering the text; the text itself when it is short."""
    if len(text) <= LIMIT:
        return [(0, text)]
    cuts = [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    pieces, start = [], 0
    for cut in cuts:
        while cut - start > 4 * PIECE:  # no sentence end for a long way: cut anyway
            pieces.append((start, text[start:start + PIECE]))
            start += PIECE
        if cut - start >= PIECE or cut == len(text):
            if cut > start:
                pieces.append((start, text[start:cut]))
            start = cut
    return pieces


class Pieces:
    """The pieces of every unit of both sides, their pairs, and the way back to units."""

    def __init__(self, zh: dict[str, str], en: dict[str, str], links: list[tuple[str, str]]) -> None:
        self.of: dict[str, list[str]] = {}
        self.offset: dict[str, tuple[str, int]] = {}
        self.zh = self._cut(zh)
        self.en = self._cut(en)
        self.pairs = [pair for z, e in links for pair in self._pair(self.of[z], self.of[e])]

    def _cut(self, texts: dict[str, str]) -> dict[str, str]:
        out = {}
        for unit, text in texts.items():
            parts = split(text)
            names = [unit if len(parts) == 1 else f"{unit}@{off}" for off, _ in parts]
            self.of[unit] = names
            for name, (off, piece) in zip(names, parts):
                self.offset[name] = (unit, off)
                out[name] = piece
        return out

    @staticmethod
    def _pair(zs: list[str], es: list[str]) -> list[tuple[str, str]]:
        """All pairs for ordinary units; for long ones, each piece with the partner pieces at
        about the same relative place (±1)."""
        if len(zs) * len(es) <= 64:
            return [(z, e) for z in zs for e in es]
        pairs = set()
        for k, z in enumerate(zs):
            centre = round(k * (len(es) - 1) / max(len(zs) - 1, 1))
            pairs.update((z, es[j]) for j in range(max(0, centre - 1), min(len(es), centre + 2)))
        for k, e in enumerate(es):
            centre = round(k * (len(zs) - 1) / max(len(es) - 1, 1))
            pairs.update((zs[j], e) for j in range(max(0, centre - 1), min(len(zs), centre + 2)))
        return sorted(pairs)

    def join(self, spans: dict[str, list[Span]]) -> dict[str, list[Span]]:
        """Spans per unit again, offsets restored."""
        out: dict[str, list[Span]] = {}
        for name, piece_spans in spans.items():
            unit, off = self.offset[name]
            out.setdefault(unit, []).extend(
                Span(s.start + off, s.end + off, s.kind, s.name, s.ref, s.rule) for s in piece_spans)
        return out
