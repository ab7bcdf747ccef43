"""The ODD is the single source: `make schema` gives the committed RELAX NG, ISO Schematron,
documentation and project Schematron byte for byte; every edition is valid against the compiled
RELAX NG, the TEI's own constraints and tei_all; the hand-written XSD (kept for libxml2's speed)
gives the same verdicts as the RELAX NG."""
from __future__ import annotations

import shutil

import pytest
from lxml import etree
from conftest import GOLDEN, ROOT, SEED_ID

from tei_tools.tei_consortium import OddCompiler, project_schematron
from tei_tools.validate import jing_problems

NS = {"t": "http://www.tei-c.org/ns/1.0"}
SCHEMA = ROOT / "schema"
EDITIONS = sorted((ROOT / "editions").glob("rmrb-*.xml"))
SEED = GOLDEN / f"{SEED_ID}.xml"


@pytest.fixture(scope="module")
def built(saxon, tmp_path_factory):
    folder = tmp_path_factory.mktemp("schema")
    shutil.copy(SCHEMA / "tei_tools.odd", folder)
    OddCompiler(saxon).build(folder, folder)
    (folder / "tei_tools.sch").write_bytes(project_schematron(folder / "tei_tools.odd"))
    return folder


@pytest.mark.parametrize("name", ["tei_tools.rng", "tei_tools.isosch", "tei_tools.html",
                                  "tei_tools.sch"])
def test_make_schema_gives_the_committed_files_byte_for_byte(built, name):
    assert (built / name).read_bytes() == (SCHEMA / name).read_bytes(), (
        f"schema/{name} is not what schema/tei_tools.odd compiles to: run make schema")


def test_the_project_schematron_is_the_odds_constraints():
    sch = etree.parse(str(SCHEMA / "tei_tools.sch"))
    odd = etree.parse(str(SCHEMA / "tei_tools.odd"))
    tests = sch.xpath("//s:assert/@test", namespaces={"s": "http://purl.oclc.org/dsdl/schematron"})
    assert tests and tests == odd.xpath("//t:constraintSpec[starts-with(@ident, 'tei_tools-')]"
                                        "//s:assert/@test", namespaces={
                                            **NS, "s": "http://purl.oclc.org/dsdl/schematron"})


def test_editions_point_at_the_compiled_schemas_and_name_the_odd():
    for path in EDITIONS:
        tree = etree.parse(str(path))
        hrefs = [pi.get("href") for pi in tree.getroot().itersiblings(preceding=True)][::-1]
        assert hrefs == ["../schema/tei_tools.rng", "../schema/tei_tools.isosch"], path
        for href in hrefs + tree.xpath("//t:encodingDesc/t:schemaRef[@type='interchangeODD']/@url",
                                       namespaces=NS):
            assert (path.parent / href).resolve().is_file(), (path, href)


def test_every_edition_is_valid_against_the_compiled_rng_and_tei_all(need_jing):
    paths = [str(p) for p in EDITIONS]
    assert jing_problems(SCHEMA / "tei_tools.rng", paths) == []
    assert jing_problems(need_jing, paths) == []


@pytest.fixture(scope="module")
def isosch(saxon):
    return saxon.schematron(SCHEMA / "tei_tools.isosch")


def test_every_edition_meets_the_teis_own_constraints_and_the_projects(isosch):
    for path in EDITIONS:
        assert isosch.failures(path) == [], path


def write(tmp_path, change, name="bad.xml", source=SEED):
    tree = etree.parse(str(source))
    change(tree)
    path = tmp_path / name
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    return path


def first(tree, query):
    return tree.xpath(query, namespaces=NS)[0]


@pytest.mark.parametrize("change, expected", [
    (lambda t: first(t, "//t:body//t:persName").set("subtype", "x"), "@subtype"),
    (lambda t: first(t, "//t:link").set("target", "#zh-p1"), "at least two"),
    (lambda t: first(t, "//t:body//t:p").set("corresp", "#en-p1 #en-p99"), "(2 pointers)"),
])
def test_the_compiled_schematron_rejects_what_the_tei_and_the_project_forbid(isosch, tmp_path,
                                                                              change, expected):
    failures = isosch.failures(write(tmp_path, change))
    assert any(expected in f.text for f in failures), failures


# Broken files that the XSD and the RELAX NG must both reject (closed value lists, elements the
# customisation leaves out, required attributes), and the editions both must accept.
def _hi(tree):
    p = first(tree, "//t:body//t:p")
    etree.SubElement(p, "{http://www.tei-c.org/ns/1.0}hi").text = "x"


def _authority(kind):
    def change(tree):
        entry = first(tree, "//t:listPlace/t:place")
        etree.SubElement(entry, "{http://www.tei-c.org/ns/1.0}idno", type=kind).text = "Q1"
    return change


VALID = {"entry-with-wikidata-id": _authority("wikidata")}
BROKEN = {
    "entry-with-unknown-authority": _authority("lcnaf"),
    "div-type": lambda t: first(t, "//t:div[@type='section']").set("type", "chapter"),
    "head-type": lambda t: first(t, "//t:head[@type='main']").set("type", "kicker"),
    "title-level": lambda t: first(t, "//t:title[@level='j']").set("level", "m"),
    "idno-type": lambda t: first(t, "//t:idno[@type='local']").set("type", "DOI"),
    "bibl-type": lambda t: first(t, "//t:bibl[@type='source']").set("type", "other"),
    "linkGrp-type": lambda t: first(t, "//t:linkGrp").set("type", "alignment"),
    "biblScope-unit": lambda t: first(t, "//t:biblScope").set("unit", "volume"),
    "element-left-out": _hi,
    "no-div-type": lambda t: first(t, "//t:div[@type='section']").attrib.pop("type"),
    "no-idno-type": lambda t: first(t, "//t:idno[@type='local']").attrib.pop("type"),
    "bad-date": lambda t: first(t, "//t:imprint/t:date").set("when", "1957-02-30"),
}


def test_the_xsd_and_the_rng_agree_on_every_edition_and_broken_file(validator, need_jing, tmp_path):
    broken = [write(tmp_path, change, f"{name}.xml") for name, change in BROKEN.items()]
    valid = EDITIONS + [write(tmp_path, change, f"{name}.xml") for name, change in VALID.items()]
    rng = {p.path for p in jing_problems(SCHEMA / "tei_tools.rng", [str(p) for p in valid + broken])}
    for path in valid + broken:
        xsd_rejects = bool(validator._xsd_problems(etree.parse(str(path)), str(path)))
        assert xsd_rejects == (str(path) in rng) == (path in broken), path
