"""tei-tools.toml: read by every command, overridden by options, unknown keys refused; the
licence text follows its URL everywhere; DSpace Simple Archive Format items."""
from __future__ import annotations

import bagit
from click.testing import CliRunner
from conftest import ROOT, SEED_ID
from lxml import etree

from tei_tools.cli import main
from tei_tools.config import load

SOURCE = ROOT / "editions" / "sources" / "000_8ab13afc5602f97b.txt"
EDITION = ROOT / "editions" / f"{SEED_ID}.xml"
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"
CONFIG = f'''
publisher = "Example University Library"
identifier_base = "https://editions.example.org/id/"

[licence]
url = "{CC0}"

[organization]
name = "Example University Library"
address = "1 Library Road, Example City"

[contact]
name = "Digital Curation Team"
email = "curation@example.org"
'''
TEI = {"t": "http://www.tei-c.org/ns/1.0"}


def run(*args, cwd=None):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_an_unknown_key_is_an_error_naming_it(tmp_path):
    bad = tmp_path / "tei-tools.toml"
    bad.write_text('publisher = "x"\n[licence]\nurl = "' + CC0 + '"\nlicense_text = "typo"\n', encoding="utf-8")
    r = run("--config", bad, "convert", SOURCE, "-o", tmp_path / "out")
    assert r.exit_code == 2 and f"{bad}: unknown key 'licence.license_text'" in r.output
    assert not (tmp_path / "out").exists()


def test_a_broken_file_and_an_unknown_licence_are_one_line(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("publisher = \n", encoding="utf-8")
    r = run("--config", broken, "dc", EDITION)
    assert r.exit_code == 2 and f"{broken}:1: not a TOML file" in r.output
    odd = tmp_path / "odd.toml"
    odd.write_text('[licence]\nurl = "https://example.org/my-licence"\n', encoding="utf-8")
    r = run("--config", odd, "dc", EDITION)
    assert r.exit_code == 2 and "unknown licence URL 'https://example.org/my-licence': give its text" in r.output
    odd.write_text('[licence]\nurl = "https://example.org/my-licence"\ntext = "Ask us."\n', encoding="utf-8")
    assert load(odd).licence_text == "Ask us."


def test_the_configuration_reaches_the_edition_dc_and_bag_and_options_override_it(tmp_path, monkeypatch):
    (tmp_path / "tei-tools.toml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # found in the working folder
    assert run("convert", SOURCE, "-o", "eds", "--no-entities").exit_code == 0
    edition = next((tmp_path / "eds").glob("*.xml"))
    tree = etree.parse(str(edition))
    licence = tree.find(".//t:licence", TEI)
    assert licence.get("target") == CC0 and "CC0 1.0 Universal" in licence.text and "Attribution" not in licence.text
    assert tree.findtext(".//t:publisher", namespaces=TEI) == "Example University Library"
    uri = tree.findtext(".//t:publicationStmt/t:idno[@type='URI']", namespaces=TEI)
    assert uri == "https://editions.example.org/id/" + edition.stem
    r = run("dc", edition)
    record = etree.fromstring(r.output.encode())
    rights = [e.text for e in record.iter("{http://purl.org/dc/elements/1.1/}rights")]
    assert rights[:2] == [licence.text, CC0]  # then the printed text's and the translation's
    assert [e.text for e in record.iter("{http://purl.org/dc/elements/1.1/}identifier")] == [uri]
    (tmp_path / "eds" / "sources").mkdir()
    (tmp_path / "eds" / "sources" / SOURCE.name).write_bytes(SOURCE.read_bytes())
    assert run("bag", edition, "-o", "bags").exit_code == 0
    info = bagit.Bag(str(tmp_path / "bags" / edition.stem)).info
    assert info["Source-Organization"] == "Example University Library"
    assert info["Contact-Email"] == "curation@example.org"
    assert info["External-Identifier"] == [edition.stem, uri]
    assert run("bag", edition, "-o", "bags2", "--organization", "Other Archive").exit_code == 0
    assert bagit.Bag(str(tmp_path / "bags2" / edition.stem)).info["Source-Organization"] == "Other Archive"
    by = "https://creativecommons.org/licenses/by-sa/4.0/"
    assert run("convert", SOURCE, "-o", "eds2", "--no-entities", "--licence", by).exit_code == 0
    text = next((tmp_path / "eds2").glob("*.xml")).read_text(encoding="utf-8")
    assert f'target="{by}"' in text and "Attribution-ShareAlike 4.0" in text


def test_help_says_where_settings_come_from():
    r = run("--help")
    assert "tei-tools.toml" in r.output and "--config" in r.output
    assert "overrides tei-tools.toml" in run("convert", "--help").output


def test_saf_items_have_the_documented_layout(tmp_path):
    chinese = ROOT / "editions" / "rmrb-19460519-01-jian-xun-ca46f016.xml"
    r = run("saf", EDITION, chinese, "-o", tmp_path)
    assert r.exit_code == 0, r.output
    registry = {("title", "none"), ("contributor", "author"), ("date", "issued"), ("language", "iso"),
                ("source", "none"), ("description", "none"), ("publisher", "none"), ("rights", "none"),
                ("rights", "uri"), ("relation", "isversionof"), ("identifier", "none"), ("identifier", "uri"), ("type", "none"),
                ("format", "mimetype"), ("coverage", "spatial"), ("subject", "none")}
    for item in sorted(tmp_path.iterdir()):
        lines = (item / "contents").read_text(encoding="utf-8").splitlines()
        fields = [line.split("\t") for line in lines]
        assert fields[0][0] == f"{item.name}.xml" and "primary:true" in fields[0]
        assert all(f[1] == "bundle:ORIGINAL" for f in fields)
        assert sorted(f[0] for f in fields) == sorted(p.name for p in item.iterdir()
                                                       if p.name not in ("contents", "dublin_core.xml"))
        root = etree.parse(str(item / "dublin_core.xml")).getroot()
        assert root.tag == "dublin_core" and root.get("schema") == "dc"
        assert {(v.get("element"), v.get("qualifier")) for v in root} <= registry
        assert root.find("dcvalue[@element='date'][@qualifier='issued']").text[:4] in ("1946", "1957")
    assert run("saf", EDITION, "-o", tmp_path).exit_code == 0  # its own item: replaced
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("x", encoding="utf-8")
    from tei_tools import saf

    import pytest
    from tei_tools.errors import ToolError

    with pytest.raises(ToolError, match="not an item of mine"):
        saf._check_target(tmp_path / "mine", "mine")
