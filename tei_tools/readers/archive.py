"""Reader for one file of the People's Daily archive: the Chinese original alone.

The archive (人民日报 1946–2003, one file an article) writes a `###` line with the title decks,
the authors line (often empty), the date, `第N版(section)`, an optional `专栏：column`, then the
body: the decks and the byline repeated as printed, one paragraph a line, headings deeper or at
the paragraph indent, right-aligned signatures and dates at the end (DESIGN.md §1b). The
bilingual reader reads its Chinese half with `parse`, so the two cannot drift. It knows the
source format and nothing of TEI.
"""
from __future__ import annotations

import datetime as _dt
import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import SourceError
from ..model import ZH, Edition, Metadata, Side, SourceFile, Unit
from .lines import MAX_PAGE_DIGITS, WHITESPACE, Line, indent, modal_indent, split_lines, squash

NAME = "archive"
TITLE = re.compile(r"^###(?:[ \t\u3000]+|$)(.*)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PAGE = re.compile(r"^第\s*(\d+)\s*版\s*(?:[(（](.*)[)）])?\s*$")
_COLUMN = re.compile(r"^专栏\s*[：:](.*)$")
# Decks of the title line: two or more spaces, an ideographic space, or a dash rule between them.
_DECK_SEP = re.compile(r"[ \t]{2,}|\u3000+|—{2,}|－{2,}")
_ONE_SPACE = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")
_DASHES = re.compile(r"[—－\-]+")
_AUTHOR_SPLIT = re.compile(r"[\s\u3000、，,;；]+")
# Roles printed before bylines (本报记者　李明): not part of a name.
ROLE = re.compile(r"^(?:本报|新华社|中国新闻社|特约|驻\S{1,6})?(?:特约)?(?:记者|通讯员|评论员|摄影记者)")
# A dateline opens a dispatch: 【新华社延安十六日电】, 【本报讯】, 【又讯】, 【本市消息】.
_DATELINE = re.compile(r"^【[^【】\n]{0,40}?(?:电|讯|消息)】")
# Sentence-final punctuation: a line ending in one of these is a paragraph, not a heading.
_FINAL = set("。！？…；：.!?;:")
_CLOSERS = "”’」』）)\"'》"
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十]{1,3}[章节部分])")
_TITLE_LIKE = 0.8  # similarity above which a body line repeats a deck with a variant
_DEEP = 4  # columns beyond the paragraph indent from which a line is set apart (heading, signature)
_WEAK_LIMIT = 30  # a heading at paragraph indent is at most this long (with a translation's evidence)
_WEAK_ALONE = 16  # … and without it


@dataclass
class Article:
    """What an archive file says: the facts of its header and its body as units."""

    decks: list[str]
    authors: list[str]
    date: tuple[int, str]  # (line, ISO date)
    page: tuple[int, int]
    section: str = ""
    column: str = ""
    units: list[Unit] = field(default_factory=list)
    weak: list[int] = field(default_factory=list)  # paragraphs that may be headings


def detect(lines: list[Line]) -> bool:
    first = next((ln for ln in lines if ln.text), None)
    return first is not None and bool(TITLE.match(first.text))


def read(text: str, path: str) -> Edition:
    """An archive file as a Chinese-only edition; headings at paragraph indent by their shape."""
    lines = split_lines(text)
    if not any(ln.text for ln in lines):
        raise SourceError(path, 1, "empty file: expected an archive article starting with '### title'")
    article = parse(lines, 0, path)
    for k in confirm_weak_heads(article.units, article.weak):
        article.units[k].kind = "head"
    mark_note(article.units)
    return Edition(id="", meta=article_meta(article), source=SourceFile("", "", []),
                   sides={ZH: Side(ZH, article.units)})


def article_meta(article: Article) -> Metadata:
    decks = [d.strip("—－-" + WHITESPACE) or d for d in article.decks]  # a deck of dashes alone stays
    return Metadata(date=article.date[1], page=article.page[1], section=article.section,
                    column=article.column, title={ZH: decks[0]},
                    subtitles={ZH: [d for d in decks[1:] if d]}, authors={ZH: article.authors})


def parse(lines: list[Line], start: int, path: str) -> Article:
    """The header from lines[start:] (blank lines before it skipped), then the body's units."""
    i = start
    while i < len(lines) and not lines[i].text:
        i += 1

    def fail(k: int, message: str) -> SourceError:
        return SourceError(path, lines[min(k, len(lines) - 1)].no, message)

    m = TITLE.match(lines[i].text) if i < len(lines) else None
    if not m:
        raise fail(i, "expected the title line '### 标题  副标题' of an archive article")
    head = m.group(1).strip(WHITESPACE)
    if not head:
        raise fail(i, "the '###' title line is empty")
    decks = split_decks(head)
    i += 1
    authors_line = ""
    if i < len(lines) and not _DATE.match(_ascii(lines[i].text)):
        authors_line = lines[i].text
        i += 1
    if i >= len(lines) or not _DATE.match(_ascii(lines[i].text)):
        raise fail(i, "expected the date (YYYY-MM-DD) after the title and authors lines")
    try:
        date = _dt.date.fromisoformat(_ascii(lines[i].text)).isoformat()
    except ValueError:
        raise fail(i, f"not a valid date: {lines[i].text!r}") from None
    article = Article(decks, authors(authors_line), (lines[i].no, date), (0, 0))
    i += 1
    m = _PAGE.match(lines[i].text) if i < len(lines) else None
    if not m:
        raise fail(i, "expected the page line '第N版(...)' after the date")
    if len(m.group(1)) > MAX_PAGE_DIGITS:
        raise fail(i, f"page number of {len(m.group(1))} digits in {lines[i].text[:30]!r}…: "
                   f"not a page (at most {MAX_PAGE_DIGITS} digits)")
    article.page = (lines[i].no, int(m.group(1)))
    article.section = (m.group(2) or "").strip(WHITESPACE)
    i += 1
    m = _COLUMN.match(lines[i].text) if i < len(lines) else None
    if m:
        article.column = m.group(1).strip(WHITESPACE)
        i += 1
    body = [ln for ln in lines[i:] if ln.text]
    _body(article, body, authors_line)
    if not article.units:
        raise fail(len(lines) - 1, "the Chinese original has no text")
    return article


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def split_decks(head: str) -> list[str]:
    decks: list[str] = []
    for part in _DECK_SEP.split(head):
        decks.extend(p for p in _ONE_SPACE.split(part.strip(WHITESPACE)) if p)
    return decks or [head]


def authors(line: str) -> list[str]:
    """Names on the authors line, without the roles printed before them."""
    return [ROLE.sub("", a) for a in _AUTHOR_SPLIT.split(line) if ROLE.sub("", a)]


def _key(text: str) -> str:
    return _DASHES.sub("", squash(text))


def title_block(decks: list[str], body: list[Line]) -> int:
    """How many leading body lines repeat the title decks (split as printed, maybe with a
    variant character): each must continue the decks where the previous one stopped."""
    target = _key("".join(decks))
    done = ""
    count = 0
    for line in body:
        if len(done) >= len(target):
            break
        candidate = done + _key(line.text)
        expected = target[:len(candidate)]
        if not (target.startswith(candidate) or
                difflib.SequenceMatcher(None, candidate, expected).ratio() >= _TITLE_LIKE):
            break
        done = candidate
        count += 1
    return count


def _body(article: Article, body: list[Line], authors_line: str) -> None:
    n = title_block(article.decks, body)
    units = [Unit("title" if k == 0 else "subtitle", ln.text, ln.no) for k, ln in enumerate(body[:n])]
    rest = body[n:]
    if rest and _is_byline(rest[0].text, authors_line):
        units.append(Unit("byline", rest[0].text, rest[0].no))
        if not article.authors:
            article.authors = authors(rest[0].text)
        rest = rest[1:]
    article.units = units
    if not rest:
        return
    para = modal_indent(rest)
    deep = [indent(ln.raw) >= para + _DEEP for ln in rest]
    # Set-apart lines after the last paragraph (a closing note aside) sign and date the article.
    end = len(rest)
    if is_note(rest[-1].text) and not deep[-1]:
        end -= 1
    closers = end
    while closers > 0 and deep[closers - 1]:
        closers -= 1
    for k, line in enumerate(rest):
        if k >= closers and k < end:
            kind = "closer"
        elif deep[k] and _heading_like(line.text) and not line.text.startswith(("——", "－－")):
            kind = "head"
        else:
            kind = "p"
            if not deep[k] and _heading_like(line.text, _WEAK_LIMIT):
                article.weak.append(len(units))
        unit = Unit(kind, line.text, line.no)
        if kind == "p":
            m = _DATELINE.match(unit.text)
            unit.dateline = m.end() if m and m.end() < len(unit.text) else 0
        units.append(unit)


def _is_byline(text: str, authors_line: str) -> bool:
    if authors_line:
        return squash(text) == squash(authors_line)
    return len(text) <= 24 and bool(ROLE.match(text)) and text[-1] not in _FINAL


def _heading_like(text: str, limit: int = 40) -> bool:
    """Short, and no sentence-final punctuation (a heading may end in a closing quote)."""
    core = text.rstrip(_CLOSERS)
    return (0 < len(text) <= limit and bool(core) and core[-1] not in _FINAL and "。" not in text
            and not re.search(r"\S[ \u3000]{2,}\S", text) and any(ch.isalnum() for ch in text))


def confirm_weak_heads(units: list[Unit], weak: list[int]) -> list[int]:
    """Without a translation to compare: a short line at paragraph indent is a heading where it
    is numbered (一、 （二） 第三部分), or stands between two paragraphs longer than itself
    that end as sentences do, and no other short line touches it."""
    chosen = []
    for k in weak:
        text = units[k].text
        if not 0 < k < len(units) - 1 or len(text) > _WEAK_ALONE:
            continue
        if _NUMBERED.match(text):
            chosen.append(k)
            continue
        before, after = units[k - 1], units[k + 1]
        if (before.kind == "p" and after.kind == "p"
                and _ends_sentence(before.text) and _ends_sentence(after.text)
                and len(after.text) > 2 * len(text) and len(before.text) > 2 * len(text)
                and "，" not in text):
            chosen.append(k)
    return chosen


def _ends_sentence(text: str) -> bool:
    core = text.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _FINAL


def is_note(text: str) -> bool:
    return len(text) >= 2 and text[0] in "(（" and text[-1] in ")）"


def mark_note(units: list[Unit]) -> None:
    """A closing note: the last unit, a paragraph wholly in parentheses."""
    if units and units[-1].kind == "p" and is_note(units[-1].text):
        units[-1].kind = "note"
