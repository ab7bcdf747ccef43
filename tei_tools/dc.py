"""Dublin Core (OAI-PMH oai_dc) records mapped from the teiHeader; the crosswalk is in README.

Reads TEI only, so it also works on editions corrected by hand.
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from .atomic import write_atomic
from .safexml import parse
from .transform import edition_id

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
HEADER = "/t:TEI/t:teiHeader/t:fileDesc"


def _text(node) -> str:
    return " ".join("".join(node.itertext()).split())


def _both(node, tag: str) -> str:
    """A person's, place's or organisation's first name in each script, as one value:
    陈心海 (Chen Xinhai); one script alone where the edition has only one."""
    first = {}
    for name in node.xpath(f"t:{tag}", namespaces=NS):
        first.setdefault(name.get(XML_LANG, ""), _text(name))
    zh, en = first.get("zh-Hans", ""), first.get("en", "")
    other = next((v for k, v in first.items() if k not in ("zh-Hans", "en")), "")
    if zh and en:
        return f"{zh} ({en})"
    return zh or en or other or _text(node)


def record(tree: etree._ElementTree, path: str = "") -> etree._Element:
    """The oai_dc record of one edition."""
    ident = edition_id(tree, path)
    x = lambda q: tree.xpath(q, namespaces=NS)  # noqa: E731
    dc = etree.Element(f"{{{OAI_DC}}}dc", nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI})
    dc.set(f"{{{XSI}}}schemaLocation", f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")

    def add(name: str, value: str, lang: str | None = None) -> None:
        if value:
            el = etree.SubElement(dc, f"{{{DC}}}{name}")
            el.text = value
            if lang:
                el.set(XML_LANG, lang)

    for lang in ("zh-Hans", "en"):
        main = x(f"string({HEADER}/t:titleStmt/t:title[@type='main'][@xml:lang='{lang}'])")
        subs = [_text(t) for t in x(f"{HEADER}/t:titleStmt/t:title[@type='sub'][@xml:lang='{lang}']")]
        sep = "：" if lang == "zh-Hans" else ": "
        add("title", sep.join([main] + subs) if main else "", lang)
    for author in x(f"{HEADER}/t:titleStmt/t:author"):
        add("creator", _both(author, "persName"))  # one person, one value: 陈心海 (Chen Xinhai)
    monogr = f"{HEADER}/t:sourceDesc/t:biblStruct/t:monogr"
    date = x(f"string({monogr}/t:imprint/t:date/@when)")
    add("date", date)
    for ident in x("/t:TEI/t:teiHeader/t:profileDesc/t:langUsage/t:language/@ident"):
        add("language", ident.split("-")[0])  # ISO 639-1, as DSpace's list has it: zh, en
    paper_zh = x(f"string({monogr}/t:title[@xml:lang='zh-Hans'])")
    paper_en = x(f"string({monogr}/t:title[@xml:lang='en'])")
    page = x(f"string({monogr}/t:biblScope[@unit='page'])")
    add("source", f"{paper_zh} ({paper_en}), {date}, p. {page}")
    # The newspaper's closing note (printed text, a trailer) and the paper it names as the
    # first publication (relatedItem reprintOf, only for 原载…).
    add("description", x("string(/t:TEI/t:text/t:body/t:div[@type='original']/t:trailer)")
        .strip("()（）"), "zh-Hans")
    add("relation", x(f"string({HEADER}/t:sourceDesc/t:biblStruct/t:relatedItem"
                      "[@type='reprintOf']//t:title)"), "zh-Hans")
    if x("/t:TEI/t:text/t:body/t:div[@type='translation']"):
        add("description", "Bilingual TEI edition: the Chinese original and an English "
            "translation, aligned unit by unit, with persons, places and organisations tagged.", "en")
    else:
        add("description", "TEI edition of the Chinese original, with persons, places and "
            "organisations tagged.", "en")
    add("publisher", x(f"string({HEADER}/t:publicationStmt/t:publisher)"))
    for translator in x(f"{HEADER}/t:titleStmt/t:respStmt/t:name[@type='person']"):
        add("contributor", _text(translator))
    licence = x(f"{HEADER}/t:publicationStmt/t:availability/t:licence")
    if licence:  # the statement and the licence's URI, each a dc:rights of its own
        add("rights", _text(licence[0]), "en")
        add("rights", licence[0].get("target", ""))
    for rights in x(f"{HEADER}/t:publicationStmt/t:availability/t:p"):  # the text, the translation
        add("rights", _text(rights), "en")
    add("identifier", x(f"string({HEADER}/t:publicationStmt/t:idno[@type='URI'])")
        or x(f"string({HEADER}/t:publicationStmt/t:idno[@type='local'])") or ident)
    add("type", "Text")
    add("format", "application/tei+xml")
    authors = {a.lstrip("#") for a in x(f"{HEADER}/t:titleStmt/t:author/@ref")}
    for path, tag, field in (("t:listPlace/t:place", "placeName", "coverage"),
                             ("t:listPerson/t:person", "persName", "subject"),
                             ("t:listOrg/t:org", "orgName", "subject")):
        for entry in x(f"/t:TEI/t:standOff/{path}"):
            if entry.get(f"{{{XML_NS}}}id") not in authors:
                add(field, _both(entry, tag))
    return dc


def metadata_csv(record: etree._Element, filename: str) -> bytes:
    """Archivematica's `metadata/metadata.csv`: one row for `filename` (`objects/`: the whole
    transfer), a `dc.<element>` column per value, a column name repeated for repeated values,
    as Archivematica reads them into the METS dmdSec."""
    import csv
    import io

    columns, values = ["filename"], [filename]
    for el in record:
        columns.append("dc." + etree.QName(el).localname)
        values.append(el.text or "")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerow(values)
    return out.getvalue().encode("utf-8")


def to_bytes(element: etree._Element) -> bytes:
    return etree.tostring(element, pretty_print=True, xml_declaration=True, encoding="UTF-8")


def write(path: str | Path, out_dir: str | Path, tree: etree._ElementTree | None = None) -> Path:
    """DIR/<id>.dc.xml for one edition (tree: the edition already parsed, if it is)."""
    path = Path(path)
    tree = tree if tree is not None else parse(path)
    element = record(tree, str(path))
    target = Path(out_dir) / f"{edition_id(tree, path)}.dc.xml"  # a plain name, never the record's text
    write_atomic(target, to_bytes(element))
    return target
