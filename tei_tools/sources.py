"""What `convert` takes: article files, folders of them (recursively) and the archive's monthly
.7z files, each member read in memory (nothing is unpacked to disk).

A source is named in messages as the path given, and a .7z member as `ARCHIVE.7z!member`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .readers import MAX_SOURCE_BYTES

ARCHIVE_SUFFIX = ".7z"
# A month of the archive unpacks to some tens of MB; this bounds what one .7z may hold in memory.
MAX_ARCHIVE_BYTES = 2 * 1024 ** 3


@dataclass(frozen=True)
class Source:
    """One article to convert: a file on disk, or a member of a .7z archive with its bytes."""

    path: Path
    member: str | None = None
    data: bytes | None = None

    @property
    def name(self) -> str:
        return f"{self.path}!{self.member}" if self.member else str(self.path)


@dataclass(frozen=True)
class Refused:
    """A path given or found that cannot be a source (an unreadable folder, a broken archive)."""

    name: str
    error: str


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Source | Refused]:
    """Files as given; folders give every file below them (hidden ones aside) in name order,
    whatever the extension; a .7z gives its members in the archive's order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from _walk(path)
        elif path.suffix.lower() == ARCHIVE_SUFFIX and path.is_file():
            yield from _members(path)
        else:
            yield Source(path)


def _walk(folder: Path) -> Iterator[Source | Refused]:
    errors: list[OSError] = []
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):  # links to folders: not followed
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / f for f in files if not f.startswith("."))
    for exc in errors:
        yield Refused(str(exc.filename or folder), f"{exc.filename or folder}: cannot list: {exc.strerror}")
    for path in sorted(found):
        if path.suffix.lower() == ARCHIVE_SUFFIX and path.is_file():
            yield from _members(path)
        else:
            yield Source(path)


def _members(archive: Path) -> Iterator[Source | Refused]:
    """Every file member of a .7z, decompressed in memory in one pass (solid archives would
    otherwise be decompressed again for each member)."""
    import py7zr
    from py7zr.io import BytesIOFactory

    try:
        with py7zr.SevenZipFile(archive, "r") as z:
            infos = [i for i in z.list() if not i.is_directory]
            total = sum(i.uncompressed or 0 for i in infos)
            if total > MAX_ARCHIVE_BYTES:
                yield Refused(str(archive), f"{archive}: unpacks to {total >> 20} MiB, more than "
                              f"{MAX_ARCHIVE_BYTES >> 20} MiB: not converted")
                return
            factory = BytesIOFactory(MAX_SOURCE_BYTES + 1)
            z.extract(targets=[i.filename for i in infos], factory=factory)
    except (*_py7zr_errors(), OSError, EOFError, ValueError, KeyError) as exc:
        yield Refused(str(archive), f"{archive}: not a readable 7z archive ({exc})")
        return
    for info in infos:
        try:
            product = factory.get(info.filename)
        except KeyError:
            yield Refused(f"{archive}!{info.filename}", f"{archive}!{info.filename}: not extracted")
            continue
        product.seek(0)
        yield Source(archive, info.filename, product.read())


def _py7zr_errors() -> tuple[type[Exception], ...]:
    import py7zr.exceptions as errors

    return tuple(v for v in vars(errors).values() if isinstance(v, type) and issubclass(v, Exception))
