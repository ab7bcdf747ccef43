"""The spine of the tagger: spans, the named components that propose them, and the one policy
that decides which spans stand (as spaCy's pipeline and EntityRuler).

Every component proposes candidate spans and is named in `COMPONENTS`, in order of trust: where
two candidates cannot both stand, the one from the earlier component wins. `resolve` is the only
place that decides; taggers, projection across languages, short forms and propagation all hand
it their candidates, and the writer nests what it returns.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field
from typing import Iterable

KINDS = ("person", "place", "org")

# name: (what it adds, why it stands where it does). Earlier wins.
COMPONENTS: dict[str, tuple[tuple[str, ...], str]] = {
    "register": (KINDS, "curated names and the gazetteers: known, so trusted first"),
    "dateline": (("org", "place"), "the agency and place of a dateline (【新华社延安十六日电】)"),
    "units": (("org",), "armed units by their numbers (七十一军, 71st Army), military regions"),
    "villages": (("place",), "villages by their endings (赵家店: no shop), railways, lists of places"),
    "orgs": (("org",), "organisations ending in a head, maximal to the left"),
    "nested": (("org", "place"), "organisations and places inside an organisation's name"),
    "journals": (("org",), "newspapers and journals in 《》"),
    "projection": (("person", "place", "org"),
                   "names the aligned translation spells out: they mend names jieba cut short"),
    "abbreviations": (("place", "org"), "one-character countries and regions (美军, 英埃, 法共)"),
    "sites": (("place",), "named construction sites"),
    "places": (("place",), "words with a place suffix, a place head, or known as places"),
    "persons": (("person",), "bylines, titled names, jieba's persons, transliterated names"),
    "lexicon": (KINDS, "CC-CEDICT's proper nouns: known, but a dictionary's, not the period's:"
                " a person the rules find (王永福) outweighs a county in the dictionary (永福)"),
    "foreign": (("person",), "runs of transliteration characters (多列士), when nothing knows them"),
    "short_forms": (("org",), "an organisation's name without its leading name, in the article"),
    "propagation": (("person", "place"), "a name found once, wherever it recurs"),
}
RANK = {name: k for k, name in enumerate(COMPONENTS)}


@dataclass(unsafe_hash=True, slots=True)
class Span:
    """A name in a text: [start, end) in characters, its kind, its surface form, its register
    id if it has one, and the component that proposed it (which decides its rank).

    A value, never changed once made (it is hashed): `by` makes a new one. Not frozen=True,
    whose __init__ costs four times as much, and the tagger makes hundreds per article."""

    start: int
    end: int
    kind: str
    name: str  # the surface form
    ref: str | None = None  # register id when the register names it
    rule: str = field(default="register", compare=False)

    def by(self, rule: str) -> "Span":
        return Span(self.start, self.end, self.kind, self.name, self.ref, rule)


def proposed(rule: str, spans: Iterable[Span]) -> list[Span]:
    """Mark spans as proposed by a component."""
    if rule not in RANK:
        raise KeyError(f"unknown component {rule!r}")
    return [s.by(rule) for s in spans]


def coverage(length: int, spans: Iterable[Span], inner: bool = False) -> bytearray:
    """One byte a character of a text: 1 where one of the spans covers it (inner: covers it
    and starts before it). Asking it is constant time: checking every span was quadratic."""
    covered = bytearray(length + 1)
    for s in spans:
        start = s.start + 1 if inner else s.start
        if start < s.end:
            covered[start:s.end] = b"\x01" * (s.end - start)
    return covered


def reading_order(span: Span) -> tuple[int, int]:
    return (span.start, -span.end)


def resolve(candidates: Iterable[Span], same_name=None) -> list[Span]:
    """The spans that stand, in reading order. The one overlap policy:

    - candidates are taken by rank (earlier component first), then leftmost, then longer;
    - a candidate crossing a span already taken is dropped (TEI elements cannot cross);
    - one with the extent of a taken span is dropped (the earlier rule wins, also its kind), but
      lends the taken span its register id if that has none;
    - nesting stands where the inner name is another entity inside an organisation, or a place
      inside a place (芜湖 in 芜湖大桥工地); a person's name holds no other name (永福 in 王永福
      is no county), nor does a place hold a person (兆麟公园);
      of a name and a longer name of itself, the longer stands, with the register id of the
      earlier rule's (or of either):
      the same register id, a person inside a person, a place inside its own longer form
      (安平 in 安平县, as `same_name` tells);
    - nothing empty stands.
    """
    same_name = same_name or (lambda short, long: False)
    order = sorted(candidates, key=lambda s: (RANK.get(s.rule, len(RANK)), s.start, -s.end))
    kept = _Kept()
    for s in order:
        if s.start >= s.end:
            continue
        near = kept.overlapping(s.start, s.end)
        if not near:  # most candidates: nothing to weigh them against
            kept.add(s)
            continue
        if any(k.start < s.start < k.end < s.end or s.start < k.start < s.end < k.end for k in near):
            continue
        twin = next((k for k in near if (k.start, k.end) == (s.start, s.end)), None)
        if twin is not None:
            if s.ref and not twin.ref and twin.kind == s.kind:
                kept.replace(twin, Span(twin.start, twin.end, twin.kind, twin.name, s.ref, twin.rule))
            continue
        if any(k.start <= s.start and s.end <= k.end and (_itself(s, k, same_name) or not _holds(k, s))
               for k in near):
            continue
        if any(s.start <= k.start and k.end <= s.end and not _itself(k, s, same_name)
               and not _holds(s, k) for k in near):
            continue
        for k in [k for k in near if s.start <= k.start and k.end <= s.end and _itself(k, s, same_name)]:
            kept.remove(k)  # the earlier rule's entry wins (普陀 of the register in a lexicon 普陀区)
            if k.ref and (not s.ref or RANK.get(k.rule, len(RANK)) < RANK.get(s.rule, len(RANK))):
                s = Span(s.start, s.end, s.kind, s.name, k.ref, s.rule)
        kept.add(s)
    return sorted(kept.all(), key=reading_order)


class _Kept:
    """The spans taken so far, their starts kept sorted, so that those overlapping a candidate
    are found by bisection, looking only as far back as the longest span: resolving stays
    linear in the candidates."""

    def __init__(self) -> None:
        self.by_start: dict[int, list[Span]] = {}
        self.starts: list[int] = []
        self.longest = 0

    def overlapping(self, start: int, end: int) -> list[Span]:
        starts = self.starts
        out = []
        for k in range(bisect_left(starts, start - self.longest), bisect_left(starts, end)):
            for s in self.by_start[starts[k]]:
                if s.start < end and start < s.end:
                    out.append(s)
        return out

    def add(self, span: Span) -> None:
        if span.start not in self.by_start:
            self.by_start[span.start] = []
            insort(self.starts, span.start)
        self.by_start[span.start].append(span)
        self.longest = max(self.longest, span.end - span.start)

    def remove(self, span: Span) -> None:
        self.by_start[span.start].remove(span)

    def replace(self, old: Span, new: Span) -> None:
        items = self.by_start[old.start]
        items[items.index(old)] = new

    def all(self) -> list[Span]:
        return [s for spans in self.by_start.values() for s in spans]


def _holds(outer: Span, inner: Span) -> bool:
    return outer.kind == "org" or (outer.kind == inner.kind == "place")


def _itself(inner: Span, outer: Span, same_name) -> bool:
    if inner.kind != outer.kind:
        return False
    if inner.ref and inner.ref == outer.ref:
        return True
    if inner.kind == "person":
        return True
    return inner.kind == "place" and inner.start == outer.start and same_name(inner.name, outer.name)
