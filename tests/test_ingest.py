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
    assert values("creator") == ["陈心海 (Chen Xinhai)", "石在 (Shi Zai)"]  # one a person
    assert values("date") == ["1957-01-30"]
    assert values("language") == ["zh", "en"]  # ISO 639-1
    assert values("identifier") == [SEED_ID]
    assert values("type") == ["Text"] and values("format") == ["application/tei+xml"]
    assert values("source") == ["人民日报 (People's Daily), 1957-01-30, p. 2"]
    rights = values("rights")
    assert rights[:2] == ["The TEI encoding is available under the Creative Commons Attribution "
                          "4.0 International licence.", "https://creativecommons.org/licenses/by/4.0/"]
    assert rights[2].startswith("The Chinese text is the article as printed") and \
        rights[3].startswith("The English translation came with the source file")
    assert values("relation") == ["浙江日报"]  # 原载浙江日报: first published there
    assert values("description")[0] == "原载浙江日报，本报略有删改。"
    assert "嘉兴市 (Jiaxing)" in values("coverage")
    assert "中共嘉兴市委工业部 (Jiaxing Municipal Party Committee Industry Department)" in values("subject")
    assert not any("Chen Xinhai" in v for v in values("subject"))  # authors are creators


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
    assert b.is_valid() and b.version_info == (1, 0)
    assert (path / "bagit.txt").read_bytes() == b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    assert b.info["External-Identifier"] == SEED_ID
    assert b.info["Source-Organization"] == "Example Library"
    assert b.info["Bag-Software-Agent"].startswith("tei_tools ")
    assert b.info["Bag-Group-Identifier"] == "rmrb-1957-01"
    assert b.info["Payload-Oxum"].endswith(".13") and b.info["Bag-Size"].endswith(" KB")
    names = sorted(p.relative_to(path / "data").as_posix() for p in (path / "data").rglob("*") if p.is_file())
    assert names == sorted([f"objects/tei/{SEED_ID}.xml", f"objects/html/{SEED_ID}.html",
                            f"objects/text/{SEED_ID}.en.txt", f"objects/text/{SEED_ID}.zh.txt",
                            f"objects/dc/{SEED_ID}.dc.xml", f"objects/source/{SEED.name}",
                            "objects/schema/tei_tools.xsd", "objects/schema/tei_tools.sch",
                            "objects/schema/xml.xsd", "objects/schema/tei_tools.odd",
                            "objects/schema/tei_tools.rng", "objects/schema/tei_tools.isosch",
                            "metadata/metadata.csv"])
    assert (path / "data" / "objects" / "source" / SEED.name).read_bytes() == SEED.read_bytes()
    tei = path / "data" / "objects" / "tei" / f"{SEED_ID}.xml"
    assert tei.read_bytes() == EDITION.read_bytes()
    for href in etree.parse(str(tei)).xpath("//processing-instruction('xml-model')/@href") or [
            pi.get("href") for pi in etree.parse(str(tei)).getroot().itersiblings(preceding=True)]:
        assert (tei.parent / href).resolve().is_file(), href  # the PIs resolve inside the bag


def test_every_bag_meets_the_projects_profile(tmp_path):
    import json

    import bagit_profile

    profile = json.loads((ROOT / "tei_tools" / "data" / "bagit-profile.json").read_text(encoding="utf-8"))
    checker = bagit_profile.Profile(profile["BagIt-Profile-Info"]["BagIt-Profile-Identifier"], profile=profile)
    r = run("bag", EDITION, ROOT / "editions" / "rmrb-19460519-01-jian-xun-ca46f016.xml", "-o", tmp_path,
            "--organization", "Example Library", "--checksums", "sha512,md5")
    assert r.exit_code == 0, r.output
    for path in sorted(p for p in tmp_path.iterdir() if p.is_dir()):
        bag = bagit.Bag(str(path))
        assert checker.validate(bag), [str(e) for e in checker.report.errors]
        assert sorted(bag.algorithms) == ["md5", "sha256", "sha512"] and bag.is_valid()
    unlabelled = tmp_path / "no-org"
    bags.make(EDITION, unlabelled)
    assert not checker.validate(bagit.Bag(str(unlabelled / SEED_ID)))  # no Source-Organization
    assert "Source-Organization" in str(checker.report.errors[0])


def test_unknown_checksum_is_a_usage_error(tmp_path):
    r = run("bag", EDITION, "-o", tmp_path, "--checksums", "sha256,crc32")
    assert r.exit_code == 2 and "unknown algorithm 'crc32'" in r.output


def test_archivematica_metadata_csv_carries_the_dublin_core(tmp_path):
    import csv

    bags.make(EDITION, tmp_path)
    rows = list(csv.reader((tmp_path / SEED_ID / "data" / "metadata" / "metadata.csv").open(encoding="utf-8")))
    header, values = rows
    assert header[0] == "filename" and values[0] == "objects/"  # the whole transfer
    got = {}
    for column, value in zip(header[1:], values[1:]):
        got.setdefault(column, []).append(value)
    assert got["dc.creator"] == ["陈心海 (Chen Xinhai)", "石在 (Shi Zai)"]
    assert got["dc.language"] == ["zh", "en"] and got["dc.date"] == ["1957-01-30"]


def test_same_inputs_same_manifests(tmp_path):
    for out in ("a", "b"):
        bags.make(EDITION, tmp_path / out)
    for name in ("manifest-sha256.txt", "tagmanifest-sha256.txt", "bag-info.txt"):
        assert (tmp_path / "a" / SEED_ID / name).read_bytes() == (tmp_path / "b" / SEED_ID / name).read_bytes()


def test_bagging_date_from_source_date_epoch_else_the_editions_build(tmp_path, monkeypatch):
    import datetime
    import os

    from tei_tools import RELEASED

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    bags.make(EDITION, tmp_path / "a")
    assert bagit.Bag(str(tmp_path / "a" / SEED_ID)).info["Bagging-Date"] == "2023-11-14"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    bags.make(EDITION, tmp_path / "r")  # the edition's own date: its version's release
    assert bagit.Bag(str(tmp_path / "r" / SEED_ID)).info["Bagging-Date"] == RELEASED
    copy = tmp_path / "e" / EDITION.name  # an edition without a date: the day it was written
    copy.parent.mkdir()
    copy.write_bytes(EDITION.read_bytes().replace(
        f'<date when="{RELEASED}">{RELEASED}</date>'.encode(), b""))
    os.utime(copy, (1600000000, 1600000000))
    bags.make(copy, tmp_path / "b", [ROOT / "editions" / "sources"])
    assert bagit.Bag(str(tmp_path / "b" / SEED_ID)).info["Bagging-Date"] == datetime.date(2020, 9, 13).isoformat()


@pytest.mark.parametrize("tamper, named", [
    (lambda d: (d / "data" / "objects" / "html" / f"{SEED_ID}.html").write_text("changed", encoding="utf-8"),
     f"{SEED_ID}.html"),
    (lambda d: (d / "data" / "objects" / "text" / f"{SEED_ID}.en.txt").unlink(), f"{SEED_ID}.en.txt"),
    (lambda d: (d / "data" / "extra.txt").write_text("new", encoding="utf-8"), "extra.txt"),
])
def test_tampering_is_caught_and_named(tmp_path, tamper, named):
    bags.make(EDITION, tmp_path)
    tamper(tmp_path / SEED_ID)
    r = run("bag", "--verify", tmp_path / SEED_ID)
    assert r.exit_code == 1
    assert named in r.output and "bag: checked 1, valid 0, invalid 1" in r.output


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
