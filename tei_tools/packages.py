"""What every package of an edition (a BagIt bag, a DSpace item) shares: the edition and its
source found and checked, a folder built aside and swapped in whole, over an empty folder or
an earlier package of the same edition only."""
from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from lxml import etree

from . import transform
from .atomic import replace_dir, temp_dir
from .errors import ToolError
from .paths import safe_name
from .safexml import parse

NS = {"t": "http://www.tei-c.org/ns/1.0"}


@dataclass
class Item:
    """One edition to package: its file, parsed tree, id and checked source file."""

    edition: Path
    tree: etree._ElementTree
    id: str
    source: Path


def digest(path: Path, algorithm: str = "sha256") -> str:
    """The digest of a file of any size, read in bounded pieces."""
    value = hashlib.new(algorithm)
    with open(path, "rb") as handle:
        for piece in iter(lambda: handle.read(1 << 20), b""):
            value.update(piece)
    return value.hexdigest()


def find_source(edition: Path, tree, source_dirs: list[Path]) -> Path:
    """The source file the edition names, with the bytes the edition recorded."""
    name = tree.xpath("string(//t:sourceDesc/t:bibl/t:idno[@type='filename'])", namespaces=NS)
    recorded = tree.xpath("string(//t:sourceDesc/t:bibl/t:idno[@type='sha256'])", namespaces=NS)
    if not name or not recorded:
        raise ToolError(str(edition), None, "the edition does not record its source file and sha256")
    name = safe_name(name, str(edition), "source file name")
    dirs = source_dirs + [edition.parent / "sources"]
    for folder in dirs:
        candidate = folder / name
        if candidate.is_file():
            actual = digest(candidate)
            if actual != recorded:
                raise ToolError(str(candidate), None, f"source bytes changed since the edition was made "
                                f"(sha256 {actual}, the edition records {recorded}); not used")
            return candidate
    raise ToolError(str(edition), None, f"source file {name} not found in "
                    + ", ".join(str(d) for d in dirs))


def package(edition: str | Path, out_dir: str | Path, source_dirs: list[Path] | None,
            fill: Callable[[Path, Item], None], check: Callable[[Path, str], None]) -> Path:
    """Build OUT/<id>/ with fill(folder, item) in a temporary folder; check(target, id) says
    whether the target may be replaced; then swap it in. A failure leaves nothing behind."""
    edition = Path(edition)
    tree = parse(edition)
    edition_id = transform.edition_id(tree, edition)
    item = Item(edition, tree, edition_id, find_source(edition, tree, list(source_dirs or [])))
    out_dir = Path(out_dir)
    work = temp_dir(out_dir, edition_id)
    try:
        fill(work, item)
        target = out_dir / edition_id
        check(target, edition_id)
        replace_dir(work, target)
        return target
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def occupied(target: Path, what: str) -> bool:
    """Whether a package's target holds something to check before replacing it: False for
    nothing or an empty folder; a link or a file there is refused outright."""
    if not target.exists() and not target.is_symlink():
        return False
    if target.is_symlink() or not target.is_dir():
        raise ToolError(str(target), None, f"exists and is not {what}; not replaced")
    return any(target.iterdir())
