"""The archive reader on real files of the People's Daily (1946-05-19, -20, -23), on traps made
for the test, and Chinese-only editions all the way through (schema, HTML, text, DC, bag)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from tei_tools.cli import main
from tei_tools.errors import SourceError
from tei_tools.model import ZH
from tei_tools.pipeline import Options, build_edition
from tei_tools.readers import READERS, read_bytes, read_source
from tei_tools.readers.lines import WHITESPACE

ARCHIVE = ROOT / "tests" / "archive" / "1946年05月"
FILES = sorted(ARCHIVE.glob("*.md"))
KIND = {"title": "t", "subtitle": "s", "byline": "b", "head": "h", "p": "p", "closer": "c", "note": "n"}


def expectations() -> list[dict[str, str]]:
    lines = (ROOT / "tests" / "archive" / "expected.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[4].lstrip("# ").split("\t")
    return [dict(zip(header, row)) for row in csv.reader(
        (ln for ln in lines if not ln.startswith("#")), delimiter="\t")]


def body_lines(path: Path) -> list[str]:
    """What the source says after the header: every non-empty line, stripped (README)."""
    lines = path.read_bytes().decode("utf-8").replace("\r\n", "\n").split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.startswith("专栏")) + 1
    return [ln.strip(WHITESPACE) for ln in lines[start:] if ln.strip(WHITESPACE)]


def test_the_dev_set_is_the_three_days_and_keeps_the_generators_line_ends():
    assert len(FILES) == 78
    assert {f.name[:10] for f in FILES} == {"1946-05-19", "1946-05-20", "1946-05-23"}
    for f in FILES:
        data = f.read_bytes()
        lines = data.split(b"\n")
        assert [ln.endswith(b"\r") for ln in lines[:4]] == [True, True, True, False], f.name
        assert data.endswith(b"\r\n") and data.count(b"\r") == 4, f.name


@pytest.mark.parametrize("row", expectations(), ids=lambda r: r["file"][:24])
def test_header_facts_and_line_kinds_as_read_by_hand(row):
    edition = read_source(ARCHIVE / row["file"])
    meta, units = edition.meta, edition.sides[ZH].units
    assert list(edition.sides) == [ZH]
    assert (meta.date, str(meta.page), meta.section, meta.column) == (
        row["date"], row["page"], row["section"], row["column"])
    assert "|".join(meta.authors[ZH]) == row["authors"]
    assert 1 + len(meta.subtitles[ZH]) == int(row["decks"])
    assert "".join(KIND[u.kind] for u in units) == row["kinds"]
    assert sum(1 for u in units if u.dateline) == int(row["datelines"])


def test_every_dev_file_converts_faithfully_and_validly(tmp_path, validator):
    """Every body line is in the edition's text, in order; every edition is valid."""
    from tei_tools.convert import convert_file
    from tei_tools.transform import text

    for f in FILES:
        result = convert_file(f, tmp_path, Options(entities=False))
        assert result.error is None, result.error
        problems, _ = validator.check_file(result.output)
        assert problems == [], (f.name, problems)
        out = text(result.output, tmp_path / "text")
        assert [p.name.split(".")[-2] for p in out] == ["zh"]  # no English file for no English
        assert out[0].read_text(encoding="utf-8") == "\n\n".join(body_lines(f)) + "\n"


def test_dev_editions_are_valid_tei_all(tmp_path, need_jing):
    from tei_tools.convert import convert_file
    from tei_tools.validate import jing_problems

    outputs = [str(convert_file(f, tmp_path, Options(entities=False)).output) for f in FILES[::4]]
    assert jing_problems(need_jing, outputs) == []


def test_a_dispatch_gets_its_dateline_and_the_text_keeps_the_line():
    edition = read_source(ARCHIVE / "1946-05-19_简讯.md")
    paragraphs = edition.sides[ZH].by_kind("p")
    assert [p.text[:p.dateline] for p in paragraphs] == ["【新华社延安十六日电】"] * 2
    assert edition.meta.column == "简讯" and edition.meta.authors[ZH] == []


def test_signature_set_apart_at_the_end_is_a_closer_not_a_heading():
    edition = read_source(ARCHIVE / "1946-05-20_发展小煤窑生产_提倡群众合作经营.md")
    assert edition.sides[ZH].units[-1].kind == "closer"
    assert edition.sides[ZH].units[-1].text == "（冰如）"
    assert edition.meta.authors[ZH] == ["冰如"]


def test_deep_headings_open_sections(tmp_path):
    from tei_tools.convert import convert_file
    from lxml import etree

    out = convert_file(ARCHIVE / "1946-05-23_欣欣向荣的济宁市.md", tmp_path, Options(entities=False)).output
    tree = etree.parse(str(out))
    heads = ["".join(h.itertext()) for h in tree.xpath("//t:div[@type='section']/t:head", namespaces={"t": "http://www.tei-c.org/ns/1.0"})]
    assert heads == ["商业", "工业", "文教", "交通", "市政", "新生的人们"]


# -- traps made for the test --------------------------------------------------------------------

def archive(decks: str, body: list[str], authors: str = "", page: str = "第1版()",
            column: str = "专栏：") -> str:
    head = f"### {decks}\r\n{authors}\r\n1946-05-20\r\n{page}\n{column}\n\n"
    return head + "\n".join(body) + "\r\n"


P1 = "    【新华社延安十七日电】这是第一段，讲了很多事情。"
P2 = "    第二段也很长，说的是另一件事情，还没有完。"
P3 = "    第三段写完了这篇报道的全部内容。"


def read_text(text: str, name: str = "t.md", reader: str | None = None):
    """As a file with these characters would be read (the CRs of the generator included)."""
    return read_bytes(text.encode("utf-8"), name, reader=reader)


def kinds(text: str) -> str:
    return "".join(KIND[u.kind] for u in read_text(text).sides[ZH].units)


def test_decks_joined_by_one_space_dashes_or_ideographic_space():
    for decks in ("甲乙丙 丁戊己", "甲乙丙——丁戊己", "甲乙丙\u3000丁戊己", "甲乙丙   丁戊己"):
        e = read_text(archive(decks, ["　　甲乙丙", "    丁戊己", P1]), "t.md")
        assert (e.meta.title[ZH], e.meta.subtitles[ZH]) == ("甲乙丙", ["丁戊己"]), decks
        assert kinds(archive(decks, ["　　甲乙丙", "    丁戊己", P1])) == "tsp"


def test_title_block_split_differently_or_with_a_variant():
    assert kinds(archive("甲乙丙  丁戊己  庚辛", ["　　甲乙丙丁戊己", "    庚辛", P1])) == "tsp"
    assert kinds(archive("荷泽治河协议  双方同意", ["　　菏泽治河协议", "    双方同意", P1])) == "tsp"
    assert kinds(archive("甲乙丙", [P1, P2])) == "pp"  # no repeated title: all paragraphs


def test_page_with_full_width_digits_and_no_section():
    e = read_text(archive("标题", ["　　标题", P1], page="第１版"), "t.md")
    assert (e.meta.page, e.meta.section) == (1, "")
    e = read_text(archive("标题", ["　　标题", P1], page="第4版(国际)"), "t.md")
    assert (e.meta.page, e.meta.section) == (4, "国际")


def test_byline_repeated_in_the_body_or_only_there():
    assert kinds(archive("标题", ["　　标题", "    毓明", P1], authors="毓明")) == "tbp"
    e = read_text(archive("标题", ["　　标题", "    本报记者　李明", P1]), "t.md")
    assert [u.kind for u in e.sides[ZH].units] == ["title", "byline", "p"]
    assert e.meta.authors[ZH] == ["李明"]
    assert read_text(archive("标题", [P1], authors="新华社记者　王五　赵六"), "t.md").meta.authors[ZH] == ["王五", "赵六"]


def test_not_headings_indents_of_three_five_six_tables_and_punctuation_lines():
    body = ["　　标题", P1, "   三个空格的一行", "     五个空格", "      六个空格的段落",
            "    品名　　数量　　价格", "    ……", P2 + "  ", P3]
    assert kinds(archive("标题", body)) == "tpppppppp"


def test_headings_deep_or_numbered_at_paragraph_indent_and_not_signatures_dates_attributions():
    body = ["　　标题", P1, "            深一级的小标题", P2, "    一、编号的小标题", P3,
            "            ——鲁迅", P2, "                                    张三", "                                    五月十日"]
    assert kinds(archive("标题", body)) == "tphphpppcc"


def test_short_line_between_paragraphs_is_a_heading_only_when_it_stands_alone():
    assert kinds(archive("标题", ["　　标题", P1, "    短小标题", P2, P3])) == "tphpp"
    assert kinds(archive("标题", ["　　标题", P1, "    “好走。”", P2, P3])) == "tpppp"
    assert kinds(archive("标题", ["　　标题", P1, "    短行", "    另一短行", P2])) == "tpppp"


def test_closing_note_in_parentheses_and_a_parenthesised_signature_set_apart():
    assert kinds(archive("标题", ["　　标题", P1, "　（原载晋察冀日报）"])) == "tpn"
    assert kinds(archive("标题", ["　　标题", P1, " " * 40 + "（冰如）"])) == "tpc"


def test_datelines_of_every_shape_and_only_at_a_paragraph_start():
    for opener in ("【新华社延安十六日电】", "【本报讯】", "【又讯】", "【本市消息】", "【新华社宣化店十八日急电】",
                   "【邯郸二十日电】", "【本报特讯】"):
        e = read_text(archive("标题", ["　　标题", "    " + opener + "正文如下。"]), "t.md")
        assert e.sides[ZH].units[-1].dateline == len(opener), opener
    e = read_text(archive("标题", ["　　标题", "    正文【新华社延安十六日电】在中间。", "    【编者按】不是电头。"]), "t.md")
    assert [u.dateline for u in e.sides[ZH].units] == [0, 0, 0]


@pytest.mark.parametrize("text, line, message", [
    ("", 1, "empty file"),
    ("### 标题\r\n\r\n1946-05-20\r\n第二版()\n专栏：\n\n    正文。\r\n", 4, "expected the page line"),
    ("### 标题\r\n\r\n1946-13-40\r\n第2版()\n专栏：\n\n    正文。\r\n", 3, "not a valid date"),
    ("### 标题\r\n\r\n五月二十日\r\n第2版()\n", 3, "expected the date"),
    ("###\r\n\r\n1946-05-20\r\n第2版()\n专栏：\n\n    正文。\r\n", 1, "the '###' title line is empty"),
    ("### 标题\r\n\r\n1946-05-20\r\n第2版()\n专栏：\n\n", 7, "has no text"),
    ("Some prose.\n", 1, "not an article"),
])
def test_bad_archive_files_name_the_line(text, line, message):
    with pytest.raises(SourceError) as info:
        read_text(text, "bad.md")
    assert message in str(info.value) and info.value.line == line, str(info.value)


def test_the_registry_chooses_by_content_and_from_forces():
    assert list(READERS) == ["archive", "bilingual"]
    assert READERS["archive"].detect([]) is False
    text = archive("标题", ["　　标题", P1])
    assert read_text(text, "t.md").bilingual is False
    with pytest.raises(SourceError, match="expected the header field 'Title:'"):
        read_text(text, "t.md", reader="bilingual")
    with pytest.raises(SourceError, match="unknown source format 'pdf'"):
        read_text(text, "t.md", reader="pdf")


def test_the_bilingual_reader_reads_its_chinese_half_as_the_archive_reader_does():
    from articles import Article

    bilingual = read_text(Article().text(), "b.txt")
    half = Article().text().split("Original: \n", 1)[1]
    alone = read_text(half, "a.md")
    assert [(u.kind, u.text) for u in bilingual.sides[ZH].units] == [
        (u.kind, u.text) for u in alone.sides[ZH].units]


# -- ids, folders, .7z ----------------------------------------------------------------------------

def test_articles_with_one_title_on_one_day_and_page_get_distinct_stable_ids():
    a = archive("简讯", ["　　简讯", P1])
    b = archive("简讯", ["　　简讯", P2])
    opts = Options(entities=False)
    from tei_tools.pipeline import enrich

    ids = {enrich(read_text(t, "x.md"), opts).id for t in (a, b)}
    assert len(ids) == 2 and all(i.startswith("rmrb-19460520-01-jian-xun-") for i in ids)
    assert enrich(read_text(a, "y.md"), opts).id in ids  # same text, same id


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def test_a_folder_is_read_recursively_whatever_the_extension(tmp_path):
    src = tmp_path / "src"
    (src / "day" / "deep").mkdir(parents=True)
    (src / "day" / "a.md").write_bytes(FILES[0].read_bytes())
    (src / "day" / "deep" / "b").write_bytes(FILES[1].read_bytes())
    (src / "c.txt").write_bytes(FILES[2].read_bytes())
    (src / ".hidden").write_text("not looked at")
    (src / "notes.md").write_text("# my notes\n", encoding="utf-8")
    code, out = run("convert", src, "-o", tmp_path / "out", "--no-entities")
    assert code == 1
    assert f"{src / 'notes.md'}:1: not an article" in out
    assert "converted 3, up to date 0, failed 1" in out
    assert len(list((tmp_path / "out").glob("*.xml"))) == 3


def test_an_empty_folder_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    code, out = run("convert", tmp_path / "empty", "-o", tmp_path / "out")
    assert code == 1 and "no source articles found" in out


def test_the_same_article_twice_is_one_edition_and_the_second_is_reported(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "one.md").write_bytes(FILES[3].read_bytes())
    (src / "two.md").write_bytes(FILES[3].read_bytes())
    code, out = run("convert", src, "-o", tmp_path / "out", "--no-entities", "-j", "1")
    assert code == 1 and "converted 1, up to date 0, failed 1" in out
    assert f"{src / 'two.md'}: has the same text as {src / 'one.md'}" in out
    assert "one.md" in next((tmp_path / "out").glob("*.xml")).read_text(encoding="utf-8")


def test_a_7z_month_converts_in_one_command_and_names_its_members(tmp_path):
    py7zr = pytest.importorskip("py7zr")
    month = tmp_path / "1946年05月.7z"
    with py7zr.SevenZipFile(month, "w") as z:
        for f in FILES[:6]:
            z.write(f, f"1946年05月/{f.name}")
        z.writestr(b"not an article\n", "1946年05月/README")
    code, out = run("convert", month, "-o", tmp_path / "out", "--no-entities")
    assert code == 1 and "converted 6, up to date 0, failed 1" in out
    assert f"{month}!1946年05月/README:1: not an article" in out
    direct = {p.name for p in (tmp_path / "out").glob("*.xml")}
    code, _ = run("convert", *FILES[:6], "-o", tmp_path / "same", "--no-entities")
    assert code == 0 and {p.name for p in (tmp_path / "same").glob("*.xml")} == direct
    for name in direct:  # a member and its file give the same bytes
        assert (tmp_path / "out" / name).read_bytes() == (tmp_path / "same" / name).read_bytes()


def test_a_broken_7z_is_one_line(tmp_path):
    bad = tmp_path / "bad.7z"
    bad.write_bytes(b"7z\xbc\xaf\x27\x1c" + b"\0" * 40)
    code, out = run("convert", bad, "-o", tmp_path / "out")
    assert code == 1 and f"{bad}: not a readable 7z archive" in out and "Traceback" not in out


def test_a_fifo_in_a_folder_is_reported_not_waited_for(tmp_path):
    import os

    src = tmp_path / "src"
    src.mkdir()
    os.mkfifo(src / "pipe.md")
    (src / "a.md").write_bytes(FILES[0].read_bytes())
    code, out = run("convert", src, "-o", tmp_path / "out", "--no-entities")
    assert code == 1 and f"{src / 'pipe.md'}: not a regular file" in out


# -- Chinese-only editions downstream ------------------------------------------------------------

def test_chinese_only_edition_renders_one_column_and_packages(tmp_path):
    from lxml import etree, html as lhtml

    from tei_tools import bag, dc, transform
    from tei_tools.convert import convert_file

    edition = convert_file(ARCHIVE / "1946-05-19_简讯.md", tmp_path, Options()).output
    page = lhtml.parse(str(transform.html(edition, tmp_path / "html"))).getroot()
    assert page.get("lang") == "zh-Hans"
    assert page.xpath("//main/@class") == ["original"]
    assert not page.xpath("//div[contains(@class,'cell en')]")
    assert page.xpath("string(//span[@class='dateline'])") == "【新华社延安十六日电】"
    record = dc.record(etree.parse(str(edition)))
    assert [e.text for e in record.iter("{http://purl.org/dc/elements/1.1/}language")] == ["zh"]
    assert "Chinese original" in record.findtext("{http://purl.org/dc/elements/1.1/}description")
    target = bag.make(edition, tmp_path / "bags", [ARCHIVE])
    assert bag.verify(target) == []
    assert sorted(p.relative_to(target / "data" / "objects").as_posix()
                  for p in (target / "data" / "objects").rglob("*") if p.parent.name != "schema" and p.is_file()) == sorted(
        [f"tei/{edition.stem}.xml", f"html/{edition.stem}.html", f"text/{edition.stem}.zh.txt",
         f"dc/{edition.stem}.dc.xml", "source/1946-05-19_简讯.md"])  # no English text to write


def test_names_are_tagged_in_chinese_only_editions():
    edition = build_edition(ARCHIVE / "1946-05-19_简讯.md", Options())
    names = {edition.sides[ZH].units[1].text[m.start:m.end] for m in edition.sides[ZH].units[1].mentions}
    assert "新华社" in names and "延安" in names


def test_a_title_of_dashes_alone_is_kept_not_lost():
    """Found by the property test: the dashes that join decks were stripped from a title made
    of nothing else, leaving an edition without a title."""
    e = read_text(archive("-", ["　　0"]), "t.md")
    assert e.meta.title[ZH] == "-"
