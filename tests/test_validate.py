"""The project schema accepts the editions and rejects what it must, with useful messages."""
from __future__ import annotations

import pytest
from lxml import etree
from conftest import GOLDEN, SEED_ID, first, remove

from tei_tools.validate import jing_problems

NS = {"t": "http://www.tei-c.org/ns/1.0"}
GOLDEN_FILE = GOLDEN / f"{SEED_ID}.xml"


def mutated(tmp_path, change, source=None):
    tree = etree.parse(str(source or GOLDEN_FILE))
    change(tree)
    path = tmp_path / "bad.xml"
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    return path


def retarget(group, target):
    """A change: the first link of the linkGrp of that type gets this target."""
    return lambda t: first(t, f"//t:linkGrp[@type='{group}']/t:link").set("target", target)


def test_seed_is_valid(validator):
    problems, tree = validator.check_file(GOLDEN_FILE)
    assert problems == [] and tree is not None


@pytest.mark.parametrize("change, expected", [
    (lambda t: remove(t, "//t:titleStmt"), "schema: /TEI/teiHeader/fileDesc: Unexpected child with tag "
     "'{http://www.tei-c.org/ns/1.0}publicationStmt' at position 1. Tag 'tei:titleStmt' expected."),
    (lambda t: first(t, "//t:p").set("corresp", "#en-p99"),
     'schematron: The pointer corresp="#en-p99" does not resolve to an xml:id in this file'),
    (lambda t: first(t, "//t:body//t:p").set("corresp", "#en-p99"),
     'The link "#zh-p1 #en-p1" is not mirrored: #zh-p1 lacks corresp="#en-p1" (its @corresp is "#en-p99").'),
    (lambda t: first(t, "//t:body//t:p").set("corresp", "#en-p1 #en-p99"),
     'The unit zh-p1 points to "#en-p1 #en-p99" (2 pointers) but 1 translation links start at it'),
    (lambda t: first(t, "//t:linkGrp").append(etree.fromstring(
        '<link xmlns="http://www.tei-c.org/ns/1.0" target="#zh-p1 #en-p1"/>')),
     'The link "#zh-p1 #en-p1" is given more than once.'),
    (lambda t: first(t, "//t:link[4]").set("target", "#zh-p1 #en-p2"),
     'The link "#zh-p1 #en-p2" is not mirrored: #zh-p1 lacks corresp="#en-p2" (its @corresp is "#en-p1").'),
    (lambda t: first(t, "//t:link").set("target", "#en-title #zh-title"),
     'must start with a unit of the Chinese original'),
    (lambda t: first(t, "//t:body").append(first(t, "//t:body/t:div[1]")),
     "The first division of the body must be the Chinese original"),
    (lambda t: first(t, "//t:publicationStmt/t:idno").__setattr__("text", "other-id"),
     'The local idno "other-id" must equal TEI/@xml:id'),
    (lambda t: first(t, "//t:body//t:p").set("corresp", "zh-p1"), "value doesn't match any pattern"),
    (lambda t: first(t, "//t:imprint/t:date").set("when", "1957-02-30"), "attribute when="),
    (lambda t: remove(t, "//t:titleStmt/t:title[@xml:lang='en'][@type='main']"),
     "titleStmt needs a main title in English"),
    (lambda t: first(t, "//t:div[@type='translation']//t:p").set(
        "{http://www.w3.org/XML/1998/namespace}id", "zh-p77"), 'must start with "en-"'),
    (lambda t: first(t, "//t:p/t:s").set("{http://www.w3.org/XML/1998/namespace}id", "zh-p1-x1"),
     'The sentence id "zh-p1-x1" must be the id of its unit "zh-p1"'),
    (lambda t: first(t, "//t:p[t:s]").insert(0, etree.Element("{http://www.tei-c.org/ns/1.0}persName")),
     "is cut into sentences, so its text and names must all stand inside its s elements"),
    (lambda t: setattr(first(t, "//t:p/t:s"), "tail", "stray text"),
     "is cut into sentences, so its text and names must all stand inside its s elements"),
    (retarget("sentences", "#zh-p1 #en-p1"),
     'Every pointer of the sentence link "#zh-p1 #en-p1" must resolve to a sentence'),
    (retarget("sentences", "#zh-p1-s1 #zh-p2-s1"), "must join sentences of both the original and the translation"),
    (retarget("sentences", "#en-p1-s1 #zh-p1-s1"), "must name the Chinese sentences first"),
    (retarget("translation", "#zh-title #en-title #en-p1"), "must join exactly two units"),
])
def test_invalid_editions_are_rejected_with_the_reason(validator, tmp_path, change, expected):
    path = mutated(tmp_path, change)
    problems, _ = validator.check_file(path)
    messages = [str(p) for p in problems]
    assert any(expected in m for m in messages), messages
    assert all(m.startswith(f"{path}:") for m in messages)
    assert all(p.line > 0 for p in problems)


def test_not_well_formed_is_one_clear_problem(validator, tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text("<TEI><teiHeader></TEI>", encoding="utf-8")
    problems, tree = validator.check_file(path)
    assert tree is None and len(problems) == 1
    assert "not well-formed XML" in problems[0].message and problems[0].line == 1


def test_golden_is_valid_tei_all(need_jing):
    assert jing_problems(need_jing, [str(GOLDEN_FILE)]) == []


def test_tei_all_rejects_foreign_attribute(need_jing, tmp_path):
    path = mutated(tmp_path, lambda t: first(t, "//t:p").set("bogus", "1"))
    problems = jing_problems(need_jing, [str(path)])
    assert problems and problems[0].path == str(path)
    assert 'attribute "bogus" not allowed here' in problems[0].message


CHINESE_ONLY = GOLDEN.parent.parent / "editions" / "rmrb-19460519-01-jian-xun-ca46f016.xml"


def chinese_only(tmp_path, change):
    return mutated(tmp_path, change, CHINESE_ONLY)


def add_links(tree):
    stand_off = first(tree, "//t:standOff")
    grp = etree.SubElement(stand_off, "{http://www.tei-c.org/ns/1.0}linkGrp", type="translation")
    etree.SubElement(grp, "{http://www.tei-c.org/ns/1.0}link", target="#zh-p1 #zh-p2")


def test_chinese_only_edition_is_valid(validator):
    assert validator.check_file(CHINESE_ONLY)[0] == []


@pytest.mark.parametrize("change, expected", [
    (add_links, "An edition without a translation has no translation links."),
    (lambda t: first(t, "/t:TEI").set("{http://www.w3.org/XML/1998/namespace}lang", "en"),
     'TEI/@xml:lang must be "zh-Hans"'),
    (lambda t: remove(t, "//t:div[@type='item'][1]/t:dateline"),
     "A dispatch (div type=\"item\") opens with its dateline"),
    (lambda t: first(t, "//t:div[@type='item']").set("type", "dispatch"), "schema: "),
    (lambda t: remove(t, "//t:titleStmt/t:title[@xml:lang='zh-Hans'][@type='main']"),
     "titleStmt needs a main title in Chinese"),
])
def test_invalid_chinese_only_editions_are_rejected(validator, tmp_path, change, expected):
    problems, _ = validator.check_file(chinese_only(tmp_path, change))
    messages = [str(p) for p in problems]
    assert any(expected in m for m in messages), messages


def test_chinese_only_edition_is_valid_tei_all(need_jing):
    assert jing_problems(need_jing, [str(CHINESE_ONLY)]) == []
