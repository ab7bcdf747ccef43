"""Bytes of a source file to clean text, saying what was normalised.

Archives hand over files in several encodings and line-end conventions; XML 1.0 forbids some
characters outright. Everything done to the text is reported so that an editor can check it.
"""
from __future__ import annotations

import codecs
import re

from .errors import SourceError

# Characters XML 1.0 cannot carry (C0 controls but TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


def _guess(data: bytes) -> tuple[str, str | None]:
    """Pick an encoding: a BOM wins, then strict UTF-8, then GB18030 (a superset of GBK/GB2312)."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name, f"byte-order mark found: decoded as {name.upper()}, BOM dropped"
    if len(data) >= 4 and data[1::2].count(0) > len(data) // 4 and data[0] != 0:
        return "utf-16-le", "UTF-16LE without BOM detected"
    if len(data) >= 4 and data[0::2].count(0) > len(data) // 4 and data[1] != 0:
        return "utf-16-be", "UTF-16BE without BOM detected"
    try:
        data.decode("utf-8")
        return "utf-8", None
    except UnicodeDecodeError as exc:
        if _is_truncated_utf8(data, exc):
            raise SourceError("", _line_of(data, exc.start),
                              "file ends in the middle of a UTF-8 character (truncated?)") from None
    return "gb18030", "not UTF-8: decoded as GB18030"


def _is_truncated_utf8(data: bytes, exc: UnicodeDecodeError) -> bool:
    return exc.end >= len(data) and exc.reason == "unexpected end of data"


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, list[str]]:
    """Return the text with LF line ends and XML-safe characters, and the list of what changed."""
    notes: list[str] = []
    try:
        if encoding:
            name = encoding
        else:
            name, note = _guess(data)
            if note:
                notes.append(note)
        text = data.decode(name)
    except SourceError as exc:
        raise SourceError(path, exc.line, exc.message) from None
    except LookupError:
        raise SourceError(path, None, f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise SourceError(path, _line_of(data, exc.start),
                          f"cannot be decoded as {name}: {exc.reason}") from None
    if text.startswith("\ufeff"):
        text = text[1:]
        notes.append("BOM dropped")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append("line ends unified to LF")
    if "\x00" in text and text.count("\x00") > len(text) // 10:
        raise SourceError(path, 1, "binary data, not a text file")
    bad = list(_FORBIDDEN.finditer(text))
    if bad:
        first = text.count("\n", 0, bad[0].start()) + 1
        notes.append(f"{len(bad)} character(s) that XML 1.0 forbids replaced by U+FFFD "
                     f"(first on line {first})")
        text = _FORBIDDEN.sub(REPLACEMENT, text)
    return text, notes
