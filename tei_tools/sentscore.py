"""Scoring a sentence alignment against a hand-aligned gold file: pair precision, recall, F1.

Gold files (`tests/sentgold/*.tsv`) hold one aligned group a line: the Chinese sentence ids,
space-separated, a TAB, the English sentence ids (`zh-p1-s2 zh-p1-s3<TAB>en-p1-s2`); `#` starts
a comment, and `# source: PATH` names the article. A group of n Chinese and m English sentences
is n·m pairs; precision and recall count pairs, so a 1:3 split found as 1:2 still scores two of
its three pairs. The edition side is read from the TEI alone (standOff/linkGrp[@type=sentences],
Chinese ids first), so any aligner that writes such links can be scored; this module knows
nothing of how tei_tools aligns.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .errors import ToolError
from .qa import sentence_links
from .safexml import parse
Pair = tuple[str, str]


def _pairs(zh_ids: list[str], en_ids: list[str]) -> set[Pair]:
    return {(z, e) for z in zh_ids for e in en_ids}


def read_gold(path: str | Path) -> tuple[set[Pair], str]:
    """The gold pairs of a file and the source it names (or '')."""
    pairs: set[Pair] = set()
    source = ""
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# source:"):
            source = line.split(":", 1)[1].strip()
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        zh, tab, en = line.partition("\t")
        if not tab or not zh.split() or not en.split():
            raise ToolError(str(path), number, "expected Chinese ids, a TAB, English ids")
        pairs |= _pairs(zh.split(), en.split())
    return pairs, source


def edition_pairs(path: str | Path) -> set[Pair]:
    """The pairs of an edition's sentence links."""
    return {pair for zh_ids, en_ids in sentence_links(parse(path).getroot()) for pair in _pairs(zh_ids, en_ids)}


def score(gold: set[Pair], found: set[Pair]) -> tuple[float, float, float]:
    """Precision, recall, F1 of the found pairs."""
    hit = len(gold & found)
    p = hit / len(found) if found else 0.0
    r = hit / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    """python -m tei_tools.sentscore EDITION GOLD.tsv [EDITION GOLD.tsv ...]: a line a pair
    and the micro average."""
    if not argv or len(argv) % 2:
        print("usage: python -m tei_tools.sentscore EDITION GOLD.tsv [EDITION GOLD.tsv ...]", file=sys.stderr)
        return 2
    all_gold, all_found = set(), set()
    for k in range(0, len(argv), 2):
        gold, _ = read_gold(argv[k + 1])
        found = edition_pairs(argv[k])
        p, r, f = score(gold, found)
        print(f"{Path(argv[k + 1]).stem}\tP {p:.3f}\tR {r:.3f}\tF1 {f:.3f}\t"
              f"({len(gold)} gold pairs, {len(found)} found)")
        all_gold |= {(k, *p) for p in gold}
        all_found |= {(k, *p) for p in found}
    p, r, f = score(all_gold, all_found)
    print(f"all\tP {p:.3f}\tR {r:.3f}\tF1 {f:.3f}\t({len(all_gold)} gold pairs, {len(all_found)} found)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
