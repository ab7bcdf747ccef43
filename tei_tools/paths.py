"""Names taken from input (an edition's id, the source file name it records) become file names
only when they are plain names: they can never point outside the folder they are used in."""
from __future__ import annotations

import re

from .errors import ToolError

_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\]")
MAX_NAME = 200


def safe_name(name: str, where: str, what: str = "name") -> str:
    """`name` if it is one plain file name; otherwise a ToolError naming `where`."""
    if (not name or name in (".", "..") or name.startswith(".") or _UNSAFE.search(name)
            or len(name) > MAX_NAME):
        raise ToolError(where, None, f"unsafe {what} {name[:60]!r}: not a plain file name "
                        "(no '/', '\\\\', control characters, leading '.'); not used as one")
    return name
