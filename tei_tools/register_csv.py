"""The register as a table, for a spreadsheet or OpenRefine, and back.

One row an entry, one a not-names item: id, kind, chinese, english (several names joined by
` | `), pinyin, the authority ids (wikidata, cbdb, geonames, viaf), note, not_a_name (`yes`),
mentions (from `register build`; not read back). `import` changes only what a row changes: an
edited row becomes a curated entry (its @resp goes, so `register build` leaves it alone), a
row marked not_a_name moves the entry's names to the not-names list, a new row is a new entry
(its id made from its content when left empty); entries without a row stay. Every row is
checked before anything is written; a bad one is `FILE:LINE: what is wrong`.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from .corpus_names import corpus_id
from .edition_names import entries
from .entities.romanize import person_name, place_name
from .errors import ToolError
from .model import EN, ZH, Entity
from .register_file import RegisterFile
from .tei_writer import AUTHORITIES, TEI_NS, XML_LANG

PINYIN = "zh-Latn-pinyin"
COLUMNS = ("id", "kind", "chinese", "english", "pinyin", *AUTHORITIES, "note", "not_a_name", "mentions")
KINDS = ("person", "place", "org")
_SEP = " | "
_NCNAME = re.compile(r"^[A-Za-z_][\w.\-]*$")
_T = f"{{{TEI_NS}}}"


def _pinyin(entity: Entity) -> str:
    if entity.names.get(PINYIN):
        return entity.names[PINYIN][0]
    zh = entity.names.get(ZH)
    if not zh:
        return ""
    return person_name(zh[0]) if entity.kind == "person" else place_name(zh[0])


def _row(entity: Entity, node) -> dict[str, str]:
    notes = [n for n in node.iterchildren(f"{_T}note") if n.get("type") is None]
    count = next((n.get("n", "") for n in node.iterchildren(f"{_T}note") if n.get("type") == "count"), "")
    return {"id": entity.id, "kind": entity.kind, "chinese": _SEP.join(entity.names.get(ZH, [])),
            "english": _SEP.join(entity.names.get(EN, [])), "pinyin": _pinyin(entity),
            **{a: entity.idnos.get(a, "") for a in AUTHORITIES},
            "note": " ".join("".join(notes[0].itertext()).split()) if notes else "",
            "not_a_name": "", "mentions": count}


def _not_name_rows(register: RegisterFile) -> list[dict[str, str]]:
    rows = []
    for item in register.not_names().iter(f"{_T}item"):
        lang = item.get(XML_LANG, EN)
        rows.append({**dict.fromkeys(COLUMNS, ""), "kind": item.get("type") or "",
                     "chinese" if lang.startswith("zh") else "english": item.text or "", "not_a_name": "yes"})
    return rows


def export(path: str | Path) -> str:
    """The register as CSV text (UTF-8, a header row, entries in register order)."""
    register = RegisterFile(path)
    rows = [_row(e, register.entry(i)) for i, e in entries(register.tree).items()]
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows + _not_name_rows(register))
    return out.getvalue()


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def import_table(table: str | Path, path: str | Path) -> dict[str, int]:
    """Apply the rows of a CSV table to the register at path; counts of what changed."""
    register = RegisterFile(path)
    known = entries(register.tree)
    with open(table, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        try:
            missing = [c for c in ("id", "kind", "chinese", "english") if c not in (reader.fieldnames or [])]
            if missing:
                raise ToolError(str(table), 1, f"no column {', '.join(missing)} (expected {', '.join(COLUMNS)})")
            rows = [(reader.line_num, {k: (v or "").strip() for k, v in row.items() if isinstance(k, str)})
                    for row in reader]
        except (UnicodeDecodeError, csv.Error) as exc:
            raise ToolError(str(table), reader.line_num + 1, f"not a UTF-8 CSV table ({exc})") from None
    plans = [_check(table, line, row, register, known) for line, row in rows]
    counts = {"changed": 0, "added": 0, "not-names": 0}
    dropped = {entity.id for entity in (plan[1] for plan in plans if plan and plan[0] == "not-name")}
    for (line, row), plan in zip(rows, plans):
        if plan is None:
            continue
        what, entity = plan
        if what == "not-name":  # its names, but those another entry has (a mislinked translation)
            for lang, names in entity.names.items():
                for name in names:
                    if not any(name in other.names.get(lang, []) for other_id, other in known.items()
                               if other_id != entity.id and other_id not in dropped):
                        counts["not-names"] += register.say_no(lang, name, entity.kind or None)
            if entity.id:
                register.remove(entity.id)
            continue
        for lang in (ZH, EN):
            for name in entity.names.get(lang, []):
                register.unsay_no(lang, name, entity.kind)
        node = register.put(entity)
        note = row.get("note", "")
        for old in list(node.iterchildren(f"{_T}note")):
            if old.get("type") is None:
                node.remove(old)
        if note:
            node.append(_note(note))
        counts["added" if what == "new" else "changed"] += 1
    if any(plan is not None for plan in plans):
        register.save()
    return counts


def _note(text: str):
    from lxml import etree

    note = etree.Element(f"{_T}note")
    note.text = text
    return note


def _check(table, line: int, row: dict[str, str], register: RegisterFile, known: dict[str, Entity]):
    """What a row asks for: None (nothing changed), ("new" | "changed" | "not-name", entity)."""
    kind, entity_id = row.get("kind", ""), row.get("id", "")
    not_name = row.get("not_a_name", "").lower() in ("yes", "y", "true", "1", "x")
    if kind not in KINDS and not (not_name and not kind):
        raise ToolError(str(table), line, f"kind {kind!r}: expected person, place or org")
    if entity_id and not _NCNAME.match(entity_id):
        raise ToolError(str(table), line, f"id {entity_id!r} is no valid xml:id")
    names = {lang: _split(row.get(col, "")) for lang, col in ((ZH, "chinese"), (EN, "english"))}
    names = {lang: n for lang, n in names.items() if n}
    if not names:
        raise ToolError(str(table), line, "a row needs a Chinese or an English name")
    old = known.get(entity_id)
    if not_name:
        return "not-name", Entity(entity_id, kind, names)
    if old is not None:
        was = _row(old, register.entry(entity_id))
        if all(row.get(c, "") == was[c] for c in COLUMNS if c != "mentions"):
            return None
    if not entity_id:
        entity_id = corpus_id(kind, ZH, names[ZH][0]) if ZH in names else corpus_id(kind, EN, names[EN][0])
    pinyin = row.get("pinyin", "")
    if pinyin and pinyin != _pinyin(Entity(entity_id, kind, names)):
        names[PINYIN] = [pinyin]
    idnos = {k: v for k, v in (old.idnos if old else {}).items() if k not in AUTHORITIES}
    idnos.update((a, row[a]) for a in AUTHORITIES if row.get(a))
    return ("changed" if old else "new"), Entity(entity_id, kind, names, machine=False, idnos=idnos)
