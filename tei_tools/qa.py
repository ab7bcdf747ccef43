"""Checks a translator can act on, sentence by sentence, read from an edition's TEI alone.

For each bilingual edition: sentences without counterpart (in no sentence link), aligned
sentences whose length ratio is far from the edition's own, numbers or dates on one side only or
different (`numbers.py`: 1956 ↔ 一九五六年, 8,000 ↔ 八千), and names on one side only (a register
entry named in the Chinese sentences of a link and not in its English ones, or the reverse; a
name nested in another counts where it is named, not where it is missing, since translations
often leave out the place inside an organisation's name).
Each finding names the edition, the sentence ids and the line of the first sentence in the file.
Findings are prompts to look, not errors: `qa` exits 0 whatever it finds.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .numbers import en_numbers, zh_numbers
from .safexml import parse
from .tei_writer import TEI_NS, XML_ID, XML_LANG

TEI = f"{{{TEI_NS}}}"
NAME_TAGS = (f"{TEI}persName", f"{TEI}placeName", f"{TEI}orgName")
KINDS = ("unaligned", "length", "numbers", "names")
RATIO_FACTOR = 2.5  # a pair is far off when its ratio is this many times above or below the edition's
RATIO_MIN_CHARS = 40  # ... and its English side is at least this long (short lines vary most)
SIDE = {"zh-Hans": "Chinese", "en": "English"}


@dataclass
class Finding:
    kind: str  # one of KINDS
    sentences: list[str]  # sentence ids, Chinese first
    line: int  # line of the first sentence in the edition file
    message: str


@dataclass
class Report:
    path: str
    edition: str
    sentences: int = 0
    links: int = 0
    findings: list[Finding] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"{self.path}:{f.line}: {self.edition}#{' '.join(f.sentences)}: {f.kind}: {f.message}"
                for f in self.findings]

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class _S:
    id: str
    lang: str
    text: str
    line: int
    refs: set[str]  # the entries its names point to, nested ones too
    top: set[str]  # those of its outermost names


def _sentences(root) -> dict[str, _S]:
    out = {}
    for div in root.iterfind(f"{TEI}text/{TEI}body/{TEI}div"):
        lang = div.get(XML_LANG)
        for s in div.iter(f"{TEI}s"):
            names = [n for n in s.iter(*NAME_TAGS) if n.get("ref")]
            refs = {n.get("ref").lstrip("#") for n in names}
            top = {n.get("ref").lstrip("#") for n in names if n.getparent().tag not in NAME_TAGS}
            out[s.get(XML_ID)] = _S(s.get(XML_ID), lang, "".join(s.itertext()), s.sourceline or 0, refs, top)
    return out


def _names(root) -> dict[str, str]:
    """Entity id → a name to show (its first)."""
    out = {}
    stand_off = root.find(f"{TEI}standOff")
    for entry in stand_off.iter() if stand_off is not None else ():
        if entry.get(XML_ID) and entry.tag in (f"{TEI}person", f"{TEI}place", f"{TEI}org"):
            first = next(iter(entry), None)
            out[entry.get(XML_ID)] = "".join(first.itertext()) if first is not None else entry.get(XML_ID)
    return out


def sentence_links(root) -> list[tuple[list[str], list[str]]]:
    """The edition's sentence links, each as its Chinese and its English sentence ids."""
    out = []
    for grp in root.iterfind(f"{TEI}standOff/{TEI}linkGrp[@type='sentences']"):
        for link in grp.iterfind(f"{TEI}link"):
            ids = [t.lstrip("#") for t in link.get("target", "").split()]
            out.append(([i for i in ids if i.startswith("zh-")], [i for i in ids if i.startswith("en-")]))
    return out


def _joined(counter: Counter) -> str:
    return ", ".join(sorted(counter.elements(), key=lambda v: (len(v), v)))


def check(path: str | Path, tree=None) -> Report:
    """The findings of one edition (none for a Chinese-only edition: nothing to compare);
    `tree`: the edition already parsed, if it is."""
    root = (tree if tree is not None else parse(path)).getroot()
    report = Report(str(path), root.get(XML_ID) or Path(path).stem)
    sentences = _sentences(root)
    # a link with no sentence of one side (a file edited by hand) pairs nothing: not checked
    links = [(z, e) for z, e in sentence_links(root) if z and e and all(i in sentences for i in z + e)]
    report.sentences, report.links = len(sentences), len(links)
    if not any(s.lang == "en" for s in sentences.values()):
        return report
    names = _names(root)
    linked = {i for z, e in links for i in z + e}
    zh_total = sum(len(sentences[i].text) for z, _ in links for i in z)
    en_total = sum(len(sentences[i].text) for _, e in links for i in e)
    ratio = en_total / zh_total if zh_total else 1.0
    findings = report.findings
    for s in sentences.values():
        if s.id not in linked:
            other = "English" if s.lang == "zh-Hans" else "Chinese"
            findings.append(Finding("unaligned", [s.id], s.line,
                                    f"no counterpart in the {other}: {_excerpt(s.text)}"))
    for zh_ids, en_ids in links:
        zs, es = [sentences[i] for i in zh_ids], [sentences[i] for i in en_ids]
        ids, line = zh_ids + en_ids, zs[0].line
        z_len, e_len = sum(len(s.text) for s in zs), sum(len(s.text) for s in es)
        pair_ratio = e_len / z_len if z_len else math.inf
        if max(e_len, z_len * ratio) >= RATIO_MIN_CHARS and not (
                ratio / RATIO_FACTOR <= pair_ratio <= ratio * RATIO_FACTOR):
            findings.append(Finding("length", ids, line, f"{pair_ratio:.1f} English characters a "
                                    f"Chinese one, against {ratio:.1f} in the edition"))
        zn = Counter(n for s in zs for n in zh_numbers(s.text))
        en = Counter(n for s in es for n in en_numbers(s.text))
        only_zh, only_en = zn - en, en - zn
        if only_zh and only_en:
            findings.append(Finding("numbers", ids, line, f"numbers differ: {_joined(only_zh)} in the "
                                    f"Chinese, {_joined(only_en)} in the English"))
        elif only_zh or only_en:
            side = "Chinese" if only_zh else "English"
            findings.append(Finding("numbers", ids, line, f"{_joined(only_zh or only_en)} only in the {side}"))
        # a name only in one side's sentences: an outermost name there, no name at all in the
        # other (a place inside an organisation's name is often not named in the translation)
        zr, er = {r for s in zs for r in s.refs}, {r for s in es for r in s.refs}
        zt, et = {r for s in zs for r in s.top}, {r for s in es for r in s.top}
        for ref in sorted((zt - er) | (et - zr)):
            side = "Chinese" if ref in zt else "English"
            findings.append(Finding("names", ids, line, f"{names.get(ref, ref)} (#{ref}) only in the {side}"))
    findings.sort(key=lambda f: (f.line, KINDS.index(f.kind)))
    return report


def _excerpt(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def summary(reports: list[Report], unreadable: int = 0) -> str:
    """The last line, in the one format of every command: `qa: word N, word N, …`."""
    counts = Counter(f.kind for r in reports for f in r.findings)
    parts = [f"editions {len(reports)}", f"sentences {sum(r.sentences for r in reports)}",
             f"sentence links {sum(r.links for r in reports)}", f"findings {sum(counts.values())}"]
    parts += [f"{kind} {counts[kind]}" for kind in KINDS]
    if unreadable:
        parts.append(f"unreadable {unreadable}")
    return "qa: " + ", ".join(parts)
