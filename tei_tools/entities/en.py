"""English names: register names, the Chinese names' romanisations, and capitalisation rules.

An organisation is a run of capitalised words ending in a head (Factory, Department, Committee…),
without a leading determiner or possessive; a place is a register or romanised name, or a
capitalised word before a place head (Hebei Province); a person is a byline author, a
romanised Chinese name, or a name after a title (Director Liu).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import (EN_COMMITTEE_MODIFIERS, EN_NOT_NAME, EN_ORG_HEADS, EN_PERSON_TITLES,
                      EN_PLACE_HEADS, entries)
from .propagate import occurrences
from .romanize import SYLLABLE
from .spans import Span, coverage, proposed, resolve
from .zh import same_place, with_register_ref

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-’'.][A-Za-z0-9]+)*(?:(?<=s)['’](?![A-Za-z]))?\.?|\S")
# Possessives that belong to names: People's Hospital, People's Committee.
_POSSESSIVE_IN_NAMES = {"People", "Children", "Women", "Workers", "Peasants"}
# Numbered armed units (71st Army, Kuomintang 40th Army, New 6th Army) and numbered teams.
_UNIT = re.compile(r"\b(?:(?:Kuomintang|New|Provisional|Reorgani[sz]ed|Temporary|Independent)\s+)?"
                   r"(?:\d{1,3}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)"
                   r"\s+(?:(?:Route|Group|Peace\s+Preservation)\s+)?"
                   r"(?:Army|Division|Brigade|Regiment|Column|Detachment|Battalion|Corps)\b"
                   r"|\b(?:Executive\s+)?(?:Team|Group)\s+(?:No\.\s*)?\d{1,3}\b")
_COMMON = set(entries("en_common_capitalised.txt"))
_ROLES = set(entries("en_person_roles.txt"))
_DIRECTIONS = {"Northern", "Southern", "Eastern", "Western", "Central", "North", "South", "East", "West",
               "Northeast", "Northwest", "Southeast", "Southwest"}
_RAILWAY = re.compile(r"\b[A-Z][a-z’']+-[A-Z][a-z’']+ (?:Railway|Line)\b")
# What follows a title but is no name: a head (Peasant Party), a common capitalised word.
_HEADS = frozenset(EN_ORG_HEADS | EN_PLACE_HEADS)  # a word that ends a name of an organisation or place
_NOT_AFTER_TITLE = _HEADS | set(entries("en_common_capitalised.txt"))
_OF_HEADS = {"Ministry", "Bureau", "Department", "Academy", "University", "Institute", "School",
             "Federation", "Association", "Union", "League", "Council", "Administration", "Bank"}
_SURNAMES = set("""
Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song
Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Yu Jiang Cai Du Ye Cheng Su Wei Lu Ding Ren
Shen Yao Cui Zhong Tan Fan Jin Shi Liao Jia Xia Fu Fang Bai Zou Meng Xiong Qin Qiu Yin Xue Yan Duan
Lei Hou Long Tao Li He Gu Mao Hao Gong Shao Wan Qian Dai Mo Kong Xiang Chang Wen Kang Shi Niu Ge Xing
An Qi Qiao Wu Pang Ni Zhuang Nie Zhang Lu Yue Zhai Yin Zhan Shen Ou Geng Guan Lan Jiao Zuo Liu Gan Zhu
Bao Ning Shang Shu Ruan Ke Ji Mei Tong Ling Bi Shan Pei Huo Tu Miao Gu Sheng Qu Weng Ran Lan Lu You
""".split())
_PINYIN = re.compile(f"^(?:{SYLLABLE})+$")


class _Either:
    """Membership in either of two sets, without copying the larger one for every unit."""

    def __init__(self, first: frozenset[str], second: set[str]) -> None:
        self.first, self.second = first, second

    def __contains__(self, item: object) -> bool:
        return item in self.first or item in self.second


class Word:
    """A word of English text at [start, end); `cap` (capitalised) is computed once, read often.
    A plain class with slots: texts have tens of thousands of words, made and read in hot loops."""

    __slots__ = ("text", "start", "end", "cap")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.cap = text[:1].isupper()

    def __repr__(self) -> str:
        return f"Word({self.text!r}, {self.start}, {self.end})"


@lru_cache(maxsize=8)
def _by_first(names: tuple[str, ...]) -> dict[str, list[str]]:
    """Names by their first two characters (built once per edition's set of extra names)."""
    out: dict[str, list[str]] = {}
    for name in names:
        out.setdefault(name[:2], []).append(name)
    return out


def words(text: str) -> list[Word]:
    out: list[Word] = []
    add = out.append
    for m in _TOKEN.finditer(text):
        w = m.group()
        start, end = m.span()
        last = w[-1]
        if last == "s" and w.endswith(("'s", "’s")) and w[:-2] not in _POSSESSIVE_IN_NAMES:
            # possessive: the name ends before it
            add(Word(w[:-2], start, end - 2))
            add(Word("'s", end - 2, end))
        elif last == "." and len(w) > 1 and w not in EN_PERSON_TITLES and w != "No.":
            add(Word(w[:-1], start, end - 1))
            add(Word(".", end - 1, end))  # the sentence ends: so does any name
        else:
            add(Word(w, start, end))
    return out


def _runs(ws: list[Word]) -> list[list[Word]]:
    """Runs of capitalised words, joined by 'of'/'for'/'the' only between capitalised words, and
    by 'and' inside a name (Iron and Steel Company) but not between two (… Factory and …)."""
    runs, cur = [], []
    for k, w in enumerate(ws):
        nxt = ws[k + 1] if k + 1 < len(ws) else None
        if w.cap and w.text not in ("'s",) and w.text[0].isalpha():
            cur.append(w)
        elif cur and w.text in ("of", "for") and nxt and nxt.cap:
            cur.append(w)
        elif cur and (w.text == "No." or (w.text.isdigit() and cur[-1].text == "No.")):
            cur.append(w)  # Shanghai No. 3 Cotton Mill
        elif (cur and w.text in ("and", "&", ",") and nxt and nxt.cap
              and cur[-1].text not in _HEADS and cur[-1].text not in EN_NOT_NAME):
            cur.append(w)  # (a comma too: China National Cereals, Oils and Foodstuffs … Corporation)
        elif cur and w.text == "the" and cur[-1].text in ("of", "for") and nxt and nxt.cap:
            cur.append(w)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return [_strip(r) for r in runs if _strip(r)]


def _strip(run: list[Word]) -> list[Word]:
    while run and (run[0].text in EN_NOT_NAME or run[0].text in ("of", "for", "the")):
        run = run[1:]
    while run and run[-1].text in ("of", "for", "the", "and", "&", ","):
        run = run[:-1]
    return run


def _sentence_start(ws: list[Word], k: int) -> bool:
    return k == 0 or ws[k - 1].text in ".!?:;\"“—("


def looks_romanised(word: str) -> bool:
    return bool(_PINYIN.match(word.lower()))


class EnglishTagger:
    def __init__(self, names: dict[str, tuple[str, str]]) -> None:
        # names: English name -> (entity id, kind)
        self.names = names
        self.by_first: dict[str, list[str]] = {}
        for name in sorted(names, key=len, reverse=True):
            self.by_first.setdefault(name[:2], []).append(name)
        self.register_places = frozenset(n for n, (_, kind) in names.items() if kind == "place")

    def register_spans(self, text: str, ws: list[Word],
                       extra: dict[str, tuple[str, str]] | None = None) -> list[Span]:
        """Every register name starting at a word, nested ones too (Fenyang in Fenyang …);
        extra: more names for this text only (name -> (entity id, kind))."""
        spans = []
        extra = extra or {}
        extra_by_first = _by_first(tuple(sorted(extra)))
        by_first = self.by_first
        for w in ws:
            head = text[w.start:w.start + 2]
            candidates = by_first.get(head, ())
            if head in extra_by_first:
                candidates = [*candidates, *extra_by_first[head]]
            for name in candidates:
                if not text.startswith(name, w.start):
                    continue
                after = text[w.start + len(name):w.start + len(name) + 1]
                if not after.isalnum():
                    ref, kind = self.names.get(name) or extra[name]
                    words_ = name.split()
                    if (kind == "place" and len(words_) > 1 and words_[-1] in EN_COMMITTEE_MODIFIERS
                            and text.startswith((" Committee", " Party Committee"), w.start + len(name))):
                        continue  # Wan'an of the Wan'an County Party Committee: the place rule has it
                    if name in extra and kind == "place" and text.startswith(
                            (" Street", " Road", " Lane"), w.start + len(name)):
                        continue  # Fanchang Street: a street, not the county the lexicon knows
                    spans.append(Span(w.start, w.start + len(name), kind, name, ref))
        return spans

    def tag(self, text: str, authors: list[str], hints: dict[str, str],
            extra: dict[str, tuple[str, str]] | None = None) -> list[Span]:
        """hints: romanised forms of the Chinese names of this article -> kind; extra: names
        of lexicon entities the Chinese side found -> (id, kind)."""
        ws = words(text)
        places = _Either(self.register_places, {h for h, k in hints.items() if k == "place"})
        orgs = []
        for run in _runs(ws):
            orgs.extend(self._orgs(text, run, places))
        # Inside an organisation's name a register organisation counts only where the name
        # starts with it (Trade Union in … Trade Union Council is no mention).
        in_org, inside_org = coverage(len(text), orgs), coverage(len(text), orgs, inner=True)
        known = [s for s in self.register_spans(text, ws, extra)
                 if s.kind != "org" or not inside_org[s.start]]
        spans: list[Span] = proposed("register", (s for s in known if s.name in self.names))
        spans += proposed("lexicon", (s for s in known if s.name not in self.names))
        spans += proposed("units", (Span(m.start(), m.end(), "org", m.group()) for m in _UNIT.finditer(text)))
        spans += proposed("orgs", orgs)
        spans += proposed("places", self._places(text, ws, places, orgs))
        spans += proposed("persons", (p for p in self._persons(text, ws, authors, hints)
                                      if not in_org[p.start]))
        # A name a rule found that the register lists is a register name.
        spans = [s.by("register") if s.ref and s.rule != "lexicon" else s
                 for s in (with_register_ref(s, self.names) for s in spans)]
        return resolve(spans, same_place)

    def _orgs(self, text: str, run: list[Word], places: set[str]) -> list[Span]:
        # A head right before another head is part of a compound head (Trade Union Council).
        heads = [k for k, w in enumerate(run) if w.text in EN_ORG_HEADS
                 and not (k + 1 < len(run) and run[k + 1].text in EN_ORG_HEADS)]
        if not heads:
            return []
        last = heads[-1]
        end = last
        if last + 2 < len(run) and run[last].text in _OF_HEADS and run[last + 1].text in ("of", "for"):
            tail = " ".join(w.text for w in run[last + 2:])
            if tail not in places and not any(w.text in EN_PLACE_HEADS for w in run[last + 2:]):
                end = len(run) - 1
        out = []
        for k in heads:
            if k == 0 and k != end:
                continue
            stop = end if k == last else k
            span_words = run[:stop + 1]
            if k != last and stop + 1 < len(run) and run[stop + 1].text in ("of", "for", "and"):
                continue  # "Bureau" of "Bureau of Culture" is no name on its own
            if len(span_words) == 1 and span_words[0].text in EN_ORG_HEADS:
                continue  # a bare head ("Department") is no name
            out.append(Span(span_words[0].start, span_words[-1].end, "org",
                            text[span_words[0].start:span_words[-1].end]))
        return out

    def _places(self, text: str, ws: list[Word], places: set[str], orgs: list[Span]) -> list[Span]:
        out = []
        for k, w in enumerate(ws):
            if not w.cap or w.text in EN_NOT_NAME or w.text in EN_PLACE_HEADS or w.text in _COMMON:
                continue
            nxt = ws[k + 1].text if k + 1 < len(ws) else ""
            nxt2 = ws[k + 2].text if k + 2 < len(ws) else ""
            if nxt in EN_COMMITTEE_MODIFIERS and nxt2 in ("Committee", "Party"):
                out.append(Span(w.start, w.end, "place", w.text))
            elif nxt in EN_PLACE_HEADS:
                out.append(Span(w.start, ws[k + 1].end, "place", text[w.start:ws[k + 1].end]))
            elif w.text in places:
                out.append(Span(w.start, w.end, "place", w.text))
        for m in _RAILWAY.finditer(text):  # a railway by its two ends: the Tianjin-Pukou Railway
            out.append(Span(m.start(), m.end(), "place", m.group()))
        for k, w in enumerate(ws[:-1]):  # a part of a province: Eastern Henan, Central Shanxi
            nxt = ws[k + 1]
            if w.text in _DIRECTIONS and nxt.text in places:
                out.append(Span(w.start, nxt.end, "place", text[w.start:nxt.end]))
        for k in range(len(ws) - 2):  # a named construction site: the Wuhu Bridge construction site
            if ws[k + 1].text in ("construction", "building", "work") and ws[k + 2].text == "site" \
                    and ws[k].cap:
                first = k
                while first > 0 and ws[first - 1].cap and ws[first - 1].text not in EN_NOT_NAME:
                    first -= 1
                if ws[first].text not in EN_NOT_NAME:
                    out.append(Span(ws[first].start, ws[k].end, "place", text[ws[first].start:ws[k].end]))
        return out

    def _persons(self, text: str, ws: list[Word], authors: list[str], hints: dict[str, str]) -> list[Span]:
        out = []
        for name in set(authors) | {h for h, k in hints.items() if k == "person"}:
            out += [Span(a, b, "person", name) for a, b in occurrences(text, name, words=True)]
        for k, w in enumerate(ws[:-1]):  # a lower-case role before a name: leader Thorez
            nxt = ws[k + 1]
            if w.text in _ROLES and nxt.cap and nxt.text not in EN_NOT_NAME and nxt.text not in _NOT_AFTER_TITLE \
                    and nxt.text not in EN_PERSON_TITLES and len(nxt.text) > 2:
                end = ws[k + 2] if k + 2 < len(ws) and ws[k + 2].cap and ws[k + 2].text not in _NOT_AFTER_TITLE \
                    and ws[k + 2].text not in EN_NOT_NAME else nxt
                out.append(Span(nxt.start, end.end, "person", text[nxt.start:end.end]))
        for k, w in enumerate(ws[:-1]):
            nxt = ws[k + 1]
            if (w.text in EN_PERSON_TITLES and nxt.cap and nxt.text not in EN_NOT_NAME
                    and nxt.text not in EN_PERSON_TITLES and nxt.text not in _NOT_AFTER_TITLE):
                end = nxt
                if k + 2 < len(ws) and ws[k + 2].cap and looks_romanised(ws[k + 2].text) \
                        and ws[k + 2].text not in _HEADS:
                    end = ws[k + 2]
                out.append(Span(nxt.start, end.end, "person", text[nxt.start:end.end]))
            elif (w.text in _SURNAMES and nxt.cap and looks_romanised(nxt.text)
                  and nxt.text not in _HEADS
                  and (k == 0 or not ws[k - 1].cap or _sentence_start(ws, k - 1))
                  and (k + 2 >= len(ws) or not ws[k + 2].cap)):
                out.append(Span(w.start, nxt.end, "person", text[w.start:nxt.end]))
        return out
