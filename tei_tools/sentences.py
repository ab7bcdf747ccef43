"""Sentences: each unit's text cut into sentence spans, never losing or moving a character.

A sentence is a span [start, end) of its unit's text that starts and ends on a character that is
not XML white space (U+3000 and U+00A0 are text to XML, so they stay inside sentences); the white space between two sentences belongs to neither (the writer leaves it
between the `<s>` elements), so the unit's text is exactly its sentences and the gaps between
them, in order. Chinese sentences end at 。！？ and the closing quotes and brackets after them
(；and …… do not: in the test articles they join clauses of one sentence). English sentences
end at . ! ? (with closing quotes and brackets) before white space and a capital, a digit or an
opening quote, except after an abbreviation (`data/sentences/en_abbreviations.txt`) or an
initial (I. P. Pavlov) or a list number (as follows: 1. …); colons and semicolons never end one.

A name never crosses a sentence end: a boundary that falls inside a tagged name is dropped, so
the sentence runs on to the next boundary. Such boundaries are false ones (St. Louis, U.S. Army,
an initial the list lacks), and a name split in two would be two names pointing to one entry.
"""
from __future__ import annotations

import re
from pathlib import Path

from .entities.lexicon import entries
from .model import ZH, Edition, Sentence

DATA = Path(__file__).resolve().parent / "data" / "sentences"
_CLOSE = "”’」』）)》〉］]】\"'"
_ZH_END = re.compile(f"[。！？!?]+[{re.escape(_CLOSE)}]*")
_EN_END = re.compile(r"(?:\.\.\.|…|[.!?])+[" + re.escape(_CLOSE) + r"]*(?=\s)")
_EN_OPENERS = "\"'“‘([【"
_SPACES = re.compile(r"\s*")


def _abbreviations() -> frozenset[str]:
    return frozenset(e.lower() for e in entries("en_abbreviations.txt", DATA))


_ABBREVIATIONS = _abbreviations()


def _en_ends(text: str, match: re.Match) -> bool:
    """Does the terminator `match` end an English sentence?"""
    nxt = _SPACES.match(text, match.end()).end()  # no copy of the rest: linear in the text
    if nxt >= len(text):
        return False
    after = text[nxt]
    if not (after.isupper() or after.isdigit() or after in _EN_OPENERS):
        return False
    stops = match.group().rstrip(_CLOSE)
    if stops != ".":
        return True  # ! ? and ellipses before a capital
    begin = text.rfind(" ", 0, match.start()) + 1
    word = text[begin:match.start()].lstrip(_EN_OPENERS)
    if len(word) == 1 and word.isupper():
        return False  # an initial
    if word.isdigit() and len(word) <= 2 and _before(text, begin) in ("", ":", ";", ".", "!", "?"):
        return False  # a list number: "as follows: 1. The first …"
    return word.lower() not in _ABBREVIATIONS


def _before(text: str, at: int) -> str:
    """The last character before `at` that is not white space ('' if none)."""
    while at and text[at - 1].isspace():
        at -= 1
    return text[at - 1] if at else ""


def split(text: str, lang: str, start: int = 0, names: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The sentence spans of text[start:], in order. `names` are [start, end) spans that no
    sentence boundary may fall inside: each name lies wholly inside one sentence."""
    inside = bytearray(len(text) + 1)  # 1 at each position strictly inside a name
    named = bytearray(len(text) + 1)  # 1 at each character of a name
    for a, b in names:
        if a < b:
            inside[a + 1:b] = b"\x01" * (b - a - 1)
            named[a:b] = b"\x01" * (b - a)
    spans: list[tuple[int, int]] = []
    begin = start
    pattern = _ZH_END if lang == ZH else _EN_END
    last = len(text.rstrip(_XML_SPACE))  # after it only white space: no sentence starts there
    for match in pattern.finditer(text, start):
        end = match.end()
        if inside[end] or end >= last or (lang != ZH and not _en_ends(text, match)):
            continue
        spans.append(_trimmed(text, begin, end, named))
        begin = end
    if text[begin:].strip(_XML_SPACE) or any(named[begin:]):
        spans.append(_trimmed(text, begin, len(text), named))
    return spans


_XML_SPACE = " \t\n\r"  # what XML calls white space: U+3000 or U+00A0 between sentences would be text


def _trimmed(text: str, begin: int, end: int, named: bytearray) -> tuple[int, int]:
    """The span without the (XML) white space at its ends, unless a name holds it."""
    while begin < end and text[begin] in _XML_SPACE and not named[begin]:
        begin += 1
    while end > begin and text[end - 1] in _XML_SPACE and not named[end - 1]:
        end -= 1
    return begin, end


def segment(edition: Edition) -> Edition:
    """Cut every unit of every side into sentences with ids `<unit id>-sN`."""
    for side in edition.sides.values():
        for unit in side.units:
            spans = split(unit.text, side.lang, unit.dateline,
                          [(m.start, m.end) for m in unit.mentions if m.start >= unit.dateline])
            unit.sentences = [Sentence(s, e, f"{unit.id}-s{k}") for k, (s, e) in enumerate(spans, 1)]
    return edition
