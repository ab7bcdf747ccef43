"""Chinese names in Latin letters (Hanyu Pinyin), to find a Chinese name's English mentions."""
from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=4096)
def syllables(han: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(han))


_NOT_LETTER = re.compile(r"[^a-z]")
# One Hanyu Pinyin syllable without tone (an initial, then a final).
SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|"
            r"ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u|v)")


@lru_cache(maxsize=65536)
def compact(text: str) -> str:
    """Letters only, lower case: 'Xin Jia' and 'Xinjia' compare equal."""
    return _NOT_LETTER.sub("", text.lower())


def person_name(han: str) -> str:
    """王永福 -> Wang Yongfu (surname, then the given name as one word)."""
    parts = syllables(han)
    if len(parts) == 1:
        return parts[0].capitalize()
    return f"{parts[0].capitalize()} {''.join(parts[1:]).capitalize()}"


def place_name(han: str) -> str:
    """汾阳 -> Fenyang."""
    return "".join(syllables(han)).capitalize()


@lru_cache(maxsize=4096)
def readings(han: str, most: int = 8) -> tuple[str, ...]:
    """Every reading of a short name, its characters' other pronunciations included (李卜周:
    li bu zhou and li bo zhou), at most `most` of them."""
    from itertools import islice, product

    from pypinyin import Style, pinyin

    options = [sorted(set(p)) for p in pinyin(han, style=Style.NORMAL, heteronym=True)]
    return tuple("".join(combo) for combo in islice(product(*options), most))
