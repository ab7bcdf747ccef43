"""Converting sources to edition files: atomic writes, no overwriting of hand edits, and never
one article's edition over another's."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .atomic import write_atomic
from .errors import UNFORESEEN, ToolError
from .paths import read_regular
from .pipeline import Options, build_key, enrich, identify
from .readers import read_bytes, read_source
from .safexml import MAX_BYTES, MAX_TEXT_NODE
from .seal import is_untouched, seal, stamps
from .sources import Source
from .tei_writer import to_bytes

_SOURCE_NAME = re.compile(rb'<idno type="filename">([^<]*)</idno>')


@dataclass
class Result:
    source: str  # as named in messages: the path, or ARCHIVE.7z!member
    output: Path | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was normalised in the source
    unchanged: bool = False  # the edition was up to date: not rebuilt
    kept: bool = False  # the edition was edited by hand: left as it is, not rebuilt

    @property
    def status(self) -> str:
        return ("failed" if self.error else KEPT if self.kept else
                "up to date" if self.unchanged else "converted")


KEPT = "kept (edited by hand)"


def convert_file(source: Source | str | Path, out_dir: str | Path, options: Options | None = None,
                 force: bool = False, key: str | None = None) -> Result:
    """Convert one article; failures come back in the Result, never as an exception.

    An edition whose seal records this source's digest and this run's build key (`key`, from
    `pipeline.build_key`), and that is newer than the tool's own files, is up to date: it is
    left as it is (`--force` rebuilds). An edition whose seal no longer matches was edited by
    hand: it is kept, not rebuilt and no failure (`--force` replaces it; `tei-tools
    corrections` carries its name corrections into the register first)."""
    source = source if isinstance(source, Source) else Source(Path(source))
    options = options or Options()
    result = Result(source.name)
    try:
        edition = identify(read_bytes(source.data, source.name, options.encoding, options.reader)
                           if source.data is not None else
                           read_source(source.path, options.encoding, options.reader), options)
        target = Path(out_dir) / f"{edition.id}.xml"
        result.output = target
        key = key or build_key(options)
        old = None if force else _existing(target)
        if old is not None and not is_untouched(old):
            result.kept = True
            return result
        if old is not None and _up_to_date(target, old, edition.source.sha256, key):
            result.unchanged = True
            return result
        enrich(edition, options)
        result.warnings = list(edition.warnings)
        result.notes = list(edition.source.normalisations)
        data = seal(to_bytes(edition, options.publication), edition.source.sha256, key)
        _readable(edition, target)  # what convert writes, every command can read, or nothing
        if target.exists():
            old = target.read_bytes()
            if old == data:
                return result  # the same bytes: leave the file (and its time stamp) alone
            if not force:
                _check_overwrite(target, old, edition.source.name)
        write_atomic(target, data)
    except ToolError as exc:
        result.error = str(exc)
    except OSError as exc:
        result.error = f"{exc.filename or source.name}: {exc.strerror}"
    except UNFORESEEN as exc:
        # Input no rule foresaw: one line, never a traceback, nothing written.
        result.error = f"{source.name}: cannot convert ({type(exc).__name__}: {exc})"
    return result


def _existing(target: Path) -> bytes | None:
    """The bytes of the edition already at target, if there is a readable one."""
    try:
        return read_regular(target, MAX_BYTES) if target.is_file() else None
    except (OSError, ToolError):
        return None


def _up_to_date(target: Path, old: bytes, source_digest: str, key: str) -> bool:
    try:
        return target.stat().st_mtime >= code_mtime() and stamps(old) == (source_digest, key)
    except OSError:
        return False


@lru_cache(maxsize=1)
def code_mtime() -> float:
    """When the tool's own files last changed: an edition older than that is rebuilt, as make
    would, though its stamps match (a new release or a changed rule)."""
    package = Path(__file__).resolve().parent
    return max(p.stat().st_mtime for p in package.rglob("*") if p.suffix in _CODE and p.is_file())


_CODE = {".py", ".xsl", ".xml", ".tsv", ".txt", ".json", ".xsd", ".sch"}


def _readable(edition, target: Path) -> None:
    """The one limit an edition can hit when read back: libxml2 refuses text nodes of 10 MB and
    more unless told otherwise (and editions are read without huge_tree). Checked here, on the
    model, so that no unreadable file is written."""
    for unit in edition.units():
        size = len(unit.text.encode("utf-8"))
        if size >= MAX_TEXT_NODE:
            raise ToolError(str(target), None, f"{unit.id} would be a text of {size} bytes, which "
                            f"XML readers refuse (not well-formed XML from {MAX_TEXT_NODE} bytes); "
                            "not written")


def _check_overwrite(target: Path, old: bytes, source_name: str) -> None:
    """An existing edition (untouched: hand edits are kept before this) is replaced only if
    tei_tools wrote it from this same source file, never the edition of another file with the
    same text."""
    other = recorded_source(old)
    if other is not None and other != source_name:
        raise ToolError(source_name, None, f"has the same text as {other}, whose edition "
                        f"{target} already is: not written twice (use --force to replace it)")


def recorded_source(data: bytes) -> str | None:
    """The source file name an edition's bytes record (sourceDesc idno type="filename")."""
    m = _SOURCE_NAME.search(data)
    if not m:
        return None
    return m.group(1).decode("utf-8", "replace").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


_worker: dict = {}


def init_worker(out_dir: str, options: Options, force: bool) -> None:
    """Per process: remember the settings; jieba and the registers load at the first source
    that needs them (a rerun over up-to-date editions never loads them)."""
    _worker.update(out_dir=out_dir, options=options, force=force, key=build_key(options))


def convert_in_worker(source: Source) -> Result:
    return convert_file(source, _worker["out_dir"], _worker["options"], _worker["force"], _worker["key"])
