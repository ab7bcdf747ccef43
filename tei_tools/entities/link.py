"""One register entry per entity: Chinese and English mentions joined across the alignment.

A Chinese entity and an English name are the same thing when the register says so, when the
English is the Chinese name's romanisation (王永福 / Wang Yongfu, 汾阳 / Fenyang), or, for
organisations, when they stand in aligned units and the English begins with the romanised proper
name or ends in a translation of the Chinese head (厂 / Factory). Short English forms follow
their long form (the Industry Department).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from ..ids import entity_id
from ..model import EN, ZH, Edition, Entity, Mention
from .lexicon import EN_ORG_HEADS, EN_PLACE_SUFFIX_ZH, HEAD_TRANSLATIONS, ZH_GEO_HEADS, ZH_PLACE_SUFFIXES
from .parties import english_forms
from .romanize import compact, person_name, place_name, readings, syllables
from .spans import Span
from .units import en_signature, zh_signature
from .zh import stem

Key = tuple[str, str, str]  # (origin, kind, name): ("reg", kind, id) / ("zh", …) / ("en", …)


def zh_key(span: Span, aliases: dict[str, str]) -> Key:
    if span.ref:
        return ("reg", span.kind, span.ref)
    if span.kind == "place":
        return ("zh", "place", stem(span.name))
    if span.kind == "org":
        unit = zh_signature(span.name)
        return ("unit", "org", unit) if unit else ("zh", "org", aliases.get(span.name, span.name))
    return ("zh", span.kind, span.name)


def en_key(span: Span) -> Key:
    """A unit's key is its signature in both languages (七十一军 and 71st Army are one)."""
    if span.ref:
        return ("reg", span.kind, span.ref)
    unit = en_signature(span.name) if span.kind == "org" else None
    return ("unit", "org", unit) if unit else ("en", span.kind, span.name)


@lru_cache(maxsize=8192)
def romanised(key: Key) -> frozenset[str]:
    """Compact romanisations a Chinese name may take in English."""
    _, kind, name = key
    if kind == "person":
        # the full name, other readings of its characters (卜: bo, bu), and the surname alone
        # (周 / Zhou, but also 周恩来 / Zhou)
        return frozenset({compact(person_name(name)), compact(syllables(name[0])[0])}
                         | {compact(r) for r in readings(name)})
    if kind == "place":
        forms = {compact(place_name(name)), compact(place_name(stem(name)))}
        for suffix in ZH_PLACE_SUFFIXES:  # 滑县 / Hua County: a one-character name and its suffix
            if name.endswith(suffix) and len(name) > len(suffix):
                forms.add(compact(place_name(name[:-len(suffix)])))
        if len(name) >= 2 and name[-1] in "江河湖":
            forms.add(compact(place_name(name[:-1])))  # 赣江 / Gan River
        for head in ZH_GEO_HEADS:
            if name.endswith(head) and len(name) > len(head):
                forms.add(compact(place_name(name[:-len(head)])))  # 百嘉水库 / Baijia Reservoir
        if name.endswith("工地") and len(name) > 3:  # a site: the English names what is built there
            forms |= romanised(("zh", "place", name[:-2]))
        return frozenset(forms)
    return frozenset()


def without_place_head(name: str) -> str:
    """Fenyang County -> Fenyang: the Chinese key of a place is its stem."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in EN_PLACE_SUFFIX_ZH else name


def hints(zh_keys: set[Key]) -> dict[str, str]:
    """English forms to look for in the translation: romanised persons and places (keys of
    origin `zh`; give register spans as `("zh", kind, surface)` to have theirs looked for)."""
    out = {}
    for key in zh_keys:
        origin, kind, name = key
        if origin != "zh":
            continue
        if kind == "person":
            out[person_name(name)] = kind
        elif kind == "place" and len(name) >= 2:
            out[place_name(stem(name))] = kind
    return out


@lru_cache(maxsize=65536)
def _org_score(zname: str, ename: str) -> int:
    """Name evidence that an English organisation name translates a Chinese one.

    The romanised proper name inside the Chinese (jiaxing in zhonggongjiaxingshiwei…) begins
    the English; the English head translates the Chinese head, and a mismatch counts against.
    """
    if ename in english_forms(zname):
        return 10  # 意共 / Italian Communist Party
    score = 0
    words = ename.split()
    proper = compact("".join(syllables(zname)))
    prefix = ""
    for w in words:
        prefix += compact(w)
        if len(prefix) >= 4 and prefix in proper:
            score = max(score, 2 + len(prefix) // 4)
    heads = [w for w in words if w in EN_ORG_HEADS]
    head = heads[-1] if heads else (words[-1] if words else "")
    for zh_head, english in sorted(HEAD_TRANSLATIONS.items(), key=lambda h: -len(h[0])):
        if zname.endswith(zh_head):
            score += 2 if head in english else -2
            break
    return score


def _forms(key: Key, surfaces: dict[Key, set[str]]) -> frozenset[str]:
    """Romanisations of a Chinese key: of its name, and for a register key (whose name is an
    id) of the Chinese forms the article writes it in (汶上 of a lexicon entry: Wenshang)."""
    if key[0] != "reg":
        return romanised(key)
    return frozenset().union(*(romanised(("zh", key[1], name)) for name in surfaces.get(key, ())))


def _names_of(key: Key, surfaces: dict[Key, set[str]]) -> set[str]:
    return surfaces.get(key, set()) if key[0] == "reg" else {key[2]}


_ZH_RAILWAY = re.compile(r"^([\u4e00-\u9fff])([\u4e00-\u9fff])(?:铁路|铁道|路|线)$")
_EN_RAILWAY = re.compile(r"^([A-Z][a-z’']+)-([A-Z][a-z’']+) (?:Railway|Line)$")


def _same_railway(zh: str, en: str) -> bool:
    """津浦路 and the Tianjin-Pukou Railway: each end's character is read in each end's name."""
    z, e = _ZH_RAILWAY.match(zh), _EN_RAILWAY.match(en)
    return bool(z and e) and all(compact(syllables(z.group(k))[0]) in compact(e.group(k)) for k in (1, 2))


def _positions(keys_by_unit: dict[str, list[Key]]) -> dict[tuple[str, Key], float]:
    """Where a key first stands in its unit, from 0 to 1: aligned names tend to keep their order."""
    out = {}
    for unit, keys in keys_by_unit.items():
        for k, key in enumerate(keys):
            out.setdefault((unit, key), k / max(len(keys) - 1, 1))
    return out


def link(zh_keys_by_unit: dict[str, list[Key]], en_keys_by_unit: dict[str, list[Key]],
         pairs: list[tuple[str, str]], known: dict[str, Key] | None = None,
         surfaces: dict[Key, set[str]] | None = None) -> dict[Key, Key]:
    """Map each English key (not from the register) to the Chinese key it names, if any.

    Candidates are scored on name evidence (romanisation, head translation), co-occurrence in
    aligned units and order inside them; the best pairs are taken first, and a Chinese entity
    takes a second English name only if it is a short form (a word-suffix) of one it has.
    """
    cooc: Counter = Counter()
    order: Counter = Counter()
    zpos, epos = _positions(zh_keys_by_unit), _positions(en_keys_by_unit)
    for z, e in pairs:
        for zk in set(zh_keys_by_unit.get(z, [])):
            for ek in set(en_keys_by_unit.get(e, [])):
                if zk[1] == ek[1]:
                    cooc[(zk, ek)] += 1
                    order[(zk, ek)] += 1 - abs(zpos[(z, zk)] - epos[(e, ek)])
    all_zh = sorted({k for keys in zh_keys_by_unit.values() for k in keys if k[0] != "unit"})
    all_en = sorted({k for keys in en_keys_by_unit.values() for k in keys if k[0] == "en"})
    candidates = []
    surfaces = surfaces or {}
    # Persons and places pair by romanisation: index the Chinese keys by their forms once, so
    # each English name looks its partners up instead of trying every Chinese key.
    by_form: dict[tuple[str, str], set[Key]] = defaultdict(set)
    railways = [zk for zk in all_zh if zk[1] == "place"
                and any(_ZH_RAILWAY.match(z) for z in _names_of(zk, surfaces))]
    for zk in all_zh:
        if zk[1] in ("person", "place"):
            for form in _forms(zk, surfaces):
                by_form[(zk[1], form)].add(zk)
    zh_orgs = [(zk, _names_of(zk, surfaces)) for zk in all_zh if zk[1] == "org"]
    for ek in all_en:
        if ek[1] in ("person", "place"):
            partners = by_form.get((ek[1], compact(without_place_head(ek[2]))), set()) | by_form.get(
                (ek[1], compact(ek[2])), set())
            if ek[1] == "place" and _EN_RAILWAY.match(ek[2]):
                partners |= {zk for zk in railways if any(_same_railway(z, ek[2]) for z in _names_of(zk, surfaces))}
            candidates += [(10 + cooc[(zk, ek)] + order[(zk, ek)] / 2, ek, zk) for zk in partners]
            continue
        for zk, znames in zh_orgs:  # organisations: name evidence and co-occurrence
            together = cooc[(zk, ek)]
            name_score = max([_org_score(z, ek[2]) for z in znames], default=0)
            if together > 0 and name_score >= 2 or name_score >= 4:
                candidates.append((3 * name_score + together + order[(zk, ek)] / 2, ek, zk))
    mapping: dict[Key, Key] = {}
    names_of: dict[Key, list[str]] = defaultdict(list)
    for _, ek, zk in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if ek in mapping:
            continue
        if zk[1] == "org" and names_of[zk] and not any(n.endswith(" " + ek[2]) for n in names_of[zk]):
            continue  # one organisation, one English name and its short forms
        mapping[ek] = zk
        names_of[zk].append(ek[2])
    # An unlinked short English form (the Industry Department) follows a linked long form,
    # or a long form the register gave.
    long_forms = {k[2]: v for k, v in mapping.items()} | dict(known or {})
    for ek in all_en:
        if ek in mapping:
            continue
        targets = {v for name, v in long_forms.items() if v[1] == ek[1] and name.endswith(" " + ek[2])}
        if len(targets) == 1:
            mapping[ek] = targets.pop()
    _by_elimination(zh_keys_by_unit, en_keys_by_unit, pairs, mapping)
    return mapping


def _by_elimination(zh_keys_by_unit: dict[str, list[Key]], en_keys_by_unit: dict[str, list[Key]],
                    pairs: list[tuple[str, str]], mapping: dict[Key, Key]) -> None:
    """A foreign person the romanisation cannot match (霍查 / Hoxha): where an aligned pair of
    units holds exactly one unlinked person on each side, and the two never stand apart in
    another aligned pair, they are one person."""
    linked_zh = set(mapping.values())
    together: dict[tuple[Key, Key], int] = defaultdict(int)
    apart: set[tuple[Key, Key]] = set()
    for z, e in pairs:
        zs = {k for k in zh_keys_by_unit.get(z, []) if k[1] == "person" and k[0] != "reg" and k not in linked_zh}
        es = {k for k in en_keys_by_unit.get(e, []) if k[1] == "person" and k[0] == "en" and k not in mapping}
        if len(zs) == 1 and len(es) == 1:
            together[(next(iter(zs)), next(iter(es)))] += 1
        for zk in zs:
            for ek in es:
                if len(zs) > 1 or len(es) > 1:
                    apart.add((zk, ek))
    taken: set[Key] = set()
    for (zk, ek), _ in sorted(together.items(), key=lambda item: (-item[1], item[0])):
        if ek not in mapping and zk not in taken:
            mapping[ek] = zk
            taken.add(zk)


_TITLE_CASE = ("title", "subtitle", "head")


def _drop_title_case_guesses(edition: Edition, spans: dict[str, list[Span]], keys: dict[str, list[Key]],
                             mapping: dict[Key, Key]):
    """In title-case units every phrase is capitalised, so an English organisation found there
    by the capitalisation rule alone (Night School) stays only if the Chinese names it too or
    the body of the article uses the name."""
    if not edition.bilingual:
        return spans, keys
    units = {u.id: u for u in edition.sides[EN].units}
    body = "\n".join(u.text for u in units.values() if u.kind not in _TITLE_CASE)
    for unit_id in list(spans):
        if units[unit_id].kind not in _TITLE_CASE:
            continue
        kept = [(s, k) for s, k in zip(spans[unit_id], keys[unit_id])
                if not (k[0] == "en" and k[1] == "org" and k not in mapping and s.name not in body)]
        spans[unit_id] = [s for s, _ in kept]
        keys[unit_id] = [k for _, k in kept]
    return spans, keys


def _surname_aliases(keys_by_unit: dict[str, list[Key]], surname_of,
                     written: dict[Key, set[str]]) -> dict[Key, Key]:
    """A person named by the surname alone (周总理, Premier Zhou) is the one person of the
    article whose full name starts with it, if there is exactly one; a registered person by the
    names the article writes it in (周恩来 of the period gazetteer)."""
    persons = {k for keys in keys_by_unit.values() for k in keys if k[1] == "person"}
    out = {}
    for short in (k for k in persons if k[0] != "reg"):
        full = [k for k in persons if k != short and any(
            surname_of(name) == short[2] for name in (written.get(k, ()) if k[0] == "reg" else (k[2],)))]
        if len(full) == 1:
            out[short] = full[0]
    return out


def build_entities(edition: Edition, zh_spans: dict[str, list[Span]], en_spans: dict[str, list[Span]],
                   aliases: dict[str, str], register: dict[str, Entity],
                   corpus_ids: dict[tuple[str, str], str] | None = None) -> None:
    """Give every mention its final @ref and the edition the entries it refers to; a
    machine-made entity whose full name a corpus register has (`corpus_ids`: (kind, name) ->
    id) takes the corpus id, so that one entity has one id across the corpus."""
    zh_keys = {u: [zh_key(s, aliases) for s in spans] for u, spans in zh_spans.items()}
    en_keys = {u: [en_key(s) for s in spans] for u, spans in en_spans.items()}
    for spans_by_unit, keys_by_unit, surname_of in (
            (zh_spans, zh_keys, lambda n: n[0] if len(n) > 1 else None),
            (en_spans, en_keys, lambda n: n.split()[0] if " " in n else None)):
        written: dict[Key, set[str]] = defaultdict(set)
        for unit, spans in spans_by_unit.items():
            for span, key in zip(spans, keys_by_unit[unit]):
                written[key].add(span.name)
        same = _surname_aliases(keys_by_unit, surname_of, written)
        for unit, keys in keys_by_unit.items():
            keys_by_unit[unit] = [same.get(k, k) for k in keys]
    known = {s.name: k for u, spans in en_spans.items() for s, k in zip(spans, en_keys[u]) if k[0] == "reg"}
    surfaces: dict[Key, set[str]] = defaultdict(set)
    for unit, spans in zh_spans.items():
        for span, key in zip(spans, zh_keys[unit]):
            surfaces[key].add(span.name)
    # A machine-made place or person whose name a register entry of the article is written as
    # (汾阳县 beside the lexicon's 汾阳) is that entry.
    written = {(key[1], name): key for key, names in surfaces.items() if key[0] == "reg" for name in names}
    same = {key: written[(key[1], key[2])] for key in surfaces
            if key[0] == "zh" and key[1] in ("person", "place") and (key[1], key[2]) in written}
    if same:
        zh_keys = {unit: [same.get(k, k) for k in keys] for unit, keys in zh_keys.items()}
        for key, target in same.items():
            surfaces[target] |= surfaces.pop(key)
    mapping = link(zh_keys, en_keys, edition.links, known, surfaces)
    en_spans, en_keys = _drop_title_case_guesses(edition, en_spans, en_keys, mapping)
    names: dict[Key, dict[str, Counter]] = defaultdict(lambda: {ZH: Counter(), EN: Counter()})
    for lang, spans_by_unit, keys_by_unit in ((ZH, zh_spans, zh_keys), (EN, en_spans, en_keys)):
        for unit_id, spans in spans_by_unit.items():
            for span, key in zip(spans, keys_by_unit[unit_id]):
                names[mapping.get(key, key)][lang][span.name] += 1
    ids: dict[Key, str] = {}
    taken: set[str] = set()  # ids made here; the register's are taken too (not copied: it is large)
    for key in sorted(names, key=lambda k: (k[0] != "reg", k)):
        origin, kind, name = key
        if origin == "reg":
            ids[key] = name
            edition.entities[name] = register[name]
            continue
        en_names = names[key][EN]
        zh_forms = sorted(names[key][ZH], key=lambda s: (-len(s), s))
        en_forms = sorted(en_names, key=lambda s: (-len(s), s))
        new_id = (corpus_ids or {}).get((kind, (zh_forms or en_forms)[0]))
        if new_id is None or new_id in taken:
            label = (max(en_names, key=lambda n: (len(n), n)) if en_names else
                     (person_name(name) if kind == "person" else place_name(name)))
            base = entity_id(kind, label)
            new_id, n = base, 1
            while new_id in taken or new_id in register:
                n += 1
                new_id = f"{base}-{n}"
        taken.add(new_id)
        ids[key] = new_id
        entity_names = {lang: forms for lang, forms in ((ZH, zh_forms), (EN, en_forms)) if forms}
        edition.entities[new_id] = Entity(new_id, kind, entity_names, machine=True)
    for lang, spans_by_unit, keys_by_unit in ((ZH, zh_spans, zh_keys), (EN, en_spans, en_keys)):
        if lang not in edition.sides:
            continue
        units = {u.id: u for u in edition.sides[lang].units}
        for unit_id, spans in spans_by_unit.items():
            units[unit_id].mentions = sorted(  # Mention's own order, by a key: no __lt__ calls
                (Mention(s.start, s.end, s.kind, ids[mapping.get(k, k)])
                 for s, k in zip(spans, keys_by_unit[unit_id])),
                key=lambda m: (m.start, m.end, m.kind, m.ref))
