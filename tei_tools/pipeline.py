"""The pipeline: reader, then enrichers, then the writer; each step can be switched off."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import ids
from .align import align
from .model import Edition
from .reader import read_file
from .tei_writer import Publication


@dataclass
class Options:
    encoding: str | None = None
    paper_id: str = ids.DEFAULT_PAPER_ID
    align: bool = True
    entities: bool = True
    registers: list[Path] = field(default_factory=list)
    publication: Publication = field(default_factory=Publication)


@lru_cache(maxsize=4)
def entity_tagger(registers: tuple[Path, ...]):
    """One tagger per process and register set: jieba and the registers load once."""
    from .entities import EntityTagger

    return EntityTagger(list(registers))


def build_edition(path: str | Path, options: Options | None = None) -> Edition:
    """Read one source article and run the enrichers over it."""
    options = options or Options()
    edition = read_file(path, options.encoding)
    edition.id = ids.edition_id(edition.meta, options.paper_id)
    ids.assign_unit_ids(edition)
    if options.align:
        align(edition)
    if options.entities:
        entity_tagger(tuple(options.registers))(edition)
    return edition
