"""Reader for bilingual files: an English translation, `<hr />`, `Original:`, one archive file.

The English half has a header (Title, Author, Date, Page) and the article as printed in
translation; the Chinese half is read by the archive reader, and the English headings then
tell which short Chinese lines at paragraph indent are headings too. See README "Source formats".
"""
from __future__ import annotations

import datetime as _dt
import difflib
import re

from ..errors import SourceError
from ..model import EN, ZH, Edition, Metadata, Side, SourceFile, Unit
from . import archive
from .lines import MAX_PAGE_DIGITS, WHITESPACE, Line, indent, split_lines

NAME = "bilingual"
HEADER_FIELDS = ("Title", "Author", "Date", "Page")
# Optional: who made the translation, a person's name or "machine" ("machine: <system>").
OPTIONAL_FIELDS = ("Translator",)
_FIELD = re.compile(r"^([A-Za-z]+):[ \t]?(.*)$")
_SEPARATOR = re.compile(r"^<hr\s*/?>$", re.IGNORECASE)
_ORIGINAL = re.compile(r"^Original:\s*$")
_AUTHOR_SPLIT_EN = re.compile(r"\s*(?:,|;|\band\b)\s*")
_ROLE_EN = re.compile(r"^(?:(?:our|staff|special|xinhua(?: news agency)?)\s+)?(?:reporters?|correspondents?|"
                      r"commentators?|photographers?)\s+(?:of\s+this\s+(?:paper|newspaper)\s+)?", re.IGNORECASE)


def detect(lines: list[Line]) -> bool:
    first = next((ln for ln in lines if ln.text), None)
    return first is not None and bool(_FIELD.match(first.text)) and not archive.TITLE.match(first.text)


def read(text: str, path: str) -> Edition:
    return _Parser(text, path).parse()


class _Parser:
    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.lines = split_lines(text)
        self.warnings: list[str] = []

    def fail(self, line: int | None, message: str) -> SourceError:
        return SourceError(self.path, line, message)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"{self.path}:{line}: warning: {message}")

    def parse(self) -> Edition:
        if not any(line.text for line in self.lines):
            raise self.fail(1, "empty file: expected an article starting with 'Title:'")
        fields, body_start = self._header()
        date = self._date(fields["Date"])
        page = self._page(fields["Page"])
        sep = self._separator(body_start)
        en_lines = [ln for ln in self.lines[body_start:sep] if ln.text]
        original = next(j for j in range(sep + 1, len(self.lines)) if self.lines[j].text)
        zh = archive.parse(self.lines, original + 1, self.path)
        if zh.date[1] != date:
            self.warn(zh.date[0], f"Chinese date {zh.date[1]} differs from 'Date: {date}'")
        if zh.page[1] != page:
            self.warn(zh.page[0], f"Chinese page {zh.page[1]} differs from 'Page: {page}'")
        meta = archive.article_meta(zh)
        meta.date, meta.page = date, page
        meta.translator = fields.get("Translator", (0, ""))[1]
        en_side = self._english_body(en_lines, fields, meta)
        if not en_side.units:
            raise self.fail(self.lines[sep].no, "the English translation has no text before '<hr />'")
        front = sum(1 for u in zh.units if u.kind in ("title", "subtitle", "byline"))
        body = zh.units[front:]
        for k in _confirm_weak_heads(body, [w - front for w in zh.weak], en_side):
            body[k].kind = "head"
        archive.mark_note(zh.units)
        edition = Edition(id="", meta=meta, source=SourceFile("", "", []),
                          sides={ZH: Side(ZH, zh.units), EN: en_side})
        edition.warnings = self.warnings
        return edition

    def _header(self) -> tuple[dict[str, tuple[int, str]], int]:
        fields: dict[str, tuple[int, str]] = {}
        i = 0
        while i < len(self.lines) and not self.lines[i].text:
            i += 1
        first = self.lines[i]
        if not _FIELD.match(first.raw.strip()):
            raise self.fail(first.no, "expected the header field 'Title:' on the first line")
        while i < len(self.lines) and self.lines[i].text:
            line = self.lines[i]
            m = _FIELD.match(line.raw.strip())
            if not m:
                raise self.fail(line.no, f"expected a header field 'Name: value', got {line.text[:40]!r}")
            name = m.group(1).capitalize()
            if name not in HEADER_FIELDS + OPTIONAL_FIELDS:
                raise self.fail(line.no, f"unknown header field {m.group(1)!r} "
                                f"(expected {', '.join(HEADER_FIELDS + OPTIONAL_FIELDS)})")
            if name in fields:
                raise self.fail(line.no, f"header field {name!r} given twice")
            value = m.group(2).strip(WHITESPACE)
            if value.startswith((":", "：")):
                raise self.fail(line.no, f"header field '{m.group(1)}' has a second colon: "
                                f"{line.text[:40]!r}")
            fields[name] = (line.no, value)
            i += 1
        end_line = self.lines[i - 1].no
        for name in HEADER_FIELDS:
            if name not in fields:
                raise self.fail(end_line, f"missing header field '{name}:'")
        if not fields["Title"][1]:
            raise self.fail(fields["Title"][0], "the header field 'Title:' is empty")
        return fields, i

    def _separator(self, start: int) -> int:
        """Index of the `<hr />` line that is followed by `Original:` (text may quote `<hr />`)."""
        for i in range(start, len(self.lines)):
            if _SEPARATOR.match(self.lines[i].text):
                nxt = next((ln for ln in self.lines[i + 1:] if ln.text), None)
                if nxt is not None and _ORIGINAL.match(nxt.text):
                    return i
        raise self.fail(len(self.lines), "no '<hr />' line followed by 'Original:' separates "
                        "the translation from the Chinese original")

    def _date(self, field: tuple[int, str]) -> str:
        line, value = field
        try:
            return _dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise self.fail(line, f"'Date:' must be a date as YYYY-MM-DD, got {value!r}") from None

    def _page(self, field: tuple[int, str]) -> int:
        line, value = field
        if (not value.isascii() or not value.isdigit() or len(value) > MAX_PAGE_DIGITS
                or int(value) < 1):
            raise self.fail(line, f"'Page:' must be a page number (1, 2, … at most "
                            f"{MAX_PAGE_DIGITS} digits), got {value[:20]!r}{'…' if len(value) > 20 else ''}")
        return int(value)

    def _english_body(self, lines: list[Line], fields, meta: Metadata) -> Side:
        side = Side(EN)
        title_field = fields["Title"][1]
        author_field = fields["Author"][1]
        meta.authors[EN] = [_ROLE_EN.sub("", a).strip() for a in _AUTHOR_SPLIT_EN.split(author_field)
                            if _ROLE_EN.sub("", a).strip()]
        i = 0
        title, subtitle = title_field, ""
        if lines and title_field.startswith(lines[0].text):
            rest = title_field[len(lines[0].text):]
            title = lines[0].text
            if rest.startswith(":") and len(lines) > 1 and rest[1:].strip() == lines[1].text:
                subtitle = lines[1].text
            elif rest:  # the body does not repeat the title as the header gives it
                title, subtitle = _split_title(title_field)
        else:
            title, subtitle = _split_title(title_field)
        meta.title[EN] = title
        meta.subtitles[EN] = [subtitle] if subtitle else []
        if lines and (lines[0].text == title or self._nearly(lines[0], title, fields["Title"][0])):
            side.units.append(Unit("title", lines[0].text, lines[0].no))
            i = 1
            if subtitle and len(lines) > 1 and (lines[1].text == subtitle
                                                or self._nearly(lines[1], subtitle, fields["Title"][0])):
                side.units.append(Unit("subtitle", lines[1].text, lines[1].no))
                i = 2
        if author_field and i < len(lines) and lines[i].text == author_field:
            side.units.append(Unit("byline", lines[i].text, lines[i].no))
            i += 1
        for line in lines[i:]:
            kind = "head" if line.raw[:1] == "\t" or indent(line.raw) >= 4 else "p"
            side.units.append(Unit(kind, line.text, line.no))
        archive.mark_note(side.units)
        return side


    def _nearly(self, line: Line, header: str, header_line: int) -> bool:
        """A printed title line that differs from the header's title by a word or so (a typo, a
        synonym) is still the title: said as a warning naming both lines, so that the title
        block is not read as paragraphs and the sides stay aligned."""
        if not _one_word_apart(line.text, header):
            return False
        self.warn(line.no, f"the printed title {line.text!r} differs from the header's "
                  f"'Title:' (line {header_line}: {header!r}); read as the title")
        return True


_WORD = re.compile(r"[\w'’-]+")


def _one_word_apart(printed: str, header: str) -> bool:
    """Both have at least three words and differ in at most one of four (at least one)."""
    a, b = (_WORD.findall(t.casefold()) for t in (printed, header))
    if min(len(a), len(b)) < 3:
        return False
    changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2
                  in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if tag != "equal")
    return 0 < changed <= max(1, len(b) // 4)


def _split_title(title_field: str) -> tuple[str, str]:
    """'Main: Sub' -> ('Main', 'Sub'); never an empty main title."""
    title, _, subtitle = title_field.partition(": ")
    if not title.strip() or not subtitle.strip():
        return title_field.strip(), ""
    return title.strip(), subtitle.strip()


def _confirm_weak_heads(units: list[Unit], weak: list[int], en_side: Side) -> list[int]:
    """Choose which heading-like lines are headings, using the English headings as evidence.

    The English side marks its headings with a tab, so it tells how many headings there are and
    roughly where; the weak candidates nearest an English heading the Chinese lacks are taken.
    """
    # A heading never follows the closers, nor is it the closing note: TEI's division ends with
    # them (divBottom), and the note is the last line wholly in parentheses.
    bottom = next((k for k, u in enumerate(units) if u.kind == "closer"), len(units))
    weak = [w for w in weak if w < bottom
            and not (w == len(units) - 1 and archive.is_note(units[w].text))]
    en_units = [u for u in en_side.units if u.kind in ("p", "head")]
    en_heads = [k for k, u in enumerate(en_units) if u.kind == "head"]
    needed = len(en_heads) - sum(1 for u in units if u.kind == "head")
    if needed <= 0 or not weak:
        return []
    if needed >= len(weak):
        return weak
    en_pos = [k / max(len(en_units) - 1, 1) for k in en_heads]
    strong_pos = [k / max(len(units) - 1, 1) for k, u in enumerate(units) if u.kind == "head"]
    free = [p for p in en_pos if all(abs(p - s) > 0.5 / max(len(units), 1) for s in strong_pos)] or en_pos

    def distance(w: int) -> float:
        pos = w / max(len(units) - 1, 1)
        return min(abs(pos - p) for p in free)

    return sorted(sorted(weak, key=distance)[:needed])
