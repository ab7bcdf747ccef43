"""Names the tagger made entries for that no register has: what an editor should curate next."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from typing import Callable

from .errors import UNFORESEEN, ToolError
from .model import EN, ZH
from .pipeline import Options, build_edition, build_from_bytes
from .safexml import parse
from .sources import Refused, Source, iter_sources
from .tei_writer import ELEMENT_OF_KIND, TEI_NS

_CONTEXT = 12


def _from_edition(path: Path):
    """(id, kind, names, context) of the machine-made entries of a TEI edition."""
    tree = parse(path)
    ns = {"t": TEI_NS}
    for kind, tag in ELEMENT_OF_KIND.items():
        for entry in tree.xpath(f"//t:standOff//t:*[@resp][t:{tag}]", namespaces=ns):
            entity_id = entry.get("{http://www.w3.org/XML/1998/namespace}id")
            names = [" ".join(n.itertext()) for n in entry.xpath(f"t:{tag}", namespaces=ns)]
            uses = tree.xpath(f"//t:text//t:{tag}[@ref='#{entity_id}']", namespaces=ns)
            contexts = [_context(u) for u in uses]
            yield entity_id, kind, names, contexts


def _context(node) -> str:
    unit = node
    while unit.get("{http://www.w3.org/XML/1998/namespace}id") is None and unit.getparent() is not None:
        unit = unit.getparent()
    text = "".join(unit.itertext())
    name = "".join(node.itertext())
    at = text.find(name)
    return text[max(0, at - _CONTEXT):at + len(name) + _CONTEXT]


def _from_source(source: Source, registers: list[Path]):
    options = Options(registers=registers)
    edition = (build_from_bytes(source.data, source.name, options) if source.data is not None
               else build_edition(source.path, options))
    for entity in edition.entities.values():
        if not entity.machine:
            continue
        contexts = []
        for unit in edition.units():
            for m in unit.mentions:
                if m.ref == entity.id:
                    contexts.append(unit.text[max(0, m.start - _CONTEXT):m.end + _CONTEXT])
        names = entity.names.get(ZH, []) + entity.names.get(EN, [])
        yield entity.id, entity.kind, names, contexts


@dataclass
class Candidate:
    """A machine-made entry no register has: how often it is used, and one context."""

    count: int
    kind: str
    id: str
    names: list[str]
    context: str

    def line(self) -> str:
        return f"{self.count}\t{self.kind}\t{self.id}\t{' | '.join(self.names)}\t…{self.context}…"


def candidates(paths: list[str | Path], registers: list[Path],
               failed: Callable[[str], None] = lambda message: None) -> list[Candidate]:
    """The candidates, most frequent first: count, kind, id, names, a context.

    Paths are sources and editions (`*.xml`), as `convert` finds them (folders recursively,
    `.7z` archives); a file that cannot be read is reported through `failed` and skipped."""
    count: Counter = Counter()
    info: dict[str, tuple[str, list[str]]] = {}
    contexts: dict[str, list[str]] = defaultdict(list)
    for source in iter_sources(paths):
        if isinstance(source, Refused):
            failed(source.error)
            continue
        try:
            rows = list(_from_edition(source.path) if source.data is None and source.path.suffix == ".xml"
                        else _from_source(source, registers))
        except ToolError as exc:
            failed(str(exc))
            continue
        except UNFORESEEN as exc:
            failed(f"{source.name}: cannot read ({type(exc).__name__}: {exc})")
            continue
        for entity_id, kind, names, ctx in rows:
            count[entity_id] += len(ctx)
            info.setdefault(entity_id, (kind, names))
            contexts[entity_id].extend(ctx)
    return [Candidate(n, info[entity_id][0], entity_id, info[entity_id][1],
                      contexts[entity_id][0] if contexts[entity_id] else "")
            for entity_id, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))]
