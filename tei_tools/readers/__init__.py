"""Readers: a registry of source formats (name → reader, as pandoc's `readers`).

Each reader has one signature, `read(text, path) -> Edition`, and a `detect(lines)` that says
whether a text looks like its format, so that the format is chosen by content (`--from NAME`
forces one). The bytes are decoded once, here, for every reader.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..decode import decode
from ..errors import SourceError
from ..kinds import AS_EDITION, looks_like_xml
from ..model import Edition, SourceFile
from ..paths import read_regular
from . import archive, bilingual
from .lines import Line, split_lines

# A source article is a few kilobytes; anything past this is no article (and no read is unbounded).
MAX_SOURCE_BYTES = 64 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Reader:
    name: str
    description: str
    detect: Callable[[list[Line]], bool]
    read: Callable[[str, str], Edition]


READERS: dict[str, Reader] = {
    r.name: r for r in (
        Reader(archive.NAME, "one article file of the People's Daily archive ('### title' first)",
               archive.detect, archive.read),
        Reader(bilingual.NAME, "an English translation ('Title:' header), '<hr />', 'Original:' "
               "and one archive article", bilingual.detect, bilingual.read),
    )
}


def reader_for(text: str, path: str, name: str | None = None) -> Reader:
    """The reader named, or the one whose format the text has; a clear error if none takes it."""
    if name:
        if name not in READERS:
            raise SourceError(path, None, f"unknown source format {name!r} "
                              f"(known: {', '.join(sorted(READERS))})")
        return READERS[name]
    lines = split_lines(text[:4096])
    for reader in READERS.values():
        if reader.detect(lines):
            return reader
    first = next((ln for ln in lines if ln.text), None)
    if first is None:
        raise SourceError(path, 1, "empty file: expected an article ('### title' of the archive, "
                          "or a bilingual file starting with 'Title:')")
    if looks_like_xml(text):
        raise SourceError(path, first.no, AS_EDITION)
    raise SourceError(path, first.no, "not an article: expected '### title' (an archive file) or "
                      f"'Title:' (a bilingual file) on the first line, got {first.text[:40]!r}")


def read_text(text: str, path: str = "<string>", reader: str | None = None) -> Edition:
    """Parse decoded article text; errors name the offending line."""
    return reader_for(text, path, reader).read(text, path)


def read_bytes(data: bytes, path: str, encoding: str | None = None,
               reader: str | None = None) -> Edition:
    """Decode and read one source; `path` names it in messages and in the edition."""
    name = Path(path.split("!")[-1]).name
    if _CONTROL.search(name):
        raise SourceError(path, None, "the file name holds control characters (a line break?), "
                          "which the edition cannot record; rename the file")
    text, notes = decode(data, path, encoding)
    edition = read_text(text, path, reader)
    edition.source = SourceFile(name, hashlib.sha256(data).hexdigest(), notes, path)
    return edition


def read_source(path: str | Path, encoding: str | None = None, reader: str | None = None) -> Edition:
    """Read one source file from disk, refusing what is not a regular file of sane size."""
    data = read_regular(Path(path), MAX_SOURCE_BYTES, SourceError)
    return read_bytes(data, str(path), encoding, reader)
