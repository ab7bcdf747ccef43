"""Hand corrections of names: an edited edition is kept; `corrections` carries what the editor
changed into the register; `convert --force` then makes the corrected edition from the source."""
from __future__ import annotations

import shutil

from click.testing import CliRunner
from conftest import REGISTER, SOURCES

from tei_tools.cli import main
from tei_tools.edition_names import entries, units
from tei_tools.entities.register import load
from tei_tools.safexml import parse

SOURCE = "107_shanghai_night_school.txt"
EDITION = "rmrb-19560509-03-night-school-at-the-cotton-9eab6b93.xml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _edit(path, *pairs):
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def _names(path, lang="zh-Hans"):
    tree = parse(path)
    return {(m.text, m.kind, m.ref) for u in units(tree) if u.lang == lang for m in u.mentions}, entries(tree)


def test_an_editors_name_corrections_survive_a_rebuild(tmp_path):
    src, out = tmp_path / "sources", tmp_path / "editions"
    src.mkdir()
    shutil.copy(SOURCES / SOURCE, src)
    out.mkdir()
    shutil.copy(REGISTER, out / "register.xml")
    assert run("convert", src, "-o", out).exit_code == 0
    edition = out / EDITION
    before, _ = _names(edition)
    assert ("南通县", "place", "place-nantong-county") in before
    _edit(edition,
          # removed: 南通县 is no place here
          ('<placeName ref="#place-nantong-county">南通县</placeName>来的', "南通县来的"),
          # retyped: 复旦大学 as a place, a new entry
          ('从<orgName ref="#org-fudan-university-cc-3">复旦大学</orgName>',
           '从<placeName ref="#place-fudan">复旦大学</placeName>'),
          ("    </listPlace>", '      <place xml:id="place-fudan">\n        <placeName xml:lang="zh-Hans">'
           "复旦大学</placeName>\n      </place>\n    </listPlace>"),
          # added: 夜校, linked to a new organisation
          ("办的夜校", '办的<orgName ref="#org-night-school">夜校</orgName>'),
          ("    </listOrg>", '      <org xml:id="org-night-school">\n        <orgName xml:lang="zh-Hans">'
           '夜校</orgName>\n        <orgName xml:lang="en">Night School</orgName>\n      </org>\n    </listOrg>'),
          # the text of a unit edited: its names are not compared
          ("的其他工厂向这个夜校学习", "的其他工厂向这所夜校学习"),
          # renamed: the English spelling of a person
          ('<persName xml:lang="en" type="full">Lu Wenjuan</persName>',
           '<persName xml:lang="en" type="full">Lu Wen-juan</persName>'))
    edited = edition.read_bytes()
    r = run("convert", src, "-o", out)
    assert r.exit_code == 0 and "kept 1, failed 0" in r.output and edition.read_bytes() == edited

    r = run("corrections", out, "--sources", src)
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert f"{EDITION}#zh-p2: removed place '南通县'" in lines
    assert f"{EDITION}#zh-p2: retyped org '复旦大学'" in lines
    assert f"{EDITION}#zh-p2: retyped place '复旦大学' -> place-fudan" in lines
    assert f"{EDITION}#zh-p1: added org '夜校' -> org-night-school" in lines
    assert any(line.startswith(f"{EDITION}: renamed person ") and "Lu Wen-juan" in line for line in lines)
    assert f"{EDITION}#zh-p3: text edited by hand: its names not compared" in lines
    assert "corrections: changes 5, hand edited 1," in r.output
    register = load(out / "register.xml")
    assert register.says_no("zh-Hans", "南通县", "place") and register.says_no("zh-Hans", "复旦大学", "org")
    assert register.entities["pers-lu-wenjuan"].names["en"] == ["Lu Wen-juan"]
    assert not register.entities["org-night-school"].machine
    assert "pers-chen-xinhai" in register.entities  # the curated entries stay

    r = run("convert", src, "-o", out, "--force")
    assert r.exit_code == 0 and "register: " in r.output
    after, standoff = _names(edition)
    assert not any(text == "南通县" for text, _, _ in after)
    assert ("复旦大学", "place", "place-fudan") in after
    assert not any(text == "复旦大学" and kind == "org" for text, kind, _ in after)
    assert ("夜校", "org", "org-night-school") in after
    assert standoff["pers-lu-wenjuan"].names["en"] == ["Lu Wen-juan"]
    assert run("validate", edition).exit_code == 0
    # nothing more to carry: the rebuilt edition is the tool's own again
    assert "corrections: changes 0, hand edited 0, written 0, failed 0" in run("corrections", out, "--sources", src).output
