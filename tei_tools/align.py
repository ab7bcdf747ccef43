"""Align the units of the two sides: 1:1, and 1:2 / 2:1 where a translator split or merged.

A Gale–Church style dynamic programme over character lengths. The expected length ratio is
measured on the article itself (English characters per Chinese character), so it needs no
training data. Headings only pair with headings, which makes them anchors; the front matter
(title, subtitle, byline) and the closing note pair by kind; the Chinese title decks after the
first all pair with a translation that renders them in one subtitle (and the reverse). A unit that finds no partner is kept
and reported, never dropped.
"""
from __future__ import annotations

import math

from .model import EN, ZH, Edition, Unit

# Prior probabilities of bead shapes (Gale & Church 1993, table 5).
_PRIOR = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2}
_VARIANCE = 6.8
_BAND = 12
_BAND_EXTRA = 24  # room for a translator who splits or merges many paragraphs in one stretch
_FRONT = ("title", "subtitle", "byline", "closer", "note")


def _length_cost(zh_len: float, en_len: float, ratio: float) -> float:
    expected = zh_len * ratio
    mean = (expected + en_len) / 2
    if mean == 0:
        return 0.0
    delta = (en_len - expected) / math.sqrt(_VARIANCE * mean)
    p = math.erfc(abs(delta) / math.sqrt(2))
    return -math.log(max(p, 1e-300))


def align_units(zh: list[Unit], en: list[Unit]) -> list[tuple[list[Unit], list[Unit]]]:
    """Best sequence of beads covering both lists in order."""
    # Prefix sums: the length and the number of headings of any run of units in O(1).
    zl, el, zh_heads, en_heads = [0], [0], [0], [0]
    for u in zh:
        zl.append(zl[-1] + len(u.text))
        zh_heads.append(zh_heads[-1] + (u.kind == "head"))
    for u in en:
        el.append(el[-1] + len(u.text))
        en_heads.append(en_heads[-1] + (u.kind == "head"))
    ratio = el[-1] / zl[-1] if zl[-1] and el[-1] else 1.0
    prior = {bead: -math.log(p) for bead, p in _PRIOR.items()}

    def cost(i: int, j: int, di: int, dj: int) -> float:
        """The bead of zh[i:i+di] and en[j:j+dj]: a heading pairs with a heading or stands
        alone, never merges."""
        heads = zh_heads[i + di] - zh_heads[i] + en_heads[j + dj] - en_heads[j]
        if heads and not (di + dj == 1 or (heads == 2 and di == dj == 1)):
            return math.inf
        return prior[(di, dj)] + _length_cost(zl[i + di] - zl[i], el[j + dj] - el[j], ratio)

    n, m = len(zh), len(en)
    # Only cells near the line from (0, 0) to (n, m) are explored: the band follows the slope,
    # so it needs no width for the difference of the counts, and cost stays linear whatever
    # they are (1,000 against 2,000 paragraphs explore about (n + m) · 2 · band cells). Beads of
    # 1:2, 2:1, 1:0 and 0:1 can follow any slope inside it, so the corner is always reached.
    band = _BAND + min(abs(n - m), _BAND_EXTRA)
    best: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    def centre(i: int) -> int:
        return min(max(i, 0), n) * m // n if n else m

    for i in range(n + 1):
        # a row reaches from the line at the row before to the line at the row after: steep
        # slopes (one paragraph against eight hundred) walk along a row
        for j in range(max(0, centre(i - 1) - band), min(m, centre(i + 1) + band) + 1):
            base = best.get((i, j))
            if base is None:
                continue
            for di, dj in _PRIOR:
                if i + di > n or j + dj > m:
                    continue
                c = base + cost(i, j, di, dj)
                if c < best.get((i + di, j + dj), math.inf):
                    best[(i + di, j + dj)] = c
                    back[(i + di, j + dj)] = (di, dj)
    return trace_back(back, zh, en)


def trace_back(back: dict[tuple[int, int], tuple[int, int]], zh: list, en: list) -> list[tuple[list, list]]:
    """The beads of the best path, read from the shape that reached each cell, from the end."""
    beads = []
    i, j = len(zh), len(en)
    while i or j:
        di, dj = back[(i, j)]
        beads.append((zh[i - di:i], en[j - dj:j]))
        i, j = i - di, j - dj
    return beads[::-1]


def align(edition: Edition) -> Edition:
    """Fill `edition.links` and each unit's `corresp`; report units left without a partner."""
    zh_units = edition.sides[ZH].units
    en_units = edition.sides[EN].units
    beads: list[tuple[list[Unit], list[Unit]]] = []
    for kind in _FRONT:
        z = [u for u in zh_units if u.kind == kind]
        e = [u for u in en_units if u.kind == kind]
        if len(z) != len(e) and 1 in (len(z), len(e)) and z and e:
            beads.append((z, e))  # several decks in one translated subtitle, or the reverse
            continue
        beads.extend(([a], [b]) for a, b in zip(z, e))
        beads.extend(([a], []) for a in z[len(e):])
        beads.extend(([], [b]) for b in e[len(z):])
    body = ("head", "p")
    beads += align_units([u for u in zh_units if u.kind in body],
                         [u for u in en_units if u.kind in body])
    edition.links = []
    for zs, es in beads:
        for z in zs:
            for e in es:
                z.corresp.append(e.id)
                e.corresp.append(z.id)
                edition.links.append((z.id, e.id))
        if not (zs and es):
            for u in zs or es:
                edition.warnings.append(
                    f"{edition.source.shown or edition.source.name}:{u.line}: warning: {u.kind} {u.id} has no counterpart "
                    "in the other language (kept unlinked)")
    order = {u.id: k for k, u in enumerate(zh_units)}
    edition.links.sort(key=lambda link: order[link[0]])
    return edition
