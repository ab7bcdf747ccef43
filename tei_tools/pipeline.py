"""The pipeline: reader, then enrichers, then the writer; each step can be switched off."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import ids
from .align import align
from .model import Edition
from .readers import read_bytes, read_source
from .tei_writer import Publication


@dataclass
class Options:
    encoding: str | None = None
    reader: str | None = None  # a name in readers.READERS; None: chosen by content
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
    """Read one source article file and run the enrichers over it."""
    options = options or Options()
    return enrich(read_source(path, options.encoding, options.reader), options)


def build_from_bytes(data: bytes, name: str, options: Options | None = None) -> Edition:
    """The same for a source held in memory (a member of a .7z archive), named `name`."""
    options = options or Options()
    return enrich(read_bytes(data, name, options.encoding, options.reader), options)


def enrich(edition: Edition, options: Options) -> Edition:
    """Ids, then alignment (where there is a translation), then names."""
    edition.id = ids.edition_id(edition, options.paper_id)
    ids.assign_unit_ids(edition)
    if options.align and edition.bilingual:
        align(edition)
    if options.entities:
        entity_tagger(tuple(options.registers))(edition)
    return edition
