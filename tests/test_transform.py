"""HTML reading edition and plain text, from TEI only."""
from __future__ import annotations

import json
import os
import shutil

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
    links = page.xpath("//main//a[@class='persName' or @class='placeName' or @class='orgName']")
    assert len(links) > 40
    for a in links:
        assert page.get_element_by_id(a.get("href")[1:]).tag == "li"
    assert page.xpath("//meta/@charset") == ["utf-8"]
    assert {c.get("lang") for c in page.xpath("//div[contains(@class,'cell')]")} == {"zh-Hans", "en"}
    entry = page.get_element_by_id("idx-org-jiaxing-paper-muscle-factory")
    assert "嘉兴纸筋厂" in entry.text_content() and "Jiaxing Paper Muscle Factory" in entry.text_content()
    assert "en-p9" in [a.text for a in entry.xpath(".//span[@class='occ']/a")]


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


BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]


def test_browser_renders_side_by_side_and_stacked(tmp_path):
    chromium = shutil.which("chromium")
    if not chromium and os.environ.get("CHROMIUM_REQUIRED"):
        pytest.fail("CI must have chromium")
    if not chromium:
        pytest.skip("chromium not installed")
    playwright = pytest.importorskip("playwright.sync_api")
    target = html(GOLDEN / f"{SEED_ID}.xml", tmp_path)
    requests = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        try:
            boxes = {}
            for width in (1280, 390):
                page = browser.new_page(viewport={"width": width, "height": 900})
                page.on("request", lambda r: requests.append(r.url))
                page.goto(target.as_uri())
                boxes[width] = (page.locator("#zh-p1").bounding_box(), page.locator("#en-p1").bounding_box())
                page.screenshot(path=str(tmp_path / f"seed-{width}.png"), full_page=False)
                page.locator("#zh-p1").focus()
                assert "hl" in page.locator("#en-p1").get_attribute("class")
                page.locator("#zh-p2-s1").hover()
                assert "hl-s" in page.locator("#en-p2-s1").get_attribute("class")
            page = browser.new_page()
            page.goto(html(next((ROOT / "editions").glob("rmrb-19571008-*.xml")), tmp_path).as_uri())
            page.locator("#qa-toggle").click()
            assert "show-qa" in page.locator("body").get_attribute("class")
            assert "qa" in page.locator("#zh-h1-s1").get_attribute("class")
            assert page.locator("#qa-list li").count() > 0
        finally:
            browser.close()
    zh, en = boxes[1280]
    assert en["x"] > zh["x"] + zh["width"] and abs(en["y"] - zh["y"]) < 2  # side by side
    zh, en = boxes[390]
    assert en["y"] >= zh["y"] + zh["height"] and en["x"] < zh["x"] + zh["width"]  # stacked
    assert {r for r in requests} == {target.as_uri()}  # nothing but the page itself


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
    texts = [p.text_content() for p in page.xpath("//div[contains(@class,'cell en')]//p")]
    assert [t for t in texts if t.startswith("English paragraph")] == [f"English paragraph number {k}." for k in range(300)]
