"""Alignment: 1:1 on the seed, 2:1 and 1:2 where a translator merged or split, nothing dropped."""
from __future__ import annotations

from articles import Article

from tei_tools import ids
from tei_tools.align import align
from tei_tools.model import EN, ZH
from tei_tools.readers import read_text

ZH_PARAS = [
    "第一段讲的是合作社在春天组织社员挖渠的经过，社员们情绪很高，每天天不亮就出工。",
    "第二段讲的是挖渠中遇到的困难，地下有很多石头，工具又不够用，进度一度很慢。",
    "第三段讲的是社员们想出了办法，自己打制工具，又请来了有经验的老农帮助指导。",
    "第四段讲的是渠挖成以后，全社的田地都能浇上水了，当年的收成比往年好得多。",
]
EN_PARAS = [
    "The first paragraph tells how the cooperative organised its members to dig canals in the "
    "spring; the members were in high spirits and went out to work before dawn every day.",
    "The second paragraph tells of the difficulties met in digging: there were many stones "
    "underground and not enough tools, so progress was slow for a while.",
    "The third paragraph tells how the members found a way: they made their own tools and "
    "invited experienced old farmers to help and guide them.",
    "The fourth paragraph tells that once the canal was dug, all the fields of the cooperative "
    "could be watered, and that year's harvest was much better than before.",
]


def aligned(en, zh):
    e = read_text(Article(en=en, zh=zh).text())
    ids.assign_unit_ids(e)
    return align(e)


def body_links(e):
    return [(z, n) for z, n in e.links if "-p" in z or "-h" in z]


def test_seed_is_one_to_one(seed_edition):
    assert len(seed_edition.links) == 19
    assert all(z.split("-")[1] == e.split("-")[1] for z, e in seed_edition.links)
    assert not seed_edition.warnings


def test_merged_paragraphs_give_two_to_one():
    en = [("p", EN_PARAS[0]), ("p", EN_PARAS[1] + " " + EN_PARAS[2]), ("p", EN_PARAS[3])]
    e = aligned(en, [("p", p) for p in ZH_PARAS])
    assert body_links(e) == [("zh-p1", "en-p1"), ("zh-p2", "en-p2"), ("zh-p3", "en-p2"),
                             ("zh-p4", "en-p3")]
    en_p2 = next(u for u in e.sides[EN].units if u.id == "en-p2")
    assert en_p2.corresp == ["zh-p2", "zh-p3"]


def test_split_paragraph_gives_one_to_two():
    zh = [("p", ZH_PARAS[0]), ("p", ZH_PARAS[1] + ZH_PARAS[2]), ("p", ZH_PARAS[3])]
    e = aligned([("p", p) for p in EN_PARAS], zh)
    assert body_links(e) == [("zh-p1", "en-p1"), ("zh-p2", "en-p2"), ("zh-p2", "en-p3"),
                             ("zh-p3", "en-p4")]


def test_headings_anchor_and_never_merge():
    en = [("p", EN_PARAS[0]), ("head", "Difficulties"), ("p", EN_PARAS[1]), ("p", EN_PARAS[2])]
    zh = [("p", ZH_PARAS[0]), ("head", "困难"), ("p", ZH_PARAS[1]), ("p", ZH_PARAS[2])]
    e = aligned(en, zh)
    assert ("zh-h1", "en-h1") in e.links
    assert all(not (z.startswith("zh-h") ^ n.startswith("en-h")) for z, n in e.links)


def test_unmatched_unit_is_kept_and_reported():
    en = [("p", EN_PARAS[0]), ("p", EN_PARAS[1])]
    zh = [("p", ZH_PARAS[0]), ("head", "多出来的小标题"), ("p", ZH_PARAS[1])]
    e = aligned(en, zh)
    assert [u.id for u in e.sides[ZH].units if u.kind == "head"] == ["zh-h1"]
    assert not any(z == "zh-h1" for z, _ in e.links)
    assert any("zh-h1 has no counterpart" in w for w in e.warnings)


def test_chinese_decks_after_the_first_all_pair_with_one_translated_subtitle():
    text = Article(subtitle_zh="副题一  副题二").text().replace("    副题一  副题二\n", "    副题一\n    副题二\n")
    e = read_text(text)
    ids.assign_unit_ids(e)
    align(e)
    assert [u.kind for u in e.sides[ZH].units[:3]] == ["title", "subtitle", "subtitle"]
    assert ("zh-subtitle", "en-subtitle") in e.links and ("zh-subtitle2", "en-subtitle") in e.links
    assert not [w for w in e.warnings if "subtitle" in w]


def test_cost_grows_linearly_when_the_counts_differ(monkeypatch):
    """Every Chinese paragraph split in three: twice the article, about twice the work."""
    import tei_tools.align as align_module
    from tei_tools.model import Unit

    calls = []
    real = align_module._length_cost
    monkeypatch.setattr(align_module, "_length_cost", lambda *a: calls.append(1) or real(*a))

    def work(n: int) -> tuple[int, list]:
        zh = [Unit("p", "中" * 30, k) for k in range(n)]
        en = [Unit("p", "e" * 25, k) for k in range(3 * n)]
        calls.clear()
        beads = align_module.align_units(zh, en)
        return len(calls), beads

    small, beads = work(150)
    large, _ = work(300)
    assert sum(len(z) for z, _ in beads) == 150 and sum(len(e) for _, e in beads) == 450
    assert large <= 2.3 * small


def test_one_paragraph_against_hundreds_is_aligned_not_lost():
    from tei_tools.align import align_units
    from tei_tools.model import Unit

    zh = [Unit("p", "只有一段中文。", 1)]
    en = [Unit("p", f"Paragraph {k}.", k) for k in range(800)]
    beads = align_units(zh, en)
    assert sum(len(z) for z, _ in beads) == 1 and sum(len(e) for _, e in beads) == 800
    assert align_units([], en[:5]) and align_units(zh, [])
