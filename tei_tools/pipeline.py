"""The pipeline: reader, then enrichers, then the writer; each step can be switched off."""
from __future__ import annotations

from dataclasses import dataclass, field
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
    publication: Publication = field(default_factory=Publication)


def build_edition(path: str | Path, options: Options | None = None) -> Edition:
    """Read one source article and run the enrichers over it."""
    options = options or Options()
    edition = read_file(path, options.encoding)
    edition.id = ids.edition_id(edition.meta, options.paper_id)
    ids.assign_unit_ids(edition)
    if options.align:
        align(edition)
    return edition
