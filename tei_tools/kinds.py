"""What kind of file this is, from its first bytes: so that a file given to the wrong command
(an edition to `convert`, a source article to `validate`) is named as what it is."""
from __future__ import annotations

import re

_SOURCE = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:###|Title:)")
_XML = re.compile(r"\A\ufeff?\s*<(?:\?xml|TEI[\s>]|[A-Za-z_][\w.-]*:TEI[\s>])")

AS_SOURCE = ("is a source article, not a TEI edition: convert it first "
             "(tei-tools convert FILE -o DIR), then give the edition to this command")
AS_EDITION = ("is XML (a TEI edition?), not a source article: convert reads the archive's article "
              "files and bilingual files; editions go to validate, html, text, dc, bag and saf")


def looks_like_source(head: bytes) -> bool:
    """A source article starts with '###' (archive) or 'Title:' (bilingual)."""
    return bool(_SOURCE.match(head[:64]))


def looks_like_xml(text: str) -> bool:
    """An edition (or any XML) starts with an XML declaration or a TEI root."""
    return bool(_XML.match(text[:256]))
