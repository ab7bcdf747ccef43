"""Converting source files to edition files: atomic writes, no overwriting of hand edits."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .atomic import write_atomic
from .errors import ToolError
from .pipeline import Options, build_edition
from .seal import is_untouched, seal
from .tei_writer import to_bytes

SOURCE_SUFFIX = ".txt"


@dataclass
class Result:
    source: Path
    output: Path | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was normalised in the source


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; folders contribute their *.txt files in name order."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(q for q in p.iterdir() if q.suffix == SOURCE_SUFFIX and q.is_file())
        else:
            yield p


def convert_file(source: str | Path, out_dir: str | Path, options: Options | None = None,
                 force: bool = False) -> Result:
    """Convert one article; failures come back in the Result, never as an exception."""
    source = Path(source)
    result = Result(source)
    try:
        edition = build_edition(source, options)
        result.warnings = list(edition.warnings)
        result.notes = list(edition.source.normalisations)
        data = seal(to_bytes(edition, (options or Options()).publication))
        target = Path(out_dir) / f"{edition.id}.xml"
        result.output = target
        if target.exists():
            old = target.read_bytes()
            if old == data:
                return result  # the same bytes: leave the file (and its time stamp) alone
            if not force and not is_untouched(old):
                raise ToolError(str(target), None, "was edited by hand after tei_tools wrote it "
                                "(its seal no longer matches); not overwritten, use --force")
        write_atomic(target, data)
    except ToolError as exc:
        result.error = str(exc)
    except OSError as exc:
        result.error = f"{exc.filename or source}: {exc.strerror}"
    except (RecursionError, MemoryError, ValueError, LookupError) as exc:
        # Input no rule foresaw: one line, never a traceback, nothing written.
        result.error = f"{source}: cannot convert ({type(exc).__name__}: {exc})"
    return result


_worker: dict = {}


def init_worker(out_dir: str, options: Options, force: bool) -> None:
    """Per process: remember the settings and load jieba and the registers once."""
    _worker.update(out_dir=out_dir, options=options, force=force)
    if options.entities:
        from .pipeline import entity_tagger

        entity_tagger(tuple(options.registers))


def convert_in_worker(source: Path) -> Result:
    return convert_file(source, _worker["out_dir"], _worker["options"], _worker["force"])
