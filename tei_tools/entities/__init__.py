"""The entity enricher: tags persons, places and organisations in both languages of an Edition
and ties them to one register. Build one `EntityTagger` per process and call it per edition."""
from __future__ import annotations

from pathlib import Path

from ..model import EN, ZH, Edition
from . import register as _register
from .cedict import lexicon, usable_in_english
from .chunks import Pieces
from .lexicon import EN_PLACE_SUFFIX_ZH
from .en import EnglishTagger
from .link import build_entities, hints, zh_key
from .project import merge_places_into_orgs, project, project_orgs, romanised_words
from .propagate import propagate
from .romanize import compact, person_name
from .zh import ChineseTagger


class EntityTagger:
    def __init__(self, register_paths: list[str | Path] | None = None) -> None:
        self.register = _register.load_all(list(register_paths or []))
        by_lang = {lang: {} for lang in (ZH, EN)}
        # Machine-made entries of a corpus register (tei-tools register build) give ids, not
        # names: an unchecked guess is not spread over the corpus; curated entries are both.
        self.corpus_ids: dict[tuple[str, str], str] = {}
        for entity in sorted(self.register.entities.values(), key=lambda e: e.id):
            if entity.machine:  # by the full name its id is made from, written first
                key = (entity.names.get(ZH) or entity.names.get(EN) or [None])[0]
                if key:
                    self.corpus_ids.setdefault((entity.kind, key), entity.id)
                continue
            for lang, table in by_lang.items():
                for name in entity.names.get(lang, []):
                    table[name] = (entity.id, entity.kind)
        curated = set(by_lang[ZH])  # the registers segment jieba; the lexicon only matches
        self.lexicon_en: dict[str, list[str]] = {}  # lexicon id -> English names
        for entity in lexicon().values():  # CC-CEDICT, below every register
            names = {lang: [n for n in entity.names.get(lang, []) if n not in by_lang[lang]
                            and (lang == ZH or usable_in_english(n))] for lang in (ZH, EN)}
            if not names[ZH]:
                continue
            self.register.entities.setdefault(entity.id, entity)
            by_lang[ZH].update((name, (entity.id, entity.kind)) for name in names[ZH])
            self.lexicon_en[entity.id] = names[EN] + _with_place_heads(entity, names[EN])
        self.zh = ChineseTagger(by_lang[ZH], curated, lambda name, kind: self.register.says_no(ZH, name, kind))
        self.en = EnglishTagger(by_lang[EN])

    def __call__(self, edition: Edition) -> Edition:
        _order_authors(edition)
        zh_units = edition.sides[ZH].units
        en_units = edition.sides[EN].units if edition.bilingual else []
        pieces = Pieces({u.id: u.text for u in zh_units}, {u.id: u.text for u in en_units}, edition.links)
        zh_names, zh_text = list(pieces.zh), pieces.zh
        zh_spans, aliases = self.zh.tag_units([zh_text[n] for n in zh_names], edition.meta.authors.get(ZH, []))
        zh_by_piece = dict(zip(zh_names, zh_spans))
        found = hints({zh_key(s, aliases) for spans in zh_spans for s in spans}
                      | {("zh", s.kind, s.name) for spans in zh_spans for s in spans
                         if s.ref and s.kind in ("person", "place")})
        # English lexicon names are looked for only where the Chinese names the entity.
        extra = {name: (s.ref, s.kind) for spans in zh_spans for s in spans
                 for name in self.lexicon_en.get(s.ref or "", [])}
        en_by_piece = {n: self.en.tag(text, edition.meta.authors.get(EN, []), found, extra)
                       for n, text in pieces.en.items()}
        project(zh_text, zh_by_piece, en_by_piece, pieces.pairs)
        project_orgs(zh_text, zh_by_piece, en_by_piece, pieces.pairs)
        romanised_words(zh_text, zh_by_piece, pieces.en, en_by_piece, pieces.pairs)
        zh_by_piece = {n: merge_places_into_orgs(zh_text[n], spans) for n, spans in zh_by_piece.items()}
        propagate(zh_text, zh_by_piece, "zh")
        propagate(pieces.en, en_by_piece, "en")
        for lang, by_piece, texts in ((ZH, zh_by_piece, zh_text), (EN, en_by_piece, pieces.en)):
            for piece, spans in by_piece.items():  # what the register says is no name
                by_piece[piece] = [s for s in spans if not self.register.says_no(lang, s.name, s.kind)]
        build_entities(edition, pieces.join(zh_by_piece), pieces.join(en_by_piece), aliases,
                       self.register.entities, self.corpus_ids)
        return edition


def _order_authors(edition: Edition) -> None:
    """Put the English author names in the order of the Chinese ones where the romanisations
    say which is which, so that the header pairs 王永福 with Wang Yongfu."""
    zh, en = edition.meta.authors.get(ZH, []), edition.meta.authors.get(EN, [])
    if len(zh) != len(en) or len(zh) < 2:
        return
    spelled = {compact(person_name(name)): name for name in en}
    ordered = [spelled.get(compact(person_name(name))) for name in zh]
    if all(ordered) and sorted(ordered) == sorted(en):
        edition.meta.authors[EN] = ordered


def _with_place_heads(entity, english: list[str]) -> list[str]:
    """Wan'an County for 万安县 / Wan'an: the English head of each Chinese place suffix the
    lexicon's Chinese names carry, after each English name that lacks one."""
    if entity.kind != "place":
        return []
    heads = [en for en, zh_suffixes in EN_PLACE_SUFFIX_ZH.items()
             if any(z.endswith(zh_suffixes) for z in entity.names.get(ZH, []))]
    return [f"{name} {head}" for name in english for head in heads
            if not name.endswith(tuple(EN_PLACE_SUFFIX_ZH))]
