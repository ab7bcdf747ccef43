"""Synthetic articles in the source format, for benchmarks: varied lengths, headings, paragraph
counts and names, built from the sentences of the articles in editions/sources."""
from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "志强桂英永福淑芬玉明建国秀兰文彬海涛丽君德华"
PLACES = ["安平", "汾阳", "昔阳", "淮阳", "文水", "定县", "南湾", "孟村"]
HEADS = ["纸厂", "铁工厂", "农业生产合作社", "中学", "图书馆", "水利局"]


def _sentences():
    zh, en = [], []
    for source in sorted((ROOT / "editions" / "sources").glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        english, _, chinese = text.partition("<hr />")
        zh += [s + "。" for line in chinese.split("\n")[7:] for s in line.strip().split("。") if len(s) > 8]
        en += [s.strip() + "." for line in english.split("\n\n")[2:] for s in line.split(". ")
               if len(s) > 30 and "\t" not in s]
    return zh, en


ZH, EN = _sentences()


def _name(rng: random.Random) -> tuple[str, str]:
    from pypinyin import lazy_pinyin

    zh = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
    py = lazy_pinyin(zh)
    return zh, f"{py[0].capitalize()} {(py[1] + py[2]).capitalize()}"


def article(rng: random.Random, k: int, short: bool = False) -> str:
    paragraphs = rng.randint(2, 4) if short else rng.randint(3, 14)
    author_zh, author_en = _name(rng)
    place = rng.choice(PLACES)
    org_zh = place + rng.choice(HEADS)
    out_en = [f"Title: Synthetic Article {k}: A Study", f"Author: {author_en}",
              f"Date: 19{rng.randint(50, 66)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
              f"Page: {rng.randint(1, 8)}", "", f"Synthetic Article {k}", "A Study", author_en, ""]
    out_zh = [f"### 合成文章{k}  一项研究", author_zh, out_en[2][6:], f"第{out_en[3][6:]}版()", "专栏：", "",
              f"    合成文章{k}", "    一项研究", f"    {author_zh}"]
    for p in range(paragraphs):
        if p and rng.random() < 0.25:
            out_en += [f"\tSection {p}", ""]
            out_zh.append(f"        第{p}部分")
        n = rng.randint(1, 6)
        zh = "".join(rng.choice(ZH) for _ in range(n))
        en = " ".join(rng.choice(EN) for _ in range(n))
        if rng.random() < 0.5:
            zh = f"{org_zh}的{_name(rng)[0]}同志说，" + zh
        out_en += [en, ""]
        out_zh.append("    " + zh)
    return "\n".join(out_en + ["", "<hr /> ", "", "Original: ", "", ""] + out_zh) + "\n"


def write(folder: Path, count: int, seed: int = 1957, short: bool = False) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        path = folder / f"{k:06d}.txt"
        path.write_text(article(rng, k, short), encoding="utf-8")
        paths.append(path)
    return paths


def chinese_units(text: str) -> list[str]:
    chinese = text.partition("<hr />")[2]
    return [ln.strip() for ln in chinese.split("\n") if re.match(r"^\s{4}", ln)]


ARCHIVE = ROOT / "tests" / "archive" / "1946年05月"


def _archive_article(rng: random.Random, k: int, files: list[bytes]) -> bytes:
    """A Chinese-only archive file: a real sample's header and title block with paragraphs
    drawn from it and from others (so lengths and kinds vary and no two share a text), dated
    in January 1957, on a page from 1 to 8."""
    lines = rng.choice(files).decode("utf-8").split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.startswith("专栏")) + 1
    head, body = lines[:start], [ln for ln in lines[start:] if ln.strip()]
    title = [ln for ln in body if not ln.startswith("    ")][:2]
    pool = [ln for f in rng.sample(files, 3) for ln in f.decode("utf-8").split("\n")[start:]
            if ln.startswith("    ") and len(ln.strip()) > 10]
    paragraphs = rng.sample(pool, min(len(pool), rng.randint(1, 12))) or ["    合成段落。"]
    head[2] = f"1957-01-{rng.randint(1, 31):02d}\r"
    head[3] = f"第{rng.randint(1, 8)}版()"
    head[0] = head[0].rstrip("\r") + f"（{k}）\r"  # a title of its own
    return "\n".join(head + [""] + title + paragraphs + [f"    （第{k}号）\r", ""]).encode("utf-8")


def month(folder: Path, count: int = 2400, seed: int = 195701, bilingual: float = 0.25) -> list[Path]:
    """About a month of the archive: Chinese-only files made from the archive samples, and a
    share of bilingual ones (`article`), in one folder."""
    rng = random.Random(seed)
    files = [p.read_bytes() for p in sorted(ARCHIVE.iterdir())]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        if rng.random() < bilingual:
            path = folder / f"{k:06d}.txt"
            path.write_text(article(rng, k), encoding="utf-8")
        else:
            path = folder / f"{k:06d}.md"
            path.write_bytes(_archive_article(rng, k, files))
        paths.append(path)
    return paths


def units_of(path: Path) -> list[str]:
    """The Chinese units of a bilingual or an archive file (what jieba alone is given)."""
    text = path.read_text(encoding="utf-8")
    if "<hr />" in text:
        return chinese_units(text)
    return [ln.strip() for ln in text.split("\n")[6:] if ln.strip()]
