"""The one in-memory edition model that readers fill, enrichers refine and the writer serialises.

Nothing here knows the source format or TEI: a second reader or writer reuses it unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ZH = "zh-Hans"
EN = "en"
LANGS = (ZH, EN)
# Short prefixes for unit ids; the language of a side is its div's xml:lang.
ID_PREFIX = {ZH: "zh", EN: "en"}



@dataclass(frozen=True, order=True)
class Mention:
    """A tagged name inside a unit's text: [start, end) in characters, nested spans allowed."""

    start: int
    end: int
    kind: str
    ref: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of a unit: [start, end) in the unit's text, and its id (`zh-p3-s2`)."""

    start: int
    end: int
    id: str


@dataclass
class Unit:
    """One source line: a title deck, byline, heading, paragraph, closer (signature or date set
    apart at the end) or closing note; the unit of alignment."""

    kind: str  # title | subtitle | byline | head | p | closer | note
    text: str
    line: int  # 1-based line in the source file, for messages
    id: str = ""
    dateline: int = 0  # length of the dateline that opens a paragraph (【新华社延安十六日电】), or 0
    corresp: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)  # empty: not segmented


@dataclass
class Side:
    """One language version of the article, its units in reading order."""

    lang: str
    units: list[Unit] = field(default_factory=list)

    def by_kind(self, kind: str) -> list[Unit]:
        return [u for u in self.units if u.kind == kind]


@dataclass
class Entity:
    """A register entry: one person, place or organisation, with its names per language."""

    id: str
    kind: str
    names: dict[str, list[str]] = field(default_factory=dict)
    machine: bool = False  # found by the tagger, not curated in the register
    idnos: dict[str, str] = field(default_factory=dict)  # authority ids: wikidata -> Q…, cbdb, geonames

    def name(self, lang: str) -> str | None:
        names = self.names.get(lang)
        return names[0] if names else None


@dataclass
class Metadata:
    """Bibliographic facts of the printed article and of its translation."""

    date: str  # ISO 8601
    page: int
    title: dict[str, str] = field(default_factory=dict)  # lang -> main title
    subtitles: dict[str, list[str]] = field(default_factory=dict)  # further title decks
    authors: dict[str, list[str]] = field(default_factory=dict)
    section: str = ""  # the name in 第N版(...)
    column: str = ""  # 专栏：...
    translator: str = ""  # bilingual 'Translator:': a person, "machine[: system]", "" unknown


@dataclass
class SourceFile:
    """Where the edition came from, so that fixity can be checked later."""

    name: str
    sha256: str
    normalisations: list[str] = field(default_factory=list)
    shown: str = ""  # the path as the user gave it (or ARCHIVE.7z!member), for messages


@dataclass
class Edition:
    """A whole article: metadata, its sides (the original, and the translation where there is
    one), their alignment and the entities it mentions."""

    id: str
    meta: Metadata
    source: SourceFile
    sides: dict[str, Side]
    links: list[tuple[str, str]] = field(default_factory=list)  # (zh unit id, en unit id)
    # one aligned group of sentences: (zh sentence ids, en sentence ids), both non-empty
    sentence_links: list[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def langs(self) -> list[str]:
        """The languages present: the original, then the translation if there is one."""
        return [lang for lang in LANGS if lang in self.sides]

    @property
    def bilingual(self) -> bool:
        return EN in self.sides

    def units(self):
        for lang in self.langs:
            yield from self.sides[lang].units
