"""The numbers and dates of a sentence, as values both languages share: 1956 ↔ 一九五六年,
8,000 ↔ 八千, 20 ↔ 廿, May 16 ↔ 五月十六日 (5 and 16).

They anchor the sentence alignment and are what `qa` compares. Small numbers (under ten) are
left out, because translations spell them as words, drop them or turn them into articles
(三个 ↔ three, 一个 ↔ a), except as parts of dates (五月, 十六日, May 5, the 5th) and numbers
of things (二号 ↔ No. 2). Words that hold
numerals but no number (十分 very, 万岁 long live) are in `data/sentences/zh_not_numbers.txt`.
"""
from __future__ import annotations

import re
from pathlib import Path

from .entities.lexicon import entries

DATA = Path(__file__).resolve().parent / "data" / "sentences"
_ZH_DIGIT = {c: d for d, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_ZH_UNIT = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10_000, "亿": 100_000_000}
_ZH_TENS = {"廿": 20, "卅": 30}
_ZH_RUN = re.compile(r"(\d+(?:\.\d+)?)([十百千万亿]*)|([〇零一二三四五六七八九十百千万亿两廿卅]+)")
_ZH_DATE = "月日号"
_WIDE = str.maketrans("０１２３４５６７８９．", "0123456789.")

_EN_WORDS = {w: k for k, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_EN_WORDS |= {w: 10 * k for k, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_EN_SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_MONTHS = {m: k for k, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
_EN_WORD_LIST = sorted(list(_EN_WORDS) + list(_EN_SCALE), key=len, reverse=True)
# Number words in both cases (without re.IGNORECASE, which is slower), longest first; months.
_EN_FORM_LIST = _EN_WORD_LIST + [w.capitalize() for w in _EN_WORD_LIST] + list(_MONTHS)
_EN_FORMS = frozenset(_EN_FORM_LIST)
# Digits, number words, month names and "and" (which joins number words).
_EN_TOKEN = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(st|nd|rd|th)?(?!\w)|\b(?:"
    + "|".join(_EN_FORM_LIST + ["and"]) + r")\b")


def _not_numbers() -> re.Pattern:
    words = sorted(entries("zh_not_numbers.txt", DATA), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


_ZH_NOT = _not_numbers()


def _value(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(float(number))


def _zh_run_value(run: str) -> int:
    """一九四六 → 1946 (digits read one by one); 三万五千 → 35000; 十六 → 16; 廿 → 20."""
    if all(c in _ZH_DIGIT for c in run):
        return int("".join(str(_ZH_DIGIT[c]) for c in run))
    total = section = digit = 0
    for c in run:
        if c in _ZH_DIGIT:
            digit = _ZH_DIGIT[c]
        elif c in _ZH_TENS:
            section += _ZH_TENS[c]
        elif c in _ZH_UNIT:
            section += (digit or (1 if c == "十" else 0)) * _ZH_UNIT[c]
            digit = 0
        else:
            total = (total + section + digit) * _ZH_BIG[c]
            section = digit = 0
    return total + section + digit


def zh_numbers(text: str) -> list[str]:
    """The numbers of a Chinese text, in order, as decimal strings."""
    if not _ZH_ANY.search(text):
        return []
    text = _ZH_NOT.sub(lambda m: " " * len(m.group()), text.translate(_WIDE))
    out = []
    for match in _ZH_RUN.finditer(text):
        before, after = text[match.start() - 1:match.start()], text[match.end():match.end() + 1]
        if before in ("几", "数") or after == "几":
            continue  # 几十, 数百: no number the translation can repeat
        if match.group(1):
            value = float(match.group(1))
            for c in match.group(2):
                value *= _ZH_UNIT.get(c) or _ZH_BIG[c]
        else:
            value = _zh_run_value(match.group(3))
        date_part = after in _ZH_DATE and match.group() != "两"
        if value >= 10 or date_part:
            out.append(_value(value))
    return out


_DIGIT = re.compile(r"\d")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_ZH_ANY = re.compile(r"[\d０-９〇零一二三四五六七八九十百千万亿两廿卅]")


def _en_words_value(words: list[str]) -> int:
    total = current = 0
    for word in words:
        if word in _EN_WORDS:
            current += _EN_WORDS[word]
        elif word in _EN_SCALE:
            current = max(current, 1) * _EN_SCALE[word]
            if _EN_SCALE[word] >= 1000:
                total, current = total + current, 0
    return total + current


def en_numbers(text: str) -> list[str]:
    """The numbers of an English text, in order, as decimal strings; months as their number.
    Number words in a row (thirty-five thousand, one hundred and twenty) make one number."""
    if not _DIGIT.search(text) and _EN_FORMS.isdisjoint(_LATIN_WORD.findall(text)):
        return []  # most sentences: no number at all, found without the slower pattern
    out: list[str] = []
    words: list[str] = []  # the number words of the run being read
    last = 0  # where the run's last word ends

    def close() -> None:
        if words and _en_words_value(words) >= 10:
            out.append(str(_en_words_value(words)))
        words.clear()

    for match in _EN_TOKEN.finditer(text):
        digits, fraction, ordinal = match.group(1, 2, 3)
        if not digits:
            word = match.group()
            lower = word.lower()
            joined = words and not text[last:match.start()].strip(" -")
            if lower == "and":
                if joined:
                    last = match.end()
                continue
            if lower in _EN_WORDS or lower in _EN_SCALE:
                if not joined:
                    close()
                words.append(lower)
                last = match.end()
                continue
            close()
            out.append(str(_MONTHS[word]))  # a month: May, not may (the pattern is case-exact)
            continue
        close()
        value = float(digits.replace(",", "") + (f".{fraction}" if fraction else ""))
        near = text[max(0, match.start() - 12):match.end() + 12]
        if value >= 10 or ordinal or any(m in near for m in _MONTHS) or \
                text.endswith(("No. ", "Nos. "), 0, match.start()):  # No. 2 ↔ 二号
            out.append(_value(value))
    close()
    return out
