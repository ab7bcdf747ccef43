"""Removing what a build made for sources and editions that are gone: editions, pages, texts,
bags, DSpace items.

Only what tei_tools recognisably wrote is removed: an HTML page with its generator line, a
text named like an edition's, a bag whose bag-info names the edition, an item whose
`contents` starts with the edition. Anything else in the folder is left alone.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from .convert import recorded_source
from .seal import is_untouched
from .transform import is_our_page

_TEXT = re.compile(r"^(.+)\.(?:zh|en)\.txt$")


def _ours_html(path: Path) -> str | None:
    if path.name == "index.html" or path.suffix != ".html":
        return None
    return path.stem if is_our_page(path) else None


def _ours_text(path: Path) -> str | None:
    m = _TEXT.match(path.name)
    return m.group(1) if m and path.is_file() else None


def _ours_bag(path: Path) -> str | None:
    info = path / "bag-info.txt"
    if path.is_symlink() or not (path / "bagit.txt").is_file() or not info.is_file():
        return None
    ids = [ln.split(":", 1)[1].strip() for ln in info.read_text(encoding="utf-8", errors="replace").splitlines()
           if ln.startswith("External-Identifier:")]
    return path.name if path.name in ids else None


def _ours_item(path: Path) -> str | None:
    contents = path / "contents"
    if path.is_symlink() or not contents.is_file() or not (path / "dublin_core.xml").is_file():
        return None
    first = contents.read_text(encoding="utf-8", errors="replace").split("\t", 1)[0]
    return path.name if first == f"{path.name}.xml" else None


KINDS = {"html": _ours_html, "text": _ours_text, "bag": _ours_bag, "saf": _ours_item}


def stale(out_dir: Path, keep: set[str], kind: str) -> list[Path]:
    """What tei_tools wrote in out_dir for editions not in `keep` (edition ids)."""
    ours = KINDS[kind]
    try:
        entries = sorted(Path(out_dir).iterdir())
    except OSError:
        return []
    out = []
    for path in entries:
        ident = None if path.name.startswith(".") else ours(path)
        if ident and ident not in keep:
            out.append(path)
    return out


def remove(paths: list[Path]) -> None:
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def stale_editions(out_dir: Path, sources: set[str]) -> tuple[list[tuple[Path, str]], list[tuple[Path, str]]]:
    """The editions in out_dir whose recorded source is not among `sources` (names as given,
    ARCHIVE.7z!member included), each with the source it names: those tei_tools wrote and
    nobody edited since, and those edited by hand (to be kept)."""
    names = {Path(n).name for n in sources} | {n.rsplit("!", 1)[-1] for n in sources}
    removable, edited = [], []
    for edition in sorted(Path(out_dir).glob("*.xml")):
        if edition.name == "register.xml" or edition.is_symlink() or not edition.is_file():
            continue
        data = edition.read_bytes()
        source = recorded_source(data)
        if source is None or source in names:
            continue
        (removable if is_untouched(data) else edited).append((edition, source))
    return removable, edited
