"""HTML reading edition and plain text, from TEI only."""
from __future__ import annotations

import json

import pytest
from articles import Article
from lxml import etree, html as lhtml
from conftest import GOLDEN, REGISTER, ROOT, SEED_ID

from tei_tools.convert import convert_file
from tei_tools.pipeline import Options
from tei_tools.transform import html, index, text

SOURCES = sorted((ROOT / "editions" / "sources").glob("*.txt"))
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def source_body_lines(source):
    """Per language, the non-blank body lines of a source, stripped (README: normalisation)."""
    raw = source.read_text(encoding="utf-8")
    english, _, chinese = raw.partition("\n<hr />")
    en_body = english.split("\n\n", 1)[1]
    zh_body = chinese.split("专栏：", 1)[1].split("\n", 1)[1]
    strip = lambda block: [ln.strip(" \t\u3000") for ln in block.split("\n") if ln.strip(" \t\u3000")]  # noqa: E731
    return {"en": strip(en_body), "zh": strip(zh_body)}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_text_round_trips_every_source(source, tmp_path):
    result = convert_file(source, tmp_path, Options(registers=[REGISTER]))
    assert result.error is None
    written = text(result.output, tmp_path / "text")
    expected = source_body_lines(source)
    for path in written:
        lang = path.name.split(".")[-2]
        content = path.read_text(encoding="utf-8")
        assert [ln for ln in content.split("\n") if ln] == expected[lang]
        assert "\n\n\n" not in content and content.endswith("\n")


def page_for(edition, tmp_path):
    return lhtml.parse(str(html(edition, tmp_path))).getroot()


def test_html_rows_follow_the_alignment(tmp_path):
    page = page_for(GOLDEN / f"{SEED_ID}.xml", tmp_path)
    tei = etree.parse(str(GOLDEN / f"{SEED_ID}.xml"))
    for target in tei.xpath("//t:linkGrp[@type='translation']/t:link/@target", namespaces=NS):
        zh, en = (t[1:] for t in target.split())
        row_zh = page.get_element_by_id(zh).xpath("ancestor::div[contains(@class,'row')]")[0]
        row_en = page.get_element_by_id(en).xpath("ancestor::div[contains(@class,'row')]")[0]
        assert row_zh is row_en
    assert len(page.xpath("//div[contains(@class,'row')]")) == 19


def test_html_merged_paragraphs_share_one_row(tmp_path):
    zh = [("p", "第一段讲的是合作社在春天组织社员挖渠的经过，社员们情绪很高，每天天不亮就出工。"),
          ("p", "第二段讲的是挖渠中遇到的困难，地下有很多石头，工具又不够用，进度一度很慢。"),
          ("p", "第三段讲的是社员们想出了办法，自己打制工具，又请来了有经验的老农帮助指导。")]
    en = [("p", "The first paragraph tells how the cooperative organised its members to dig canals "
                "in the spring; the members were in high spirits and went out before dawn."),
          ("p", "The second paragraph tells of the difficulties: there were many stones underground "
                "and not enough tools, so progress was slow for a while. The third tells how the "
                "members made their own tools and invited experienced old farmers to guide them.")]
    src = Article(en=en, zh=zh).write(tmp_path)
    edition = convert_file(src, tmp_path, Options(entities=False)).output
    page = page_for(edition, tmp_path)
    row = page.get_element_by_id("en-p2").xpath("ancestor::div[contains(@class,'row')]")[0]
    assert {p.get("id") for p in row.xpath(".//*[@id]")} >= {"zh-p2", "zh-p3", "en-p2"}


def test_html_names_link_to_the_index_and_langs_are_set(tmp_path):
    page = page_for(GOLDEN / f"{SEED_ID}.xml", tmp_path)
    links = page.xpath("//main//span[contains(@class, 'nm')]/a")
    assert len(links) > 40
    for a in links:
        assert page.get_element_by_id(a.get("href")[1:]).tag == "li"
        assert a.get("href") == "#idx-" + a.getparent().get("data-ref")[1:]  # each name its own link
    assert page.xpath("//meta/@charset") == ["utf-8"]
    assert {c.get("lang") for c in page.xpath("//div[contains(@class,'cell')]")} == {"zh-Hans", "en"}
    entry = page.get_element_by_id("idx-org-jiaxing-paper-muscle-factory")
    assert "嘉兴纸筋厂" in entry.text_content() and "Jiaxing Paper Muscle Factory" in entry.text_content()
    zh, en = entry.xpath(".//span[@class='occ']/span[@class='lang']")
    assert [a.text for a in zh.xpath("a")] == ["¶2", "¶8", "¶9"]  # one label a paragraph
    assert [a.get("href") for a in en.xpath("a")] == ["#en-p2", "#en-p8", "#en-p9"]


def test_html_escapes_markup_like_text(tmp_path):
    a = Article(en=[("p", "He typed <script>alert(1)</script> & <hr /> here.")],
                zh=[("p", "他输入了<script>alert(1)</script>。")])
    edition = convert_file(a.write(tmp_path), tmp_path, Options(entities=False)).output
    target = html(edition, tmp_path / "h")
    raw = target.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    page = lhtml.parse(str(target)).getroot()
    code = page.xpath("//script[not(@type)]")
    assert len(code) == 1  # ours, for highlighting
    assert "alert" not in code[0].text
    findings = page.xpath("//script[@type='application/json']")  # the QA findings, as data
    assert len(findings) == 1 and "<" not in findings[0].text


def test_html_links_sentences_and_carries_the_qa_findings(tmp_path):
    page = page_for(GOLDEN / f"{SEED_ID}.xml", tmp_path)
    sentence = page.get_element_by_id("zh-p2-s1")
    assert sentence.get("class") == "s" and sentence.get("data-link") == "#zh-p2-s1 #en-p2-s1"
    wuhu = next((ROOT / "editions").glob("rmrb-19571008-*.xml"))
    data = page_for(wuhu, tmp_path).xpath("//script[@id='qa-findings']")[0].text
    assert {"sentences": ["zh-h1-s1", "en-h1-s1"], "kind": "names",
            "message": "苏联 (#place-soviet-union) only in the Chinese"} in json.loads(data)


def test_index_lists_every_edition(tmp_path):
    editions = sorted(p for p in (ROOT / "editions").glob("*.xml") if p.name != "register.xml")
    page = lhtml.parse(str(index(editions, tmp_path))).getroot()
    rows = page.xpath("//tbody/tr")
    assert len(rows) == len(editions)
    assert page.xpath("//a/@href")[0].endswith(".html")
    assert "深入深入再深入" in page.text_content()


def test_html_keeps_an_unlinked_unit_in_its_own_row(tmp_path):
    en = [("p", "The first paragraph is long enough to pair with its Chinese counterpart here."),
          ("head", "A Heading Only the Translation Has"),
          ("p", "The last paragraph pairs with the last Chinese paragraph of the article.")]
    zh = [("p", "第一段的长度足以和英文的第一段配对。"), ("p", "最后一段和英文的最后一段配对。")]
    edition = convert_file(Article(en=en, zh=zh).write(tmp_path), tmp_path, Options(entities=False)).output
    page = page_for(edition, tmp_path)
    rows = page.xpath("//main/div[contains(@class,'row')]")
    ids = [[e.get("id") for e in row.xpath(".//*[@id][contains(@class,'unit')]")] for row in rows]
    assert ids.index(["en-h1"]) == ids.index(["zh-p1", "en-p1"]) + 1  # its own row, in place
    row = page.get_element_by_id("en-h1").xpath("ancestor::div[contains(@class,'row')]")[0]
    assert row.xpath("div[contains(@class,'zh')]")[0].text_content() == ""


def test_hundreds_of_unlinked_english_units_each_keep_their_row(tmp_path):
    en = [("p", f"English paragraph number {k}.") for k in range(300)]
    edition = convert_file(Article(en=en, zh=[("p", "只有一段中文。")]).write(tmp_path), tmp_path,
                           Options(entities=False)).output
    page = page_for(edition, tmp_path)
    for number in page.xpath("//a[@class='pn']"):  # the paragraph numbers aside
        number.drop_tree()
    texts = [p.text_content() for p in page.xpath("//div[contains(@class,'cell en')]//p")]
    assert [t for t in texts if t.startswith("English paragraph")] == [f"English paragraph number {k}." for k in range(300)]


def test_html_page_parts_header_citation_licence_links_sections_numbers(tmp_path):
    edition = GOLDEN / f"{SEED_ID}.xml"
    links = {"prev": "a.html", "prev-title": "1957-01-29 前", "next": "b.html", "next-title": "1957-02-01 后",
             "corpus": "index.html", "search": "search.html"}
    page = lhtml.parse(str(html(edition, tmp_path / "site", links=links))).getroot()
    nav = page.xpath("//nav[@class='site']")[0]
    assert [(a.get("class"), a.get("href")) for a in nav.xpath("a[not(@class='tei')]")] == [
        ("corpus", "index.html"), ("search", "search.html"), ("prev", "a.html"), ("next", "b.html")]
    assert nav.xpath("a[@class='next']/@title") == ["1957-02-01 后"]
    assert (tmp_path / "site" / nav.xpath("a[@class='tei']/@href")[0]).resolve() == edition.resolve()
    cite = page.get_element_by_id("cite").text_content()
    assert SEED_ID in cite and "1957-01-30" in cite and "深入深入再深入" in cite and "p. 2" in cite
    assert page.xpath("//a[@rel='license']/@href") == ["https://creativecommons.org/licenses/by/4.0/"]
    toc = page.xpath("//nav[@class='toc']//a")
    assert len(toc) == 5 and toc[0].get("href") == "#zh-h1" and "Going Down" in toc[0].text_content()
    assert page.xpath("//*[@id='zh-p10']/a[@class='pn']/@href") == ["#zh-p10"]
    assert page.xpath("//*[@id='zh-p10']/a[@class='pn']")[0].text.strip() == "¶10"
    assert page.xpath("//*[@id='en-h2']/a[@class='pn']")[0].text.strip() == "§2"
    assert [i.get("id") for i in page.xpath("//fieldset[@class='legend']//input")] == [
        "show-persName", "show-placeName", "show-orgName"]
    name = page.xpath("//*[@id='zh-p2']//span[@data-ref='#org-jiaxing-paper-muscle-factory']")[0]
    assert name.get("title") == "Organisation: 嘉兴纸筋厂 / Jiaxing Paper Muscle Factory"


def test_index_of_names_lists_the_texts_forms_and_marks_machine_entries(tmp_path):
    chinese_only = next(p for p in (ROOT / "editions").glob("rmrb-19460519-*.xml"))
    page = page_for(chinese_only, tmp_path)
    tei = etree.parse(str(chinese_only))
    machine = tei.xpath("//t:standOff//*[@resp='#tei-tools']/@xml:id", namespaces=NS)
    assert machine
    for ident in machine:
        entry = page.get_element_by_id(f"idx-{ident}")
        assert entry.get("class") == "machine-made" and entry.xpath(".//span[@class='machine']")
    page = page_for(GOLDEN / f"{SEED_ID}.xml", tmp_path)
    zhejiang = page.get_element_by_id("idx-place-zhejiang")
    assert [s.text for s in zhejiang.xpath("span[@lang]")] == ["浙江", "Zhejiang"]  # not 浙江省, Zhejiang Province
    cpc = page.get_element_by_id("idx-org-cpc")
    assert cpc.xpath("span[@lang='en']/@class") == ["orgName reg"]  # the register's, not the text's


def test_site_links_run_by_date_and_the_index_and_search_cover_the_corpus(tmp_path):
    import json

    from tei_tools.transform import corpus, site_links

    editions = sorted(p for p in (ROOT / "editions").glob("*.xml") if p.name != "register.xml")
    known = corpus(editions)
    links = site_links(known)
    first, second = known[0], known[1]
    assert "prev" not in links[first.path] and links[first.path]["next"] == f"{second.id}.html"
    assert links[second.path]["prev"] == f"{first.id}.html" and "next" not in links[known[-1].path]
    index(known, tmp_path)
    page = lhtml.parse(str(tmp_path / "index.html")).getroot()
    assert page.xpath("//meta[@name='viewport']")
    kinds = {r.get("data-kind") for r in page.xpath("//tbody/tr")}
    assert kinds == {"bilingual", "Chinese only"}
    data = (tmp_path / "search.js").read_text(encoding="utf-8")
    records = json.loads(data.split("var CORPUS = ", 1)[1].rstrip().rstrip(";"))
    assert [r["id"] for r in records] == [f.id for f in known]
    seed = next(r for r in records if r["id"] == SEED_ID)
    assert ["zh-p1", "曾经被工厂企业称为“查火表的”中共嘉兴市委工业部，"] == [seed["units"][3][0], seed["units"][3][1][:25]]
    assert lhtml.parse(str(tmp_path / "search.html")).getroot().xpath("//script/@src") == ["search.js"]


def test_a_page_in_a_package_links_nothing_outside_it(tmp_path):
    from tei_tools.transform import alone

    page = lhtml.parse(str(html(GOLDEN / f"{SEED_ID}.xml", tmp_path, links=alone(f"../tei/{SEED_ID}.xml")))).getroot()
    assert [a.get("href") for a in page.xpath("//nav[@class='site']/a")] == [f"../tei/{SEED_ID}.xml"]
