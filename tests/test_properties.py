"""Property tests: random articles in the format convert to valid editions whose text round-trips;
random bytes never escape as an unhandled exception."""
from __future__ import annotations

import tempfile
from pathlib import Path

from articles import Article
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from tei_tools.convert import convert_file
from tei_tools.errors import SourceError
from tei_tools.readers import read_text
from tei_tools.transform import text as to_text

# Letters, digits, CJK, punctuation and spaces; no line breaks or controls (the format is lines).
CHARS = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"),
                      exclude_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
WS = " \t\u3000\u00a0"


def line(min_size=1, max_size=60):
    return st.text(CHARS, min_size=min_size, max_size=max_size).map(lambda s: s.strip(WS)).filter(
        lambda s: s and not s.startswith(("#", "<hr", "Original:")) and s != "<hr />")


@st.composite
def articles(draw):
    n = draw(st.integers(1, 6))
    heads = draw(st.lists(st.integers(0, n - 1), max_size=3, unique=True))
    en, zh = [], []
    for k in range(n):
        if k in heads:
            en.append(("head", draw(line(max_size=20))))
            zh.append(("head", draw(line(max_size=12))))
        en.append(("p", draw(line())))
        zh.append(("p", draw(line())))
    authors = draw(st.lists(st.from_regex(r"[A-Z][a-z]{1,6} [A-Z][a-z]{2,8}", fullmatch=True), max_size=3))
    title = draw(line(max_size=30).filter(lambda s: ":" not in s))
    zh_title = draw(line(max_size=15).filter(lambda s: "  " not in s and "\u3000" not in s))
    article = Article(
        title_en=title, subtitle_en=draw(st.sampled_from(["", "A Subtitle Here"])),
        title_zh=zh_title, subtitle_zh=draw(st.sampled_from(["", "副标题"])),
        authors_en=authors, authors_zh=["王林", "李明", "张华"][:len(authors)],
        date=draw(st.dates().map(lambda d: d.isoformat())), page=draw(st.integers(1, 24)),
        section=draw(st.sampled_from(["", "国际"])), column=draw(st.sampled_from(["", "读者来信"])),
        en=en, zh=zh, note_en=draw(st.sampled_from([None, "(Originally published elsewhere.)"])),
        note_zh=draw(st.sampled_from([None, "（原载某报）"])))
    assume(all(t not in (title, article.subtitle_en, ", ".join(authors)) for _, t in en))
    assume(all(t.replace(" ", "") not in (zh_title, article.subtitle_zh) for _, t in zh))
    return article


def body_lines(article: Article):
    en = [t for _, t in article.en] + ([article.note_en] if article.note_en else [])
    zh = [t for _, t, *_ in article.zh] + ([article.note_zh] if article.note_zh else [])
    return en, zh


@settings(max_examples=int(__import__("os").environ.get("PROPERTY_EXAMPLES", "40")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_random_articles_convert_validate_and_round_trip(validator, article):
    with tempfile.TemporaryDirectory() as tmp:
        src = article.write(Path(tmp))
        result = convert_file(src, Path(tmp) / "out")
        assert result.error is None, result.error
        assert validator.check_file(result.output)[0] == []
        files = {p.name.split(".")[-2]: p for p in to_text(result.output, Path(tmp) / "text")}
        en_file, zh_file = files["en"], files["zh"]
        en_lines = [x for x in en_file.read_text(encoding="utf-8").split("\n") if x]
        zh_lines = [x for x in zh_file.read_text(encoding="utf-8").split("\n") if x]
        en, zh = body_lines(article)
        assert en_lines[-len(en):] == en
        assert zh_lines[-len(zh):] == zh


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_never_escape(data):
    from tei_tools.decode import decode

    try:
        text, _ = decode(data, "x.txt")
        read_text(text, "x.txt")
    except SourceError as exc:
        assert str(exc).startswith("x.txt")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000))
def test_random_text_never_escapes(text):
    try:
        read_text(text, "x.txt")
    except SourceError as exc:
        assert str(exc).startswith("x.txt:")


INDENTS = ["\u3000\u3000", "    ", "   ", "     ", "      ", "        ", " " * 12, " " * 30, "\t"]


@st.composite
def archive_files(draw):
    """Archive files as the generator writes them: decks, authors, date, page, column, body lines
    of any indent (headings, signatures, datelines, notes among them)."""
    decks = draw(st.lists(line(max_size=15).filter(lambda s: not s.startswith("#")), min_size=1, max_size=4))
    body = [(draw(st.sampled_from(INDENTS)), draw(st.sampled_from(["", "【新华社延安十六日电】", "【本报讯】"]))
             + draw(line())) for _ in range(draw(st.integers(1, 8)))]
    repeat = draw(st.booleans())
    head = (f"### {'  '.join(decks)}\r\n{draw(st.sampled_from(['', '毓明', '本报记者　李明']))}\r\n"
            f"{draw(st.dates()).isoformat()}\r\n第{draw(st.integers(1, 24))}版({draw(st.sampled_from(['', '国际']))})\n"
            f"专栏：{draw(st.sampled_from(['', '简讯']))}\n\n")
    lines = (["\u3000\u3000" + decks[0]] + ["    " + d for d in decks[1:]] if repeat else []) + [i + t for i, t in body]
    return head + "\n".join(lines) + "\r\n", [d for d in decks] * repeat + [t.strip(WS) for _, t in body]


@settings(max_examples=int(__import__("os").environ.get("PROPERTY_EXAMPLES", "40")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(archive_files())
def test_random_archive_files_convert_validate_and_keep_every_line(validator, case):
    text, expected = case
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "a.md"
        src.write_bytes(text.encode("utf-8"))
        result = convert_file(src, Path(tmp) / "out")
        assert result.error is None, result.error
        assert validator.check_file(result.output)[0] == []
        (zh_file,) = to_text(result.output, Path(tmp) / "text")
        assert [x for x in zh_file.read_text(encoding="utf-8").split("\n") if x] == expected
