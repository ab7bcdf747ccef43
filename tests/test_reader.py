"""The reader: the seed, variants of the format, and errors that name the line."""
from __future__ import annotations

import pytest
from articles import Article
from conftest import SEED

from tei_tools.errors import SourceError
from tei_tools.model import EN, ZH
from tei_tools.readers import read_source as read_file, read_text


def kinds(side):
    return [u.kind for u in side.units]


def test_seed_metadata():
    e = read_file(SEED)
    m = e.meta
    assert m.date == "1957-01-30" and m.page == 2
    assert m.title == {EN: "Deeper, Deeper, and Still Deeper", ZH: "深入深入再深入"}
    assert m.subtitles[ZH] == ["嘉兴市委工业部改进领导工作的经过"]
    assert m.subtitles[EN][0].startswith("The Jiaxing Municipal Party Committee Industry Department")
    assert m.authors == {EN: ["Chen Xinhai", "Shi Zai"], ZH: ["陈心海", "石在"]}
    assert m.section == "" and m.column == ""
    assert e.source.sha256 == "5af923c4f8fbb7a771a9ce86f5eeeae94fd7b8cb8d926150cb7d62f8416696d4"


def test_seed_structure_both_sides_alike():
    e = read_file(SEED)
    expected = (["title", "subtitle", "byline", "p", "p", "head", "p", "head", "p", "p", "head",
                 "p", "p", "head", "p", "p", "head", "p", "note"])
    assert kinds(e.sides[ZH]) == expected
    assert kinds(e.sides[EN]) == expected


def test_seed_heading_with_paragraph_indent_is_a_heading():
    e = read_file(SEED)
    heads = [u.text for u in e.sides[ZH].units if u.kind == "head"]
    assert heads == ["下去不等于深入", "分片定点", "蹲了“点”要带起“面”", "要对症下药", "一环扣一环"]


def test_seed_notes_and_line_numbers():
    e = read_file(SEED)
    assert e.sides[ZH].units[-1].text == "（原载浙江日报，本报略有删改。）"
    assert e.sides[EN].units[-1].text.startswith("(Originally published in Zhejiang Daily")
    assert e.sides[EN].units[0].line == 6
    assert e.sides[ZH].units[0].line == 55


def test_every_body_line_is_kept_in_order():
    raw = SEED.read_text(encoding="utf-8").split("\n")
    e = read_file(SEED)
    for side in (e.sides[EN], e.sides[ZH]):
        for unit in side.units:
            assert raw[unit.line - 1].strip(" \t\u3000") == unit.text
        lines = [u.line for u in side.units]
        assert lines == sorted(lines)


def test_no_headings():
    a = Article(en=[("p", "One."), ("p", "Two.")], zh=[("p", "一。"), ("p", "二。")])
    e = read_text(a.text())
    assert kinds(e.sides[EN]) == ["title", "subtitle", "byline", "p", "p", "note"]
    assert kinds(e.sides[ZH]) == ["title", "subtitle", "byline", "p", "p", "note"]


def test_no_author():
    a = Article(authors_en=[], authors_zh=[])
    e = read_text(a.text())
    assert e.meta.authors == {EN: [], ZH: []}
    assert "byline" not in kinds(e.sides[EN]) and "byline" not in kinds(e.sides[ZH])
    assert kinds(e.sides[ZH])[:2] == ["title", "subtitle"]


def test_several_authors():
    a = Article(authors_en=["Li Hua", "Zhang San", "Wu Si"], authors_zh=["李华", "张三", "吴四"])
    e = read_text(a.text())
    assert e.meta.authors[EN] == ["Li Hua", "Zhang San", "Wu Si"]
    assert e.meta.authors[ZH] == ["李华", "张三", "吴四"]


def test_no_subtitle_and_other_page_section_column():
    a = Article(subtitle_en="", subtitle_zh="", page=4, section="国际", column="读者来信")
    e = read_text(a.text())
    assert e.meta.subtitles == {EN: [], ZH: []}
    assert (e.meta.page, e.meta.section, e.meta.column) == (4, "国际", "读者来信")
    assert kinds(e.sides[ZH])[:2] == ["title", "byline"]


def test_unequal_paragraph_counts_are_kept():
    a = Article(en=[("p", "One. Two.")], zh=[("p", "一。"), ("p", "二。")])
    e = read_text(a.text())
    assert kinds(e.sides[EN]).count("p") == 1
    assert kinds(e.sides[ZH]).count("p") == 2


def test_weak_heading_needs_english_evidence():
    """A short unpunctuated line with paragraph indent is a heading only if English has one."""
    zh = [("p", "第一段。"), ("p", "短行没有标点", 4), ("p", "第二段。")]
    with_head = Article(en=[("p", "First."), ("head", "A short line"), ("p", "Second.")], zh=zh)
    without = Article(en=[("p", "First."), ("p", "A short line"), ("p", "Second.")], zh=zh)
    assert kinds(read_text(with_head.text()).sides[ZH])[3:6] == ["p", "head", "p"]
    assert kinds(read_text(without.text()).sides[ZH])[3:6] == ["p", "p", "p"]


def test_markup_like_text_is_text():
    a = Article(en=[("p", "He wrote <hr /> & <script>x</script> ]]> <!-- c -->.")],
                zh=[("p", "他写了<hr />和&。")])
    e = read_text(a.text())
    assert e.sides[EN].units[3].text == "He wrote <hr /> & <script>x</script> ]]> <!-- c -->."


@pytest.mark.parametrize("mutate, line, message", [
    (lambda t: t.replace("Date: 1958-03-04", "Date: 1958-13-45"), 3, "'Date:' must be a date"),
    (lambda t: t.replace("Page: 3", "Page: 二"), 4, "'Page:' must be a page number"),
    (lambda t: t.replace("Page: 3\n", ""), 3, "missing header field 'Page:'"),
    (lambda t: t.replace("<hr /> ", "----"), None, "no '<hr />' line"),
    (lambda t: t.replace("### ", ""), None, "expected the title line '### 标题  副标题'"),
    (lambda t: t.replace("Title:", "Titel:"), 1, "unknown header field 'Titel'"),
    (lambda t: "Some prose\n" + t, 1, "not an article: expected '### title' (an archive file) or 'Title:'"),
    (lambda t: "", 1, "empty file"),
])
def test_errors_name_file_and_line(mutate, line, message):
    with pytest.raises(SourceError) as info:
        read_text(mutate(Article().text()), "x.txt")
    assert message in str(info.value)
    assert str(info.value).startswith("x.txt:")
    if line:
        assert info.value.line == line


def test_byline_roles_are_not_names():
    a = Article(authors_en=["Our reporter Li Ming", "Wang Hua"], authors_zh=["本报记者", "李明", "新华社记者王华"])
    e = read_text(a.text())
    assert e.meta.authors[EN] == ["Li Ming", "Wang Hua"]
    assert e.meta.authors[ZH] == ["李明", "王华"]
    assert e.sides[ZH].units[2].kind == "byline"


def test_a_printed_title_one_word_off_the_header_is_still_the_title_with_a_warning():
    text = SEED.read_text(encoding="utf-8").replace("\nDeeper, Deeper, and Still Deeper\n",
                                                    "\nDeeper, Deeper, and Yet Deeper\n", 1)
    edition = read_text(text, "mis.txt")
    assert [u.kind for u in edition.sides[EN].units[:3]] == ["title", "subtitle", "byline"]
    assert edition.sides[EN].units[0].text == "Deeper, Deeper, and Yet Deeper"
    [warning] = edition.warnings
    assert warning.startswith("mis.txt:6: warning: the printed title 'Deeper, Deeper, and Yet Deeper'")
    assert "(line 1: 'Deeper, Deeper, and Still Deeper')" in warning


def test_a_first_paragraph_unlike_the_title_is_no_title():
    text = SEED.read_text(encoding="utf-8").replace("\nDeeper, Deeper, and Still Deeper\n",
                                                    "\nA Report From Jiaxing About Factories\n", 1)
    edition = read_text(text, "other.txt")
    assert edition.sides[EN].units[0].kind != "title"


def test_no_heading_after_the_closers_and_the_closing_note_stays_a_note():
    """Found by the reader fuzz target: with a Chinese heading gone, the English heading asked
    for one more, and the closing note (a short line in parentheses) was taken for it, after a
    closer, where TEI's division allows no heading."""
    from conftest import ROOT

    text = (ROOT / "editions" / "sources" / "101_fenyang_red_star.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    k = next(i for i, ln in enumerate(lines) if ln.strip() == "向别人学习")
    lines[k:k + 2] = ["        " + lines[k + 1].strip()[-24:]]  # the heading gone, a deep last line
    kinds = [u.kind for u in read_text("\n".join(lines)).sides[ZH].units]
    assert kinds[-2:] == ["closer", "note"]
    assert "head" not in kinds[kinds.index("closer"):]
