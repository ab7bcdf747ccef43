"""Removing what a build made for editions that are gone: pages, texts, bags, DSpace items.

Only what tei_tools recognisably wrote is removed: an HTML page with its generator line, a
text named like an edition's, a bag whose bag-info names the edition, an item whose
`contents` starts with the edition. Anything else in the folder is left alone.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from .transform import GENERATOR

_TEXT = re.compile(r"^(.+)\.(?:zh|en)\.txt$")


def _ours_html(path: Path) -> str | None:
    if path.name == "index.html" or path.suffix != ".html" or not path.is_file():
        return None
    with open(path, "rb") as handle:
        return path.stem if GENERATOR in handle.read(4096) else None


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
