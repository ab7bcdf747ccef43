"""The corpus-wide index of names: one HTML page per kind (persons, places, organisations),
each entity in both scripts with its authority links and every edition and unit mentioning
it (a short context, a link to the unit in the reading edition), and the same as CSV.

The reading edition links each of its entries to `PAGE#EDITION.ENTRY` here (html.xsl, mode
`corpus-index`): the first mention of that entry of that edition.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from lxml.html import builder as E, tostring

from .atomic import write_atomic
from .corpus_names import Corpus, CorpusEntity
from .model import EN, ZH
from .transform import _write_page

PAGES = {"person": ("persons.html", "Persons", "人物"), "place": ("places.html", "Places", "地点"),
         "org": ("orgs.html", "Organisations", "机构")}
CSV_NAME = "names.csv"
AUTHORITY_URLS = {"wikidata": "https://www.wikidata.org/wiki/{}", "geonames": "https://www.geonames.org/{}",
                  "viaf": "https://viaf.org/viaf/{}",
                  "cbdb": "https://cbdb.fas.harvard.edu/cbdbapi/person.php?id={}"}
_STYLE = ("body{font-family:Georgia,serif;max-width:60rem;margin:auto;padding:1rem;line-height:1.5}"
          ":lang(zh-Hans){font-family:'Noto Serif CJK SC','Songti SC',SimSun,serif}"
          "section{border-top:1px solid #ddd;padding:.3rem 0}h2{font-size:1.1rem;margin:.4rem 0}"
          "li{margin:.15rem 0}mark{background:#fff3b0}.count,.auth{font-size:.85rem;color:#555}"
          "nav a{margin-right:1rem}")


def authority_links(entity) -> list:
    out = []
    for kind, value in sorted(entity.idnos.items()):
        url = AUTHORITY_URLS.get(kind)
        out.append(E.A(f"{kind}: {value}", href=url.format(value)) if url else E.SPAN(f"{kind}: {value}"))
    return out


def _names(corpus: CorpusEntity) -> list:
    parts = []
    for lang in (ZH, EN):
        names = corpus.entity.names.get(lang) or sorted({o.text for o in corpus.occurrences if o.lang == lang},
                                                        key=lambda n: (-len(n), n))
        if names:
            if parts:
                parts.append(" · ")
            parts.append(E.SPAN(" / ".join(names), lang=lang))
    return parts or [corpus.entity.id]


def _occurrence(occurrence, editions_url: str, anchor: str | None):
    before, after = occurrence.before, occurrence.after
    item = E.LI(E.A(f"{occurrence.title or occurrence.edition} · {occurrence.unit}",
                    href=f"{editions_url}{occurrence.edition}.html#{occurrence.unit}"), " ",
                E.SPAN(before, E.MARK(occurrence.text), after, lang=occurrence.lang))
    if anchor:
        item.set("id", anchor)
    return item


def _page(kind: str, entities: list[CorpusEntity], editions_url: str) -> bytes:
    name, title, title_zh = PAGES[kind]
    nav = E.NAV(*[E.A(t, href=n) for k, (n, t, _) in PAGES.items()], E.A("names.csv", href=CSV_NAME))
    body = E.BODY(nav, E.H1(E.SPAN(title_zh, lang="zh-Hans"), " · ", title),
                  E.P(f"{len(entities)} entries, {sum(len(c.occurrences) for c in entities)} mentions."))
    for corpus in entities:
        section = E.SECTION(E.H2(*_names(corpus)), id=corpus.entity.id)
        links = authority_links(corpus.entity)
        if links:
            section.append(E.P(*[x for link in links for x in (link, " ")], **{"class": "auth"}))
        section.append(E.P(corpus.summary, **{"class": "count"}))
        listing = E.UL()
        seen: set[str] = set()
        for occurrence in corpus.occurrences:
            anchor = f"{occurrence.edition}.{occurrence.local}"
            listing.append(_occurrence(occurrence, editions_url, None if anchor in seen else anchor))
            seen.add(anchor)
        section.append(listing)
        body.append(section)
    page = E.HTML(E.HEAD(E.META(charset="utf-8"), E.META(name="generator", content="tei_tools"),
                         E.TITLE(f"{title} · index of names"), E.STYLE(_STYLE)), body, lang="en")
    return b"<!DOCTYPE html>\n" + tostring(page, encoding="utf-8")


def _csv(entities: list[CorpusEntity], editions_url: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["kind", "id", "chinese", "english", "authority", "edition", "unit", "lang", "mention",
                     "context", "link"])
    for corpus in entities:
        e = corpus.entity
        authority = " ".join(f"{k}:{v}" for k, v in sorted(e.idnos.items()))
        for o in corpus.occurrences:
            writer.writerow([e.kind, e.id, " | ".join(e.names.get(ZH, [])), " | ".join(e.names.get(EN, [])),
                             authority, o.edition, o.unit, o.lang, o.text, o.context,
                             f"{editions_url}{o.edition}.html#{o.unit}"])
    return out.getvalue().encode("utf-8")


def write(corpus: Corpus, out_dir: str | Path, editions_url: str = "../") -> list[Path]:
    """The three pages and the CSV in out_dir; the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    entities = [c for c in corpus.sorted() if c.occurrences]
    written = []
    for kind, (name, _, _) in PAGES.items():
        target = out / name
        _write_page(target, _page(kind, [c for c in entities if c.entity.kind == kind], editions_url))
        written.append(target)
    write_atomic(out / CSV_NAME, _csv(entities, editions_url))
    return written + [out / CSV_NAME]
