"""What an editor changed in the names of an edition, carried into the register.

The edition's recorded source is rebuilt in memory with the registers in use, and the two are
compared unit by unit: a name mention the editor added, removed, retyped or re-linked, and an
entry renamed in the standOff. Each change becomes a register statement, so that `convert
--force` reproduces it and every other edition gains from it:

- added, re-linked, retyped to K: the text is a name of the entry the editor's @ref points at
  (that entry, with the names the editor gave it, becomes a curated register entry);
- removed, or retyped from K: the text is no name of kind K (`<list type="not-names">`);
- an entry renamed: the register entry takes the editor's names.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .edition_names import Named, UnitNames, entries, units
from .ids import entity_id
from .model import Entity
from .packages import find_source
from .pipeline import Options, build_edition
from .register_file import RegisterFile
from .safexml import parse
from .tei_writer import to_tree


TEXT_EDITED = "text edited by hand: its names not compared"


@dataclass(frozen=True)
class Change:
    what: str  # added | removed | retyped | re-linked | renamed, or TEXT_EDITED
    edition: str
    unit: str
    lang: str
    text: str
    kind: str = ""  # the editor's kind (the machine's for removed)
    ref: str = ""  # the editor's entry

    def line(self) -> str:
        where = f"{self.edition}#{self.unit}" if self.unit else self.edition
        if self.what == TEXT_EDITED:
            return f"{where}: {TEXT_EDITED}"
        return f"{where}: {self.what} {self.kind} {self.text!r}" + (f" -> {self.ref}" if self.ref else "")


def changes(edition: str | Path, options: Options, source_dirs: list[Path] | None = None
            ) -> tuple[list[Change], dict[str, Entity]]:
    """The editor's changes to the names of one edition, and its standOff entries."""
    path = Path(edition)
    tree = parse(path)
    made = to_tree(build_edition(find_source(path, tree, list(source_dirs or [])), options))
    mine, theirs = entries(tree), entries(made)
    made_units = {u.id: u for u in units(made)}
    found: list[Change] = []
    for unit in units(tree):
        other = made_units.get(unit.id)
        if other is not None and other.text == unit.text:
            found += _unit_changes(path.name, unit, other)
        else:  # the editor changed the text (or the unit): its names cannot be compared
            found.append(Change(TEXT_EDITED, path.name, unit.id, unit.lang, ""))
    for entry_id, entry in mine.items():
        before = theirs.get(entry_id)
        if before is not None and before.names != entry.names:
            found.append(Change("renamed", path.name, "", "", " | ".join(
                n for names in entry.names.values() for n in names), entry.kind, entry_id))
    return found, mine


def _unit_changes(edition: str, edited: UnitNames, made: UnitNames) -> list[Change]:
    def by_span(mentions: list[Named]) -> dict[tuple[int, int], dict[str, Named]]:
        out: dict[tuple[int, int], dict[str, Named]] = {}
        for m in mentions:
            out.setdefault((m.start, m.end), {})[m.kind] = m
        return out

    mine, theirs = by_span(edited.mentions), by_span(made.mentions)
    found = []
    for span in sorted(set(mine) | set(theirs)):
        now, before = mine.get(span, {}), theirs.get(span, {})
        retyped = bool(now) and bool(before) and set(now) != set(before)
        for kind in sorted(set(before) - set(now)):
            found.append(Change("retyped" if retyped else "removed", edition, edited.id, edited.lang,
                                before[kind].text, kind))
        for kind, m in sorted(now.items()):
            if kind not in before:
                found.append(Change("retyped" if retyped else "added", edition, edited.id, edited.lang,
                                    m.text, kind, m.ref or entity_id(kind, m.text)))
            elif before[kind].ref != m.ref:
                found.append(Change("re-linked", edition, edited.id, edited.lang, m.text, kind, m.ref))
    return found


def apply(register: RegisterFile, found: list[Change], edited: dict[str, Entity],
          known: dict[str, Entity]) -> int:
    """Write the changes into the register; the number of statements that changed it.
    `edited` are the edition's standOff entries (the editor's), `known` the entities of the
    registers in use (a gazetteer entry re-linked to gets the project register's copy)."""
    statements = 0
    to_write: dict[str, Entity] = {}
    for change in found:
        if change.what == TEXT_EDITED:
            continue
        if change.what == "renamed":
            to_write[change.ref] = _curated(edited[change.ref])
            continue
        if change.what in ("removed", "retyped") and not change.ref:
            statements += register.say_no(change.lang, change.text, change.kind)
            continue
        entry = to_write.get(change.ref) or _curated(edited.get(change.ref) or known.get(change.ref)
                                                     or Entity(change.ref, change.kind))
        if change.text not in entry.names.get(change.lang, []):
            entry.names.setdefault(change.lang, []).append(change.text)
        to_write[change.ref] = entry
        register.unsay_no(change.lang, change.text, change.kind)
        for other_id, other in known.items():  # re-linked: the name leaves the entry it had here
            node = register.entry(other_id)
            if other_id != change.ref and node is not None and change.text in other.names.get(change.lang, []):
                other.names[change.lang].remove(change.text)
                if any(other.names.values()):
                    register.put(other)
    for entry in to_write.values():
        register.put(entry)
        statements += 1
    return statements


def _curated(entity: Entity) -> Entity:
    """A copy of an entry as a curated one: an editor has looked at it."""
    return Entity(entity.id, entity.kind, {lang: list(names) for lang, names in entity.names.items()},
                  machine=False, idnos=dict(entity.idnos))
