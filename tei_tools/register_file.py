"""Writing the register: a TEI file of listPerson / listPlace / listOrg and the not-names list,
changed entry by entry so that everything an editor wrote in it (comments, notes, curated
entries) stays. Read with `safexml`; written atomically. `entities/register.py` reads it."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from .atomic import write_atomic
from .model import Entity
from .safexml import parse
from .tei_writer import APP_ID, ELEMENT_OF_KIND, LIST_OF_KIND, TEI_NS, XML_ID, XML_LANG

_T = f"{{{TEI_NS}}}"
_SKELETON = f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="{TEI_NS}" xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Register of persons, places and organisations</title></titleStmt>
      <publicationStmt><p>Made by tei_tools; entries without @resp are curated by hand.</p></publicationStmt>
      <sourceDesc><p>The names of the editions (tei-tools corrections, tei-tools register).</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <standOff/>
</TEI>
""".encode()
LANG_ORDER = ("zh-Hans", "zh-Latn-pinyin", "en")


class RegisterFile:
    """One register file, open for changes."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.tree = parse(self.path) if self.path.is_file() else etree.ElementTree(
            etree.fromstring(_SKELETON, etree.XMLParser(remove_blank_text=True)))
        root = self.tree.getroot()
        self.stand_off = root.find(f"{_T}standOff")
        if self.stand_off is None:
            self.stand_off = etree.SubElement(root, f"{_T}standOff")
        self.nodes = {node.get(XML_ID): node for kind, (_, item) in LIST_OF_KIND.items()
                      for node in root.iter(f"{_T}{item}") if node.get(XML_ID)}

    def entry(self, entry_id: str) -> etree._Element | None:
        return self.nodes.get(entry_id)

    def put(self, entry: Entity, notes: list[etree._Element] = ()) -> etree._Element:
        """Write entry in place of the one with its id (or as a new one, in id order): its names,
        authority ids, then the notes given; notes an editor wrote in the old entry stay."""
        old = self.nodes.get(entry.id)
        list_tag, item_tag = LIST_OF_KIND[entry.kind]
        node = etree.Element(f"{_T}{item_tag}")
        node.set(XML_ID, entry.id)
        if entry.machine:
            node.set("resp", f"#{APP_ID}")
            node.set("cert", "medium")
        name_tag = f"{_T}{ELEMENT_OF_KIND[entry.kind]}"
        for lang in sorted(entry.names, key=lambda lang: (LANG_ORDER.index(lang) if lang in LANG_ORDER else 9, lang)):
            for name in entry.names[lang]:
                etree.SubElement(node, name_tag, {XML_LANG: lang}).text = name
        for kind, value in sorted(entry.idnos.items()):
            etree.SubElement(node, f"{_T}idno", type=kind).text = value
        node.extend(notes)
        if old is not None:
            node.extend(n for n in old.iterchildren(f"{_T}note") if n.get("type") not in _MADE_NOTES)
            if old.getparent().tag == f"{_T}{list_tag}":
                old.getparent().replace(old, node)
            else:  # the kind changed: the entry moves to its list
                old.getparent().remove(old)
                self._insert(list_tag, node)
        else:
            self._insert(list_tag, node)
        self.nodes[entry.id] = node
        return node

    def remove(self, entry_id: str) -> None:
        node = self.nodes.pop(entry_id, None)
        if node is not None:
            node.getparent().remove(node)

    def _insert(self, list_tag: str, node: etree._Element) -> None:
        listing = self.stand_off.find(f"{_T}{list_tag}")
        if listing is None:
            listing = etree.Element(f"{_T}{list_tag}")
            order = [tag for tag, _ in LIST_OF_KIND.values()]
            after = [n for n in self.stand_off if n.tag in {f"{_T}{t}" for t in order[:order.index(list_tag)]}]
            if after:
                after[-1].addnext(listing)
            else:
                self.stand_off.insert(0, listing)
        for sibling in listing:
            if (sibling.get(XML_ID) or "") > node.get(XML_ID):
                sibling.addprevious(node)
                return
        listing.append(node)

    def not_names(self) -> etree._Element:
        for listing in self.stand_off.iter(f"{_T}list"):
            if listing.get("type") == "not-names":
                return listing
        listing = etree.SubElement(self.stand_off, f"{_T}list", type="not-names")
        return listing

    def say_no(self, lang: str, text: str, kind: str | None) -> bool:
        """Add `text is no name` (of `kind`, or of any kind); False if the list said so already."""
        listing = self.not_names()
        for item in listing.iter(f"{_T}item"):
            if item.text == text and item.get(XML_LANG, "en") == lang and item.get("type") in (None, kind):
                return False
        item = etree.SubElement(listing, f"{_T}item", {XML_LANG: lang})
        if kind:
            item.set("type", kind)
        item.text = text
        return True

    def unsay_no(self, lang: str, text: str, kind: str) -> None:
        """Take back `text is no kind` (an editor tagged it as one after all)."""
        for item in list(self.not_names().iter(f"{_T}item")):
            if item.text == text and item.get(XML_LANG, "en") == lang and item.get("type") in (None, kind):
                item.getparent().remove(item)

    def save(self) -> None:
        root = self.tree.getroot()
        etree.indent(root, space="  ")
        data = etree.tostring(self.tree, xml_declaration=True, encoding="UTF-8")
        write_atomic(self.path, data.replace(b"<?xml version='1.0' encoding='UTF-8'?>",
                                             b'<?xml version="1.0" encoding="UTF-8"?>', 1) + b"\n")


_MADE_NOTES = {"count", "context"}  # notes `register build` writes and rewrites
