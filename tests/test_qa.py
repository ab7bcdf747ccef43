"""qa: each check finds what it must on an edition changed to hold it, and nothing on one without."""
from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import GOLDEN, ROOT, SEED_ID
from lxml import etree

from tei_tools.cli import main
from tei_tools.qa import check

NS = {"t": "http://www.tei-c.org/ns/1.0"}
GOLDEN_FILE = GOLDEN / f"{SEED_ID}.xml"
T = "{http://www.tei-c.org/ns/1.0}"


def changed(tmp_path, change):
    tree = etree.parse(str(GOLDEN_FILE))
    change(tree)
    path = tmp_path / "changed.xml"
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    return path


def sentence(tree, sid):
    return tree.xpath(f"//t:s[@xml:id='{sid}']", namespaces=NS)[0]


def kinds(report):
    return [(f.kind, f.sentences, f.message) for f in report.findings]


def test_the_seed_has_no_number_or_alignment_findings():
    found = {f.kind for f in check(GOLDEN_FILE).findings}
    assert not found & {"unaligned", "length", "numbers"}


def test_a_number_on_one_side_only_and_numbers_that_differ(tmp_path):
    def change(tree):
        s = sentence(tree, "en-p2-s1")
        s.text = (s.text or "") + " In 1956 "
        last = sentence(tree, "en-p3-s1")
        last.text = (last.text or "") + "There were 300 of them. "
        zh = sentence(tree, "zh-p3-s1")
        zh.text = (zh.text or "") + "共三千人。"
    found = kinds(check(changed(tmp_path, change)))
    assert ("numbers", ["zh-p2-s1", "en-p2-s1"], "1956 only in the English") in found
    assert ("numbers", ["zh-p3-s1", "en-p3-s1"], "numbers differ: 3000 in the Chinese, 300 in the English") in found


def test_a_sentence_left_out_of_the_links_has_no_counterpart(tmp_path):
    def change(tree):
        link = tree.xpath("//t:linkGrp[@type='sentences']/t:link[contains(@target, '#zh-p2-s1 ')]",
                          namespaces=NS)[0]
        link.getparent().remove(link)
    found = kinds(check(changed(tmp_path, change)))
    assert [(k, ids) for k, ids, _ in found if k == "unaligned"] == [
        ("unaligned", ["zh-p2-s1"]), ("unaligned", ["en-p2-s1"])]
    assert any(m.startswith("no counterpart in the English: ") for k, _, m in found)


def test_a_link_with_sentences_of_one_side_only_pairs_nothing(tmp_path):
    def change(tree):
        link = tree.xpath("//t:linkGrp[@type='sentences']/t:link[contains(@target, '#zh-p2-s1 ')]",
                          namespaces=NS)[0]
        link.set("target", " ".join(t for t in link.get("target").split() if t.startswith("#en-")))
    found = kinds(check(changed(tmp_path, change)))  # found by the edition fuzz target: no IndexError
    assert ("unaligned", ["zh-p2-s1"]) in [(k, ids) for k, ids, _ in found]
    assert ("unaligned", ["en-p2-s1"]) in [(k, ids) for k, ids, _ in found]


def test_a_far_off_length_ratio(tmp_path):
    def change(tree):
        s = sentence(tree, "en-p4-s1")
        s.text = (s.text or "") + "And so on, " * 60
    found = kinds(check(changed(tmp_path, change)))
    assert any(k == "length" and ids == ["zh-p4-s1", "en-p4-s1"] for k, ids, _ in found)


def test_a_name_on_one_side_only(tmp_path):
    def change(tree):
        s = sentence(tree, "en-p1-s1")
        for name in list(s.iter(f"{T}persName", f"{T}placeName", f"{T}orgName")):
            name.getparent().remove(name) if name.getparent() is s else None
    found = kinds(check(changed(tmp_path, change)))
    assert any(k == "names" and ids[0] == "zh-p1-s1" and m.endswith("only in the Chinese")
               for k, ids, m in found)


def test_qa_cli_lines_summary_json_and_exit_status(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["qa", str(ROOT / "editions")])
    assert result.exit_code == 0
    for line in result.stdout.splitlines():
        path, number, rest = line.split(":", 2)
        assert path.endswith(".xml") and number.isdigit() and "#zh-" in rest or "#en-" in rest
    assert result.stderr.splitlines()[-1].startswith("qa: editions 13, sentences ")
    result = runner.invoke(main, ["qa", "--json", str(GOLDEN_FILE)])
    record = json.loads(result.stdout)
    assert record["edition"] == SEED_ID and record["links"] > 0
    bad = tmp_path / "bad.xml"
    bad.write_text("<x")
    result = runner.invoke(main, ["qa", str(bad)])
    assert result.exit_code == 1 and "bad.xml:" in result.stderr and "unreadable 1" in result.stderr


def test_a_chinese_only_edition_has_nothing_to_compare():
    chinese_only = next(p for p in sorted((ROOT / "editions").glob("rmrb-1946*.xml")))
    report = check(chinese_only)
    assert report.sentences > 0 and report.links == 0 and report.findings == []
