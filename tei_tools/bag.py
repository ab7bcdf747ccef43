"""BagIt packages (RFC 8493) that repository systems ingest as they are, made with `bagit`.

One bag per edition: the TEI, its HTML and text renderings, its Dublin Core record and the
source article byte for byte (the edition records the source's name and SHA-256, and the bag
is refused if the bytes no longer match). Manifests are SHA-256 and sorted, so the same inputs
give byte-identical manifests; the bagging date appears only when SOURCE_DATE_EPOCH is set.
"""
from __future__ import annotations

import hashlib
import logging
import shutil
from pathlib import Path

from . import __version__, dc, transform
from .atomic import replace_dir, temp_dir
from .errors import ToolError
from .paths import safe_name
from .safexml import parse
from .tei_writer import build_date

NS = {"t": "http://www.tei-c.org/ns/1.0"}
ALGORITHM = "sha256"


def _bagit():
    import bagit

    logging.getLogger("bagit").setLevel(logging.WARNING)
    return bagit


def find_source(edition: Path, tree, source_dirs: list[Path]) -> Path:
    """The source file the edition names, with the bytes the edition recorded."""
    name = tree.xpath("string(//t:sourceDesc/t:bibl/t:idno[@type='filename'])", namespaces=NS)
    digest = tree.xpath("string(//t:sourceDesc/t:bibl/t:idno[@type='sha256'])", namespaces=NS)
    if not name or not digest:
        raise ToolError(str(edition), None, "the edition does not record its source file and sha256")
    name = safe_name(name, str(edition), "source file name")
    dirs = source_dirs + [edition.parent / "sources"]
    for folder in dirs:
        candidate = folder / name
        if candidate.is_file():
            actual = _sha256(candidate)
            if actual != digest:
                raise ToolError(str(candidate), None, f"source bytes changed since the edition was made "
                                f"(sha256 {actual}, the edition records {digest}); not bagged")
            return candidate
    raise ToolError(str(edition), None, f"source file {name} not found in "
                    + ", ".join(str(d) for d in dirs))


def make(edition: str | Path, out_dir: str | Path, source_dirs: list[Path] | None = None,
         organization: str = "") -> Path:
    """Write DIR/<id>/ as a complete bag; an existing bag of that id is replaced whole."""
    bagit = _bagit()
    edition = Path(edition)
    tree = parse(edition)
    edition_id = transform.edition_id(tree, edition)
    source = find_source(edition, tree, list(source_dirs or []))
    out_dir = Path(out_dir)
    work = temp_dir(out_dir, edition_id)
    try:
        shutil.copyfile(edition, work / f"{edition_id}.xml")
        transform.html(edition, work, tree=tree)
        transform.text(edition, work, tree=tree)
        dc.write(edition, work, tree=tree)
        (work / "source").mkdir()
        shutil.copyfile(source, work / "source" / source.name)
        title = (tree.xpath("string(//t:titleStmt/t:title[@type='main'][@xml:lang='en'])", namespaces=NS)
                 or tree.xpath("string(//t:titleStmt/t:title[@type='main'])", namespaces=NS))
        info = {"External-Identifier": edition_id, "External-Description": title,
                "Bag-Software-Agent": f"tei_tools {__version__} (bagit.py {bagit.VERSION})"}
        if organization:
            info["Source-Organization"] = organization
        when = build_date()
        info["Bagging-Date"] = when or "-"
        bag = bagit.make_bag(str(work), info, checksums=[ALGORITHM])
        if not when:  # no wall-clock date: drop it and rewrite the tag manifest
            del bag.info["Bagging-Date"]
            bag.save()
        _sort_tagmanifest(work)
        target = out_dir / edition_id
        _check_target(target, edition_id)
        replace_dir(work, target)
        return target
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def _sort_tagmanifest(bag_dir: Path) -> None:
    path = bag_dir / f"tagmanifest-{ALGORITHM}.txt"
    lines = sorted(path.read_text(encoding="utf-8").splitlines(), key=lambda ln: ln.split(" ", 1)[1])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _check_target(target: Path, edition_id: str) -> None:
    """A bag replaces only an empty folder or its own earlier bag (bagit.txt, and bag-info.txt
    naming this edition): never a folder someone else made."""
    if not target.exists() and not target.is_symlink():
        return
    if target.is_symlink() or not target.is_dir():
        raise ToolError(str(target), None, "exists and is not a bag folder; not replaced")
    if not any(target.iterdir()):
        return
    info = target / "bag-info.txt"
    try:
        own = (target / "bagit.txt").is_file() and any(
            line.strip() == f"External-Identifier: {edition_id}"
            for line in info.read_text(encoding="utf-8", errors="replace").splitlines())
    except OSError:
        own = False
    if not own:
        raise ToolError(str(target), None, f"exists and is not a bag of {edition_id}; not replaced")


def verify(bag_dir: str | Path) -> list[str]:
    """Problems of one bag, each naming the file; empty if the bag is complete and valid.

    bagit decides; when it fails early (a Payload-Oxum mismatch), the manifest is compared with
    the payload file by file, so that the message says which file is missing, extra or changed.
    """
    bagit = _bagit()
    bag_dir = Path(bag_dir)
    try:
        bag = bagit.Bag(str(bag_dir))
    except bagit.BagError as exc:
        return [f"{bag_dir}: {exc}"]
    except OSError as exc:
        return [f"{exc.filename or bag_dir}: cannot read: {exc.strerror}"]
    try:
        bag.validate(processes=1)
        return []
    except bagit.BagValidationError as exc:
        message = exc.message
    except bagit.BagError as exc:
        return [f"{bag_dir}: {exc}"]
    except OSError as exc:  # a file that cannot be read: named below
        message = f"{exc.filename or bag_dir}: cannot read: {exc.strerror}"
    problems = []
    try:
        on_disk = {Path(p).as_posix() for p in bag.payload_files()}
    except OSError as exc:
        return [f"{exc.filename or bag_dir}: cannot read: {exc.strerror}"]
    entries = bag.payload_entries()
    for name, hashes in sorted(entries.items()):
        path = bag_dir / name
        if name not in on_disk:
            problems.append(f"{path}: missing (listed in the manifest)")
            continue
        try:
            actual = _sha256(path)
        except OSError as exc:
            problems.append(f"{path}: cannot read: {exc.strerror}")
            continue
        if actual != hashes.get(ALGORITHM):
            problems.append(f"{path}: changed ({ALGORITHM} differs from the manifest)")
    for name in sorted(on_disk - set(entries)):
        problems.append(f"{bag_dir / name}: not in the manifest")
    return problems or [f"{bag_dir}: {message}"]


def _sha256(path: Path) -> str:
    """The digest of a file of any size, read in bounded pieces."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for piece in iter(lambda: handle.read(1 << 20), b""):
            digest.update(piece)
    return digest.hexdigest()
