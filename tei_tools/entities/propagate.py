"""One sense per article: a person or place found once is tagged wherever its name recurs.

A name found by one rule in one unit (南湾乡, Nanwan Township) is also the name elsewhere in
the same article (南湾 in the title, Nanwan), including a place's stem without its suffix.
"""
from __future__ import annotations

import re

from .link import _without_place_head
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
                forms.add(stem(s.name) if lang == "zh" else _without_place_head(s.name))
            for form in forms:
                if len(form) >= _MIN[lang]:
                    names.setdefault(form, (s.kind, s.ref))
    return names


def propagate(texts: dict[str, str], spans_by_unit: dict[str, list[Span]], lang: str) -> None:
    names = _names(spans_by_unit, lang)
    if not names:
        return
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    pattern = re.compile(alternatives if lang == "zh" else rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])")
    for unit, text in texts.items():
        spans = spans_by_unit[unit]
        for m in pattern.finditer(text):
            kind, ref = names[m.group()]
            if _free(spans, m.start(), m.end()):
                spans.append(Span(m.start(), m.end(), kind, m.group(), ref))
        spans.sort(key=lambda s: (s.start, -s.end))


def _free(spans: list[Span], start: int, end: int) -> bool:
    """Nothing there yet but, at most, organisations that would hold the name whole."""
    for s in spans:
        if s.start < end and start < s.end:
            if s.kind != "org" or not (s.start <= start and end <= s.end):
                return False
    return True
