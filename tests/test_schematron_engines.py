"""The project Schematron gives the same verdicts in lxml (XSLT 1.0) and in Saxon (the ISO XSLT 2
skeleton, as oXygen runs it), both as written and as strict XPath 2.0, on every committed edition
and on broken files that break each rule."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree, isoschematron
from conftest import GOLDEN, ROOT, SEED_ID, first, remove

from tei_tools.validate import SKELETON_PARAMS

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCH = ROOT / "schema" / "tei_tools.sch"
EDITIONS = sorted((ROOT / "editions").glob("rmrb-*.xml"))
BILINGUAL = GOLDEN / f"{SEED_ID}.xml"
CHINESE = ROOT / "editions" / "rmrb-19460519-01-jian-xun-ca46f016.xml"


def extra_link(tree, target):
    grp = first(tree, "//t:linkGrp")
    etree.SubElement(grp, "{http://www.tei-c.org/ns/1.0}link", target=target)


# (name, source, change, a piece of the message every engine must give)
BROKEN = [
    ("unresolved-corresp", BILINGUAL, lambda t: first(t, "//t:body//t:p").set("corresp", "#en-p1 #en-p99"),
     "(2 pointers) but 1 translation links start at it"),
    ("unmirrored-link", BILINGUAL, lambda t: first(t, "//t:link[4]").set("target", "#zh-p1 #en-p2"),
     "is not mirrored"),
    ("link-reversed", BILINGUAL, lambda t: first(t, "//t:link").set("target", "#en-title #zh-title"),
     "must start with a unit of the Chinese original"),
    ("link-twice", BILINGUAL, lambda t: extra_link(t, "#zh-p1 #en-p1"), "is given more than once"),
    ("translation-first", BILINGUAL, lambda t: first(t, "//t:body").append(first(t, "//t:body/t:div[1]")),
     "The first division of the body must be the Chinese original"),
    ("idno-not-id", BILINGUAL, lambda t: setattr(first(t, "//t:publicationStmt/t:idno"), "text", "x"),
     'The local idno "x" must equal TEI/@xml:id'),
    ("no-english-title", BILINGUAL, lambda t: remove(t, "//t:titleStmt/t:title[@xml:lang='en'][@type='main']"),
     "titleStmt needs a main title in English"),
    ("id-wrong-side", BILINGUAL, lambda t: first(t, "//t:div[@type='translation']//t:p").set(XML_ID, "zh-p77"),
     'must start with "en-"'),
    ("person-points-to-place", BILINGUAL, lambda t: first(t, "//t:body//t:persName").set("ref", "#place-jiaxing"),
     "must point to a person in standOff/listPerson"),
    ("unresolved-resp", BILINGUAL, lambda t: first(t, "//t:standOff//*[@xml:id]").set("resp", "#nobody"),
     'The pointer resp="#nobody" does not resolve'),
    ("unresolved-who", BILINGUAL, lambda t: first(t, "//t:change").set("who", "#nobody"),
     'The pointer who="#nobody" does not resolve'),
    ("reprint-not-in-the-note", BILINGUAL, lambda t: setattr(
        first(t, "//t:relatedItem//t:title"), "text", "山西日报"), "the original's trailer must say 原载山西日报"),
    ("section-without-id", BILINGUAL, lambda t: first(t, "//t:div[@type='section']").attrib.pop(XML_ID),
     "A section has an xml:id and opens with its heading"),
    ("links-without-translation", CHINESE, lambda t: etree.SubElement(etree.SubElement(
        first(t, "//t:standOff"), "{http://www.tei-c.org/ns/1.0}linkGrp", type="translation"),
        "{http://www.tei-c.org/ns/1.0}link", target="#zh-p1 #zh-p2"),
     "An edition without a translation has no translation links"),
    ("wrong-tei-lang", CHINESE, lambda t: first(t, "/t:TEI").set(XML_LANG, "en"),
     'TEI/@xml:lang must be "zh-Hans"'),
    ("dispatch-without-dateline", CHINESE, lambda t: remove(t, "//t:div[@type='item'][1]/t:dateline"),
     'A dispatch (div type="item") opens with its dateline'),
]


def lxml_messages(schematron, path: Path) -> list[str]:
    schematron.validate(etree.parse(str(path)))
    return sorted(" ".join("".join(n.itertext()).split())
                  for n in schematron.validation_report.getroot()
                  if str(n.tag).endswith("failed-assert"))


@pytest.fixture(scope="module")
def engines(saxon):
    lxml_sch = isoschematron.Schematron(etree.parse(str(SCH)), store_report=True,
                                        compile_params=SKELETON_PARAMS)  # as validate compiles it
    as_written = saxon.schematron(SCH)
    strict = saxon.schematron(SCH, query_binding="xslt2")

    def run(path: Path) -> dict[str, list[str]]:
        return {"lxml": lxml_messages(lxml_sch, path),
                "saxon": sorted(f.text for f in as_written.failures(path)),
                "saxon-xpath2": sorted(f.text for f in strict.failures(path))}
    return run


@pytest.fixture(scope="module")
def broken_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken")
    for name, source, change, _ in BROKEN:
        tree = etree.parse(str(source))
        change(tree)
        tree.write(str(folder / f"{name}.xml"), encoding="UTF-8", xml_declaration=True)
    return folder


def test_at_least_ten_broken_files():
    assert len(BROKEN) >= 10 and len({b[0] for b in BROKEN}) == len(BROKEN)


@pytest.mark.parametrize("path", EDITIONS, ids=[p.name[:30] for p in EDITIONS])
def test_every_edition_passes_in_every_engine(engines, path):
    assert engines(path) == {"lxml": [], "saxon": [], "saxon-xpath2": []}


@pytest.mark.parametrize("name, expected", [(b[0], b[3]) for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_files_get_the_same_verdict_everywhere(engines, broken_dir, name, expected):
    verdicts = engines(broken_dir / f"{name}.xml")
    assert verdicts["lxml"] == verdicts["saxon"] == verdicts["saxon-xpath2"], verdicts
    assert any(expected in m for m in verdicts["lxml"]), verdicts["lxml"]


def test_the_old_exslt_binding_is_gone():
    text = SCH.read_text(encoding="utf-8")
    assert "exslt" not in text.split("-->", 1)[1] and "str:" not in text
