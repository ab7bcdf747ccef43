"""A digest the writer appends to each edition, so later runs can tell hand edits from output.

The last line of a written edition is `<?tei-tools-seal sha256="…"?>`, the SHA-256 of every
byte before it. If the bytes no longer match, a person has edited the file and `convert` leaves
it alone unless told `--force`. A processing instruction is outside the TEI content: schemas
and transforms ignore it.
"""
from __future__ import annotations

import hashlib
import re

_SEAL = re.compile(rb'<\?tei-tools-seal sha256="([0-9a-f]{64})"\?>\n?\Z')


def seal(data: bytes) -> bytes:
    digest = hashlib.sha256(data).hexdigest()
    return data + f'<?tei-tools-seal sha256="{digest}"?>\n'.encode()


def is_untouched(data: bytes) -> bool:
    """True if the bytes are exactly what tei_tools wrote (the seal matches)."""
    m = _SEAL.search(data)
    return bool(m) and hashlib.sha256(data[:m.start()]).hexdigest() == m.group(1).decode()
