"""The reading edition and the corpus site in a real browser: Playwright driving Debian's
chromium (Playwright downloads nothing). One browser and one built site for the module."""
from __future__ import annotations

import os
import shutil
import time

import pytest
from conftest import GOLDEN, ROOT, SEED_ID
from lxml import etree

from tei_tools.transform import corpus, html, index, site_links

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
EDITIONS = sorted(p for p in (ROOT / "editions").glob("*.xml") if p.name != "register.xml")
NS = {"t": "http://www.tei-c.org/ns/1.0"}
MARK = "rgb(255, 243, 176)"  # --mark, the highlight
WIDTHS = (1280, 390)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The corpus site of the committed editions, as `tei-tools html editions` builds it."""
    out = tmp_path_factory.mktemp("site")
    known = corpus(EDITIONS)
    links = site_links(known)
    for f in EDITIONS:
        html(f, out, links=links[f])
    index(known, out)
    return out


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium")
    if not chromium and os.environ.get("CHROMIUM_REQUIRED"):
        pytest.fail("CI must have chromium")
    if not chromium:
        pytest.skip("chromium not installed")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def page(browser, request):
    """A page at 1280 px, then at 390 px; every request it makes is recorded."""
    page = browser.new_page(viewport={"width": request.param, "height": 900})
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    page.close()


def fits(page) -> bool:
    """Nothing wider than the viewport (no sideways scrolling on a phone)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_side_by_side_on_a_desktop_stacked_on_a_phone(page, site):
    target = site / f"{SEED_ID}.html"
    page.goto(target.as_uri())
    zh, en = page.locator("#zh-p1").bounding_box(), page.locator("#en-p1").bounding_box()
    if page.viewport_size["width"] > 700:
        assert en["x"] > zh["x"] + zh["width"] and abs(en["y"] - zh["y"]) < 2  # side by side
    else:
        assert en["y"] >= zh["y"] + zh["height"] and en["x"] < zh["x"] + zh["width"]  # stacked
    page.locator("#zh-p1").focus()
    assert "hl" in page.locator("#en-p1").get_attribute("class")
    assert fits(page)
    assert set(page.requests) == {target.as_uri()}  # nothing but the page itself


def test_navigation_index_edition_next_previous_sections(page, site):
    page.goto((site / "index.html").as_uri())
    assert fits(page)
    dates = [r.get_attribute("data-date") for r in page.locator("#editions tbody tr").all()]
    assert dates == sorted(dates) and len(dates) == len(EDITIONS)
    page.locator("#editions a[lang=en]", has_text="Deeper, Deeper, and Still Deeper").click()
    assert page.url.endswith(f"{SEED_ID}.html")
    page.locator("nav.site a.next").click()
    after = page.url
    page.locator("nav.site a.prev").click()
    assert page.url.endswith(f"{SEED_ID}.html") and after != page.url
    page.locator("nav.toc a").first.click()
    assert page.url.endswith("#zh-h1")
    assert page.locator("#zh-h1").evaluate("e => getComputedStyle(e).backgroundColor") == MARK
    assert page.locator("#zh-h1").is_visible()
    page.locator("nav.site a.corpus").click()
    assert page.url.endswith("index.html")


def test_index_sorts_and_filters(page, site):
    page.goto((site / "index.html").as_uri())
    rows = page.locator("#editions tbody tr")
    page.select_option("#kind", "Chinese only")
    shown = [r for r in rows.all() if r.is_visible()]
    assert shown and all(r.get_attribute("data-kind") == "Chinese only" for r in shown)
    assert len(shown) < len(EDITIONS)
    page.select_option("#kind", "")
    page.fill("#filter", "Wuhu")
    assert [r.get_attribute("data-date") for r in rows.all() if r.is_visible()] == ["1957-10-08"]
    page.fill("#filter", "")
    page.locator("th[data-key=date] button").click()
    page.locator("th[data-key=date] button").click()
    dates = [r.get_attribute("data-date") for r in rows.all()]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("phrase", ["深入深入再深入", "paper muscle factory"])
def test_search_finds_a_phrase_in_either_language_and_arrives_on_it(page, site, phrase):
    page.goto((site / "search.html").as_uri())
    start = time.perf_counter()
    page.fill("#q", phrase)
    page.wait_for_selector("#hits li")
    assert time.perf_counter() - start < 2
    first = page.locator("#hits li a").first
    assert phrase.lower() in page.locator("#hits li").first.inner_text().lower()
    first.click()
    unit = page.url.split("#")[1]
    assert SEED_ID in page.url
    assert page.locator(f"#{unit}").evaluate("e => getComputedStyle(e).backgroundColor") == MARK
    assert set(page.requests) <= {(site / n).as_uri() for n in ("search.html", "search.js")} | {page.url.split("#")[0]}


def test_a_toggle_hides_one_kind_of_name(page, site):
    page.goto((site / f"{SEED_ID}.html").as_uri())
    outermost = "xpath=//main//span[contains(@class, '{}')][not(ancestor::span[contains(@class, 'nm')])]"
    place = page.locator(outermost.format("placeName")).first
    person = page.locator(outermost.format("persName")).first
    colour = "e => getComputedStyle(e).color"
    text = page.locator("#zh-p1").evaluate(colour)
    assert place.evaluate(colour) != text
    page.locator("#show-placeName").uncheck()
    assert place.evaluate(colour) == text  # no longer marked
    assert person.evaluate(colour) != text  # the other kinds are
    page.locator("#show-placeName").check()
    assert place.evaluate(colour) != text


def test_a_nested_name_has_its_own_link_and_arrival_is_highlighted(page, site):
    page.goto((site / f"{SEED_ID}.html").as_uri())
    outer = page.locator("#zh-p2 .orgName[data-ref='#org-jiaxing-paper-muscle-factory']")
    assert "Organisation: 嘉兴纸筋厂 / Jiaxing Paper Muscle Factory" in outer.get_attribute("title")
    outer.locator(".placeName a").click()
    assert page.url.endswith("#idx-place-jiaxing")
    entry = page.locator("#idx-place-jiaxing")
    assert entry.evaluate("e => getComputedStyle(e).backgroundColor") == MARK
    assert entry.is_visible()
    page.go_back()
    outer.locator(":scope > a").click()
    assert page.url.endswith("#idx-org-jiaxing-paper-muscle-factory")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_print_keeps_headings_with_their_text(browser, site, tmp_path, paper):
    pypdf = pytest.importorskip("pypdf")
    page = browser.new_page()
    page.goto((site / f"{SEED_ID}.html").as_uri())
    pdf = tmp_path / f"seed-{paper}.pdf"
    page.pdf(path=str(pdf), format=paper)
    page.close()
    tei = etree.parse(str(GOLDEN / f"{SEED_ID}.xml"))
    heads = {" ".join(h.split()) for h in tei.xpath("//t:body//t:head[not(@type)]/text()", namespaces=NS)}
    heads |= {"Index of names", "Persons", "Places", "Organisations", "Sections"}
    pages = pypdf.PdfReader(str(pdf)).pages
    assert 4 <= len(pages) <= 7
    for number, sheet in enumerate(pages, 1):
        lines = [" ".join(ln.split()) for ln in sheet.extract_text().splitlines() if ln.strip()]
        ending = [h for h in heads if h in lines[-1]]
        assert not ending, f"page {number} ends with the heading {ending!r}"
    assert len(lines) >= 5, "the last page holds a line or two"


def test_hovering_a_sentence_highlights_its_counterpart_and_qa_shows_on_request(page, site):
    page.goto((site / f"{SEED_ID}.html").as_uri())
    page.locator("#zh-p2-s1").hover()
    assert "hl-s" in page.locator("#en-p2-s1").get_attribute("class")
    wuhu = next(site.glob("rmrb-19571008-*.html"))
    page.goto(wuhu.as_uri())
    page.locator("#qa-toggle").click()
    assert "show-qa" in page.locator("body").get_attribute("class")
    assert "qa" in page.locator("#zh-h1-s1").get_attribute("class")
    assert page.locator("#qa-list li").count() > 0
