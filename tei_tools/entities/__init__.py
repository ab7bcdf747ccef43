"""The entity enricher: tags persons, places and organisations in both languages of an Edition
and ties them to one register. Build one `EntityTagger` per process and call it per edition."""
from __future__ import annotations

from pathlib import Path

from ..model import EN, ZH, Edition
from . import register as _register
from .en import EnglishTagger
from .link import build_entities, hints, zh_key
from .project import merge_places_into_orgs, project, project_orgs
from .propagate import propagate
from .zh import ChineseTagger


class EntityTagger:
    def __init__(self, register_paths: list[str | Path] | None = None) -> None:
        self.register = _register.load_all(list(register_paths or []))
        by_lang = {lang: {} for lang in (ZH, EN)}
        for entity in self.register.entities.values():
            for lang, table in by_lang.items():
                for name in entity.names.get(lang, []):
                    table[name] = (entity.id, entity.kind)
        self.zh = ChineseTagger(by_lang[ZH])
        self.en = EnglishTagger(by_lang[EN])

    def __call__(self, edition: Edition) -> Edition:
        zh_units = edition.sides[ZH].units
        en_units = edition.sides[EN].units
        zh_spans, aliases = self.zh.tag_units([u.text for u in zh_units], edition.meta.authors.get(ZH, []))
        zh_by_unit = {u.id: spans for u, spans in zip(zh_units, zh_spans)}
        keys = {zh_key(s, aliases) for spans in zh_spans for s in spans}
        found = hints(keys)
        en_by_unit = {u.id: self.en.tag(u.text, edition.meta.authors.get(EN, []), found)
                      for u in en_units}
        zh_text = {u.id: u.text for u in zh_units}
        project(zh_text, zh_by_unit, en_by_unit, edition.links)
        project_orgs(zh_text, zh_by_unit, en_by_unit, edition.links)
        zh_by_unit = {u: merge_places_into_orgs(zh_text[u], spans) for u, spans in zh_by_unit.items()}
        propagate(zh_text, zh_by_unit, "zh")
        propagate({u.id: u.text for u in en_units}, en_by_unit, "en")
        build_entities(edition, zh_by_unit, en_by_unit, aliases, self.register.entities)
        return edition
