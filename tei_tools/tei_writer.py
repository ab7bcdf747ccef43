"""The one writer: an Edition becomes a TEI P5 document.

It knows TEI and nothing of the source format. Every encoding decision it makes is described in
`schema/tei_tools.odd` (with its reasons), `schema/tei_tools.xsd` and README "Encoding decisions".
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from . import RELEASED, __version__
from .ids import section_id
from .model import EN, ZH, Edition, Entity, Mention, Unit
from .safexml import parse_bytes
from .xml_out import Node, serialise

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XML_ID = f"{{{XML_NS}}}id"
APP_ID = "tei-tools"
ELEMENT_OF_KIND = {"person": "persName", "place": "placeName", "org": "orgName"}
LIST_OF_KIND = {"person": ("listPerson", "person"), "place": ("listPlace", "place"),
                "org": ("listOrg", "org")}
# The authorities an entry's idno may name (schema: authorityIdno; the register's CSV columns).
AUTHORITIES = ("wikidata", "cbdb", "geonames", "viaf")
LANG_NAMES = {ZH: "Chinese (simplified script), the original", EN: "English, the translation"}


@dataclass
class Publication:
    """Facts about who publishes the edition and the newspaper it comes from; all settable."""

    publisher: str = "tei_tools editions"
    licence_url: str = "https://creativecommons.org/licenses/by/4.0/"
    licence_text: str = ("The TEI encoding is available under the Creative Commons Attribution "
                         "4.0 International licence.")
    identifier_base: str = ""  # where set, the edition's URI is this + its id (idno type="URI")
    paper: dict[str, str] = field(default_factory=lambda: {ZH: "人民日报", EN: "People's Daily"})
    schema_href: str = "../schema/"


def _el(parent: Node, tag: str, text: str | None = None, **attrs: str) -> Node:
    """A TEI element (the default namespace) under parent; `id` and `lang` are xml:id and
    xml:lang."""
    if "id" in attrs or "lang" in attrs:
        attrs = {_ATTR.get(key, key): value for key, value in attrs.items()}
    return parent.add(tag, attrs, text)


_ATTR = {"id": "xml:id", "lang": "xml:lang"}


def publication_date() -> str:
    """The edition's date: SOURCE_DATE_EPOCH's, else the release of this version; never the
    clock, so that the same input gives the same bytes."""
    return build_date() or RELEASED


def build_date() -> str | None:
    """The build date: only from SOURCE_DATE_EPOCH, so that output is reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    try:
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date().isoformat()
    except (ValueError, OverflowError, OSError):
        return None


# -- inline text with nested names ---------------------------------------------------------
def _render(parent: Node, text: str, start: int, end: int, mentions: list[Mention]) -> None:
    """Write text[start:end] into parent, nesting name elements as the spans nest."""
    pos = start
    i = 0
    while i < len(mentions):
        outer = mentions[i]
        inner = []
        i += 1
        while i < len(mentions) and mentions[i].end <= outer.end:
            inner.append(mentions[i])
            i += 1
        if pos < outer.start:
            parent.add_text(text[pos:outer.start])
        node = _el(parent, ELEMENT_OF_KIND[outer.kind], ref=f"#{outer.ref}")
        _render(node, text, outer.start, outer.end, inner)
        pos = outer.end
    if pos < end:
        parent.add_text(text[pos:end])


def _well_nested(mentions: list[Mention]) -> list[Mention]:
    """Sorted outer-first (then by kind and id, so that the order never hangs on a set's); a
    span crossing an open one, or repeating it, is dropped (TEI elements cannot cross). A stack
    of open spans keeps this linear."""
    kept: list[Mention] = []
    open_spans: list[Mention] = []
    for m in sorted(set(mentions), key=lambda m: (m.start, -m.end, m.kind, m.ref)):
        if m.start >= m.end:
            continue
        while open_spans and open_spans[-1].end <= m.start:
            open_spans.pop()
        top = open_spans[-1] if open_spans else None
        if top and (m.end > top.end or (top.start, top.end, top.kind) == (m.start, m.end, m.kind)):
            continue
        kept.append(m)
        open_spans.append(m)
    return kept


def _unit(parent: Node, tag: str, unit: Unit, **attrs: str) -> Node:
    """A unit's element; a dateline that opens a paragraph goes before it, as TEI wants it
    at the top of a division: the caller gives the dispatch its own division."""
    mentions = _well_nested(unit.mentions)
    start = unit.dateline
    if start:
        dateline = _el(parent, "dateline")
        _render(dateline, unit.text, 0, start, [m for m in mentions if m.end <= start])
    node = _el(parent, tag, id=unit.id, **attrs)
    if unit.corresp:
        node.set("corresp", " ".join(f"#{c}" for c in unit.corresp))
    body = [m for m in mentions if m.start >= start]
    if not unit.sentences:
        _render(node, unit.text, start, len(unit.text), body)
        return node
    pos, k, last = start, 0, None
    for sentence in unit.sentences:  # names lie inside one sentence (sentences.split)
        gap = unit.text[pos:sentence.start] or None  # white space between sentences
        if last is None:
            node.text = gap
        else:
            last.tail = gap  # set on the sentence before: add_text would count the children
        first = k
        while k < len(body) and body[k].start < sentence.end:
            k += 1
        last = _el(node, "s", id=sentence.id)
        _render(last, unit.text, sentence.start, sentence.end, body[first:k])
        pos = sentence.end
    last.tail = unit.text[pos:] or None
    return node


# -- header ----------------------------------------------------------------------------------
def _names_of(edition: Edition, lang: str) -> list[str]:
    if lang not in edition.sides:
        return []
    return edition.meta.authors.get(lang, [])


def _author_refs(edition: Edition) -> list[str | None]:
    """The register entity of each author, by position: pairs Chinese and English names."""
    refs: list[str | None] = []
    zh, en = _names_of(edition, ZH), _names_of(edition, EN)
    for k in range(max(len(zh), len(en))):
        ref = None
        for entity in edition.entities.values():
            if entity.kind != "person":
                continue
            if (k < len(zh) and zh[k] in entity.names.get(ZH, [])) or (
                    k < len(en) and en[k] in entity.names.get(EN, [])):
                ref = entity.id
                break
        refs.append(ref)
    return refs


def _authors(parent: Node, edition: Edition, langs: tuple[str, ...]) -> None:
    zh, en = _names_of(edition, ZH), _names_of(edition, EN)
    paired = len(zh) == len(en) or not edition.bilingual
    refs = _author_refs(edition)
    names = {ZH: zh, EN: en}
    if paired:
        for k, ref in enumerate(refs):
            author = _el(parent, "author")
            if ref:
                author.set("ref", f"#{ref}")
            for lang in langs:
                if k < len(names[lang]):
                    _el(author, "persName", names[lang][k], lang=lang)
    else:  # counts differ: list each script's names on their own
        for lang in langs:
            for name in names[lang]:
                _el(_el(parent, "author"), "persName", name, lang=lang)


def _titles(parent: Node, edition: Edition, **attrs: str) -> None:
    meta = edition.meta
    for lang in edition.langs:
        if meta.title.get(lang):
            _el(parent, "title", meta.title[lang], type="main", lang=lang, **attrs)
        for subtitle in meta.subtitles.get(lang, []):
            _el(parent, "title", subtitle, type="sub", lang=lang, **attrs)


REPRINT = re.compile(r"原载(?P<paper>[^，,。；;、）)\s]+)")  # （原载浙江日报，本报略有删改。）


def _reprinted_from(edition: Edition) -> str | None:
    """The paper a closing note says the article first appeared in (原载…), if it says so; a
    note like （本报记者报道） names no earlier publication."""
    notes = edition.sides[ZH].by_kind("note")
    m = REPRINT.search(notes[0].text) if notes else None
    return m.group("paper") if m else None


def _translation_resp(parent: Node, translator: str) -> None:
    """Who made the translation, as the source says: a person, a machine, or not recorded."""
    resp = _el(parent, "respStmt")
    kind, _, system = translator.partition(":")
    if not translator:
        _el(resp, "resp", "English translation, supplied with the source file, which does not "
            "say who made it (a person or a machine)")
        _el(resp, "name", "not recorded", type="unknown")
    elif kind.strip().lower() == "machine":
        _el(resp, "resp", "English translation by machine")
        _el(resp, "name", system.strip() or "machine translation", type="machine")
    else:
        _el(resp, "resp", "English translation")
        _el(resp, "name", translator, type="person")


def _availability(pub_stmt: Node, edition: Edition, pub: Publication) -> None:
    """Three rights apart: the printed text's, the translation's and the encoding's (the only
    one this edition licenses)."""
    availability = _el(pub_stmt, "availability")
    _el(availability, "p", f"The Chinese text is the article as printed in {pub.paper[ZH]} "
        f"({pub.paper[EN]}) on {edition.meta.date}; its rights are the newspaper's and its "
        "authors', and are not licensed by this edition.", n="text")
    if edition.bilingual:
        _el(availability, "p", "The English translation came with the source file; its rights "
            "are its maker's, and are not licensed by this edition.", n="translation")
    _el(availability, "licence", pub.licence_text, target=pub.licence_url, n="encoding")


def _header(tei: Node, edition: Edition, pub: Publication) -> None:
    meta = edition.meta
    when = publication_date()
    header = _el(tei, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _titles(title_stmt, edition)
    _authors(title_stmt, edition, tuple(edition.langs))
    resp = _el(title_stmt, "respStmt")
    _el(resp, "resp", "TEI encoding, alignment and name tagging by machine" if edition.bilingual
        else "TEI encoding and name tagging by machine")
    _el(resp, "name", f"tei_tools {__version__}", ref=f"#{APP_ID}")
    if edition.bilingual:
        _translation_resp(title_stmt, meta.translator)

    pub_stmt = _el(file_desc, "publicationStmt")
    _el(pub_stmt, "publisher", pub.publisher)
    _el(pub_stmt, "idno", edition.id, type="local")
    if pub.identifier_base:
        _el(pub_stmt, "idno", pub.identifier_base + edition.id, type="URI")
    _availability(pub_stmt, edition, pub)
    _el(pub_stmt, "date", when, when=when)

    source_desc = _el(file_desc, "sourceDesc")
    bibl = _el(source_desc, "biblStruct", lang=ZH, type="article")
    analytic = _el(bibl, "analytic")
    _titles(analytic, edition, level="a")
    _authors(analytic, edition, (ZH,))
    monogr = _el(bibl, "monogr")
    _el(monogr, "title", pub.paper[ZH], level="j", lang=ZH)
    _el(monogr, "title", pub.paper[EN], level="j", lang=EN)
    imprint = _el(monogr, "imprint")
    _el(imprint, "date", meta.date, when=meta.date)
    page = str(meta.page)
    _el(monogr, "biblScope", page, unit="page", **{"from": page, "to": page})
    if meta.section:  # the page's section (第2版(文化)) and the column (专栏：简讯)
        _el(monogr, "biblScope", meta.section, unit="section")
    if meta.column:
        _el(monogr, "biblScope", meta.column, unit="column")
    reprinted = _reprinted_from(edition)
    if reprinted:  # the printed note itself stays in the text, as a trailer
        earlier = _el(_el(bibl, "relatedItem", type="reprintOf"), "bibl")
        _el(earlier, "title", reprinted, level="j", lang=ZH)

    source = _el(source_desc, "bibl", type="source")
    _el(source, "idno", edition.source.name, type="filename")
    _el(source, "idno", edition.source.sha256, type="sha256")
    _el(source, "note", "The digital source file, identified by its name and SHA-256 digest: "
        + ("an English translation followed by the Chinese text of the People's Daily archive."
           if edition.bilingual else "one article file of the People's Daily archive."))
    if edition.bilingual:
        translation = _el(source_desc, "bibl", type="translation", lang=EN)
        if meta.title.get(EN):
            full = ": ".join([meta.title[EN]] + meta.subtitles.get(EN, []))
            _el(translation, "title", full, level="a")
        for name in meta.authors.get(EN, []):
            _el(translation, "author", name)
        _el(translation, "note", "English translation supplied with the Chinese text in the "
            "source file.")

    enc = _el(header, "encodingDesc")
    app = _el(_el(enc, "appInfo"), "application", id=APP_ID, ident="tei_tools", version=__version__)
    _el(app, "label", "tei_tools")
    decl = _el(enc, "editorialDecl")
    _el(_el(decl, "normalization"), "p",
        "Leading and trailing white space of each line (including U+3000) is removed; the text "
        "is otherwise given as in the source. Line ends are LF; characters that XML 1.0 forbids "
        "are replaced by U+FFFD and recorded in the revision description.")
    segmentation = ("One unit per source line: title decks, byline, heading, paragraph, closer "
                    "(a signature or date set apart at the end) or closing note; a dateline that "
                    "opens a paragraph is a dateline heading the dispatch's division.")
    if edition.bilingual:
        segmentation += (" Units of the original and the translation are aligned in order (1:1, "
                         "1:2, 2:1) and linked by @corresp and by the translation linkGrp in the "
                         "standOff.")
    if any(u.sentences for u in edition.units()):
        segmentation += (" Each unit is cut into sentences (s): Chinese at 。！？ and the closing "
                         "quotes or brackets after them, English at . ! ? before a capital, save "
                         "after abbreviations and initials; no sentence ends inside a name.")
    if edition.sentence_links:
        segmentation += (" Sentences are aligned inside each aligned group of units, by length, "
                         "shared numbers and shared names, in the sentences linkGrp.")
    _el(_el(decl, "segmentation"), "p", segmentation)
    _el(enc, "schemaRef", type="interchangeODD", url=f"{pub.schema_href}tei_tools.odd")

    profile = _el(header, "profileDesc")
    lang_usage = _el(profile, "langUsage")
    for lang in edition.langs:
        _el(lang_usage, "language", LANG_NAMES[lang], ident=lang)

    # Unreviewed machine output: draft until an editor says otherwise.
    revision = _el(header, "revisionDesc", status="draft")
    change = _el(revision, "change", who=f"#{APP_ID}", when=when)
    text = (f"Generated by tei_tools {__version__} from {edition.source.name} "
            f"(sha256 {edition.source.sha256}).")
    for note in edition.source.normalisations:
        text += f" Source normalised: {note}."
    change.text = text


# -- standOff and body -------------------------------------------------------------------------
def _stand_off(tei: Node, edition: Edition) -> None:
    used = _used_refs(edition)
    entities = [e for e in edition.entities.values() if e.id in used]
    if not entities and not edition.links and not edition.sentence_links:
        return
    stand_off = _el(tei, "standOff")
    for kind, (list_tag, item_tag) in LIST_OF_KIND.items():
        items = sorted((e for e in entities if e.kind == kind), key=lambda e: e.id)
        if items:
            listing = _el(stand_off, list_tag)
            for entity in items:
                _entity(listing, item_tag, entity)
    if edition.links:
        grp = _el(stand_off, "linkGrp", type="translation")
        for zh_id, en_id in edition.links:
            _el(grp, "link", target=f"#{zh_id} #{en_id}")
    if edition.sentence_links:
        grp = _el(stand_off, "linkGrp", type="sentences")
        for zh_ids, en_ids in edition.sentence_links:
            _el(grp, "link", target=" ".join(f"#{i}" for i in zh_ids + en_ids))


def _entity(parent: Node, tag: str, entity: Entity) -> None:
    node = _el(parent, tag, id=entity.id)
    if entity.machine:
        node.set("resp", f"#{APP_ID}")
        node.set("cert", "medium")
    for lang in (ZH, EN):
        for name, form in _forms(tuple(entity.names.get(lang, ()))):
            _el(node, ELEMENT_OF_KIND[entity.kind], name, lang=lang, type=form)
    for authority, value in sorted(entity.idnos.items()):  # from the register: wikidata, cbdb…
        _el(node, "idno", value, type=authority)


ABBREVIATION = re.compile(r"[A-Z]{2,6}")  # CPC, PLA: a Latin initialism


def name_forms(names: list[str]) -> list[tuple[str, str]]:
    """An entry's names in one language, each with its form: `full` (the longest), `short`
    (a shorter name whose characters the full one has in order: 中共 of 中国共产党, Zhejiang of
    Zhejiang Province), `abbr` (an initialism) or `variant` (another full name). A plural or a
    change of case of a name already given (trade unions, Trade Union) is left out: it is the
    same name inflected, not another name of the entity. The order stays the register's."""
    kept: list[str] = []
    seen: set[str] = set()
    for name in names:
        low = name.casefold()
        if low in seen or low.removesuffix("s") in seen or low.removesuffix("es") in seen:
            continue
        seen.add(low)
        kept.append(name)
    words = [n for n in kept if not ABBREVIATION.fullmatch(n)]
    full = max(words, key=len) if words else ""
    return [(n, "abbr" if ABBREVIATION.fullmatch(n) else "full" if n == full
             else "short" if len(n) < len(full) and _in_order(n, full) else "variant")
            for n in kept]


@lru_cache(maxsize=65536)
def _forms(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """name_forms, remembered: the same entries recur from edition to edition."""
    return tuple(name_forms(list(names)))


def _in_order(short: str, full: str) -> bool:
    rest = iter(full)
    return all(ch in rest for ch in short)


def _used_refs(edition: Edition) -> set[str]:
    refs = {m.ref for u in edition.units() for m in u.mentions}
    refs.update(r for r in _author_refs(edition) if r)
    return refs


def _body_side(body: Node, edition: Edition, lang: str) -> None:
    side = edition.sides[lang]
    div_type = "original" if lang == ZH else "translation"
    div = _el(body, "div", type=div_type, lang=lang, id=lang.split("-")[0])
    section = container = div
    for unit in side.units:
        if unit.kind == "title":
            _unit(div, "head", unit, type="main")
        elif unit.kind == "subtitle":
            _unit(div, "head", unit, type="sub")
        elif unit.kind == "byline":
            _unit(div, "byline", unit)
        elif unit.kind == "head":
            section = container = _el(div, "div", type="section", id=section_id(unit.id))
            _unit(container, "head", unit)
        elif unit.kind == "p":
            if unit.dateline:  # a dispatch: its own division, the dateline at its top
                container = _el(section, "div", type="item")
            _unit(container, "p", unit)
        elif unit.kind == "closer":
            _unit(div, "closer", unit)
        elif unit.kind == "note":  # the paper's own closing note: printed text, not ours
            _unit(div, "trailer", unit)


def _root(edition: Edition, pub: Publication) -> Node:
    tei = Node("TEI", {_ATTR["id"]: edition.id, _ATTR["lang"]: EN if edition.bilingual else ZH})
    _header(tei, edition, pub)
    _stand_off(tei, edition)
    body = _el(_el(tei, "text"), "body")
    for lang in edition.langs:
        _body_side(body, edition, lang)
    return tei


# The elements of the body that hold a unit's text (what readers of editions walk), and with the
# dateline the ones with mixed content that pretty-printing must not touch: a unit that starts
# with a name (a byline of one author) would otherwise get white space that is not in the source.
UNIT_TAGS = ("head", "p", "byline", "closer", "trailer")
MIXED = frozenset((*UNIT_TAGS, "dateline"))


def to_bytes(edition: Edition, pub: Publication | None = None) -> bytes:
    """UTF-8, pretty-printed (the structure indented, never the text), byte-identical for
    identical input. The RELAX NG and ISO Schematron compiled from the ODD are named in
    xml-model instructions (what oXygen and TEI tools use)."""
    pub = pub or Publication()
    prolog = ["<?xml version='1.0' encoding='UTF-8'?>"]
    for href, ns in ((f"{pub.schema_href}tei_tools.rng", "http://relaxng.org/ns/structure/1.0"),
                     (f"{pub.schema_href}tei_tools.isosch", "http://purl.oclc.org/dsdl/schematron")):
        prolog.append(f'<?xml-model href="{href}" type="application/xml" schematypens="{ns}"?>')
    prolog.append(serialise(_root(edition, pub), MIXED, TEI_NS))
    return ("\n".join(prolog) + "\n").encode("utf-8")


def to_tree(edition: Edition, pub: Publication | None = None) -> etree._ElementTree:
    """The edition as convert writes it, parsed."""
    return parse_bytes(to_bytes(edition, pub), f"{edition.id}.xml")
