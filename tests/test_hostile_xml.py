"""XML from outside can't do harm: no DTDs, no entities, no network, bounded size and depth."""
from __future__ import annotations

import resource
import time

import pytest
from click.testing import CliRunner

from tei_tools.cli import main

TEI = 'xmlns="http://www.tei-c.org/ns/1.0"'
ATTACKS = {
    "xxe /etc/passwd": f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                       f'<TEI {TEI}><text><body><p>&x;</p></body></text></TEI>',
    "billion laughs": '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                      + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
                                for i in range(1, 10))
                      + f']>\n<TEI {TEI}><p>&lol9;</p></TEI>',
    "external dtd by url": '<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "http://example.org/evil.dtd">\n'
                           f'<TEI {TEI}/>',
    "deep nesting": f'<TEI {TEI}>' + "<div>" * 10000 + "</div>" * 10000 + "</TEI>",
}
COMMANDS = [("validate",), ("html", "-o", "{out}"), ("text", "-o", "{out}"), ("dc", "-o", "{out}"),
            ("bag", "-o", "{out}"), ("index", "-o", "{out}"), ("corrections",)]


def run(args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_attack_is_refused(attack, command, tmp_path):
    path = tmp_path / "hostile.xml"
    path.write_text(ATTACKS[attack], encoding="utf-8")
    out = tmp_path / "out"
    args = [a.format(out=out) for a in command]
    start = time.perf_counter()
    r = run([args[0], path, *args[1:]])
    assert time.perf_counter() - start < 5
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert f"{path}:" in r.output
    assert "root:" not in r.output  # nothing of /etc/passwd
    reason = "DOCTYPE declarations are refused" if "DOCTYPE" in ATTACKS[attack] else "Excessive depth"
    assert reason in r.output
    if out.exists():
        for produced in out.rglob("*"):
            if produced.is_file():
                assert "root:" not in produced.read_text(encoding="utf-8", errors="replace")


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.xml"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    r = run(["validate", path])
    assert time.perf_counter() - start < 2
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50 * 1024  # KiB
    assert r.exit_code == 1 and "file too large" in r.output


def test_xmlschema_is_local_only():
    from tei_tools.validate import Validator

    schema = Validator()._xmlschema
    assert schema.maps.settings.allow == "sandbox"
    assert schema.maps.settings.defuse == "always"


def test_stylesheets_cannot_read_or_write_files():
    from lxml import etree

    from tei_tools.transform import stylesheet

    evil = etree.XML('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                     '<xsl:template match="/"><x><xsl:copy-of select="document(\'/etc/passwd\')"/></x>'
                     '</xsl:template></xsl:stylesheet>')
    guarded = etree.XSLT(evil, access_control=etree.XSLTAccessControl.DENY_ALL)
    with pytest.raises(etree.XSLTApplyError):
        guarded(etree.XML("<a/>"))
    assert stylesheet("html.xsl") is stylesheet("html.xsl")  # compiled once
