"""A small element tree that the writer builds and serialises itself, byte for byte as lxml's
`etree.indent` and `tostring` would (tests/test_xml_out.py compares the two).

Why not lxml here: creating an lxml element with attributes costs some microseconds, and an
edition has hundreds of them; with the pretty-printing, lxml's part of `convert` came to a
tenth of the whole. The writer only ever appends, so a list-backed node does the job; every
reader of editions still parses them with lxml (safexml).
"""
from __future__ import annotations



def _text(text: str) -> str:
    """Character data as libxml2 escapes it (chained replaces: most texts need none, and a
    replace that finds nothing costs next to nothing)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(value: str) -> str:
    """An attribute value as libxml2 escapes it."""
    return (_text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;"))


class Node:
    """An element: a tag (with its prefix, if any), attributes in order, text, children, tail."""

    __slots__ = ("tag", "attrs", "text", "tail", "children")

    def __init__(self, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> None:
        self.tag = tag
        self.attrs = attrs if attrs is not None else {}
        self.text = text
        self.tail: str | None = None
        self.children: list[Node] = []

    def add(self, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> Node:
        child = Node(tag, attrs, text)
        self.children.append(child)
        return child

    def set(self, key: str, value: str) -> None:
        self.attrs[key] = value

    def add_text(self, text: str) -> None:
        """Text after what the element holds so far: its text, or the last child's tail."""
        if self.children:
            last = self.children[-1]
            last.tail = (last.tail or "") + text
        else:
            self.text = (self.text or "") + text


def serialise(root: Node, verbatim: frozenset[str], namespace: str) -> str:
    """The element as lxml writes it after `etree.indent(space="  ")`, except that the content
    of elements whose tag is in `verbatim` (mixed content: text with names in it) is kept as
    it is. `namespace` is declared on the root as the default one."""
    out: list[str] = []
    _write(root, out, verbatim, 0, f' xmlns="{namespace}"')
    return "".join(out)


def _open(node: Node, extra: str = "") -> str:
    """The start tag without its closing '>'."""
    if not node.attrs:
        return f"<{node.tag}{extra}"
    return f"<{node.tag}{extra}" + "".join([f' {key}="{_attr(value)}"' for key, value in node.attrs.items()])


def _write(node: Node, out: list[str], verbatim: frozenset[str], level: int, extra: str = "") -> None:
    children = node.children
    if node.tag in verbatim or not children:
        _write_inline(node, out, extra)
        return
    inner = "\n" + "  " * (level + 1)
    text = node.text
    out.append(_open(node, extra) + (">" + _text(text) if text and text.strip() else ">" + inner))
    last = children[-1]
    for child in children:
        _write(child, out, verbatim, level + 1)
        tail = child.tail
        if tail and tail.strip():
            out.append(_text(tail))
        else:
            out.append(inner if child is not last else "\n" + "  " * level)
    out.append(f"</{node.tag}>")


def _write_inline(node: Node, out: list[str], extra: str = "") -> None:
    """An element as it is, with all it holds (but not its tail)."""
    if node.text is None and not node.children:
        out.append(_open(node, extra) + "/>")
        return
    out.append(_open(node, extra) + ">" + _text(node.text) if node.text else _open(node, extra) + ">")
    for child in node.children:
        _write_inline(child, out)
        if child.tail:
            out.append(_text(child.tail))
    out.append(f"</{node.tag}>")
