"""Builds source articles in the plain-text format, for tests that need variants of the seed."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Article:
    title_en: str = "Water for the Fields"
    subtitle_en: str = "How a Cooperative Dug Its Canals"
    title_zh: str = "为田地引水"
    subtitle_zh: str = "一个合作社怎样挖渠"
    authors_en: list[str] = field(default_factory=lambda: ["Wang Lin"])
    authors_zh: list[str] = field(default_factory=lambda: ["王林"])
    date: str = "1958-03-04"
    page: int = 3
    section: str = ""
    column: str = ""
    # (kind, text) with kind "p" or "head"; zh heads may carry an indent: ("head", text, 4)
    en: list[tuple] = field(default_factory=lambda: [
        ("p", "The members of the cooperative began to dig in the spring."),
        ("head", "The First Canal"),
        ("p", "They finished the first canal in twenty days."),
    ])
    zh: list[tuple] = field(default_factory=lambda: [
        ("p", "合作社的社员们在春天开始挖渠。"),
        ("head", "第一条渠"),
        ("p", "他们用二十天挖成了第一条渠。"),
    ])
    note_en: str | None = "(Originally published in Hebei Daily.)"
    note_zh: str | None = "（原载河北日报）"

    def text(self) -> str:
        title = self.title_en + (f": {self.subtitle_en}" if self.subtitle_en else "")
        out = [f"Title: {title}", f"Author: {', '.join(self.authors_en)}",
               f"Date: {self.date}", f"Page: {self.page}", "", self.title_en]
        if self.subtitle_en:
            out.append(self.subtitle_en)
        if self.authors_en:
            out.append(", ".join(self.authors_en))
        out.append("")
        for kind, text, *_ in self.en:
            out += [("\t" + text) if kind == "head" else text, ""]
        if self.note_en:
            out += [self.note_en, ""]
        out += ["", "<hr /> ", "", "Original: ", "", ""]
        head = self.title_zh + (f"  {self.subtitle_zh}" if self.subtitle_zh else "")
        out += [f"### {head}", "\u3000".join(self.authors_zh), self.date,
                f"第{self.page}版({self.section})", f"专栏：{self.column}", ""]
        out.append("    " + self.title_zh)
        if self.subtitle_zh:
            out.append("    " + self.subtitle_zh)
        if self.authors_zh:
            out.append("    " + "\u3000".join(self.authors_zh))
        for kind, text, *indent in self.zh:
            width = indent[0] if indent else (8 if kind == "head" else 4)
            out.append(" " * width + text)
        if self.note_zh:
            out.append("\u3000" + self.note_zh)
        return "\n".join(out) + "\n"

    def write(self, folder, name: str = "article.txt"):
        path = folder / name
        path.write_text(self.text(), encoding="utf-8")
        return path
