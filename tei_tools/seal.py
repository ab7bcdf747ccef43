"""A digest the writer appends to each edition, so later runs can tell hand edits from output,
and up-to-date editions from stale ones.

The last line of a written edition is `<?tei-tools-seal sha256="…" source="…" build="…"?>`:
the SHA-256 of every byte before it, the SHA-256 of the source file it was made from, and the
build key (tool version, options, registers and configuration that shaped it). If the first no
longer matches, a person has edited the file and `convert` leaves it alone unless told
`--force`; if the other two match the run at hand, the edition is up to date and is not
rebuilt. A processing instruction is outside the TEI content: schemas and transforms ignore it.
"""
from __future__ import annotations

import hashlib
import re

_SEAL = re.compile(rb'<\?tei-tools-seal sha256="([0-9a-f]{64})"'
                   rb'(?: source="([0-9a-f]{64})" build="([0-9a-f]{16})")?\?>\n?\Z')


def seal(data: bytes, source: str = "", build: str = "") -> bytes:
    digest = hashlib.sha256(data).hexdigest()
    stamps = f' source="{source}" build="{build}"' if source and build else ""
    return data + f'<?tei-tools-seal sha256="{digest}"{stamps}?>\n'.encode()


def _sealed(data: bytes) -> re.Match | None:
    """The seal, if the bytes before it are exactly what tei_tools wrote."""
    m = _SEAL.search(data)
    return m if m and hashlib.sha256(data[:m.start()]).hexdigest() == m.group(1).decode() else None


def is_untouched(data: bytes) -> bool:
    """True if the bytes are exactly what tei_tools wrote (the seal matches)."""
    return _sealed(data) is not None


def stamps(data: bytes) -> tuple[str, str] | None:
    """(source digest, build key) of an untouched edition that records them; else None."""
    m = _sealed(data)
    return (m.group(2).decode(), m.group(3).decode()) if m and m.group(2) else None
