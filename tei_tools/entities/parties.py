"""Parties are named alike in both languages by their country and kind: 意共 and 意共产党 are the
Italian Communist Party (the Communist Party of Italy), 社会党 the Socialist Party. The English
forms come from the data files of abbreviations and party names, for linking the two sides."""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import table

_COMMUNIST = re.compile(r"^(.)(?:国)?共(?:产党)?$")


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """Abbreviation -> (English country, English adjective), for countries."""
    out = {}
    for ch, cells in table("zh_abbreviations.tsv").items():
        if len(cells) == 3:
            out[ch] = (cells[1].replace("_", " "), cells[2])
    return out


@lru_cache(maxsize=4096)
def english_forms(zh: str) -> frozenset[str]:
    """The English names a Chinese party name may take: 法共 -> French Communist Party,
    Communist Party of France; 社会党 -> Socialist Party."""
    forms: set[str] = set()
    m = _COMMUNIST.match(zh)
    if m and m.group(1) in _countries():
        country, adjective = _countries()[m.group(1)]
        forms |= {f"{adjective} Communist Party", f"Communist Party of {country}"}
    names = table("zh_party_names.tsv")
    for name, english in names.items():
        if zh.endswith(name):
            forms.add(" ".join(english))
    return frozenset(forms)
