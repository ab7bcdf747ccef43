"""Sentence alignment: the anchors it uses, the beads it finds, and its scores on the hand-aligned
gold articles (`tests/sentgold/`)."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REGISTER, ROOT

from tei_tools import sentscore
from tei_tools.numbers import en_numbers, zh_numbers
from tei_tools.pipeline import Options, build_edition
from tei_tools.sentalign import _Sentence, align_group
from tei_tools.tei_writer import to_bytes
from tei_tools.model import EN, ZH

GOLD = sorted((ROOT / "tests" / "sentgold").glob("*.tsv"))
FLOOR = 0.90


@pytest.mark.parametrize("text, expected", [
    ("一九四六年五月十六日", ["1946", "5", "16"]),
    ("八千人，廿日，三万五千斤，1.5万元，２０个", ["8000", "20", "35000", "15000", "20"]),
    ("十分好，万岁，三个人，几十人，两日", []),  # no numbers, or small ones
    ("第十三师", ["13"]),
])
def test_chinese_numbers(text, expected):
    assert zh_numbers(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("On May 16, 1946", ["5", "16", "1946"]),
    ("8,000 people and thirty-five thousand tons", ["8000", "35000"]),
    ("3 men and two days, may be", []),
    ("the 5th and 20th; one hundred and twenty", ["5", "20", "120"]),
])
def test_english_numbers(text, expected):
    assert en_numbers(text) == expected


def sentences(lang, texts):
    return [_Sentence(f"{lang}-p{k}-s1", text, ZH if lang == "zh" else EN, set()) for k, text in enumerate(texts)]


def shapes(beads):
    return [(len(z), len(e)) for z, e in beads]


def test_a_long_sentence_split_in_two_is_one_bead():
    zh = sentences("zh", ["他们来了。" * 4, "好。"])
    en = sentences("en", ["They came, and they came again. " * 2, "They came again and again. " * 2, "Good."])
    assert shapes(align_group(zh, en, 3.0)) == [(1, 2), (1, 1)]


def test_numbers_pull_sentences_together_against_length():
    zh_a, zh_b = "一九四六年，工厂里的工人们都来参加了大会。", "大会之后，大家都回到各自的工作岗位上去了。"
    en_a1 = "The workers of the factory all came to the meeting."
    en_a2 = "That was in 1946, in May."
    en_b = "Then everyone went back to work."
    by_length = shapes(align_group(sentences("zh", [zh_a.replace("一九四六", "那一"), zh_b]),
                                   sentences("en", [en_a1, en_a2.replace("1946", "that"), en_b]), 3.0))
    assert by_length == [(1, 1), (1, 2)]  # length alone moves the boundary
    anchored = shapes(align_group(sentences("zh", [zh_a, zh_b]), sentences("en", [en_a1, en_a2, en_b]), 3.0))
    assert anchored == [(1, 2), (1, 1)]


def test_one_sentence_on_a_side_takes_the_whole_group():
    zh = sentences("zh", ["一句。"])
    en = sentences("en", ["One.", "Two.", "Three.", "Four.", "Five."])
    assert shapes(align_group(zh, en, 3.0)) == [(1, 5)]


@pytest.fixture(scope="session")
def gold_scores(tmp_path_factory):
    out = {}
    folder = tmp_path_factory.mktemp("sentgold")
    for gold_file in GOLD:
        gold, source = sentscore.read_gold(gold_file)
        edition = build_edition(ROOT / source, Options(registers=[REGISTER]))
        path = folder / f"{gold_file.stem}.xml"
        path.write_bytes(to_bytes(edition))
        ids = {s.id for u in edition.units() for s in u.sentences}
        out[gold_file.stem] = (gold, sentscore.edition_pairs(path), ids)
    return out


def test_there_are_at_least_four_gold_articles_with_splits_and_merges():
    assert len(GOLD) >= 4
    rows = [line.split("#")[0].split("\t") for g in GOLD for line in g.read_text().splitlines()]
    rows = [(z.split(), e.split()) for z, *rest in rows if rest for e in rest]
    assert any(len(z) == 1 and len(e) > 1 for z, e in rows)
    assert any(len(z) > 1 and len(e) == 1 for z, e in rows)


@pytest.mark.parametrize("name", [g.stem for g in GOLD])
def test_gold_ids_are_sentences_of_the_edition(gold_scores, name):
    gold, _, ids = gold_scores[name]
    assert {i for pair in gold for i in pair} <= ids


@pytest.mark.parametrize("name", [g.stem for g in GOLD])
def test_sentence_alignment_reaches_the_floor_on_gold(gold_scores, name):
    gold, found, _ = gold_scores[name]
    p, r, f1 = sentscore.score(gold, found)
    assert f1 >= FLOOR, (name, p, r, f1, sorted(gold - found), sorted(found - gold))


def test_the_scorer_counts_pairs():
    gold = {("zh-p1-s1", "en-p1-s1"), ("zh-p1-s1", "en-p1-s2"), ("zh-p1-s2", "en-p1-s3")}
    found = {("zh-p1-s1", "en-p1-s1"), ("zh-p1-s2", "en-p1-s2")}
    assert sentscore.score(gold, found) == pytest.approx((0.5, 1 / 3, 0.4))


def test_a_malformed_gold_line_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("zh-p1-s1 en-p1-s1\n")
    with pytest.raises(Exception, match="bad.tsv:1: expected Chinese ids, a TAB, English ids"):
        sentscore.read_gold(bad)


def test_cost_grows_linearly_with_the_sentences():
    """Cells explored, not seconds: the band follows the slope, so a group of 4,000 sentences
    against 2,000 costs about twice one of 2,000 against 1,000 (and never their product)."""
    import tei_tools.sentalign as sa

    def cells(n, m):
        zh = sentences("zh", ["一句话。"] * n)
        en = sentences("en", ["One sentence here."] * m)
        calls = []
        original = sa.trace_back
        sa.trace_back = lambda back, a, b: calls.append(len(back)) or original(back, a, b)
        try:
            align_group(zh, en, 3.0)
        finally:
            sa.trace_back = original
        return calls[0]

    small, large = cells(1000, 2000), cells(2000, 4000)
    assert large < 2.2 * small
    assert cells(10, 3000) < 10 * 3000
