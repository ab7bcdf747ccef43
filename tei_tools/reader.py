"""Reader for the plain-text article format: English translation, `<hr />`, Chinese original.

It knows the source format and nothing of TEI. See README "Source format" and DESIGN.md §1.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .decode import decode
from .errors import SourceError
from .model import EN, ZH, Edition, Metadata, Side, SourceFile, Unit

HEADER_FIELDS = ("Title", "Author", "Date", "Page")
_FIELD = re.compile(r"^([A-Za-z]+):[ \t]?(.*)$")
_SEPARATOR = re.compile(r"^<hr\s*/?>$", re.IGNORECASE)
_ORIGINAL = re.compile(r"^Original:\s*$")
_ZH_TITLE = re.compile(r"^###\s*(.*)$")
_ZH_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ZH_PAGE = re.compile(r"^第\s*(\d+)\s*版\s*[(（](.*)[)）]\s*$")
_ZH_COLUMN = re.compile(r"^专栏\s*[：:](.*)$")
_TWO_SPACES = re.compile(r"[ \u3000]{2,}|\u3000")
_AUTHOR_SPLIT_EN = re.compile(r"\s*(?:,|;|\band\b)\s*")
_AUTHOR_SPLIT_ZH = re.compile(r"[\s\u3000、，,;；]+")
# Roles printed before bylines (本报记者　李明, Our correspondent Li Ming): not part of a name.
_ROLE_ZH = re.compile(r"^(?:本报|新华社|中国新闻社|特约|驻\S{1,6})?(?:特约)?(?:记者|通讯员|评论员|摄影记者)")
_ROLE_EN = re.compile(r"^(?:(?:our|staff|special|xinhua(?: news agency)?)\s+)?(?:reporters?|correspondents?|"
                      r"commentators?|photographers?)\s+(?:of\s+this\s+(?:paper|newspaper)\s+)?", re.IGNORECASE)
# Sentence-final punctuation; a Chinese line ending in one of these is a paragraph, not a heading.
_FINAL = set("。！？…；：.!?;:")
_CLOSERS = "”’」』）)\"'》"
WHITESPACE = " \t\u3000\u00a0"


@dataclass
class _Line:
    no: int
    raw: str

    @property
    def text(self) -> str:
        return self.raw.strip(WHITESPACE)


def _indent(raw: str) -> int:
    """Indent width: a space counts 1, a tab 4, an ideographic space 2 (it is full width)."""
    width = 0
    for ch in raw:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4
        elif ch in "\u3000\u00a0":
            width += 2
        else:
            break
    return width


def _squash(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def read_file(path: str | Path, encoding: str | None = None) -> Edition:
    """Read one article file into an Edition (ids and alignment are added by enrichers)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), None, f"cannot read: {exc.strerror}") from None
    text, notes = decode(data, str(path), encoding)
    edition = read_text(text, str(path))
    edition.source = SourceFile(path.name, hashlib.sha256(data).hexdigest(), notes)
    return edition


def read_text(text: str, path: str = "<string>") -> Edition:
    """Parse decoded article text; errors name the offending line."""
    return _Parser(text, path).parse()


class _Parser:
    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.lines = [_Line(i + 1, raw) for i, raw in enumerate(text.split("\n"))]
        self.warnings: list[str] = []

    def fail(self, line: int | None, message: str) -> SourceError:
        return SourceError(self.path, line, message)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"{self.path}:{line}: {message}")

    # -- top level -----------------------------------------------------------------------
    def parse(self) -> Edition:
        if not any(line.text for line in self.lines):
            raise self.fail(1, "empty file: expected an article starting with 'Title:'")
        fields, body_start = self._header()
        date = self._date(fields["Date"])
        page = self._page(fields["Page"])
        sep = self._separator(body_start)
        en_lines = [ln for ln in self.lines[body_start:sep] if ln.text]
        zh = self._chinese(sep + 1)
        if zh["date"][1] != date:
            self.warn(zh["date"][0], f"Chinese date {zh['date'][1]} differs from 'Date: {date}'")
        if zh["page"][1] != page:
            self.warn(zh["page"][0], f"Chinese page {zh['page'][1]} differs from 'Page: {page}'")
        meta = Metadata(date=date, page=page, section=zh["section"], column=zh["column"])
        en_side = self._english_body(en_lines, fields, meta)
        zh_side = self._chinese_body(zh, meta, en_side)
        if not en_side.units:
            raise self.fail(sep, "the English translation has no text before '<hr />'")
        if not zh_side.units:
            raise self.fail(len(self.lines), "the Chinese original has no text")
        edition = Edition(id="", meta=meta, source=SourceFile(Path(self.path).name, "", []),
                          sides={ZH: zh_side, EN: en_side})
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
            if name not in HEADER_FIELDS:
                raise self.fail(line.no, f"unknown header field {m.group(1)!r} "
                                f"(expected {', '.join(HEADER_FIELDS)})")
            if name in fields:
                raise self.fail(line.no, f"header field {name!r} given twice")
            fields[name] = (line.no, m.group(2).strip(WHITESPACE))
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
        if not value.isascii() or not value.isdigit() or int(value) < 1:
            raise self.fail(line, f"'Page:' must be a page number (1, 2, …), got {value!r}")
        return int(value)

    # -- English ---------------------------------------------------------------------------
    def _english_body(self, lines: list[_Line], fields, meta: Metadata) -> Side:
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
                title, subtitle = self._split_title(title_field)
        else:
            title, subtitle = self._split_title(title_field)
        meta.title[EN], meta.subtitle[EN] = title, subtitle
        if lines and lines[0].text == title:
            side.units.append(Unit("title", title, lines[0].no))
            i = 1
            if subtitle and len(lines) > 1 and lines[1].text == subtitle:
                side.units.append(Unit("subtitle", subtitle, lines[1].no))
                i = 2
        if author_field and i < len(lines) and lines[i].text == author_field:
            side.units.append(Unit("byline", lines[i].text, lines[i].no))
            i += 1
        for line in lines[i:]:
            kind = "head" if line.raw[:1] == "\t" or _indent(line.raw) >= 4 else "p"
            side.units.append(Unit(kind, line.text, line.no))
        _mark_note(side)
        return side

    @staticmethod
    def _split_title(title_field: str) -> tuple[str, str]:
        title, _, subtitle = title_field.partition(": ")
        return title.strip(), subtitle.strip()

    # -- Chinese ---------------------------------------------------------------------------
    def _chinese(self, start: int) -> dict:
        lines = self.lines
        i = next(j for j in range(start, len(lines)) if lines[j].text)  # 'Original:'
        i += 1
        while i < len(lines) and not lines[i].text:
            i += 1
        if i >= len(lines) or not _ZH_TITLE.match(lines[i].text):
            no = lines[i].no if i < len(lines) else lines[-1].no
            raise self.fail(no, "expected the Chinese title line '### 标题  副标题' after 'Original:'")
        title_line = lines[i]
        head = _ZH_TITLE.match(title_line.raw.strip()).group(1).strip(WHITESPACE)
        if not head:
            raise self.fail(title_line.no, "the '###' title line is empty")
        parts = _TWO_SPACES.split(head, maxsplit=1)
        info = {"title": parts[0].strip(WHITESPACE),
                "subtitle": parts[1].strip(WHITESPACE) if len(parts) > 1 else "",
                "authors_line": "", "section": "", "column": ""}
        i += 1
        if i < len(lines) and not _ZH_DATE.match(lines[i].text):
            info["authors_line"] = lines[i].text
            i += 1
        if i >= len(lines) or not _ZH_DATE.match(lines[i].text):
            no = lines[min(i, len(lines) - 1)].no
            raise self.fail(no, "expected the date (YYYY-MM-DD) after the Chinese title and authors")
        try:
            info["date"] = (lines[i].no, _dt.date.fromisoformat(lines[i].text).isoformat())
        except ValueError:
            raise self.fail(lines[i].no, f"not a valid date: {lines[i].text!r}") from None
        i += 1
        m = _ZH_PAGE.match(lines[i].text) if i < len(lines) else None
        if not m:
            no = lines[min(i, len(lines) - 1)].no
            raise self.fail(no, "expected the page line '第N版(...)' after the date")
        info["page"] = (lines[i].no, int(m.group(1)))
        info["section"] = m.group(2).strip(WHITESPACE)
        i += 1
        if i < len(lines):
            m = _ZH_COLUMN.match(lines[i].text)
            if m:
                info["column"] = m.group(1).strip(WHITESPACE)
                i += 1
        info["body"] = [ln for ln in lines[i:] if ln.text]
        return info

    def _chinese_body(self, info: dict, meta: Metadata, en_side: Side) -> Side:
        side = Side(ZH)
        meta.title[ZH], meta.subtitle[ZH] = info["title"], info["subtitle"]
        meta.authors[ZH] = [_ROLE_ZH.sub("", a) for a in _AUTHOR_SPLIT_ZH.split(info["authors_line"])
                            if _ROLE_ZH.sub("", a)]
        lines: list[_Line] = info["body"]
        i = 0
        for kind, expected in (("title", info["title"]), ("subtitle", info["subtitle"]),
                               ("byline", info["authors_line"])):
            if expected and i < len(lines) and _squash(lines[i].text) == _squash(expected):
                side.units.append(Unit(kind, lines[i].text, lines[i].no))
                i += 1
        body = lines[i:]
        if not body:
            return side
        para_indent = _modal_indent(body)
        units: list[Unit] = []
        weak: list[int] = []
        for line in body:
            width = _indent(line.raw)
            if width > para_indent + 1:
                units.append(Unit("head", line.text, line.no))
            else:
                if _looks_like_heading(line.text):
                    weak.append(len(units))
                units.append(Unit("p", line.text, line.no))
        note_index = len(units) - 1 if _is_note(units[-1].text) else None
        weak = [w for w in weak if w != note_index]
        for w in _confirm_weak_heads(units, weak, en_side):
            units[w].kind = "head"
        side.units.extend(units)
        _mark_note(side)
        return side


def _modal_indent(lines: list[_Line]) -> int:
    widths = [_indent(ln.raw) for ln in lines]
    return max(set(widths), key=lambda w: (widths.count(w), -w))


def _looks_like_heading(text: str) -> bool:
    """Short, and no sentence-final punctuation (a heading may end in a closing quote)."""
    core = text.rstrip(_CLOSERS)
    return 0 < len(text) <= 30 and bool(core) and core[-1] not in _FINAL and "。" not in text


def _confirm_weak_heads(units: list[Unit], weak: list[int], en_side: Side) -> list[int]:
    """Choose which heading-like lines are headings, using the English headings as evidence.

    The English side marks its headings with a tab, so it tells how many headings there are and
    roughly where; the weak candidates nearest an English heading the Chinese lacks are taken.
    """
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


def _is_note(text: str) -> bool:
    return len(text) >= 2 and text[0] in "(（" and text[-1] in ")）"


def _mark_note(side: Side) -> None:
    """A closing editorial note: the last unit, a paragraph wholly in parentheses."""
    if side.units and side.units[-1].kind == "p" and _is_note(side.units[-1].text):
        side.units[-1].kind = "note"
