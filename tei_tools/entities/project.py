"""Projection from English to Chinese: a romanised name found in the translation (Guo Laihe,
Wenyu River) is looked for, by its pinyin, in the aligned Chinese units (郭来和, 文峪河).

jieba often cuts unknown Chinese names wrongly (郭来|和); the English spelling tells where the
name ends. Only persons and places are projected: their English names are transliterations.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import EN_PLACE_SUFFIX_ZH
from .romanize import compact, syllables
from .zh import Span, _is_han

_MAX_CHARS = 6


@lru_cache(maxsize=8192)
def _char_pinyin(ch: str) -> str:
    return compact(syllables(ch)[0]) if _is_han(ch) else ""


def _target(name: str, kind: str) -> tuple[str, str]:
    """The compact romanisation to find, and the Chinese suffix characters that may follow."""
    words = name.split()
    if kind == "place" and len(words) > 1 and words[-1] in EN_PLACE_SUFFIX_ZH:
        return compact(" ".join(words[:-1])), EN_PLACE_SUFFIX_ZH[words[-1]]
    return compact(name), ""


def find(text: str, name: str, kind: str) -> list[tuple[int, int]]:
    """Spans of `text` whose pinyin spells `name` (with its place suffix, where written)."""
    core, suffix = _target(name, kind)
    if len(core) < 2:
        return []
    found = []
    for i in range(len(text)):
        acc = ""
        for j in range(i, min(len(text), i + _MAX_CHARS)):
            py = _char_pinyin(text[j])
            if not py:
                break
            acc += py
            if not core.startswith(acc):
                break
            if acc == core:
                end = j + 1
                if suffix and end < len(text) and text[end] in suffix and text[end + 1:end + 2] != "委":
                    end += 1  # the suffix, unless it belongs to a committee word (汾阳 in 汾阳县委)
                found.append((i, end))
                break
    return found


def project(zh_text: dict[str, str], zh_spans: dict[str, list[Span]], en_spans: dict[str, list[Span]],
            pairs: list[tuple[str, str]]) -> None:
    """Add projected persons and places to the Chinese spans; they replace what they overlap of
    the same kind (a cut name), never cross an organisation."""
    partners: dict[str, list[str]] = {}
    for z, e in pairs:
        partners.setdefault(e, []).append(z)
    for en_unit, spans in en_spans.items():
        for s in spans:
            if s.kind not in ("person", "place") or s.ref:
                continue
            for zu in partners.get(en_unit, []):
                for start, end in find(zh_text[zu], s.name, s.kind):
                    _add(zh_spans[zu], Span(start, end, s.kind, zh_text[zu][start:end]))


def _add(spans: list[Span], new: Span) -> None:
    for old in list(spans):
        if not (old.start < new.end and new.start < old.end):
            continue
        inside_old = old.start <= new.start and new.end <= old.end
        if old.kind == "org":
            if inside_old and (old.start, old.end) != (new.start, new.end):
                continue  # a name nested in an organisation's name
            return  # would cross an organisation's boundary, or is one
        if inside_old:
            return  # already tagged as long or longer (嘉兴市 holds Jiaxing)
        spans.remove(old)  # a name cut short or crossing (郭来 of 郭来和)
    spans.append(new)
    spans.sort(key=lambda s: (s.start, -s.end))
