"""The writer's own serialiser gives the bytes lxml gives for the same tree, pretty-printed with
`etree.indent` and the mixed content put back as it was (what the writer did with lxml)."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st
from lxml import etree

from tei_tools.xml_out import Node, serialise

NS = "http://www.tei-c.org/ns/1.0"
XML = "http://www.w3.org/XML/1998/namespace"
VERBATIM = frozenset({"p", "head"})
TAGS = ["div", "p", "head", "persName", "s", "title"]
# What escaping and indentation must get right: markup characters, quotes, white space of
# every kind (an all-blank text in the structure is replaced, in mixed content it is kept).
TEXT = st.one_of(st.none(), st.just(""), st.text(alphabet=' \t\n\r\xa0\u2028\x85&<>"\'a中\u3000', max_size=6))
ATTR = st.text(alphabet=' \t\n\r&<>"\'a#中', max_size=6)


@st.composite
def trees(draw, depth: int = 0, inline: bool = False) -> Node:
    """Any tree the writer makes: no unit (mixed content) inside another."""
    node = Node(draw(st.sampled_from([t for t in TAGS if not (inline and t in VERBATIM)])), text=draw(TEXT))
    for key in draw(st.lists(st.sampled_from(["n", "xml:id", "ref", "xml:lang"]), max_size=3, unique=True)):
        node.set(key, draw(ATTR))
    if depth < 3:
        node.children = draw(st.lists(trees(depth + 1, inline or node.tag in VERBATIM), max_size=3))
    node.tail = draw(TEXT) if depth else None
    return node


def _lxml(node: Node, parent=None):
    tag = f"{{{NS}}}{node.tag}"
    attrs = {(f"{{{XML}}}{k[4:]}" if k.startswith("xml:") else k): v for k, v in node.attrs.items()}
    el = etree.Element(tag, attrs, nsmap={None: NS}) if parent is None else etree.SubElement(parent, tag, attrs)
    el.text, el.tail = node.text, node.tail
    for child in node.children:
        _lxml(child, el)
    return el


def _reference(node: Node) -> str:
    root = _lxml(node)
    verbatim = {f"{{{NS}}}{t}" for t in VERBATIM}
    saved = [(el, el.text, el.tail) for unit in root.iter(*verbatim) for el in unit.iter()]
    etree.indent(root, space="  ")
    for el, text, tail in saved:
        el.text = text
        if el.tag not in verbatim:
            el.tail = tail
    return etree.tostring(root, encoding="unicode")


@settings(max_examples=400, deadline=None)
@given(trees())
def test_the_serialiser_writes_what_lxml_writes(tree):
    assert serialise(tree, VERBATIM, NS) == _reference(tree)


def test_escaping_and_empty_elements():
    root = Node("div", {"n": 'a"<&\n'})
    root.add("p", text="")
    root.add("p")
    head = root.add("head", text="x < y & z\r")
    head.add("persName", {"ref": "#p1"}, "王").tail = " > "
    assert serialise(root, VERBATIM, NS) == (
        f'<div xmlns="{NS}" n="a&quot;&lt;&amp;&#10;">\n  <p></p>\n  <p/>\n'
        '  <head>x &lt; y &amp; z&#13;<persName ref="#p1">王</persName> &gt; </head>\n</div>')
