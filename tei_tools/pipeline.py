"""The pipeline: reader, then enrichers, then the writer; each step can be switched off."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from . import __version__, ids
from .align import align
from .model import Edition
from .sentalign import align_sentences
from .sentences import segment
from .readers import read_bytes, read_source
from .tei_writer import Publication


@dataclass
class Options:
    encoding: str | None = None
    reader: str | None = None  # a name in readers.READERS; None: chosen by content
    paper_id: str = ids.DEFAULT_PAPER_ID
    align: bool = True
    entities: bool = True
    sentences: bool = True  # segment into <s> and, where there is a translation, align them
    registers: list[Path] = field(default_factory=list)
    publication: Publication = field(default_factory=Publication)


@lru_cache(maxsize=4)
def _tagger(registers: tuple[Path, ...], stamps: tuple):
    from .entities import EntityTagger

    return EntityTagger(list(registers))


def entity_tagger(registers: tuple[Path, ...]):
    """One tagger per process and register set: jieba and the registers load once, and again
    when a register file changes (`corrections` writes one while a process lives on)."""
    return _tagger(registers, tuple(_stamp(Path(r)) for r in registers))


def _stamp(path: Path) -> tuple:
    try:
        stat = path.stat()
        return stat.st_mtime_ns, stat.st_size, stat.st_ino
    except OSError:
        return ()


def build_edition(path: str | Path, options: Options | None = None) -> Edition:
    """Read one source article file and run the enrichers over it."""
    options = options or Options()
    return enrich(read_source(path, options.encoding, options.reader), options)


def build_from_bytes(data: bytes, source_name: str, options: Options | None = None) -> Edition:
    """The same for a source held in memory (a member of a .7z archive), named `source_name`."""
    options = options or Options()
    return enrich(read_bytes(data, source_name, options.encoding, options.reader), options)


def build_key(options: Options) -> str:
    """What shaped an edition besides its source, as 16 hex digits: the tool's version, the
    options and the bytes of the registers. An edition whose seal records this key and its
    source's digest is up to date (`convert` skips it)."""
    digest = hashlib.sha256()
    digest.update(f"{__version__}\n{options.encoding}\n{options.reader}\n{options.paper_id}\n"
                  f"{options.align}\n{options.entities}\n{options.sentences}\n{sorted(asdict(options.publication).items())}\n"
                  .encode())
    for register in options.registers:
        digest.update(b"\0" + Path(register).read_bytes())
    return digest.hexdigest()[:16]


def identify(edition: Edition, options: Options) -> Edition:
    """The edition's id, which is known as soon as the source is read (it names the file)."""
    edition.id = ids.edition_id(edition, options.paper_id)
    return edition


def enrich(edition: Edition, options: Options) -> Edition:
    """Ids, then alignment (where there is a translation), then names, then sentences (after
    the names, which no sentence boundary may cut)."""
    identify(edition, options)
    ids.assign_unit_ids(edition)
    if options.align and edition.bilingual:
        align(edition)
    if options.entities:
        entity_tagger(tuple(options.registers))(edition)
    if options.sentences:
        segment(edition)
        if options.align and edition.bilingual:
            align_sentences(edition)
    return edition
