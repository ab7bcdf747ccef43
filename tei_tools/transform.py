"""Transforms from TEI (any edition, also one corrected by hand) to HTML and plain text.

The stylesheets in `xslt/` are XSLT 1.0: compiled once per process through lxml, and usable
as they are with xsltproc. Editions are parsed safely; the stylesheets read no other files.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
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
         links: dict[str, str] | None = None) -> Path:
    """Write DIR/<id>.html for one edition (tree: the edition already parsed, if it is; links:
    the stylesheet's parameters for the corpus around it, from `site_links`, among them
    names-index: the folder of the corpus-wide index of names relative to DIR)."""
    path = Path(path)
    tree = tree if tree is not None else parse(path)
    ident = edition_id(tree, path)
    target = Path(out_dir) / f"{ident}.html"
    findings = [{"sentences": f.sentences, "kind": f.kind, "message": f.message}
                for f in qa.check(path, tree).findings]
    # in a <script> element: no '<' may open a tag there
    found = json.dumps(findings, ensure_ascii=False).replace("<", "\\u003c")
    params = {"tei": _relative(path, out_dir), "qa": found, **(links or {})}
    _write_page(target, bytes(_run("html.xsl", tree, path, **params)))
    return target


def alone(tei: str) -> dict[str, str]:
    """The links of a page that travels without its corpus (in a bag, a DSpace item): only the
    TEI beside it, so that nothing points outside the package."""
    return {"tei": tei, "corpus": ""}


def _relative(path: Path, out_dir: str | Path) -> str:
    """The edition as the page links it: relative to the page's folder, in URL form."""
    return Path(os.path.relpath(Path(path).resolve(), Path(out_dir).resolve())).as_posix()


def site_links(facts: list["Facts"]) -> dict[Path, dict[str, str]]:
    """Per edition, the pages around it: previous and next by date (then page, then id), the
    corpus index and its search. The stylesheet reads one file, so these come as parameters."""
    ordered = sorted(facts, key=Facts.order)
    links = {}
    for k, f in enumerate(ordered):
        here = {"corpus": "index.html", "search": "search.html"}
        for name, other in (("prev", ordered[k - 1] if k else None),
                            ("next", ordered[k + 1] if k + 1 < len(ordered) else None)):
            if other is not None:
                here[name], here[f"{name}-title"] = f"{other.id}.html", f"{other.date} {other.zh}"
        links[f.path] = here
    return links


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


@dataclass(frozen=True)
class Facts:
    """What the corpus pages show of an edition, read from its TEI."""

    path: Path
    id: str
    zh: str
    en: str
    date: str
    page: str
    authors: str
    units: tuple[tuple[str, str], ...]  # (unit id, its text), for the search index

    def order(self) -> tuple:
        return (self.date, int(self.page) if self.page.isdigit() else 0, self.id)

    @property
    def kind(self) -> str:
        return "bilingual" if self.en else "Chinese only"


_STMT = "/t:TEI/t:teiHeader/t:fileDesc/t:titleStmt"
_MONOGR = "/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc/t:biblStruct/t:monogr"
# Units: what has an id in the body, but not what stands inside a unit (sentences, say).
_UNITS = "/t:TEI/t:text/t:body//*[@xml:id][not(self::t:div)][not(ancestor::*[@xml:id][not(self::t:div or self::t:TEI)])]"


def facts(path: str | Path, tree: etree._ElementTree | None = None) -> Facts:
    path = Path(path)
    tree = tree if tree is not None else parse(path)
    get = lambda q: " ".join(tree.xpath(f"string({q})", namespaces=NS).split())  # noqa: E731
    authors = "; ".join(" ".join(" ".join(n.text.split()) for n in a.xpath("t:persName", namespaces=NS) if n.text)
                        for a in tree.xpath(f"{_STMT}/t:author", namespaces=NS))
    units = tuple((u.get(XML_ID), " ".join("".join(u.itertext()).split()))
                  for u in tree.xpath(_UNITS, namespaces=NS))
    return Facts(path, edition_id(tree, path),
                 get(f"{_STMT}/t:title[@type='main'][@xml:lang='zh-Hans']"),
                 get(f"{_STMT}/t:title[@type='main'][@xml:lang='en']"),
                 get(f"{_MONOGR}/t:imprint/t:date/@when"),
                 get(f"{_MONOGR}/t:biblScope[@unit='page']"), authors, units)


XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def corpus(paths: list[Path]) -> list[Facts]:
    """The facts of every edition that can be read (one that cannot is reported when its page
    is written), in the order of the corpus: by date, page and id."""
    found = []
    for path in paths:
        try:
            found.append(facts(path))
        except (ToolError, OSError):
            continue
    return sorted(found, key=Facts.order)


SITE_DIR = XSLT_DIR / "site"  # the corpus pages' style and scripts, as files to read and edit


def index(paths: list[Path] | list[Facts], out_dir: str | Path, names: str = "") -> Path:
    """DIR/index.html: every edition with its titles in both languages (links), authors, date,
    page and kind, sortable and filterable; and DIR/search.html with its index, search.js.
    names: the corpus index of names, to link to (relative to DIR), if there is one."""
    from lxml.html import builder as E

    rows = [p if isinstance(p, Facts) else facts(p) for p in paths]
    rows.sort(key=Facts.order)
    head = E.TR(*(E.TH(E.BUTTON(label, type="button"), **{"data-key": key, "aria-sort": "none"})
                  for key, label in (("date", "Date"), ("page", "Page"), ("title", "Title"),
                                     ("authors", "Authors"), ("kind", "Kind"))))
    body = E.TBODY()
    for f in rows:
        title = E.TD(E.A(E.SPAN(f.zh, lang="zh-Hans"), href=f"{f.id}.html", lang="zh-Hans"))
        if f.en:
            title.extend([E.BR(), E.A(f.en, href=f"{f.id}.html", lang="en")])
        body.append(E.TR(E.TD(f.date), E.TD(f.page), title, E.TD(f.authors or "—"), E.TD(f.kind),
                         **{"data-date": f.date, "data-page": f.page.zfill(4), "data-kind": f.kind,
                            "data-title": f.zh, "data-authors": f.authors}))
    controls = E.DIV(E.LABEL("Filter ", E.INPUT(type="search", id="filter", placeholder="title, author, date…")),
                     " ", E.LABEL("Kind ", E.SELECT(E.OPTION("all", value=""), E.OPTION("bilingual"),
                                                    E.OPTION("Chinese only"), id="kind")),
                     " ", E.A("Full-text search", href="search.html"),
                     *([" ", E.A("Names in the corpus", href=names)] if names else []),
                     " ", E.SPAN(id="count"), E.CLASS("controls"))
    main = E.MAIN(E.H1("Editions"), controls, E.TABLE(E.THEAD(head), body, id="editions"))
    target = _corpus_page(out_dir, "index.html", "Editions", main, "index.js")
    _search(rows, out_dir)
    return target


def _corpus_page(out_dir: str | Path, name: str, title: str, main, script: str,
                 data: str | None = None) -> Path:
    """A page of the corpus site: one style and one script, from SITE_DIR, inlined (data: a
    script file of ours beside the page that the script needs first)."""
    from lxml.html import builder as E, tostring

    scripts = [E.SCRIPT(src=data)] if data else []
    page = E.HTML(E.HEAD(E.META(charset="utf-8"), E.META(name="generator", content="tei_tools"),
                         E.META(name="viewport", content="width=device-width, initial-scale=1"),
                         E.TITLE(title), E.STYLE((SITE_DIR / "site.css").read_text(encoding="utf-8"))),
                  E.BODY(main, *scripts, E.SCRIPT((SITE_DIR / script).read_text(encoding="utf-8"))),
                  lang="en")
    target = Path(out_dir) / name
    _write_page(target, b"<!DOCTYPE html>\n" + tostring(page, encoding="utf-8"))
    return target


def _search(rows: list[Facts], out_dir: str | Path) -> None:
    """DIR/search.html and its index DIR/search.js: every unit's text, a script that scans it
    (a page read from disk may not fetch a JSON file, so the index is a script)."""
    from lxml.html import builder as E

    records = [{"id": f.id, "zh": f.zh, "en": f.en, "date": f.date, "units": f.units} for f in rows]
    data = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    target = Path(out_dir) / "search.js"
    if target.exists() and not target.read_bytes().startswith(SEARCH_MARK):
        raise ToolError(str(target), None, "exists and was not written by tei_tools; not overwritten")
    write_atomic(target, SEARCH_MARK + b"var CORPUS = " + data.encode("utf-8") + b";\n")
    main = E.MAIN(E.P(E.A("← Editions", href="index.html")), E.H1("Search the corpus"),
                  E.DIV(E.LABEL("Words or a phrase, in Chinese or English ",
                                E.INPUT(type="search", id="q", autofocus="autofocus")), E.CLASS("controls")),
                  E.P(id="status"), E.OL(id="hits"))
    _corpus_page(out_dir, "search.html", "Search", main, "search-page.js", data="search.js")


SEARCH_MARK = b"/* tei_tools search index */\n"  # how search.js says it is ours
