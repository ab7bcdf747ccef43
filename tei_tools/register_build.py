"""`register build`: the machine-made entries of many editions merged into one register.

Curated entries of the register (without @resp) stay as they are; the machine-made ones
(`resp="#tei-tools"`) are made again from the editions each build: full names, authority ids
kept from the entry of the same id, a count and the first context. Ids come from content
(`corpus_names.corpus_id`), so a rebuild gives the same ids and the same bytes.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from lxml import etree

from .corpus_names import Corpus
from .edition_names import entries
from .entities.register import load_all
from .errors import ToolError
from .model import Entity
from .register_file import RegisterFile
from .tei_writer import TEI_NS, XML_LANG


@dataclass
class BuildReport:
    editions: int
    machine_entries: int  # machine-made entries over all editions, before merging
    merged: int  # machine-made entities of the register after merging
    curated: int  # curated entries of the register, left as they were
    failed: int


def gather(editions: list[Path], curated: dict[str, Entity],
           failed: Callable[[str], None]) -> tuple[Corpus, int, int]:
    """The corpus of the editions, merged into the `curated` entries (a file that cannot be
    read is reported and skipped); the number of editions read and of their machine-made
    entries."""
    corpus = Corpus(curated)
    read = machine = 0
    for path in editions:
        try:
            machine += corpus.add(path)
            read += 1
        except ToolError as exc:
            failed(str(exc))
    return corpus, read, machine


def build(editions: list[Path], out: Path, others: list[Path] = (),
          failed: Callable[[str], None] = lambda message: None) -> BuildReport:
    register = RegisterFile(out)
    before = entries(register.tree)
    curated = {e.id: e for e in load_all(list(others)).entities.values() if not e.machine}
    curated.update((i, e) for i, e in before.items() if not e.machine)
    corpus, read, machine = gather(editions, curated, failed)
    for entry_id, entry in before.items():
        if entry.machine:
            register.remove(entry_id)
    merged = 0
    for found in corpus.sorted():
        if found.curated:
            continue
        old = before.get(found.entity.id)
        if old is not None:
            found.entity.idnos = {**old.idnos, **found.entity.idnos}
        register.put(found.entity, _notes(found))
        merged += 1
    register.save()
    return BuildReport(read, machine, merged, sum(not e.machine for e in before.values()), len(editions) - read)


def _notes(found) -> list[etree._Element]:
    count = etree.Element(f"{{{TEI_NS}}}note", type="count", n=str(len(found.occurrences)))
    count.text = found.summary
    notes = [count]
    if found.occurrences:
        first = found.occurrences[0]
        context = etree.Element(f"{{{TEI_NS}}}note", {"type": "context", XML_LANG: first.lang,
                                                      "target": f"{first.edition}.xml#{first.unit}"})
        context.text = first.context
        notes.append(context)
    return notes
