"""BagIt packages (RFC 8493) that repository systems ingest as they are, made with `bagit`.

One bag per edition: the TEI, its HTML and text renderings, its Dublin Core record and the
source article byte for byte (the edition records the source's name and SHA-256, and the bag
is refused if the bytes no longer match). Manifests are SHA-256 and sorted, so the same inputs
give byte-identical manifests; the bagging date appears only when SOURCE_DATE_EPOCH is set.
"""
from __future__ import annotations

import datetime as _dt
import json
import logging
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import __version__, dc, transform
from .packages import Item, digest, occupied, package
from .errors import ToolError
from .tei_writer import build_date

NS = {"t": "http://www.tei-c.org/ns/1.0"}
ALGORITHM = "sha256"


def _bagit():
    import bagit

    logging.getLogger("bagit").setLevel(logging.WARNING)
    return bagit


@dataclass
class BagInfo:
    """Who packs the bags: bag-info.txt fields from the configuration or the options."""

    organization: str = ""
    address: str = ""
    contact_name: str = ""
    contact_email: str = ""
    group: str = ""  # Bag-Group-Identifier; default: paper id and month, e.g. rmrb-1957-01
    checksums: list[str] = field(default_factory=list)  # sha256 is always there


BAGIT_TXT = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
CHECKSUMS = ("md5", "sha1", "sha256", "sha512")
SCHEMAS = ("tei_tools.xsd", "tei_tools.sch", "xml.xsd", "tei_tools.odd", "tei_tools.rng",
           "tei_tools.isosch")


def algorithms(names: list[str] | tuple[str, ...]) -> list[str]:
    """The manifests a bag gets: sha256 and those asked for, in a fixed order."""
    unknown = sorted(set(names) - set(CHECKSUMS))
    if unknown:
        raise ToolError("--checksums", None, f"unknown algorithm {unknown[0]!r} (known: {', '.join(CHECKSUMS)})")
    return [a for a in CHECKSUMS if a in set(names) | {ALGORITHM}]


def make(edition: str | Path, out_dir: str | Path, source_dirs: list[Path] | None = None,
         who: BagInfo | None = None) -> Path:
    """Write DIR/<id>/ as a complete BagIt 1.0 bag (RFC 8493) in the Archivematica transfer
    layout; an existing bag of that id is replaced whole.

    data/objects/ holds the TEI (tei/), its schemas where its xml-model PIs point (schema/),
    the HTML, the texts, the Dublin Core record and the source file byte for byte;
    data/metadata/metadata.csv holds the Dublin Core for Archivematica's METS. The tag files
    are written here, not by bagit-python (which writes BagIt 0.97 only); every bag is read
    back by bagit-python in the tests, and checked against the project's profile.
    """
    who = who or BagInfo()
    checksums = algorithms(who.checksums)

    def fill(work: Path, item: Item) -> None:
        objects = work / "data" / "objects"
        for folder in ("tei", "schema", "html", "text", "dc", "source"):
            (objects / folder).mkdir(parents=True)
        shutil.copyfile(item.edition, objects / "tei" / f"{item.id}.xml")
        for name in SCHEMAS:  # the editions' xml-model PIs say ../schema/: they resolve in the bag
            (objects / "schema" / name).write_bytes(
                resources.files("tei_tools").joinpath(f"schema/{name}").read_bytes())
        transform.html(item.edition, objects / "html", tree=item.tree, links=transform.alone(f"../tei/{item.id}.xml"))
        transform.text(item.edition, objects / "text", tree=item.tree)
        record = dc.record(item.tree, str(item.edition))
        (objects / "dc" / f"{item.id}.dc.xml").write_bytes(dc.to_bytes(record))
        shutil.copyfile(item.source, objects / "source" / item.source.name)
        (work / "data" / "metadata").mkdir()
        (work / "data" / "metadata" / "metadata.csv").write_bytes(dc.metadata_csv(record, "objects/"))
        _write_tag_files(work, _bag_info(item.tree, item.edition, item.id, who), checksums)

    return package(edition, out_dir, source_dirs, fill, _check_target)


@lru_cache(maxsize=1)
def profile() -> dict:
    """The project's BagIt profile (data/bagit-profile.json), which every bag names and meets."""
    return json.loads(resources.files("tei_tools").joinpath("data/bagit-profile.json").read_text(encoding="utf-8"))


def _bag_info(tree, edition: Path, edition_id: str, who: BagInfo) -> list[tuple[str, str]]:
    x = lambda q: tree.xpath(f"string({q})", namespaces=NS)  # noqa: E731
    title = x("//t:titleStmt/t:title[@type='main'][@xml:lang='en']") or x("//t:titleStmt/t:title[@type='main']")
    uri = x("//t:publicationStmt/t:idno[@type='URI']")
    date = x("//t:sourceDesc/t:biblStruct/t:monogr/t:imprint/t:date/@when")
    paper = edition_id.split("-", 1)[0]
    fields = [("Source-Organization", who.organization), ("Organization-Address", who.address),
              ("Contact-Name", who.contact_name), ("Contact-Email", who.contact_email),
              ("External-Description", " ".join(title.split())),
              ("External-Identifier", edition_id), ("External-Identifier", uri),
              ("Bagging-Date", bagging_date(tree, edition)),
              ("Bag-Group-Identifier", who.group or (f"{paper}-{date[:7]}" if date else "")),
              ("Bag-Software-Agent", f"tei_tools {__version__}"),
              ("BagIt-Profile-Identifier", profile()["BagIt-Profile-Info"]["BagIt-Profile-Identifier"])]
    return [(k, v) for k, v in fields if v]


def bagging_date(tree, edition: Path) -> str:
    """SOURCE_DATE_EPOCH's date; else the date the edition records it was built; else the
    day its file was last written (the build): never the wall clock of the bagging run, so
    that bagging the same editions twice gives the same bytes."""
    when = build_date() or tree.xpath("string(//t:publicationStmt/t:date/@when)", namespaces=NS)
    if when:
        return when[:10]
    stamp = edition.stat().st_mtime
    return _dt.datetime.fromtimestamp(stamp, _dt.timezone.utc).date().isoformat()


def _write_tag_files(bag: Path, info: list[tuple[str, str]], checksums: list[str]) -> None:
    payload = sorted(p for p in (bag / "data").rglob("*") if p.is_file())
    octets = sum(p.stat().st_size for p in payload)
    info = info + [("Payload-Oxum", f"{octets}.{len(payload)}"), ("Bag-Size", _size(octets))]
    (bag / "bagit.txt").write_bytes(BAGIT_TXT)
    (bag / "bag-info.txt").write_text("".join(f"{k}: {v}\n" for k, v in info), encoding="utf-8")
    for algorithm in checksums:
        _manifest(bag, f"manifest-{algorithm}.txt", payload, algorithm)
    tags = [bag / "bagit.txt", bag / "bag-info.txt"] + [bag / f"manifest-{a}.txt" for a in checksums]
    for algorithm in checksums:
        _manifest(bag, f"tagmanifest-{algorithm}.txt", tags, algorithm)


def _manifest(bag: Path, name: str, files: list[Path], algorithm: str) -> None:
    """One line a file, `digest  path`, sorted by path: the same files give the same bytes."""
    lines = {_encoded(p.relative_to(bag).as_posix()): digest(p, algorithm) for p in files}
    (bag / name).write_text("".join(f"{lines[k]}  {k}\n" for k in sorted(lines)), encoding="utf-8")


def _encoded(path: str) -> str:
    """RFC 8493 2.1.3: a manifest path encodes %, CR and LF."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _size(octets: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if octets < 1024 or unit == "GB":
            return f"{int(octets)} {unit}" if unit == "bytes" else f"{octets:.1f} {unit}"
        octets /= 1024
    return ""


def _check_target(target: Path, edition_id: str) -> None:
    """A bag replaces only an empty folder or its own earlier bag (bagit.txt, and bag-info.txt
    naming this edition): never a folder someone else made."""
    if not occupied(target, "a bag folder"):
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
    return digest(path, ALGORITHM)
