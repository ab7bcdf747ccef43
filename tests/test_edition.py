"""The written edition: golden file, determinism, header facts, body text, fixity seal."""
from __future__ import annotations

from lxml import etree
from conftest import GOLDEN, REGISTER, ROOT, SEED, SEED_ID

from tei_tools.convert import convert_file
from tei_tools.pipeline import Options
from tei_tools.seal import is_untouched
from tei_tools import RELEASED
from tei_tools.tei_writer import to_bytes

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def test_seed_matches_golden_file(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = convert_file(SEED, tmp_path, Options(registers=[REGISTER]))
    assert result.error is None
    assert result.output.name == f"{SEED_ID}.xml"
    assert result.output.read_bytes() == (GOLDEN / f"{SEED_ID}.xml").read_bytes()


def test_committed_edition_is_what_make_produces():
    assert (ROOT / "editions" / f"{SEED_ID}.xml").read_bytes() == \
        (GOLDEN / f"{SEED_ID}.xml").read_bytes()


def test_same_input_same_bytes(seed_edition):
    assert to_bytes(seed_edition) == to_bytes(seed_edition)


def test_source_date_epoch_sets_dates(seed_edition, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    tree = etree.fromstring(to_bytes(seed_edition))
    assert tree.xpath("//t:publicationStmt/t:date/@when", namespaces=NS) == ["2023-11-14"]
    assert tree.xpath("//t:change/@when", namespaces=NS) == ["2023-11-14"]
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    tree = etree.fromstring(to_bytes(seed_edition))  # no clock: the version's release date
    assert tree.xpath("//@when[. != '1957-01-30']", namespaces=NS) == [RELEASED, RELEASED]


def golden():
    return etree.parse(str(GOLDEN / f"{SEED_ID}.xml"))


def test_header_facts():
    t = golden()
    x = lambda q: t.xpath(q, namespaces=NS)  # noqa: E731
    assert x("/t:TEI/@xml:id") == [SEED_ID]
    assert x("//t:titleStmt/t:title[@type='main'][@xml:lang='zh-Hans']/text()") == ["深入深入再深入"]
    assert x("//t:titleStmt/t:title[@type='main'][@xml:lang='en']/text()") == \
        ["Deeper, Deeper, and Still Deeper"]
    assert x("//t:titleStmt/t:author/t:persName[@xml:lang='zh-Hans']/text()") == ["陈心海", "石在"]
    assert x("//t:titleStmt/t:author/t:persName[@xml:lang='en']/text()") == \
        ["Chen Xinhai", "Shi Zai"]
    assert x("//t:monogr/t:title[@level='j']/text()") == ["人民日报", "People's Daily"]
    assert x("//t:imprint/t:date/@when") == ["1957-01-30"]
    assert x("//t:monogr/t:biblScope[@unit='page']/text()") == ["2"]
    assert x("//t:biblStruct/t:relatedItem[@type='reprintOf']/t:bibl/t:title/text()") == ["浙江日报"]
    assert x("string(//t:div[@type='original']/t:trailer)") == "（原载浙江日报，本报略有删改。）"
    assert not x("//t:note[@type] | //t:body//t:note")  # the closing note is printed text
    assert x("//t:titleStmt/t:respStmt/t:name/@type") == ["unknown"]  # the translation's maker
    assert x("//t:revisionDesc/@status") == ["draft"]
    assert x("//t:availability/t:p/@n") + x("//t:availability/t:licence/@n") == [
        "text", "translation", "encoding"]
    assert x("//t:idno[@type='sha256']/text()") == [
        "5af923c4f8fbb7a771a9ce86f5eeeae94fd7b8cb8d926150cb7d62f8416696d4"]
    assert x("//t:langUsage/t:language/@ident") == ["zh-Hans", "en"]
    assert x("//t:application/@version")
    assert "sha256 5af923c4" in x("string(//t:revisionDesc/t:change)")


def test_units_ids_and_links():
    t = golden()
    zh = t.xpath("//t:div[@type='original']//*[@xml:id][not(self::t:div or self::t:s)]", namespaces=NS)
    en = t.xpath("//t:div[@type='translation']//*[@xml:id][not(self::t:div or self::t:s)]", namespaces=NS)
    assert len(zh) == len(en) == 19
    links = t.xpath("//t:linkGrp[@type='translation']/t:link/@target", namespaces=NS)
    assert len(links) == 19 and links[0] == "#zh-title #en-title"
    sections = t.xpath("//t:div[@type='original']/t:div[@type='section']", namespaces=NS)
    assert [s.get("{http://www.w3.org/XML/1998/namespace}id") for s in sections] == \
        ["zh-s1", "zh-s2", "zh-s3", "zh-s4", "zh-s5"]


def test_every_source_body_line_is_in_the_edition_in_order():
    raw = SEED.read_text(encoding="utf-8")
    english, _, chinese = raw.partition("<hr /> ")
    sides = {"translation": english.split("\n\n", 1)[1], "original": chinese.split("专栏：", 1)[1]}
    for div_type, source_text in sides.items():
        div = golden().xpath(f"//t:div[@type='{div_type}']", namespaces=NS)[0]
        text = etree.tostring(div, encoding="unicode", method="text")
        pos = 0
        lines = [ln.strip(" \t\u3000") for ln in source_text.split("\n")]
        assert len([ln for ln in lines if ln]) == 19
        for line in filter(None, lines):
            found = text.find(line, pos)
            assert found >= 0, line
            pos = found + len(line)


def test_seal_detects_edits():
    data = (GOLDEN / f"{SEED_ID}.xml").read_bytes()
    assert is_untouched(data)
    assert not is_untouched(data.replace("深入深入再深入".encode(), "深入".encode(), 1))


def test_every_committed_edition_is_what_make_produces(tmp_path):
    from tei_tools.sources import iter_sources

    committed = {p.name: p.read_bytes() for p in (ROOT / "editions").glob("*.xml") if p.name != "register.xml"}
    sources = list(iter_sources([ROOT / "editions" / "sources"]))
    for source in sources:
        result = convert_file(source, tmp_path, Options(registers=[REGISTER]))
        assert result.error is None
        assert committed[result.output.name] == result.output.read_bytes(), result.output.name
    assert len(committed) == len(sources)


def test_every_committed_edition_is_valid(validator, need_jing):
    from tei_tools.validate import jing_problems

    editions = sorted(str(p) for p in (ROOT / "editions").glob("*.xml") if p.name != "register.xml")
    for path in editions:
        assert validator.check_file(path)[0] == []
    assert jing_problems(need_jing, editions + [str(REGISTER)]) == []
