"""The word lists the name rules use, read from data files (`tei_tools/data/names/`).

Knowledge lives in data, one entry a line with a `#` comment where it is not obvious, so that an
editor can extend it without touching Python: heads, titles, surnames and stop lists of general
knowledge of Chinese and English names, never of any one article.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "names"


@lru_cache(maxsize=None)
def entries(name: str, folder: Path = DATA) -> tuple[str, ...]:
    """The entries of a list file: one a line, comments (`#` to the end) and blanks dropped."""
    out = []
    for line in (folder / name).read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip() if not line.startswith("#") else ""
        if entry:
            out.append(entry)
    return tuple(out)


def table(name: str) -> dict[str, tuple[str, ...]]:
    """A two-column file: key, then space-separated values."""
    return {key: tuple(values.split()) for key, _, values in
            (e.partition("\t") for e in entries(name))}


def _chars(name: str) -> set[str]:
    return set("".join(entries(name)))


def _longest_first(name: str) -> list[str]:
    return sorted(entries(name), key=len, reverse=True)


ZH_ORG_HEADS = _longest_first("zh_org_heads.txt")
ZH_COMMITTEE_WORDS = entries("zh_committee_words.txt")
ZH_PLACE_SUFFIXES = entries("zh_place_suffixes.txt")
ZH_NOT_PLACE = set(entries("zh_not_place.txt"))
ZH_NOT_ORG = set(entries("zh_not_org.txt"))
ZH_STOP_CHARS = _chars("zh_stop_chars.txt")
ZH_PERSON_TITLES = _longest_first("zh_person_titles.txt")
_ADDRESS = {"同志", "先生", "女士", "大娘", "大爷", "大嫂", "氏"}  # forms of address follow a name only
ZH_TITLES_BEFORE = sorted(set(ZH_PERSON_TITLES) - _ADDRESS | set(entries("zh_titles_before.txt")),
                          key=len, reverse=True)
ZH_SURNAMES = _chars("zh_surnames.txt")
ZH_GEO_HEADS = entries("zh_geo_heads.txt")
EN_ORG_HEADS = set(entries("en_org_heads.txt"))
EN_PLACE_SUFFIX_ZH = table("en_place_suffix_zh.tsv")
EN_PLACE_HEADS = set(entries("en_place_heads.txt"))
EN_COMMITTEE_MODIFIERS = set(entries("en_committee_modifiers.txt"))
EN_PERSON_TITLES = set(entries("en_person_titles.txt"))
EN_NOT_NAME = set(entries("en_not_name.txt"))
HEAD_TRANSLATIONS = {k: set(v) for k, v in table("head_translations.tsv").items()}
