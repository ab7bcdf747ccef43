"""The names of a TEI edition, read back from the TEI: each unit's text with its name mentions
(character offsets, kind, @ref) and the standOff entries. What `corrections`, `register build`
and `index` read, so that they see a hand-edited edition exactly as an editor left it."""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .model import Entity
from .tei_writer import ELEMENT_OF_KIND, LIST_OF_KIND, TEI_NS, UNIT_TAGS, XML_ID, XML_LANG

_KIND_OF = {f"{{{TEI_NS}}}{tag}": kind for kind, tag in ELEMENT_OF_KIND.items()}
_UNITS = {f"{{{TEI_NS}}}{tag}" for tag in UNIT_TAGS}
_DATELINE = f"{{{TEI_NS}}}dateline"
_DIV = f"{{{TEI_NS}}}div"


@dataclass(frozen=True, order=True)
class Named:
    """One name mention: [start, end) in its unit's text."""

    start: int
    end: int
    kind: str
    ref: str
    text: str


@dataclass
class UnitNames:
    id: str
    lang: str
    text: str
    mentions: list[Named] = field(default_factory=list)


def _walk(node: etree._Element, out: list[str], mentions: list[Named], pos: int) -> int:
    """Append node's text to out, recording the name elements inside it; the new position."""
    if node.text:
        out.append(node.text)
        pos += len(node.text)
    for child in node:
        if isinstance(child.tag, str):  # not a comment or processing instruction an editor left
            start, first = pos, len(out)
            pos = _walk(child, out, mentions, pos)
            kind = _KIND_OF.get(child.tag)
            if kind:
                mentions.append(Named(start, pos, kind, (child.get("ref") or "").lstrip("#"),
                                      "".join(out[first:])))
        if child.tail:
            out.append(child.tail)
            pos += len(child.tail)
    return pos


def units(tree: etree._ElementTree) -> list[UnitNames]:
    """Every unit of the body in document order; a dateline is the start of the unit after it,
    as in the model."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    found: list[UnitNames] = []
    body = root.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
    if body is None:
        return found
    pending: tuple[list[str], list[Named], int] | None = None
    for node in body.iter(_DATELINE, *_UNITS):
        if node.tag in _UNITS and node.get(XML_ID) is None:
            continue
        out, mentions, pos = pending or ([], [], 0)
        pos = _walk(node, out, mentions, pos)
        if node.tag == _DATELINE:
            pending = (out, mentions, pos)
            continue
        pending = None
        lang = _lang(node)
        found.append(UnitNames(node.get(XML_ID), lang, "".join(out), sorted(mentions)))
    return found


def _lang(node: etree._Element) -> str:
    while node is not None:
        if node.get(XML_LANG):
            return node.get(XML_LANG)
        node = node.getparent()
    return ""


def entries(tree: etree._ElementTree) -> dict[str, Entity]:
    """The entries of the listPerson, listPlace and listOrg of a standOff or a register."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    out: dict[str, Entity] = {}
    for kind, (_, item) in LIST_OF_KIND.items():
        name_tag = f"{{{TEI_NS}}}{ELEMENT_OF_KIND[kind]}"
        for node in root.iter(f"{{{TEI_NS}}}{item}"):
            entry = Entity(node.get(XML_ID) or "", kind, machine=node.get("resp") is not None)
            for name in node.iterchildren(name_tag):
                text = " ".join("".join(name.itertext()).split())
                if text:
                    entry.names.setdefault(name.get(XML_LANG) or "en", []).append(text)
            for idno in node.iterchildren(f"{{{TEI_NS}}}idno"):
                if idno.get("type") and (idno.text or "").strip():
                    entry.idnos[idno.get("type")] = idno.text.strip()
            out[entry.id] = entry
    return out
