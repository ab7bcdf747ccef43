"""Identifiers: the edition id and the xml:ids of units and sections.

Ids are derived from content, never from counters across runs, so the same article always gets
the same ids (fixity). The scheme is documented in README "Encoding decisions".
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from .model import ID_PREFIX, Edition, Metadata

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


def edition_id(meta: Metadata, paper_id: str = DEFAULT_PAPER_ID) -> str:
    """`paper-YYYYMMDD-PP-slug`: paper, date, page, then the English title (or a title hash)."""
    titles = meta.title
    title_slug = slug(titles.get("en", ""))
    if not title_slug:
        joined = "".join(titles.values()).encode()
        title_slug = "t" + hashlib.sha256(joined).hexdigest()[:10]
    return f"{paper_id}-{meta.date.replace('-', '')}-{meta.page:02d}-{title_slug}"


_SINGLE = {"title": "title", "subtitle": "subtitle", "byline": "byline", "note": "note"}
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


def entity_id(kind: str, name: str) -> str:
    """`pers-chen-xinhai`, `org-…`, `place-…`; names without Latin letters get a short hash."""
    prefix = {"person": "pers", "place": "place", "org": "org"}[kind]
    s = slug(name, words=8, chars=48)
    if not s:
        s = "h" + hashlib.sha256(name.encode()).hexdigest()[:10]
    return f"{prefix}-{s}"
