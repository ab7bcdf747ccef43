"""Bad input: each case converts (saying what was normalised) or fails with one line
`FILE:LINE: what is wrong`, exit 1, and nothing written. Never a traceback."""
from __future__ import annotations

import random
import re

import pytest
from articles import Article
from click.testing import CliRunner

from tei_tools.cli import main

GOOD = Article().text()


def enc(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def lines_replaced(old: str, new: str) -> bytes:
    return enc(GOOD.replace(old, new, 1))


rng = random.Random(1957)
HALF = GOOD.split("<hr />")[0]
ZH_BODY_LINE = "    合作社的社员们在春天开始挖渠。"

# name: (bytes, expectation). Expectation: ("ok", note or None) or ("fail", line or None, message).
CASES = {
    "empty file": (b"", ("fail", 1, "empty file")),
    "only blank lines": (b"\n\n  \n", ("fail", 1, "empty file")),
    "only the English half": (enc(HALF), ("fail", None, "no '<hr />' line")),
    "no hr line": (lines_replaced("<hr /> ", ""), ("fail", None, "no '<hr />' line")),
    "hr without Original": (lines_replaced("Original: ", "Originally:"), ("fail", None, "no '<hr />' line")),
    "impossible date": (lines_replaced("Date: 1958-03-04", "Date: 1957-13-45"), ("fail", 3, "'Date:' must be a date")),
    "date in words": (lines_replaced("Date: 1958-03-04", "Date: March 1958"), ("fail", 3, "'Date:' must be a date")),
    "page in Chinese numerals": (lines_replaced("Page: 3", "Page: 二"), ("fail", 4, "'Page:' must be a page number")),
    "page zero": (lines_replaced("Page: 3", "Page: 0"), ("fail", 4, "'Page:' must be a page number")),
    "missing Page": (lines_replaced("Page: 3\n", ""), ("fail", 3, "missing header field 'Page:'")),
    "empty Title": (lines_replaced("Title: Water for the Fields: How a Cooperative Dug Its Canals", "Title:"),
                    ("fail", 1, "'Title:' is empty")),
    "header field twice": (lines_replaced("Page: 3", "Page: 3\nPage: 4"), ("fail", 5, "given twice")),
    "unknown header field": (lines_replaced("Page: 3", "Page: 3\nColumn: x"), ("fail", 5, "unknown header field")),
    "prose before the header": (enc("Some prose\n" + GOOD), ("fail", 1, "not an article: expected '### title' (an archive file) or 'Title:'")),
    "no ### line": (lines_replaced("### ", ""), ("fail", None, "expected the title line '### 标题  副标题'")),
    "empty ### line": (lines_replaced("### 为田地引水  一个合作社怎样挖渠", "###"), ("fail", None, "'###' title line is empty")),
    "no Chinese date": (lines_replaced("\n1958-03-04\n第", "\n第"), ("fail", None, "expected the date")),
    "no page line": (lines_replaced("第3版()\n", ""), ("fail", None, "expected the page line")),
    "no Chinese text": (enc(GOOD.split("专栏：")[0] + "专栏：\n"), ("fail", None, "the Chinese original has no text")),
    "GB18030 file": (enc(GOOD, "gb18030"), ("ok", "decoded as GB18030")),
    "GBK file": (enc(GOOD, "gbk"), ("ok", "decoded as GB18030")),
    "UTF-16 with BOM": (enc(GOOD, "utf-16"), ("ok", "decoded as UTF-16")),
    "UTF-16LE without BOM": (enc(GOOD, "utf-16-le"), ("ok", "UTF-16LE without BOM")),
    "UTF-8 BOM": (b"\xef\xbb\xbf" + enc(GOOD), ("ok", "BOM dropped")),
    "CRLF line ends": (enc(GOOD.replace("\n", "\r\n")), ("ok", "line ends unified to LF")),
    "lone CR line ends": (enc(GOOD.replace("\n", "\r")), ("ok", "line ends unified to LF")),
    "tabs and spaces mixed": (enc(GOOD.replace("    合作社", "\t合作社").replace("        第一条渠", " \t  \t第一条渠")),
                              ("ok", None)),
    "U+3000 everywhere": (enc(GOOD.replace("    ", "\u3000\u3000").replace("\n\n", "\n\u3000\n")), ("ok", None)),
    "forbidden control characters": (enc(GOOD.replace("开始挖渠", "开始\x00\x01\x08挖\x0b渠")),
                                     ("ok", "4 character(s) that XML 1.0 forbids replaced")),
    "U+FFFE": (enc(GOOD.replace("began to dig", "began\ufffeto dig")), ("ok", "forbids replaced")),
    "markup-like text": (enc(GOOD.replace("began to dig", "began <b>&amp; ]]> <!-- to dig")), ("ok", None)),
    "random bytes": (bytes(rng.randrange(256) for _ in range(4000)), ("fail", None, "")),
    "NUL-filled binary": (b"\x00\x01\x02\x03" * 500, ("fail", None, "")),
    "truncated mid-character": (enc(GOOD)[:-2], ("fail", None, "truncated")),
}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def check_nothing_written(out):
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_case(name, tmp_path, validator):
    data, expect = CASES[name]
    src = tmp_path / "article.txt"
    src.write_bytes(data)
    out = tmp_path / "out"
    r = run("convert", src, "-o", out, "--no-entities")
    assert "Traceback" not in r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    if expect[0] == "ok":
        assert r.exit_code == 0, r.output
        editions = list(out.glob("*.xml"))
        assert len(editions) == 1 and not list(out.glob(".*tmp"))
        problems, _ = validator.check_file(editions[0])
        assert problems == []
        if expect[1]:
            assert f"{src}: normalised: " in r.output and expect[1] in r.output
    else:
        _, line, message = expect
        assert r.exit_code == 1, r.output
        errors = [ln for ln in r.output.splitlines() if ln.startswith(str(src))]
        assert len(errors) == 1, r.output
        pattern = rf"^{re.escape(str(src))}:{line if line else r'[0-9]+'}: .*{re.escape(message)}"
        assert re.match(pattern, errors[0]), errors[0]
        check_nothing_written(out)


def test_markup_like_text_round_trips(tmp_path):
    from lxml import etree

    src = tmp_path / "a.txt"
    src.write_text(GOOD.replace("began to dig", "began <b>&amp; ]]> <!-- to dig"), encoding="utf-8")
    run("convert", src, "-o", tmp_path / "out", "--no-entities")
    tree = etree.parse(str(next((tmp_path / "out").glob("*.xml"))))
    assert "began <b>&amp; ]]> <!-- to dig" in "".join(tree.getroot().itertext())


def test_forbidden_characters_are_replaced_and_said_where(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(enc(GOOD.replace("开始挖渠", "开始\x00挖渠")))
    r = run("convert", src, "-o", tmp_path / "out", "--no-entities")
    line = GOOD.split("\n").index(next(ln for ln in GOOD.split("\n") if "开始挖渠" in ln)) + 1
    assert f"(first on line {line})" in r.output
    xml = next((tmp_path / "out").glob("*.xml")).read_text(encoding="utf-8")
    assert "开始\ufffd挖渠" in xml


def test_encoding_option_overrides_detection(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes(enc(GOOD, "gbk"))
    r = run("convert", src, "-o", tmp_path / "out", "--no-entities", "--encoding", "utf-8")
    assert r.exit_code == 1 and re.search(rf"{re.escape(str(src))}:\d+: cannot be decoded as utf-8", r.output)
    r = run("convert", src, "-o", tmp_path / "out", "--no-entities", "--encoding", "gbk")
    assert r.exit_code == 0 and "normalised" not in r.output
    r = run("convert", src, "-o", tmp_path / "out2", "--encoding", "klingon")
    assert r.exit_code == 1 and f"{src}: unknown encoding 'klingon'" in r.output


def test_one_megabyte_paragraph(tmp_path, validator):
    zh = "合作社的社员们在春天开始挖渠，王林同志带领大家学习。" * 12000
    en = "The members of the cooperative began to dig in the spring, led by Wang Lin. " * 10000
    src = Article(en=[("p", en)], zh=[("p", zh)]).write(tmp_path)
    assert src.stat().st_size > 1_000_000
    r = run("convert", src, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    edition = next((tmp_path / "out").glob("*.xml"))
    assert validator.check_file(edition)[0] == []


def test_ten_thousand_paragraphs(tmp_path, validator):
    src = Article(en=[("p", f"Paragraph {i}.") for i in range(10000)],
                  zh=[("p", f"第{i}段。") for i in range(10000)]).write(tmp_path)
    r = run("convert", src, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    edition = next((tmp_path / "out").glob("*.xml"))
    assert validator.check_file(edition)[0] == []
    text = edition.read_text(encoding="utf-8")
    units, sentences = text.split('<linkGrp type="sentences">')
    assert units.count("<link ") == 10004 and sentences.count("<link ") == 10004
