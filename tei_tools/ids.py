"""Identifiers: the edition id and the xml:ids of units and sections.

Ids are derived from content, never from counters across runs, so the same article always gets
the same ids (fixity). The scheme is documented in README "Encoding decisions".
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
import re
import unicodedata

from .model import EN, ID_PREFIX, ZH, Edition

DEFAULT_PAPER_ID = "rmrb"  # 人民日报 / People's Daily
_SLUG_WORDS = 5
_SLUG_CHARS = 40


def slug(text: str, words: int = _SLUG_WORDS, chars: int = _SLUG_CHARS) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", ""))
    out: list[str] = []
    for part in parts[:words]:
        if out and len("-".join(out + [part])) > chars:
            break
        out.append(part[:chars])
    return "-".join(out)


def edition_id(edition: Edition, paper_id: str = DEFAULT_PAPER_ID) -> str:
    """`paper-YYYYMMDD-PP-slug-digest`: paper, date, page, up to five words of the English title
    (or the pinyin of the Chinese one), and 8 hex digits of the SHA-256 of the article's text.

    The digest makes ids unique by construction: articles of one day and page with the same
    title (简讯, 图片 recur daily) get distinct ids, whichever worker converts them and in
    whatever order; only the very same text gives the same id.
    """
    meta = edition.meta
    title_slug = slug(meta.title.get(EN, "")) or pinyin_slug(meta.title.get(ZH, ""))
    text = "\n".join(f"{u.kind}\t{u.text}" for u in edition.units())
    digest = hashlib.sha256(f"{meta.date}\n{meta.page}\n{text}".encode()).hexdigest()[:8]
    parts = [paper_id, meta.date.replace("-", ""), f"{meta.page:02d}", title_slug, digest]
    return "-".join(p for p in parts if p)


def pinyin_slug(text: str, words: int = _SLUG_WORDS) -> str:
    """The first syllables of a Chinese title in pinyin without tones: 简讯 → jian-xun."""
    from pypinyin import lazy_pinyin

    return slug(" ".join(lazy_pinyin(text[:words * 2], errors="ignore")), words=words)


_SINGLE = {"title": "title", "subtitle": "subtitle", "byline": "byline", "closer": "closer", "note": "note"}
_NUMBERED = {"head": "h", "p": "p"}


def assign_unit_ids(edition: Edition) -> None:
    """`zh-p3`, `en-h2`, `zh-title` …: language prefix, kind, position among units of that kind."""
    for lang, side in edition.sides.items():
        prefix = ID_PREFIX[lang]
        counts: dict[str, int] = {}
        for unit in side.units:
            counts[unit.kind] = counts.get(unit.kind, 0) + 1
            if unit.kind in _NUMBERED:
                unit.id = f"{prefix}-{_NUMBERED[unit.kind]}{counts[unit.kind]}"
            else:
                suffix = _SINGLE[unit.kind]
                n = counts[unit.kind]
                unit.id = f"{prefix}-{suffix}" if n == 1 else f"{prefix}-{suffix}{n}"


def section_id(head_id: str) -> str:
    """The div that a heading opens: `zh-h2` opens `zh-s2`."""
    prefix, _, rest = head_id.partition("-h")
    return f"{prefix}-s{rest}"


@lru_cache(maxsize=65536)
def entity_id(kind: str, name: str) -> str:
    """`pers-chen-xinhai`, `org-…`, `place-…`; names without Latin letters get a short hash.
    Remembered: a corpus names the same entities again and again."""
    prefix = {"person": "pers", "place": "place", "org": "org"}[kind]
    s = slug(name, words=8, chars=48)
    if not s:
        s = "h" + hashlib.sha256(name.encode()).hexdigest()[:10]
    return f"{prefix}-{s}"
