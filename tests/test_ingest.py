"""Dublin Core records and BagIt bags that repository systems take as they are."""
from __future__ import annotations

import shutil

import bagit
import pytest
import xmlschema
from click.testing import CliRunner
from conftest import GOLDEN, ROOT, SEED, SEED_ID
from lxml import etree

from tei_tools import bag as bags
from tei_tools.cli import main
from tei_tools.errors import ToolError

EDITION = ROOT / "editions" / f"{SEED_ID}.xml"
DC = "{http://purl.org/dc/elements/1.1/}"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def oai_dc_schema():
    return xmlschema.XMLSchema(str(ROOT / "schema" / "oai_dc.xsd"), allow="sandbox", defuse="always")


def test_dc_record_is_valid_and_carries_the_header(tmp_path, oai_dc_schema):
    r = run("dc", EDITION, "-o", tmp_path)
    assert r.exit_code == 0
    path = tmp_path / f"{SEED_ID}.dc.xml"
    oai_dc_schema.validate(str(path))
    root = etree.parse(str(path)).getroot()
    values = lambda name: [e.text for e in root.iter(f"{DC}{name}")]  # noqa: E731
    assert values("title")[0] == "深入深入再深入：嘉兴市委工业部改进领导工作的经过"
    assert values("title")[1].startswith("Deeper, Deeper, and Still Deeper: The Jiaxing")
    assert values("creator") == ["陈心海", "Chen Xinhai", "石在", "Shi Zai"]
    assert values("date") == ["1957-01-30"]
    assert values("language") == ["zh-Hans", "en"]
    assert values("identifier") == [SEED_ID]
    assert values("type") == ["Text"] and values("format") == ["application/tei+xml"]
    assert values("source") == ["人民日报 (People's Daily), 1957-01-30, p. 2"]
    assert "creativecommons.org" in values("rights")[0]
    assert "Jiaxing" in values("coverage")


def test_dc_schema_rejects_a_foreign_element(tmp_path, oai_dc_schema):
    bad = tmp_path / "bad.xml"
    bad.write_text('<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
                   'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:author>x</dc:author></oai_dc:dc>',
                   encoding="utf-8")
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        oai_dc_schema.validate(str(bad))


def test_dc_to_stdout_for_one_edition_only():
    r = run("dc", EDITION)
    assert r.exit_code == 0 and r.output.startswith("<?xml") and SEED_ID in r.output
    assert run("dc", ROOT / "editions").exit_code == 2


def test_bag_is_valid_and_complete(tmp_path):
    r = run("bag", EDITION, "-o", tmp_path, "--organization", "Example Library")
    assert r.exit_code == 0, r.output
    path = tmp_path / SEED_ID
    b = bagit.Bag(str(path))
    assert b.is_valid()
    assert b.info["External-Identifier"] == SEED_ID
    assert b.info["Source-Organization"] == "Example Library"
    assert b.info["Bag-Software-Agent"].startswith("tei_tools ")
    assert b.info["Payload-Oxum"].endswith(".6")
    assert "Bagging-Date" not in b.info
    names = sorted(p.relative_to(path / "data").as_posix() for p in (path / "data").rglob("*") if p.is_file())
    assert names == sorted([f"{SEED_ID}.xml", f"{SEED_ID}.html", f"{SEED_ID}.en.txt",
                            f"{SEED_ID}.zh.txt", f"{SEED_ID}.dc.xml", f"source/{SEED.name}"])
    assert (path / "data" / "source" / SEED.name).read_bytes() == SEED.read_bytes()
    assert (path / "data" / f"{SEED_ID}.xml").read_bytes() == EDITION.read_bytes()


def test_same_inputs_same_manifests(tmp_path):
    for out in ("a", "b"):
        bags.make(EDITION, tmp_path / out)
    for name in ("manifest-sha256.txt", "tagmanifest-sha256.txt", "bag-info.txt"):
        assert (tmp_path / "a" / SEED_ID / name).read_bytes() == (tmp_path / "b" / SEED_ID / name).read_bytes()


def test_bagging_date_only_with_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    bags.make(EDITION, tmp_path)
    assert bagit.Bag(str(tmp_path / SEED_ID)).info["Bagging-Date"] == "2023-11-14"


@pytest.mark.parametrize("tamper, named", [
    (lambda d: (d / "data" / f"{SEED_ID}.html").write_text("changed", encoding="utf-8"), f"{SEED_ID}.html"),
    (lambda d: (d / "data" / f"{SEED_ID}.en.txt").unlink(), f"{SEED_ID}.en.txt"),
    (lambda d: (d / "data" / "extra.txt").write_text("new", encoding="utf-8"), "extra.txt"),
])
def test_tampering_is_caught_and_named(tmp_path, tamper, named):
    bags.make(EDITION, tmp_path)
    tamper(tmp_path / SEED_ID)
    r = run("bag", "--verify", tmp_path / SEED_ID)
    assert r.exit_code == 1
    assert named in r.output and "1 bag(s), 1 invalid" in r.output


def test_changed_source_bytes_are_refused(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / SEED.name).write_bytes(SEED.read_bytes() + b"\n")
    shutil.copy(EDITION, tmp_path / EDITION.name)
    r = run("bag", tmp_path / EDITION.name, "-o", tmp_path / "bags")
    assert r.exit_code == 1
    assert f"{sources / SEED.name}: source bytes changed" in r.output
    assert not (tmp_path / "bags" / SEED_ID).exists()


def test_missing_source_is_named(tmp_path):
    shutil.copy(EDITION, tmp_path / EDITION.name)
    with pytest.raises(ToolError) as info:
        bags.make(tmp_path / EDITION.name, tmp_path / "bags")
    assert f"source file {SEED.name} not found" in str(info.value)
    assert not (tmp_path / "bags").exists() or not list((tmp_path / "bags").iterdir())


def test_sources_option_finds_the_source(tmp_path):
    shutil.copy(GOLDEN / f"{SEED_ID}.xml", tmp_path / "e.xml")
    r = run("bag", tmp_path / "e.xml", "-o", tmp_path / "bags", "--sources", ROOT / "editions" / "sources")
    assert r.exit_code == 0, r.output
