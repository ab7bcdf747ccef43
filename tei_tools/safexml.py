"""Parsing XML that comes from outside: no DTDs, no entities, no network, bounded size and depth.

Every command that reads an edition goes through `parse`, so an XXE, a billion-laughs file or a
remote DTD is refused before anything is expanded or fetched.
"""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from .errors import ToolError
from .kinds import AS_SOURCE, looks_like_source
from .paths import read_regular

MAX_BYTES = 64 * 1024 * 1024  # far above any article; refuses 200 MB files without reading them
MAX_TEXT_NODE = 10_000_000  # libxml2's XML_MAX_TEXT_LENGTH without huge_tree
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


def parser() -> etree.XMLParser:
    # huge_tree stays off: libxml2 then refuses nesting deeper than 256 and giant text nodes.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_blank_text=False)


_WHERE = re.compile(r"\s*,?\s*line \d+, column \d+\s*$")


def parse_bytes(data: bytes, path: str) -> etree._ElementTree:
    doctype = _DOCTYPE.search(data)
    if doctype:
        line = data[:doctype.start()].count(b"\n") + 1
        raise ToolError(path, line, "DOCTYPE declarations are refused (no DTDs or entities "
                        "are loaded from editions)")
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser(), base_url=path))
    except etree.XMLSyntaxError as exc:
        if looks_like_source(data):
            raise ToolError(path, 1, AS_SOURCE) from None
        line = exc.lineno or 1
        reason = _WHERE.sub("", exc.msg)  # the line is given once, in front
        raise ToolError(path, line, f"not well-formed XML: {reason}") from None
    return tree


def parse(path: str | Path) -> etree._ElementTree:
    """Parse a file safely; raises ToolError with `file:line: reason`."""
    return parse_bytes(read_regular(Path(path), MAX_BYTES), str(path))
