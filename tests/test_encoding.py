"""The encoding a TEI expert asked for: who made the translation, the closing note as printed
text with a reprint relation only for 原载, section and column as scopes, typed name forms."""
from __future__ import annotations

import pytest
from lxml import etree
from articles import Article
from conftest import REGISTER

from tei_tools.pipeline import Options, build_edition
from tei_tools.tei_writer import name_forms, to_bytes

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def edition_of(tmp_path, article: Article, header: str = ""):
    path = article.write(tmp_path)
    if header:
        path.write_text(path.read_text(encoding="utf-8").replace("Page: ", header + "\nPage: ", 1),
                        encoding="utf-8")
    return etree.fromstring(to_bytes(build_edition(path, Options(registers=[REGISTER]))))


@pytest.mark.parametrize("header, kind, name, resp", [
    ("", "unknown", "not recorded", "does not say who made it"),
    ("Translator: machine: DeepL", "machine", "DeepL", "by machine"),
    ("Translator: machine", "machine", "machine translation", "by machine"),
    ("Translator: Sidney Shapiro", "person", "Sidney Shapiro", "English translation"),
])
def test_the_header_says_who_made_the_translation(tmp_path, header, kind, name, resp):
    tree = edition_of(tmp_path, Article(), header)
    stmt = tree.xpath("//t:titleStmt/t:respStmt[t:name[@type]]", namespaces=NS)
    assert len(stmt) == 1
    assert stmt[0].xpath("string(t:name/@type)", namespaces=NS) == kind
    assert stmt[0].xpath("string(t:name)", namespaces=NS) == name
    assert resp in stmt[0].xpath("string(t:resp)", namespaces=NS)


def test_only_a_yuanzai_note_gives_a_reprint_relation(tmp_path):
    reprinted = edition_of(tmp_path, Article(section="文化", column="简讯"))
    assert reprinted.xpath("//t:relatedItem[@type='reprintOf']//t:title/text()", namespaces=NS) == ["河北日报"]
    assert reprinted.xpath("//t:monogr/t:biblScope/@unit", namespaces=NS) == ["page", "section", "column"]
    assert reprinted.xpath("//t:monogr/t:biblScope[@unit!='page']/text()", namespaces=NS) == ["文化", "简讯"]
    own = edition_of(tmp_path, Article(note_zh="（本报记者报道）", note_en="(Report by our correspondent)"))
    assert own.xpath("//t:relatedItem", namespaces=NS) == []
    assert own.xpath("string(//t:div[@type='original']/t:trailer)", namespaces=NS) == "（本报记者报道）"


@pytest.mark.parametrize("names, forms", [
    (["中国共产党", "中共"], ["full", "short"]),
    (["Communist Party of China", "Chinese Communist Party", "CPC"], ["full", "variant", "abbr"]),
    (["Zhejiang", "Zhejiang Province"], ["short", "full"]),
    (["trade union", "Trade Union", "trade unions", "Trade Unions"], ["full"]),
    (["church", "churches"], ["full"]),
])
def test_name_forms_are_typed_without_plurals(names, forms):
    assert [form for _, form in name_forms(names)] == forms
    assert [name for name, _ in name_forms(names)] == names[:len(forms)]
