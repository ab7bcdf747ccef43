"""DSpace Simple Archive Format: one item folder per edition, for `dspace import`.

DIR/<id>/ holds `dublin_core.xml` (DSpace's qualified dc registry: contributor.author,
date.issued, language.iso, identifier.uri, rights.uri, coverage.spatial, format.mimetype, …),
`contents` (one bitstream a line, tab-separated: the TEI first, `bundle:ORIGINAL`,
`primary:true`; then the HTML, the texts and the source), and those files. Built in a temporary
folder and swapped in like a bag, over an empty folder or an earlier item of the same edition
only.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from lxml import etree

from . import dc, transform
from .errors import ToolError
from .packages import Item, occupied, package

# oai_dc element -> DSpace qualifier (None: unqualified); values that are URIs get `uri`.
QUALIFIER = {"creator": ("contributor", "author"), "date": ("date", "issued"),
             "language": ("language", "iso"), "coverage": ("coverage", "spatial"),
             "format": ("format", "mimetype"),
             "relation": ("relation", "isversionof")}  # 原载…: the paper it appeared in first


def dublin_core(record: etree._Element) -> bytes:
    """dublin_core.xml from an oai_dc record."""
    root = etree.Element("dublin_core", schema="dc")
    for el in record:
        name = etree.QName(el).localname
        element, qualifier = QUALIFIER.get(name, (name, "none"))
        text = el.text or ""
        if name in ("identifier", "rights") and text.startswith(("http://", "https://")):
            qualifier = "uri"
        value = etree.SubElement(root, "dcvalue", element=element, qualifier=qualifier)
        lang = el.get("{http://www.w3.org/XML/1998/namespace}lang")
        if lang:
            value.set("language", lang.split("-")[0])
        value.text = text
    return etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")


def make(edition: str | Path, out_dir: str | Path, source_dirs: list[Path] | None = None) -> Path:
    """Write DIR/<id>/ as one SAF item; an earlier item of the same edition is replaced whole."""
    def fill(work: Path, item: Item) -> None:
        shutil.copyfile(item.edition, work / f"{item.id}.xml")
        files = [(f"{item.id}.xml", "primary:true\tdescription:TEI P5 edition")]
        files.append((transform.html(item.edition, work, tree=item.tree, links=transform.alone(f"{item.id}.xml")).name, "description:Reading edition (HTML)"))
        files += [(p.name, "description:Plain text") for p in transform.text(item.edition, work, tree=item.tree)]
        shutil.copyfile(item.source, work / item.source.name)
        files.append((item.source.name, "description:Source file as received"))
        (work / "dublin_core.xml").write_bytes(dublin_core(dc.record(item.tree, str(item.edition))))
        (work / "contents").write_text("".join(f"{name}\tbundle:ORIGINAL\t{rest}\n" for name, rest in files),
                                       encoding="utf-8")

    return package(edition, out_dir, source_dirs, fill, _check_target)


def _check_target(target: Path, edition_id: str) -> None:
    """Replace only an empty folder or an item this tool made of the same edition."""
    if not occupied(target, "an item folder"):
        return
    try:
        first = (target / "contents").read_text(encoding="utf-8").split("\t", 1)[0]
    except (OSError, UnicodeDecodeError):
        first = ""
    if first != f"{edition_id}.xml" or not (target / "dublin_core.xml").is_file():
        raise ToolError(str(target), None, f"exists and is not an item of {edition_id}; not replaced")
