"""Projection from English to Chinese: a romanised name found in the translation (Guo Laihe,
Wenyu River) is looked for, by its pinyin, in the aligned Chinese units (郭来和, 文峪河).

jieba often cuts unknown Chinese names wrongly (郭来|和); the English spelling tells where the
name ends. Only persons and places are projected: their English names are transliterations.
"""
from __future__ import annotations

from functools import lru_cache

import re

from .en import looks_romanised
from .lexicon import EN_NOT_NAME, EN_ORG_HEADS, EN_PLACE_SUFFIX_ZH, HEAD_TRANSLATIONS, ZH_ORG_HEADS
from .zh_rules import place_context
from .romanize import compact, syllables
from .spans import Span, resolve
from .zh import is_han, same_place

_HEADS = re.compile("|".join(map(re.escape, ZH_ORG_HEADS)))
_ORG_REACH = 12

_MAX_CHARS = 6


@lru_cache(maxsize=8192)
def _char_pinyin(ch: str) -> str:
    return compact(syllables(ch)[0]) if is_han(ch) else ""


def _target(name: str, kind: str) -> tuple[str, tuple[str, ...]]:
    """The compact romanisation to find, and the Chinese suffix characters that may follow."""
    words = name.split()
    if kind == "place" and len(words) > 1 and words[-1] in EN_PLACE_SUFFIX_ZH:
        return compact(" ".join(words[:-1])), EN_PLACE_SUFFIX_ZH[words[-1]]
    return compact(name), ()


@lru_cache(maxsize=1024)
def _pinyin_index(text: str) -> tuple[str, dict[int, int], dict[int, int]]:
    """The text's pinyin as one string, and where each character starts and ends in it."""
    parts, starts, ends, pos = [], {}, {}, 0
    for i, ch in enumerate(text):
        py = _char_pinyin(ch) or "\0"  # a non-Chinese character breaks any match
        starts[pos] = i
        pos += len(py)
        ends[pos] = i + 1
        parts.append(py)
    return "".join(parts), starts, ends


def find(text: str, name: str, kind: str) -> list[tuple[int, int]]:
    """Spans of `text` whose pinyin spells `name` (with its place suffix, where written)."""
    core, suffix = _target(name, kind)
    if len(core) < 2:
        return []
    joined, starts, ends = _pinyin_index(text)
    found = []
    at = joined.find(core)
    while at >= 0:
        i, end = starts.get(at), ends.get(at + len(core))
        if i is not None and end is not None and 2 <= end - i <= _MAX_CHARS:
            for sfx in suffix:
                if text.startswith(sfx, end) and text[end + len(sfx):end + len(sfx) + 1] != "委":
                    end += len(sfx)  # the suffix, unless a committee word has it (汾阳县委)
                    break
            found.append((i, end))
        at = joined.find(core, at + 1)
    return found


def _partners(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    partners: dict[str, list[str]] = {}
    for z, e in pairs:
        partners.setdefault(e, []).append(z)
    return partners


def project(zh_text: dict[str, str], zh_spans: dict[str, list[Span]], en_spans: dict[str, list[Span]],
            pairs: list[tuple[str, str]]) -> None:
    """Add projected persons and places to the Chinese spans (component `projection`, which
    outranks jieba's guesses: a projected name mends a cut one)."""
    partners = _partners(pairs)
    for en_unit, spans in en_spans.items():
        for s in spans:
            if s.kind not in ("person", "place") or s.ref:
                continue
            for zu in partners.get(en_unit, []):
                found = find(zh_text[zu], s.name, s.kind)
                if found:
                    zh_spans[zu] = resolve(zh_spans[zu] + [
                        Span(start, end, s.kind, zh_text[zu][start:end], rule="projection")
                        for start, end in found], same_place)


def _head_matches(zh_head: str, en_head: str) -> bool:
    return any(zh_head.endswith(h) and en_head in english
               for h, english in HEAD_TRANSLATIONS.items())


def project_orgs(zh_text: dict[str, str], zh_spans: dict[str, list[Span]],
                 en_spans: dict[str, list[Span]], pairs: list[tuple[str, str]]) -> None:
    """An English organisation that begins with a romanised name (Dongfeng Agricultural
    Producers' Cooperative) marks the Chinese span from that name to the next head that the
    English head translates (东风农业生产合作社), where the rules found no organisation."""
    partners = _partners(pairs)
    for en_unit, spans in en_spans.items():
        for s in spans:
            if s.kind != "org" or s.ref:
                continue
            words = s.name.split()
            lead = []
            for w in words:
                if w in EN_ORG_HEADS or not looks_romanised(w):
                    break
                lead.append(w)
            heads = [w for w in words if w in EN_ORG_HEADS]
            if not lead or not heads or len(compact(" ".join(lead))) < 4:
                continue
            for zu in partners.get(en_unit, []):
                text = zh_text[zu]
                for start, end in find(text, " ".join(lead), "org"):
                    for m in _HEADS.finditer(text, end, min(len(text), end + _ORG_REACH)):
                        if not all(is_han(ch) for ch in text[end:m.start()]):
                            break
                        if _head_matches(m.group(), heads[-1]):
                            new = Span(start, m.end(), "org", text[start:m.end()], rule="projection")
                            if not any(o.kind == "org" and o.start < new.end and new.start < o.end
                                       for o in zh_spans[zu]):  # only where the rules found none
                                zh_spans[zu] = resolve(zh_spans[zu] + [new], same_place)
                            break


def merge_places_into_orgs(text: str, spans: list[Span]) -> list[Span]:
    """Chinese organisation spans are maximal: a place written right before the name belongs
    to it (周口专区 + 卫生局 = 周口专区卫生局, the place nested). A place right before 工地
    names a construction site (百嘉水库 + 工地)."""
    out = list(spans)
    for place in [s for s in out if s.kind == "place"]:
        if text.startswith("工地", place.end) and not any(
                o.start <= place.start and place.end + 2 <= o.end for o in out if o is not place):
            out.append(Span(place.start, place.end + 2, "place", text[place.start:place.end + 2], rule="sites"))
    changed = True
    while changed:
        changed = False
        for org in [s for s in out if s.kind == "org" and not s.ref and s.rule != "abbreviations"]:
            place = next((p for p in out if p.kind == "place" and p.end == org.start
                          and not any(o.kind == "org" and o.start <= p.start < o.end for o in out)), None)
            if place:
                out.remove(org)
                out.append(Span(place.start, org.end, "org", text[place.start:org.end], rule=org.rule))
                changed = True
                break
    return sorted(out, key=lambda s: (s.start, -s.end))




_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:['’\-][a-z]+)*\b")
_ZH_PLACE_NEXT = ("县", "市", "镇", "村", "区", "乡", "城", "、")


def romanised_words(zh_text: dict[str, str], zh_spans: dict[str, list[Span]], en_text: dict[str, str],
                    en_spans: dict[str, list[Span]], pairs: list[tuple[str, str]]) -> None:
    """An English word no rule tagged that spells in pinyin a name of the aligned Chinese unit
    (Shoushan / 寿山, Wenshang / 汶上) is that name in both languages: it takes the kind and
    entry of the Chinese span there, or, where nothing is tagged but the Chinese stands where
    places stand (寿山地区, 大名、…, 汶上县), both become a place."""
    partners = _partners(pairs)
    for en_unit, text in en_text.items():
        new_en: list[Span] = []
        for m in _CAPITALISED.finditer(text):
            word = m.group()
            if (word in EN_NOT_NAME or len(compact(word)) < 4 or not looks_romanised(compact(word))
                    or any(s.start < m.end() and m.start() < s.end for s in en_spans[en_unit])):
                continue
            for zu in partners.get(en_unit, []):
                ztext = zh_text[zu]
                for start, end in find(ztext, word, "place"):
                    same = next((s for s in zh_spans[zu] if (s.start, s.end) == (start, end)
                                 and s.kind in ("person", "place")), None)
                    if same is None and not any(s.start < end and start < s.end for s in zh_spans[zu]) \
                            and (place_context(ztext, start, end) or ztext.startswith(_ZH_PLACE_NEXT, end)
                                 or ztext[start - 1:start] == "、"):
                        same = Span(start, end, "place", ztext[start:end], rule="projection")
                        zh_spans[zu] = resolve(zh_spans[zu] + [same], same_place)
                    if same is not None:
                        new_en.append(Span(m.start(), m.end(), same.kind, word, same.ref, "projection"))
                        break
                else:
                    continue
                break
        if new_en:
            en_spans[en_unit] = resolve(en_spans[en_unit] + new_en, same_place)
