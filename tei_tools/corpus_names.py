"""The names of a corpus: the entries of many editions merged into corpus entities, each with
every mention (edition, unit, context). `register build` writes the entities; `index` lists
the mentions.

Machine-made entries of different editions are one entity when they have the same kind and the
same full name (their first, longest Chinese name; the English one for an English-only entry).
Curated entries (the register's, the gazetteers') keep their ids; a machine-made entry whose
full name a curated entry of its kind has is that entry. Ids of new entities come from their
content alone, `kind-romanised-name-digest` (the digest of kind and full name), so that they
are the same whatever the order or the shard of the editions, and 王永福 and 汪永福, both Wang
Yongfu, get two.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .edition_names import entries, units
from .entities.romanize import person_name, place_name, syllables
from .ids import entity_id
from .model import EN, ZH, Entity
from .safexml import parse
from .tei_writer import TEI_NS, XML_ID

CONTEXT = 16  # characters each side of a mention


@dataclass(frozen=True, order=True)
class Occurrence:
    edition: str  # edition id
    position: int  # of the unit in the edition
    title: str
    unit: str
    lang: str
    text: str  # the mention as written
    before: str  # up to CONTEXT characters before it
    after: str
    local: str  # the id of the entry in the edition

    @property
    def context(self) -> str:
        return self.before + self.text + self.after


@dataclass
class CorpusEntity:
    entity: Entity
    curated: bool
    key: str = ""  # the full name it is known by (machine-made ones): written first
    occurrences: list[Occurrence] = field(default_factory=list)
    editions: set[str] = field(default_factory=set)

    @property
    def summary(self) -> str:
        """`12 mentions in 3 editions`, `1 mention in 1 edition`."""
        n, e = len(self.occurrences), len(self.editions)
        return f"{n} mention{'s' * (n != 1)} in {e} edition{'s' * (e != 1)}"


def full_names(entity: Entity) -> dict[str, list[str]]:
    """An entry's names without its short forms (嘉兴 beside 嘉兴市, Cotton Mill beside Shanghai No.
    3 Cotton Mill, a person's surname Gao beside Gao Yanliu): a register lists full names, the
    tagger finds the short ones per article."""
    person = entity.kind == "person"

    def short(name: str, other: str, lang: str) -> bool:
        if lang != EN:
            return name in other
        return other.endswith(" " + name) or (person and other.startswith(name + " "))

    out = {}
    for lang, names in entity.names.items():
        kept = [n for n in names if not any(n != other and short(n, other, lang) for other in names)]
        out[lang] = kept or names[:1]
    return out


def _key(entity: Entity) -> tuple[str, str, str]:
    zh, en = entity.names.get(ZH), entity.names.get(EN)
    return (entity.kind, ZH, zh[0]) if zh else (entity.kind, EN, en[0] if en else entity.id)


def corpus_id(kind: str, lang: str, name: str) -> str:
    romanise = {"person": person_name, "place": place_name}.get(kind, lambda n: " ".join(syllables(n)))
    label = romanise(name) if lang == ZH else name
    digest = hashlib.sha256(f"{kind}\n{name}".encode()).hexdigest()[:6]
    return f"{entity_id(kind, label)}-{digest}"


class Corpus:
    """Entities and their mentions over many editions, given the curated entries in use."""

    def __init__(self, curated: dict[str, Entity]) -> None:
        self.entities: dict[str, CorpusEntity] = {}
        self.curated = curated
        self._by_name = {(e.kind, lang, n): e.id for e in curated.values()
                         for lang, names in e.names.items() for n in names}

    def add(self, path: str | Path) -> int:
        """Read one edition; the number of its machine-made entries."""
        tree = parse(path)
        root = tree.getroot()
        edition = root.get(XML_ID) or Path(path).stem
        title = root.xpath("string(//t:titleStmt/t:title[@type='main'][1])", namespaces={"t": TEI_NS})
        local = entries(tree)
        ids = {entry_id: self._place(entry) for entry_id, entry in local.items()}
        for position, unit in enumerate(units(tree)):
            for m in unit.mentions:
                corpus = ids.get(m.ref)
                if corpus is None:
                    continue
                found = self.entities[corpus]
                found.occurrences.append(Occurrence(
                    edition, position, title, unit.id, unit.lang, m.text,
                    unit.text[max(0, m.start - CONTEXT):m.start], unit.text[m.end:m.end + CONTEXT], m.ref))
                found.editions.add(edition)
        return sum(entry.machine for entry in local.values())

    def _place(self, entry: Entity) -> str:
        """The corpus id of an edition's entry, making or widening the corpus entity."""
        if not entry.machine:
            corpus = self.entities.get(entry.id)
            if corpus is None:
                self.entities[entry.id] = CorpusEntity(self.curated.get(entry.id, entry), True)
            return entry.id
        kind, lang, name = _key(entry)
        target = self._by_name.get((kind, lang, name)) or corpus_id(kind, lang, name)
        corpus = self.entities.get(target)
        if corpus is None:
            curated = target in self.curated
            corpus = self.entities[target] = CorpusEntity(
                self.curated[target] if curated else Entity(target, kind, {}, machine=True), curated, name)
        if not corpus.curated:
            for lang_, names in full_names(entry).items():
                have = corpus.entity.names.setdefault(lang_, [])
                have.extend(n for n in names if n not in have)
        return target

    def sorted(self) -> list[CorpusEntity]:
        """Entities by kind and id, names longest first (the key first: the tagger finds the
        id by it), mentions in corpus order: the same bytes whatever the order the editions
        came in."""
        out = []
        for corpus in sorted(self.entities.values(), key=lambda c: (c.entity.kind, c.entity.id)):
            if not corpus.curated:
                corpus.entity.names = {lang: sorted(names, key=lambda n: (n != corpus.key, -len(n), n))
                                       for lang, names in corpus.entity.names.items() if names}
            corpus.occurrences.sort()
            out.append(corpus)
        return out

