"""Align the sentences inside each aligned group of units: n:m, by length and shared anchors.

A Gale–Church dynamic programme, as for units (`align.py`), over the sentences of one group of
units at a time (a paragraph and its translation, or a 1:2 / 2:1 group), so an error never
spreads past a paragraph. Beads: 1:1, 1:2, 1:3, 1:4 (translators split a long Chinese sentence
in about one pair in six), 2:1, 2:2, 3:1 (rare merges), 1:0 and 0:1 (left out or added); where
one side of a group has a single sentence, it takes all the other side's. Besides the
length, anchors both sides share pull sentences together: numbers and dates (`numbers.py`) and
linked names (the same register or CC-CEDICT entry on both sides, from the tagger). The
expected length ratio is measured on the edition itself, as for units.
"""
from __future__ import annotations

import math

from .align import _VARIANCE, trace_back
from .model import EN, ZH, Edition, Unit
from .numbers import en_numbers, zh_numbers

# Bead shapes and their prior probabilities (splits common, merges rare; see the module doc).
_PRIOR = {(1, 1): 0.74, (1, 2): 0.14, (1, 3): 0.03, (1, 4): 0.005, (2, 1): 0.03, (2, 2): 0.02,
          (3, 1): 0.01, (1, 0): 0.015, (0, 1): 0.015}
_COST = {bead: -math.log(p) for bead, p in _PRIOR.items()}
_ANCHOR = 2.5  # what one shared number or name is worth, in the cost's units (-log p)
_BAND = 5  # cells explored on each side of the line from corner to corner


class _Sentence:
    """What the aligner needs of a sentence: its id, its length and its anchors."""

    __slots__ = ("id", "length", "anchors")

    def __init__(self, sentence_id: str, text: str, lang: str, refs: set[str]) -> None:
        self.id = sentence_id
        self.length = len(text)
        numbers = zh_numbers(text) if lang == ZH else en_numbers(text)
        self.anchors = frozenset(numbers) | frozenset(f"#{r}" for r in refs)


def sentences_of(unit: Unit, lang: str) -> list[_Sentence]:
    """A unit's sentences with their anchors; its names are walked once, in order (every name
    lies inside one sentence: `sentences.split`)."""
    mentions = sorted(unit.mentions, key=lambda m: m.start)
    out, k = [], 0
    for sentence in unit.sentences:
        while k < len(mentions) and mentions[k].start < sentence.start:
            k += 1
        refs = set()
        while k < len(mentions) and mentions[k].start < sentence.end:
            refs.add(mentions[k].ref)
            k += 1
        out.append(_Sentence(sentence.id, unit.text[sentence.start:sentence.end], lang, refs))
    return out


def unit_groups(edition: Edition) -> list[tuple[list[Unit], list[Unit]]]:
    """The aligned groups of units: the connected parts of the translation links, in order."""
    units = {u.id: u for u in edition.units()}
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for zh_id, en_id in edition.links:
        parent[root(en_id)] = root(zh_id)
    groups: dict[str, tuple[list[Unit], list[Unit]]] = {}
    for lang, k in ((ZH, 0), (EN, 1)):
        for unit in edition.sides[lang].units:
            if unit.id in parent:
                groups.setdefault(root(unit.id), ([], []))[k].append(units[unit.id])
    return list(groups.values())


def _runs(items: list[_Sentence], widths: set[int]) -> tuple[list[int], dict[tuple[int, int], frozenset]]:
    """Prefix sums of the lengths, and the anchors of every run items[i:i+w] that has any."""
    sums = [0]
    for s in items:
        sums.append(sums[-1] + s.length)
    anchors = {}
    for i in range(len(items)):
        run: frozenset = frozenset()
        for w in range(1, max(widths) + 1):
            if i + w > len(items):
                break
            run = run | items[i + w - 1].anchors
            if run and w in widths:
                anchors[(i, w)] = run
    return sums, anchors


def align_group(zh: list[_Sentence], en: list[_Sentence], ratio: float) -> list[tuple[list[_Sentence], list[_Sentence]]]:
    """The best sequence of beads over two lists of sentences, in a band along the diagonal."""
    n, m = len(zh), len(en)
    if n == 1 or m == 1:
        return [(zh, en)]  # one sentence against the group: nothing else to pair it with
    zl, za = _runs(zh, {di for di, _ in _COST if di})
    el, ea = _runs(en, {dj for _, dj in _COST if dj})
    beads = [(di, dj, prior) for (di, dj), prior in _COST.items()]
    inf = math.inf
    best = [[inf] * (m + 1) for _ in range(n + 1)]  # rows of cells: no tuple made per look-up
    best[0][0] = 0.0
    back: dict[tuple[int, int], tuple[int, int]] = {}
    # Cells near the line from (0, 0) to (n, m): a row reaches from the line at the row before
    # to the line at the row after (steep slopes walk along a row), so cost stays linear in
    # n + m whatever their difference (as in align.py).
    for i in range(n + 1):
        low, high = max(i - 1, 0) * m // n, min(i + 1, n) * m // n
        row = best[i]
        for j in range(max(0, low - _BAND), min(m, high + _BAND) + 1):
            base = row[j]
            if base == inf:
                continue
            for di, dj, prior in beads:
                i2, j2 = i + di, j + dj
                if i2 > n or j2 > m:
                    continue
                # Gale–Church's length term as the Gaussian's -log density (d²/2): what their
                # -log(2·(1 − Φ(|d|))) is, up to a constant, without erfc and log in the loop
                expected, found = (zl[i2] - zl[i]) * ratio, el[j2] - el[j]
                mean = expected + found
                c = base + prior + ((found - expected) ** 2 / (_VARIANCE * mean) if mean else 0.0)
                if di and dj and (i, di) in za and (j, dj) in ea:
                    c -= _ANCHOR * len(za[(i, di)] & ea[(j, dj)])
                if c < best[i2][j2]:
                    best[i2][j2] = c
                    back[(i2, j2)] = (di, dj)
    return trace_back(back, zh, en)


def align_sentences(edition: Edition) -> Edition:
    """Fill `edition.sentence_links`: one link per bead that has sentences on both sides."""
    edition.sentence_links = []
    groups = unit_groups(edition)
    sides = [[[s for u in units for s in sentences_of(u, lang)]
              for units, lang in ((zs, ZH), (es, EN))] for zs, es in groups]
    zh_len = sum(s.length for zh, _ in sides for s in zh)
    en_len = sum(s.length for _, en in sides for s in en)
    ratio = en_len / zh_len if zh_len and en_len else 1.0
    for zh, en in sides:
        if not (zh and en):
            continue
        for zs, es in align_group(zh, en, ratio):
            if zs and es:
                edition.sentence_links.append((tuple(s.id for s in zs), tuple(s.id for s in es)))
    return edition
