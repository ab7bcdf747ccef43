"""Transforms from TEI (any edition, also one corrected by hand) to HTML and plain text.

The stylesheets in `xslt/` are XSLT 1.0: compiled once per process through lxml, and usable
as they are with xsltproc. Editions are parsed safely; the stylesheets read no other files.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from lxml import etree

from . import qa
from .atomic import write_atomic
from .errors import ToolError
from .paths import safe_name
from .safexml import parse

XSLT_DIR = Path(__file__).resolve().parent / "xslt"
TEXT_LANGS = {"zh": "zh-Hans", "en": "en"}
NS = {"t": "http://www.tei-c.org/ns/1.0"}


@lru_cache(maxsize=None)
def stylesheet(name: str) -> etree.XSLT:
    """Compiled once; no file, network or extension access for the stylesheet at run time."""
    access = etree.XSLTAccessControl.DENY_ALL
    return etree.XSLT(etree.parse(str(XSLT_DIR / name)), access_control=access)


def edition_id(tree: etree._ElementTree, path: str | Path) -> str:
    """The edition id of a parsed edition; a document that is not TEI is refused."""
    root = tree.getroot()
    if root.tag != "{http://www.tei-c.org/ns/1.0}TEI":
        raise ToolError(str(path), root.sourceline, "not a TEI document (root element is not TEI)")
    ident = root.get("{http://www.w3.org/XML/1998/namespace}id") or Path(path).stem
    return safe_name(ident, str(path), "edition id")


def _run(name: str, tree: etree._ElementTree, path: Path, **params: str) -> etree._XSLTResultTree:
    try:
        return stylesheet(name)(tree, **{k: etree.XSLT.strparam(v) for k, v in params.items()})
    except etree.XSLTApplyError as exc:
        raise ToolError(str(path), None, f"transform failed: {exc}") from None


def html(path: str | Path, out_dir: str | Path, tree: etree._ElementTree | None = None,
         names_index: str = "") -> Path:
    """Write DIR/<id>.html for one edition (tree: the edition already parsed, if it is);
    names_index: the folder of the corpus-wide index of names relative to DIR, to link to."""
    path = Path(path)
    tree = tree if tree is not None else parse(path)
    ident = edition_id(tree, path)
    target = Path(out_dir) / f"{ident}.html"
    findings = [{"sentences": f.sentences, "kind": f.kind, "message": f.message}
                for f in qa.check(path, tree).findings]
    # in a <script> element: no '<' may open a tag there
    found = json.dumps(findings, ensure_ascii=False).replace("<", "\\u003c")
    _write_page(target, bytes(_run("html.xsl", tree, path, qa=found, **{"names-index": names_index})))
    return target


GENERATOR = b'<meta name="generator" content="tei_tools">'  # how a page says it is ours
_LOOK = 4096  # the generator stands in the head, near the start


def _write_page(target: Path, data: bytes) -> None:
    """Write an HTML page, but over a page of ours only: a user's own index.html (or any file
    of that name without our generator line near its start) is left as it is."""
    if (target.exists() or target.is_symlink()) and not is_our_page(target):
        raise ToolError(str(target), None, "exists and was not written by tei_tools; not overwritten")
    write_atomic(target, data)


def is_our_page(path: Path) -> bool:
    """A regular file with tei_tools' generator line near its start."""
    if path.is_symlink() or not path.is_file():
        return False
    try:
        with open(path, "rb") as handle:
            return GENERATOR in handle.read(_LOOK)
    except OSError:
        return False


def text(path: str | Path, out_dir: str | Path, langs: tuple[str, ...] = ("zh", "en"),
         tree: etree._ElementTree | None = None) -> list[Path]:
    """Write DIR/<id>.<lang>.txt per language the edition has: title, byline, headings and
    paragraphs (a Chinese-only edition has no English text to write)."""
    path = Path(path)
    tree = tree if tree is not None else parse(path)
    ident = edition_id(tree, path)
    present = set(tree.xpath("/t:TEI/t:text/t:body/t:div/@xml:lang", namespaces=NS))
    written = []
    for lang in (lang for lang in langs if TEXT_LANGS[lang] in present):
        result = str(_run("text.xsl", tree, path, lang=TEXT_LANGS[lang]))
        target = Path(out_dir) / f"{ident}.{lang}.txt"
        write_atomic(target, result.encode("utf-8"))
        written.append(target)
    return written


def _facts(path: Path) -> dict[str, str]:
    tree = parse(path)
    get = lambda q: tree.xpath(f"string({q})", namespaces=NS)  # noqa: E731
    stmt = "/t:TEI/t:teiHeader/t:fileDesc/t:titleStmt"
    bibl = "/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc/t:biblStruct/t:monogr"
    return {"id": edition_id(tree, path),
            "zh": get(f"{stmt}/t:title[@type='main'][@xml:lang='zh-Hans']"),
            "en": get(f"{stmt}/t:title[@type='main'][@xml:lang='en']"),
            "date": get(f"{bibl}/t:imprint/t:date/@when"),
            "page": get(f"{bibl}/t:biblScope[@unit='page']")}


def index(paths: list[Path], out_dir: str | Path) -> Path:
    """DIR/index.html: every edition with its titles in both languages, date, page and link."""
    from lxml.html import builder as E, tostring

    rows = sorted((_facts(p) for p in paths), key=lambda f: (f["date"], f["page"], f["id"]))
    table = E.TABLE(E.THEAD(E.TR(E.TH("Date"), E.TH("Page"), E.TH("Title"), E.TH("Edition"))))
    body = E.TBODY()
    for f in rows:
        body.append(E.TR(E.TD(f["date"]), E.TD(f["page"]),
                         E.TD(E.SPAN(f["zh"], lang="zh-Hans"), E.BR(), E.SPAN(f["en"], lang="en")),
                         E.TD(E.A(f["id"], href=f"{f['id']}.html"))))
    table.append(body)
    page = E.HTML(E.HEAD(E.META(charset="utf-8"), E.META(name="generator", content="tei_tools"),
                         E.TITLE("Editions"),
                         E.STYLE("body{font-family:Georgia,serif;max-width:60rem;margin:auto;padding:1rem}"
                                 ":lang(zh-Hans){font-family:'Noto Serif CJK SC','Songti SC',SimSun,serif}"
                                 "td,th{padding:.3rem .6rem;text-align:left;vertical-align:top}")),
                  E.BODY(E.H1("Editions"), table), lang="en")
    target = Path(out_dir) / "index.html"
    _write_page(target, b"<!DOCTYPE html>\n" + tostring(page, encoding="utf-8"))
    return target
