"""Conformance with a real client: the TEI Stylesheets' html5, txt and markdown conversions
(saxonche) run over every committed edition without an error or a warning (xsl:message), and
give the article's text."""
from __future__ import annotations

import re

import pytest
from lxml import etree
from conftest import ROOT

EDITIONS = sorted((ROOT / "editions").glob("rmrb-*.xml"))
CONVERSIONS = {"html5": "Stylesheets/profiles/default/html5/to.xsl",
               "txt": "Stylesheets/txt/tei-to-text.xsl",
               "markdown": "Stylesheets/markdown/tei-to-markdown.xsl"}
NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.mark.parametrize("conversion", CONVERSIONS)
def test_the_tei_stylesheets_convert_every_edition(saxon, tmp_path, conversion):
    saxon.messages(CONVERSIONS[conversion])
    for path in EDITIONS:
        out = tmp_path / f"{path.stem}.{conversion}"
        saxon.transform(CONVERSIONS[conversion], path, out, useFixedDate="true")
        # the words, whatever the markup and line breaks (txt sets each name on its own line)
        words = "".join(re.sub(r"<[^>]+>", "", out.read_text(encoding="utf-8")).split())
        for side in ("original", "translation"):
            units = etree.parse(str(path)).xpath(
                f"//t:div[@type='{side}']//t:p | //t:div[@type='{side}']/t:head", namespaces=NS)
            for unit in units:
                assert "".join(unit.xpath("string()").split()) in words, (conversion, path.name)
    assert saxon.messages(CONVERSIONS[conversion]) == [], conversion
