"""One sense per article: a person or place found once is tagged wherever its name recurs.

A name found by one rule in one unit (南湾乡, Nanwan Township) is also the name elsewhere in
the same article (南湾 in the title, Nanwan), including a place's stem without its suffix.
"""
from __future__ import annotations

from .link import without_place_head
from .lexicon import EN_COMMITTEE_MODIFIERS
from .spans import Span, resolve
from .zh import same_place, stem

_MIN = {"zh": 2, "en": 3}
_ZH_COMMITTEE_SUFFIX = ("市", "县", "区", "省")


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
    longest_first = [(name, *names[name]) for name in sorted(names, key=len, reverse=True)]
    for unit, text in texts.items():
        found = [_committee(text, Span(start, end, kind, name, ref, rule="propagation"), lang)
                 for name, kind, ref in longest_first
                 for start, end in occurrences(text, name, words=lang != "zh")]
        if found:
            spans_by_unit[unit] = resolve(spans_by_unit[unit] + found, same_place)


def _committee(text: str, span: Span, lang: str) -> Span:
    """A place before a committee word gives it its suffix: 汾阳 of 汾阳县委, Fenyang of Fenyang
    County Party Committee."""
    if span.kind != "place":
        return span
    if lang == "zh" and text.startswith("委", span.end) and span.name[-1:] in _ZH_COMMITTEE_SUFFIX:
        return Span(span.start, span.end - 1, "place", span.name[:-1], span.ref, span.rule)
    words = span.name.split()
    if (lang != "zh" and len(words) > 1 and words[-1] in EN_COMMITTEE_MODIFIERS
            and text.startswith((" Committee", " Party Committee"), span.end)):
        short = " ".join(words[:-1])
        return Span(span.start, span.start + len(short), "place", short, span.ref, span.rule)
    return span
