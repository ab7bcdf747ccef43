"""Armed units by their numbers, the same in both languages: 七十一军 and 71st Army, 第六师 and
6th Division, 新六军 and New 6th Army are one unit. A unit's signature (its numbers and kinds,
new or not, whichever party holds it) is its key, so that its Chinese and English mentions share
one entry without any romanisation."""
from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_KIND = {"集团军": "group-army", "路军": "route-army", "纵队": "column", "支队": "detachment",
            "大队": "battalion", "军": "army", "师": "division", "旅": "brigade", "团": "regiment"}
_EN_KIND = {"group army": "group-army", "route army": "route-army", "army": "army",
            "division": "division", "brigade": "brigade", "regiment": "regiment",
            "column": "column", "detachment": "detachment", "battalion": "battalion",
            "corps": "army"}
_EN_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_ZH_UNIT = re.compile("(新|暂编?)?第?([零〇○一二三四五六七八九十百\\d]+)(" +
                      "|".join(sorted(_ZH_KIND, key=len, reverse=True)) + ")")
_EN_UNIT = re.compile(r"\b(New\s+)?(?:(\d{1,3})(?:st|nd|rd|th)|(" + "|".join(_EN_WORDS) + r"))\s+"
                      r"(?:Peace\s+Preservation\s+)?(" + "|".join(sorted(_EN_KIND, key=len, reverse=True))
                      + r")\b", re.IGNORECASE)


def zh_number(text: str) -> int | None:
    """七十一 → 71, 一百 → 100, 一九五 → 195 (read digit by digit), 十三 → 13, 65 → 65."""
    if text.isdigit():
        return int(text)
    if "十" not in text and "百" not in text:
        digits = [_DIGITS.get(ch) for ch in text]
        return None if None in digits else int("".join(map(str, digits)))
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def zh_signature(name: str) -> str | None:
    """国民党七十一军 → 'army-71'; 五十二军第二师 → 'division-2' (the unit it names, whose
    English is "2nd Division"); None for no unit."""
    pieces = list(_ZH_UNIT.finditer(name))
    if not pieces or "".join(m.group() for m in pieces) != re.sub("^(?:国民党|国氏党)军?", "", name):
        return None
    last = pieces[-1]  # 五十二军第二师 is the 2nd Division (of the 52nd Army)
    number = zh_number(last.group(2))
    if number is None:
        return None
    return f"{'new-' if last.group(1) else ''}{_ZH_KIND[last.group(3)]}-{number}"


def en_signature(name: str) -> str | None:
    """Kuomintang 71st Army → 'army-71'; New Sixth Army → 'new-army-6'; None for no unit."""
    m = _EN_UNIT.fullmatch(re.sub(r"^(?:Kuomintang|KMT|Nationalist)\s+", "", name.strip()))
    if not m:
        return None
    number = int(m.group(2)) if m.group(2) else _EN_WORDS[m.group(3).lower()]
    kind = _EN_KIND[" ".join(m.group(4).lower().split())]
    return f"{'new-' if m.group(1) else ''}{kind}-{number}"
