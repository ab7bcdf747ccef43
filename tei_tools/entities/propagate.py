"""One sense per article: a person or place found once is tagged wherever its name recurs.

A name found by one rule in one unit (南湾乡, Nanwan Township) is also the name elsewhere in
the same article (南湾 in the title, Nanwan), including a place's stem without its suffix.
"""
from __future__ import annotations

from .link import without_place_head
from .zh import Span, stem

_MIN = {"zh": 2, "en": 3}


def _names(spans_by_unit: dict[str, list[Span]], lang: str) -> dict[str, tuple[str, str | None]]:
    names: dict[str, tuple[str, str | None]] = {}
    for spans in spans_by_unit.values():
        for s in spans:
            if s.kind not in ("person", "place"):
                continue
            forms = {s.name}
            if s.kind == "place":
                forms.add(stem(s.name) if lang == "zh" else without_place_head(s.name))
            for form in forms:
                if len(form) >= _MIN[lang]:
                    names.setdefault(form, (s.kind, s.ref))
    return names


def occurrences(text: str, name: str, words: bool) -> list[tuple[int, int]]:
    """Where name stands in text; with words=True only between non-letters (English)."""
    out, at = [], text.find(name)
    while at >= 0:
        end = at + len(name)
        if not words or ((at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha())):
            out.append((at, end))
        at = text.find(name, at + 1)
    return out


def propagate(texts: dict[str, str], spans_by_unit: dict[str, list[Span]], lang: str) -> None:
    names = _names(spans_by_unit, lang)
    for unit, text in texts.items():
        spans = spans_by_unit[unit]
        for name in sorted(names, key=len, reverse=True):
            kind, ref = names[name]
            for start, end in occurrences(text, name, words=lang != "zh"):
                if _free(spans, start, end):
                    spans.append(Span(start, end, kind, name, ref))
        spans.sort(key=lambda s: (s.start, -s.end))


def _free(spans: list[Span], start: int, end: int) -> bool:
    """Nothing there yet but, at most, organisations that would hold the name whole."""
    for s in spans:
        if s.start < end and start < s.end:
            if s.kind != "org" or not (s.start <= start and end <= s.end):
                return False
    return True
