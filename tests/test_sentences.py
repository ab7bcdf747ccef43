"""Sentence segmentation: the rules, one test each, and the property that no character is lost,
moved or cut out of a name."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from tei_tools.model import EN, ZH
from tei_tools.sentences import split


def sentences(text: str, lang: str, names=()) -> list[str]:
    return [text[a:b] for a, b in split(text, lang, 0, list(names))]


@pytest.mark.parametrize("text, expected", [
    ("他走了。好！真的吗？", ["他走了。", "好！", "真的吗？"]),
    ("他说：“我们要努力。”他走了。", ["他说：“我们要努力。”", "他走了。"]),  # the closing quote stays
    ("（完。）下文", ["（完。）", "下文"]),
    ("第一，增产；第二，节约。", ["第一，增产；第二，节约。"]),  # ；joins clauses
    ("真的？！是的。", ["真的？！", "是的。"]),
    ("好！\u00a0再见。", ["好！", "\u00a0再见。"]),  # a no-break space is text to XML: not between
])
def test_chinese_sentence_ends(text, expected):
    assert sentences(text, ZH) == expected


@pytest.mark.parametrize("text, expected", [
    ("He came. She left.", ["He came.", "She left."]),
    ("Mr. Wang and Dr. Li met.", ["Mr. Wang and Dr. Li met."]),
    ("I. P. Pavlov spoke.", ["I. P. Pavlov spoke."]),
    ("He went to the U.S. in 1956.", ["He went to the U.S. in 1956."]),
    ("It rose 3.5 per cent. Then it fell.", ["It rose 3.5 per cent.", "Then it fell."]),
    ("No. 3 Mill was built. It works.", ["No. 3 Mill was built.", "It works."]),
    ("And so on... and on. Yes!", ["And so on... and on.", "Yes!"]),
    ('"Good!" he said. "Go."  Then', ['"Good!" he said.', '"Go."', "Then"]),
    ("Four tasks: one; two. Done.", ["Four tasks: one; two.", "Done."]),
    ("As follows: 1. Grain. 2. Cotton.", ["As follows: 1. Grain.", "2. Cotton."]),
    ("It was built in 1956. 1957 was better.", ["It was built in 1956.", "1957 was better."]),
])
def test_english_sentence_ends(text, expected):
    assert sentences(text, EN) == expected


def test_a_boundary_inside_a_name_is_dropped():
    text = "He met Zhou. Enlai today. Then he left."
    name = (text.index("Zhou"), text.index(" today"))
    assert sentences(text, EN, [name]) == ["He met Zhou. Enlai today.", "Then he left."]


def test_sentences_start_after_a_dateline():
    text = "【新华社延安十六日电】今日开会。散会。"
    start = text.index("】") + 1
    assert [text[a:b] for a, b in split(text, ZH, start)] == ["今日开会。", "散会。"]


# Text rich in what the rules look at: terminators, closers, capitals, digits and spaces.
ALPHABET = st.sampled_from(list("aZ9 .!?。！？”）\"'…:;,\u3000\u00a0I") + ["Mr", "No", "U.S", "中", "文"])
TEXTS = st.lists(ALPHABET, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, lang=st.sampled_from([ZH, EN]), start=st.integers(0, 5),
       names=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=4))
def test_segmentation_never_loses_or_moves_a_character(text, lang, start, names):
    start = min(start, len(text))
    names = [(a, min(a + n, len(text))) for a, n in names if start <= a < len(text)]  # names of the body
    spans = split(text, lang, start, names)
    pos = start
    rebuilt = text[:start]
    for a, b in spans:
        assert pos <= a < b <= len(text)
        assert not text[pos:a].strip(" \t\n\r"), "only XML white space between sentences"
        for n_start, n_end in names:
            assert not (n_start < a < n_end or n_start < b < n_end), "a sentence boundary inside a name"
        rebuilt += text[pos:a] + text[a:b]
        pos = b
    assert not text[pos:].strip(" \t\n\r")
    assert rebuilt + text[pos:] == text
    assert bool(spans) >= bool(text[start:].strip(" \t\n\r"))
    if not names:
        assert all(text[a] not in " \t\n\r" and text[b - 1] not in " \t\n\r" for a, b in spans)
