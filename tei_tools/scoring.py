"""Scoring an edition's names against a gold file: precision, recall, F1 and cross-language links.

Gold files are TSV, one mention a row: `lang  unit  type  text  entity` (comments start with #).
A mention counts as found when the edition has a name of that type with that text in that unit
(unit `*`: anywhere in that language of the edition); repeated mentions count as many times as
they occur. Coverage is recall regardless of type: the share of gold mentions whose text is
tagged as some name there. An entity with gold mentions in both
languages is linked when all its found mentions, Chinese and English, share one @ref.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from .errors import ToolError
from .model import EN, ZH
from .safexml import parse

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
KIND_OF_TAG = {"persName": "person", "placeName": "place", "orgName": "org"}
KINDS = ("person", "place", "org")


@dataclass(frozen=True)
class Found:
    lang: str
    unit: str
    kind: str
    text: str


def edition_mentions(path: str | Path) -> list[tuple[Found, str]]:
    """Every name inside the body's units, with its @ref (without '#'); a name in a dateline
    belongs to the paragraph the dateline opens."""
    tree = parse(path)
    out = []
    for div in tree.getroot().iter(f"{TEI}div"):
        lang = div.get("{http://www.w3.org/XML/1998/namespace}lang")
        if lang not in (ZH, EN):
            continue
        for tag, kind in KIND_OF_TAG.items():
            for name in div.iter(f"{TEI}{tag}"):
                unit = _unit_of(name)
                if unit is None:
                    continue
                text = "".join(name.itertext())
                out.append((Found(lang, unit, kind, text), (name.get("ref") or "").lstrip("#")))
    return out


def _unit_of(name) -> str | None:
    for node in name.iterancestors():
        if node.tag == f"{TEI}dateline":
            nxt = node.getnext()
            return nxt.get(XML_ID) if nxt is not None else None
        if node.get(XML_ID) and node.tag not in (f"{TEI}div", f"{TEI}s"):
            return node.get(XML_ID)
    return None


def read_gold(path: str | Path) -> list[tuple[Found, str]]:
    rows = []
    for no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 5 or parts[2] not in KINDS or parts[0] not in (ZH, EN):
            raise ToolError(str(path), no, "expected 'lang<TAB>unit<TAB>type<TAB>text<TAB>entity' "
                            "with lang zh-Hans|en and type person|place|org")
        rows.append((Found(parts[0], parts[1], parts[2], parts[3]), parts[4]))
    return rows


@dataclass
class Scores:
    table: dict[tuple[str, str], tuple[int, int, int]]  # (lang, kind|all) -> (tp, n_system, n_gold)
    linked: int
    bilingual: int
    covered: dict[str, tuple[int, int]]  # lang -> (gold mentions tagged with any type, gold mentions)

    def coverage(self, lang: str | None = None) -> float:
        hits = sum(c for k, (c, _) in self.covered.items() if lang in (None, k))
        total = sum(n for k, (_, n) in self.covered.items() if lang in (None, k))
        return hits / total if total else 1.0

    def prf(self, lang: str, kind: str = "all") -> tuple[float, float, float]:
        tp, sys_n, gold_n = self.table[(lang, kind)]
        p = tp / sys_n if sys_n else 1.0
        r = tp / gold_n if gold_n else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def link_share(self) -> float:
        return self.linked / self.bilingual if self.bilingual else 1.0

    def report(self) -> str:
        lines = [f"{'lang':8}{'type':8}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'found':>7}"]
        for lang in (ZH, EN):
            for kind in KINDS + ("all",):
                tp, sys_n, gold_n = self.table[(lang, kind)]
                p, r, f = self.prf(lang, kind)
                lines.append(f"{lang:8}{kind:8}{p:7.3f}{r:7.3f}{f:7.3f}{gold_n:6d}{sys_n:7d}")
        lines.append(f"linked across languages: {self.linked}/{self.bilingual} = {self.link_share:.3f}")
        lines.append(f"coverage (any type): zh {self.coverage(ZH):.3f}, en {self.coverage(EN):.3f}, "
                     f"both {self.coverage():.3f}")
        return "\n".join(lines)


def score(system: list[tuple[Found, str]], gold: list[tuple[Found, str]]) -> Scores:
    anywhere = {f.lang for f, _ in gold if f.unit == "*"}
    system = [(Found(f.lang, "*", f.kind, f.text) if f.lang in anywhere else f, ref) for f, ref in system]
    sys_count = Counter(f for f, _ in system)
    gold_count = Counter(f for f, _ in gold)
    table = {}
    for lang in (ZH, EN):
        for kind in KINDS + ("all",):
            pick = (lambda f: f.lang == lang and (kind == "all" or f.kind == kind))  # noqa: E731
            s = Counter({f: n for f, n in sys_count.items() if pick(f)})
            g = Counter({f: n for f, n in gold_count.items() if pick(f)})
            table[(lang, kind)] = (sum((s & g).values()), sum(s.values()), sum(g.values()))
    refs_of: dict[Found, set[str]] = defaultdict(set)
    for found, ref in system:
        refs_of[found].add(ref)
    by_entity: dict[str, list[Found]] = defaultdict(list)
    for found, entity in gold:
        by_entity[entity].append(found)
    bilingual = linked = 0
    for mentions in by_entity.values():
        if {m.lang for m in mentions} != {ZH, EN}:
            continue
        bilingual += 1
        refs = [refs_of[m] for m in mentions if m in refs_of]
        langs = {m.lang for m in mentions if m in refs_of}
        if langs == {ZH, EN} and set.intersection(*refs):
            linked += 1
    covered = {}
    for lang in (ZH, EN):
        untyped = lambda counts: Counter((f.unit, f.text) for f, n in counts.items()  # noqa: E731
                                         for _ in range(n) if f.lang == lang)
        g = untyped(gold_count)
        covered[lang] = (sum((untyped(sys_count) & g).values()), sum(g.values()))
    return Scores(table, linked, bilingual, covered)


def score_files(edition: str | Path, gold: str | Path) -> Scores:
    return score(edition_mentions(edition), read_gold(gold))


def score_many(pairs: list[tuple[str | Path, str | Path]]) -> Scores:
    """Micro-averaged over several editions: each article's mentions and entities kept apart."""
    system: list[tuple[Found, str]] = []
    gold: list[tuple[Found, str]] = []
    for k, (edition, gold_file) in enumerate(pairs):
        tag = f"{k}/"
        rows = read_gold(gold_file)
        anywhere = {f.lang for f, _ in rows if f.unit == "*"}
        system += [(Found(f.lang, tag + ("*" if f.lang in anywhere else f.unit), f.kind, f.text), tag + ref)
                   for f, ref in edition_mentions(edition)]
        gold += [(Found(f.lang, tag + f.unit, f.kind, f.text), tag + e) for f, e in rows]
    return score(system, gold)
