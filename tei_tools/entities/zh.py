"""Chinese names: the register as jieba's user dictionary, then rules over jieba's segmentation.

jieba's part-of-speech tags alone mistake places for persons and miss organisations, so tags
only serve as evidence: an organisation is a span ending in a head (厂, 部, 市委 …) that holds a
proper name; a person is a byline author, a name before a title (刘主任), or a name jieba could
not find in its dictionary; a place is a register name or a word with an administrative suffix.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple
from functools import lru_cache

from . import zh_rules
from .spans import Span, coverage, proposed, reading_order, resolve
from .lexicon import (EN_PLACE_HEADS, ZH_COMMITTEE_WORDS, ZH_GEO_HEADS, ZH_NOT_ORG, ZH_ORG_HEADS, ZH_PERSON_TITLES,
                      ZH_NOT_PLACE, ZH_PLACE_SUFFIXES, ZH_STOP_CHARS, ZH_SURNAMES,
                      ZH_TITLES_BEFORE, entries)

PROPER_FLAGS = {"ns", "nr", "nrt", "nz", "j", "nt", "nrfg"}
_NAME_FLAGS = PROPER_FLAGS - {"j"}
_PLACE_FLAGS = frozenset({"ns", "nr", "nrt", "nz", "j"})  # what jieba may tag a place as
_NOT_PERSON = frozenset(entries("zh_not_person.txt"))
_STREETS = ("街", "路", "巷", "胡同", "里弄")
_JIEBA_TAG = {"person": "nr", "place": "ns", "org": "nt"}
_MAX_ORG = 24
# Characters that usually follow a name rather than end it: verbs of speech and motion.
_AFTER_NAME = set("说讲问答来去带领教送把给被让叫向到在和与今才也都就是每骑从对为")
_JOURNAL = re.compile(r"《([^《》]{1,20}(?:日报|晚报|报|杂志|周刊|月刊|画报|半月刊))》")


class Token(NamedTuple):
    """A jieba word at [start, end) with its part-of-speech flag (a tuple: made for every word)."""

    word: str
    flag: str
    start: int
    end: int


class Tokens(list):
    """jieba's words of one text, in order, found by position by bisection: the rules ask for
    the words near a match, and scanning all of them made long texts quadratic."""

    def __init__(self, tokens: list[Token]) -> None:
        super().__init__(tokens)
        self.starts = [t.start for t in tokens]
        self.ends = [t.end for t in tokens]

    def overlapping(self, left: int, right: int) -> list[Token]:
        """The words with a character in [left, right)."""
        return self[bisect_right(self.ends, left):bisect_left(self.starts, right)]

    def within(self, left: int, right: int) -> list[Token]:
        """The words wholly inside [left, right)."""
        return self[bisect_left(self.starts, left):bisect_right(self.ends, right)]


def _jieba():
    """A jieba tokenizer of this tagger's own: the register's names become words in it only,
    so that loading one register never changes what a later tagger (another register, in the
    same process) cuts. jieba's dictionary is read from its cache, once per tagger."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer, jieba.posseg.POSTokenizer(tokenizer)


class ChineseTagger:
    """Built once per process (jieba and the register are loaded once), used for many articles."""

    def __init__(self, names: dict[str, tuple[str, str]], segment: set[str] | None = None,
                 says_no=lambda name, kind: False) -> None:
        # names: Chinese name -> (entity id, kind); segment: those jieba should know as words
        self.names = names
        self.says_no = says_no  # the registers' not-names
        self._memo: dict[str, tuple] = {}
        self.curated = set(names) if segment is None else segment
        self.lexical_ids = {ref for name, (ref, _) in names.items() if name not in self.curated}
        jieba, self.pseg = _jieba()
        self.freq = jieba.FREQ
        for name, (_, kind) in sorted(names.items()):
            if len(name) > 1 and (segment is None or name in segment):
                jieba.add_word(name, freq=max(self.freq.get(name, 0), 2000), tag=_JIEBA_TAG[kind])
        # Every beginning of a name, so that a look-up stops at the first that is none: most
        # positions of a text cost one look-up, whatever the lengths of the names.
        self.prefixes = {name[:k] for name in names for k in range(1, len(name) + 1)}
        self.heads = re.compile("|".join(map(re.escape, ZH_ORG_HEADS)))
        self.title_before = re.compile("|".join(map(re.escape, ZH_TITLES_BEFORE)))
        self.title_after = re.compile("副?(?:" + "|".join(map(re.escape, ZH_PERSON_TITLES)) + ")")
        self.titles = frozenset(ZH_PERSON_TITLES) | {"副" + t for t in ZH_PERSON_TITLES}

    def tokens(self, text: str) -> Tokens:
        out, pos = [], 0
        make = tuple.__new__  # Token's own __new__ is a Python call per word
        for pair in self.pseg.cut(text):
            word = pair.word
            end = pos + len(word)
            out.append(make(Token, (word, pair.flag, pos, end)))
            pos = end
        return Tokens(out)

    # -- single rules --------------------------------------------------------------------
    def register_spans(self, text: str) -> list[Span]:
        """Every register name at every position, nested ones too (中共 in 中共汾阳县委); a
        place before 委 gives its suffix to the committee word (汾阳 of 汾阳县委)."""
        spans = []
        names, prefixes = self.names, self.prefixes
        size = len(text)
        for i, ch in enumerate(text):
            if ch not in prefixes:
                continue
            found = [ch] if ch in names else []
            end = i + 2
            while end <= size and text[i:end] in prefixes:
                if text[i:end] in names:
                    found.append(text[i:end])
                end += 1
            for name in reversed(found):  # longest first
                entity_id, kind = names[name]
                length = len(name)
                if kind == "place" and text[i + length:i + length + 1] == "委" and name.endswith(
                        ("市", "县", "区", "省")):
                    name = name[:-1]
                    if name not in names:
                        continue
                    entity_id = names[name][0]  # the entry of the name as it stands
                spans.append(Span(i, i + len(name), kind, name, entity_id))
        return spans

    def _lexicon_ok(self, text: str, tokens: list[Token]):
        """A lexicon name (not curated) counts where jieba's words agree: it starts and ends at
        word boundaries (永福 is no county inside 王永福), and a two-character name that is one
        word is a name to jieba too (红旗, 大厂 are nouns to it, 日电 an abbreviation), or, for a
        place, stands where places stand (进犯历城, 固安以东)."""
        starts = {t.start: t for t in tokens}
        ends = {t.end for t in tokens}

        def ok(span: Span) -> bool:
            if span.kind == "place" and text.startswith(_STREETS, span.end):
                return False  # 繁昌街 in 芜湖 names a street, not the county of 繁昌
            first = starts.get(span.start)
            if first is None or span.end not in ends:
                return False
            if first.end == span.end and len(span.name) == 2:
                return first.flag in _NAME_FLAGS or (
                    span.kind == "place" and zh_rules.place_context(text, span.start, span.end))
            return True
        return ok

    def _proper(self, tok: Token) -> bool:
        """A proper name: a register name, or a tagged name of two or more characters that is
        more than a place suffix and a head (村支部, 县委 are generic)."""
        if tok.word in self.names:
            return True
        if tok.flag not in PROPER_FLAGS or len(tok.word) < 2 or tok.word[0] == "第":
            return False  # (第一版: an ordinal, not a name)
        head = self.heads.search(tok.word)
        rest = tok.word[:head.start()] if head and head.end() == len(tok.word) else tok.word
        return bool(rest) and rest not in ZH_PLACE_SUFFIXES

    def org_spans(self, text: str, tokens: list[Token]) -> list[Span]:
        """Maximal organisation spans: a head, and leftwards to a stop, from a proper name on."""
        spans = []
        for m in self.heads.finditer(text):
            end = m.end()
            if (text[max(0, m.start() - 1):m.end()] in ZH_NOT_ORG or text[max(0, m.start() - 2):m.end()]
                    in ZH_NOT_ORG or text[m.start():m.end() + 1] in ZH_NOT_ORG):
                continue  # 干部, 代表团, 部长: a head inside a common word
            span = self._org_ending_at(text, tokens, m.start(), end)
            if span:
                spans.append(span)
        return _maximal(spans)

    def _org_ending_at(self, text: str, tokens: list[Token], head_start: int, end: int) -> Span | None:
        left = head_start
        while left > 0 and end - left < _MAX_ORG and text[left - 1] not in ZH_STOP_CHARS \
                and is_han(text[left - 1]):
            left -= 1
        inside = tokens.overlapping(left, head_start)
        verbs = [k for k, t in enumerate(inside) if t.flag == "v" and len(t.word) >= 2]
        if verbs:  # a name holds no verb: 周总理接见缅甸代表团 is a clause
            inside = inside[verbs[-1] + 1:]
        first = next((k for k, t in enumerate(inside) if self._proper(t) or (
            k > 0 and t.flag in PROPER_FLAGS and len(t.word) == 1 == len(inside[k - 1].word))), None)
        if first is None:
            return None
        start = inside[first].start  # a name token is never cut (对|外贸易部 is 对外贸易部)
        if first > 0 and len(inside[first - 1].word) == 1 and inside[first - 1].flag not in ("m", "q"):
            start = inside[first - 1].start  # a one-character name part jieba split off (新|嘉)
        if end - start <= len(text[head_start:end]):
            return None
        return Span(start, end, "org", text[start:end])

    def nested(self, text: str, tokens: list[Token], org: Span, places: set[str]) -> list[Span]:
        """Organisations and places inside an organisation span (中共 ⊂ 中共汾阳县委 ⊂ …工业部)."""
        out = []
        for m in self.heads.finditer(text, org.start, org.end):
            if self.heads.match(text, m.end()):
                continue  # a head before a head is part of a compound head (工会联合会)
            if m.end() < org.end:
                inner = self._org_ending_at(text, tokens, m.start(), m.end())
                if inner and inner.start >= org.start and inner.name not in ZH_NOT_ORG:
                    out.append(inner)
        for tok in tokens.within(org.start, org.end):
            place = self._place_token(text, tok, places, inside_org=True)
            if place:
                out.append(place)
        return out

    def _place_token(self, text: str, tok: Token, places: set[str], inside_org: bool) -> Span | None:
        word = tok.word
        if tok.flag not in _PLACE_FLAGS or len(word) < 2:
            return None  # only a name of two or more characters to jieba can be one
        if self.names.get(word, ("", ""))[1] == "place" or word in ZH_NOT_PLACE:
            return None  # the register pass has it, or it is a common noun (山区)
        after = text[tok.end:tok.end + 2]
        if text.startswith(ZH_GEO_HEADS, tok.end):
            geo = next(h for h in ZH_GEO_HEADS if text.startswith(h, tok.end))
            return Span(tok.start, tok.end + len(geo), "place", word + geo)  # 百嘉水库
        if after in ZH_COMMITTEE_WORDS or after[:1] == "委" and word.endswith(("市", "县", "区", "省")):
            name = word[:-1] if after[:1] == "委" else word
            return Span(tok.start, tok.start + len(name), "place", name)
        if word in places or stem(word) in places:
            return Span(tok.start, tok.end, "place", word)
        if tok.flag == "ns" and word.endswith(ZH_PLACE_SUFFIXES):
            return Span(tok.start, tok.end, "place", word)
        if tok.flag == "ns" and inside_org and self.freq.get(word, 0) >= 50:
            return Span(tok.start, tok.end, "place", word)  # 唐山 in 唐山铁道学院
        return None

    def person_spans(self, text: str, tokens: list[Token], authors: list[str]) -> list[Span]:
        spans = []
        for author in authors:
            at = text.find(author)
            while at >= 0:
                spans.append(Span(at, at + len(author), "person", author))
                at = text.find(author, at + 1)
        for tok in tokens:
            word = tok.word
            # one word of a surname and a title (周总理), or of 老/小 and a surname that is no
            # common word (老周, not 老农): the person is the surname (guidelines)
            if len(word) >= 2 and word[0] in ZH_SURNAMES and word[1:] in self.titles:
                spans.append(Span(tok.start, tok.start + 1, "person", word[0]))
                continue
            if len(word) == 2 and word[0] in "老小" and word[1] in ZH_SURNAMES and word not in _NOT_PERSON:
                spans.append(Span(tok.start + 1, tok.end, "person", word[1]))
                continue
            if word[:1] not in ZH_SURNAMES or not is_han(word) or tok.flag == "nrt" and len(word) >= 3:
                continue
            titled = bool(self.title_after.match(text, tok.end))  # 刘主任, 田副院长
            if len(word) == 1 and titled and tok.flag not in ("m", "q", "p", "d", "c", "u", "r"):
                spans.append(Span(tok.start, tok.end, "person", word))
            elif 2 <= len(word) <= 3 and tok.flag in ("nr", "nrfg") and (
                    titled or not self.freq.get(word) or self.freq.get(word, 0) >= 1000):
                spans.append(Span(tok.start, tok.end, "person", word))
        for tok in tokens:  # a transliterated foreign name (伊万诺夫)
            if tok.flag == "nrt" and len(tok.word) >= 3 and is_han(tok.word):
                spans.append(Span(tok.start, tok.end, "person", tok.word))
        return spans

    def titled_names(self, text: str) -> list[Span]:
        """A surname and one or two characters after a title (社长王永福), ending before a
        function word or verb jieba splits off."""
        spans = []
        for m in self.title_before.finditer(text):
            i = m.end()
            if i >= len(text) or text[i] not in ZH_SURNAMES:
                continue
            end = i + 1
            while end < len(text) and end - i < 3 and is_han(text[end]) and text[end] not in ZH_STOP_CHARS \
                    and text[end] not in _AFTER_NAME:
                end += 1
            if end - i >= 2:
                spans.append(Span(i, end, "person", text[i:end]))
        return spans

    def site_spans(self, text: str, tokens: list[Token], places: set[str]) -> list[Span]:
        """A named construction site is a place: a name, a few characters, 工地 (芜湖大桥工地)."""
        spans = []
        for m in re.finditer("工地", text):
            inside = tokens.within(m.start() - 8, m.start())
            first = next((t for t in inside if (self._proper(t) or t.word in places) and all(
                is_han(ch) and ch not in ZH_STOP_CHARS for ch in text[t.start:m.start()])), None)
            if first:
                spans.append(Span(first.start, m.end(), "place", text[first.start:m.end()]))
        return spans

    def journal_spans(self, text: str) -> list[Span]:
        return [Span(m.start(1), m.end(1), "org", m.group(1)) for m in _JOURNAL.finditer(text)]

    # -- one unit ----------------------------------------------------------------------------
    def _text_spans(self, text: str, tokens: list[Token]):
        """The components whose spans depend on the text alone (both passes share them)."""
        orgs = self.org_spans(text, tokens)
        journals = self.journal_spans(text)
        lexical = self._lexicon_ok(text, tokens)
        # Inside an organisation, a register name counts only as a place or as a name the
        # organisation's own name starts with (中共 in 中共汾阳县委, not 工会 in …工会联合会).
        in_org = coverage(len(text), orgs + journals)  # in_org[i]: an organisation holds character i
        known = [s for s in self.register_spans(text)
                 if s.kind == "place" or not in_org[s.start] or any(o.start == s.start for o in orgs)]
        spans: list[Span] = proposed("register", (s for s in known if s.ref not in self.lexical_ids))
        spans += proposed("lexicon", (s for s in known if s.ref in self.lexical_ids and lexical(s)))
        spans += proposed("dateline", zh_rules.datelines(text, self.names))
        spans += proposed("units", zh_rules.units(text, self.names))
        spans += proposed("orgs", orgs) + proposed("journals", journals)
        places_known = [s for s in known if s.kind == "place" and len(s.name) > 1]
        spans += proposed("abbreviations", (
            a for a in zh_rules.abbreviations(text, self.names)  # not 冀 inside 冀鲁豫
            if a.kind == "org" or not any(p.start <= a.start < p.end for p in places_known)))
        spans += proposed("orgs", zh_rules.parties(text, self.names) + zh_rules.governments(text, self.names))
        spans += proposed("villages", zh_rules.villages(text, tokens, self.names))
        spans += proposed("foreign", zh_rules.foreign_persons(
            text, tokens, lambda word: self.freq.get(word, 0) >= 100))
        return orgs, journals, in_org, tuple(spans)

    def tag(self, text: str, authors: list[str], places: set[str],
            tokens: list[Token] | None = None) -> list[Span]:
        """All spans of a unit, nested ones included; crossing spans lose to the earlier rule."""
        tokens = tokens if tokens is not None else self.tokens(text)
        fixed = self._memo.get(text)
        if fixed is None:  # what does not depend on the places found elsewhere: once per text
            fixed = self._memo[text] = self._text_spans(text, tokens)
        orgs, journals, in_org, spans = fixed
        spans = list(spans)
        for org in orgs + journals:
            spans += proposed("nested", self.nested(text, tokens, org, places))
        sites = self.site_spans(text, tokens, places)
        spans += proposed("sites", sites)
        in_site = coverage(len(text), sites)
        spans += proposed("places", (
            place for tok in tokens if not in_org[tok.start]
            for place in [self._place_token(text, tok, places, inside_org=bool(in_site[tok.start]))] if place))
        spans += proposed("persons", (
            p for p in self.titled_names(text) + self.person_spans(text, tokens, authors)
            if not in_org[p.start] and p.name not in places and stem(p.name) not in places))
        spans = [s for s in spans if not (s.kind == "place" and s.name in ZH_NOT_PLACE)
                 and not (s.kind == "org" and s.name in ZH_NOT_ORG) and not self.says_no(s.name, s.kind)]
        return resolve((with_register_ref(s, self.names) for s in spans), same_place)


    # -- a whole side ------------------------------------------------------------------------
    def tag_units(self, texts: list[str], authors: list[str]) -> tuple[list[list[Span]], dict[str, str]]:
        """Tag every unit of a side; returns the spans and the aliases of organisation names.

        Two passes: places found anywhere (汾阳县) make the same word a place elsewhere (汾阳 in
        汾阳造纸厂). Then short forms: an organisation minus a leading name inside it (造纸厂 of
        汾阳造纸厂, 工业部 of 中共汾阳县委工业部) is tagged wherever it stands alone.
        """
        tokens = [self.tokens(t) for t in texts]  # jieba once per unit, for both passes
        self._memo = {}  # text-only spans, for both passes
        probes = [_Probe() for _ in texts]
        first = [self.tag(t, authors, probe, tok) for t, tok, probe in zip(texts, tokens, probes)]
        places = {n for spans in first for s in spans if s.kind == "place" for n in (s.name, stem(s.name))}
        # A unit whose first pass asked about none of these places would come out the same.
        spans_by_unit = [self.tag(t, authors, places, tok) if probe.asked & places else spans
                         for t, tok, probe, spans in zip(texts, tokens, probes, first)]
        rests: dict[str, set[str]] = {}
        for text, spans in zip(texts, spans_by_unit):
            by_start: dict[int, list[Span]] = {}
            for span in spans:
                by_start.setdefault(span.start, []).append(span)
            for org in spans:
                if org.kind != "org":
                    continue
                for inner in by_start[org.start]:
                    if inner.end < org.end:
                        rests.setdefault(text[inner.end:org.end], set()).add(org.name)
        org_names = {s.name for spans in spans_by_unit for s in spans if s.kind == "org"}
        aliases = _aliases({r: longs for r, longs in rests.items() if r in org_names})
        covered = [coverage(len(text), spans) for text, spans in zip(texts, spans_by_unit)]
        for k, text in enumerate(texts):
            for rest, longs in rests.items():
                targets = {aliases.get(n, n) for n in longs}
                if (len(targets) != 1 or len(rest) < 2 or rest in ZH_ORG_HEADS or rest in ZH_NOT_ORG
                        or rest in org_names):
                    continue
                taken = covered[k]
                at = text.find(rest)
                while at >= 0:  # each match, left to right, none overlapping the one before
                    end = at + len(rest)
                    if not any(taken[at:end]):
                        spans_by_unit[k].append(Span(at, end, "org", rest, rule="short_forms"))
                        taken[at:end] = b"\x01" * len(rest)
                    at = text.find(rest, end)
                aliases[rest] = targets.pop()
        # A short form or alias of a register organisation carries the register's id.
        ref_of = {s.name: s.ref for spans in spans_by_unit for s in spans if s.kind == "org" and s.ref}
        spans_by_unit = [[Span(s.start, s.end, s.kind, s.name, ref_of.get(aliases.get(s.name, ""), None), s.rule)
                          if s.kind == "org" and not s.ref else s for s in spans]
                         for spans in spans_by_unit]
        return [sorted(spans, key=reading_order) for spans in spans_by_unit], aliases


class _Probe(set):
    """An empty set of places that remembers what it was asked about."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[str] = set()

    def __contains__(self, item: object) -> bool:
        self.asked.add(item)  # type: ignore[arg-type]
        return False


def _aliases(rests: dict[str, set[str]]) -> dict[str, str]:
    """An organisation name that is another's remainder (汾阳县委工业部 of 中共汾阳县委工业部)
    names the same organisation; map it to the longest form."""
    aliases: dict[str, str] = {}
    for rest, longs in rests.items():
        if len(longs) == 1:
            aliases[rest] = next(iter(longs))
    for name in list(aliases):
        seen = {name}
        target = aliases[name]
        while target in aliases and aliases[target] not in seen:
            seen.add(target)
            target = aliases[target]
        aliases[name] = target
    return aliases


def with_register_ref(span: Span, names: dict[str, tuple[str, str]]) -> Span:
    """A name a rule found that the register lists (same kind) takes the register's id."""
    if span.ref or names.get(span.name, ("", ""))[1] != span.kind:
        return span
    return Span(span.start, span.end, span.kind, span.name, names[span.name][0], span.rule)


def is_han(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


@lru_cache(maxsize=16384)
def stem(place: str) -> str:
    """汾阳县 -> 汾阳: the name without its administrative suffix, if two characters remain."""
    for suffix in ZH_PLACE_SUFFIXES:
        if place.endswith(suffix) and len(place) - len(suffix) >= 2:
            return place[:-len(suffix)]
    return place


def _maximal(spans: list[Span]) -> list[Span]:
    spans = sorted(set(spans), key=lambda s: (s.start, -s.end))
    out: list[Span] = []
    for s in spans:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return out


def same_place(short: str, long: str) -> bool:
    """安平 and 安平县, Anping and Anping County: one place, with and without its suffix."""
    rest = long[len(short):].strip()
    return rest in ZH_PLACE_SUFFIXES or rest in EN_PLACE_HEADS

