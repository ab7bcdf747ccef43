"""The register of entities: a TEI file of listPerson / listPlace / listOrg, curated by hand.

The tagger uses it as a gazetteer in both languages. A built-in gazetteer of general knowledge
(provinces, large cities, national bodies) comes with the package; a project register adds to it
and wins where both name the same thing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ToolError
from ..model import EN, ZH, Entity
from ..safexml import parse
from ..tei_writer import AUTHORITIES

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BUILTIN = Path(__file__).resolve().parent.parent / "data" / "gazetteer.xml"
PERIOD = Path(__file__).resolve().parent.parent / "data" / "period.tsv"
_ITEMS = {"person": ("person", "persName"), "place": ("place", "placeName"), "org": ("org", "orgName")}


@dataclass
class Register:
    entities: dict[str, Entity] = field(default_factory=dict)
    # What is no name, so an editor fixes a false name once: lang -> text -> the kinds it is
    # not (empty: no kind at all). From <list type="not-names"><item xml:lang type?>.
    not_names: dict[str, dict[str, set[str]]] = field(default_factory=dict)

    def says_no(self, lang: str, text: str, kind: str) -> bool:
        kinds = self.not_names.get(lang, {}).get(text)
        return kinds is not None and (not kinds or kind in kinds)

    def names(self, lang: str) -> dict[str, str]:
        """Every name in a language, mapped to its entity id (later registers win)."""
        out: dict[str, str] = {}
        for entity in self.entities.values():
            for name in entity.names.get(lang, []):
                out[name] = entity.id
        return out

    def update(self, other: "Register") -> "Register":
        for entity in other.entities.values():
            self.entities.pop(entity.id, None)
            self.entities[entity.id] = entity
        for lang, table in other.not_names.items():
            for text, kinds in table.items():
                self.not_names.setdefault(lang, {})[text] = set(kinds)
        return self


def load(path: str | Path) -> Register:
    """Read a register file; an entry without an id or a name is an error naming its line."""
    tree = parse(path)
    register = Register()
    for kind, (item, name_tag) in _ITEMS.items():
        for node in tree.iter(f"{TEI}{item}"):
            entity_id = node.get(XML_ID)
            if not entity_id:
                raise ToolError(str(path), node.sourceline, f"<{item}> without xml:id")
            names: dict[str, list[str]] = {}
            for name in node.iter(f"{TEI}{name_tag}"):
                lang = name.get(XML_LANG) or EN
                text = " ".join("".join(name.itertext()).split())
                if text:
                    names.setdefault(lang, []).append(text)
            if not names:
                raise ToolError(str(path), node.sourceline, f"<{item} xml:id=\"{entity_id}\"> has no name")
            idnos = {}
            for idno in node.iterchildren(f"{TEI}idno"):
                if idno.get("type") not in AUTHORITIES or not (idno.text or "").strip():
                    raise ToolError(str(path), idno.sourceline, "an entry's idno needs an id and a type "
                                    f"{', '.join(AUTHORITIES)}")
                idnos[idno.get("type")] = idno.text.strip()
            register.entities[entity_id] = Entity(entity_id, kind, names,
                                                  machine=node.get("resp") is not None, idnos=idnos)
    for listing in tree.iter(f"{TEI}list"):
        if listing.get("type") != "not-names":
            continue
        for item in listing.iter(f"{TEI}item"):
            text = " ".join("".join(item.itertext()).split())
            kind = item.get("type")
            if not text or (kind and kind not in _ITEMS):
                raise ToolError(str(path), item.sourceline, "a not-names item needs a text and, if "
                                "any, a type person, place or org")
            lang = item.get(XML_LANG) or EN
            register.not_names.setdefault(lang, {}).setdefault(text, set()).update({kind} if kind else set())
    return register


def load_tsv(path: str | Path) -> Register:
    """A gazetteer as a table: kind, id, Chinese names, English names (`|` between names)."""
    register = Register()
    for no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 4 or cells[0] not in _ITEMS:
            raise ToolError(str(path), no, "expected kind<TAB>id<TAB>Chinese names<TAB>English names")
        kind, entity_id, zh, en = cells
        names = {lang: [n for n in value.split("|") if n] for lang, value in ((ZH, zh), (EN, en))}
        register.entities[entity_id] = Entity(entity_id, kind, {k: v for k, v in names.items() if v})
    return register


def load_all(paths: list[str | Path]) -> Register:
    """The built-in gazetteers (general, then the period's), then each project register."""
    register = load(BUILTIN).update(load_tsv(PERIOD))
    for path in paths:
        register.update(load(path))
    return register

