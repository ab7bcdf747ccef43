"""Converting sources to edition files: atomic writes, no overwriting of hand edits, and never
one article's edition over another's."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import write_atomic
from .errors import ToolError
from .pipeline import Options, build_edition, build_from_bytes
from .safexml import MAX_TEXT_NODE
from .seal import is_untouched, seal
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


def convert_file(source: Source | str | Path, out_dir: str | Path, options: Options | None = None,
                 force: bool = False) -> Result:
    """Convert one article; failures come back in the Result, never as an exception."""
    source = source if isinstance(source, Source) else Source(Path(source))
    options = options or Options()
    result = Result(source.name)
    try:
        if source.data is not None:
            edition = build_from_bytes(source.data, source.name, options)
        else:
            edition = build_edition(source.path, options)
        result.warnings = list(edition.warnings)
        result.notes = list(edition.source.normalisations)
        data = seal(to_bytes(edition, options.publication))
        target = Path(out_dir) / f"{edition.id}.xml"
        result.output = target
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
    except (RecursionError, MemoryError, ValueError, LookupError) as exc:
        # Input no rule foresaw: one line, never a traceback, nothing written.
        result.error = f"{source.name}: cannot convert ({type(exc).__name__}: {exc})"
    return result


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
    """An existing edition is replaced only if tei_tools wrote it from this same source file:
    never a hand edit, never the edition of another file with the same text."""
    if not is_untouched(old):
        raise ToolError(str(target), None, "was edited by hand after tei_tools wrote it "
                        "(its seal no longer matches); not overwritten, use --force")
    m = _SOURCE_NAME.search(old)
    other = m.group(1).decode("utf-8", "replace") if m else None
    if other is not None and other != _xml_text(source_name):
        raise ToolError(source_name, None, f"has the same text as {other}, whose edition "
                        f"{target} already is: not written twice (use --force to replace it)")


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_worker: dict = {}


def init_worker(out_dir: str, options: Options, force: bool) -> None:
    """Per process: remember the settings and load jieba and the registers once."""
    _worker.update(out_dir=out_dir, options=options, force=force)
    if options.entities:
        from .pipeline import entity_tagger

        entity_tagger(tuple(options.registers))


def convert_in_worker(source: Source) -> Result:
    return convert_file(source, _worker["out_dir"], _worker["options"], _worker["force"])
