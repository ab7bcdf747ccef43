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


def read_regular(path, limit: int, error=ToolError) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. A FIFO or a device is refused
    without waiting or reading (it is opened non-blocking, and its size is not trusted: at most
    limit + 1 bytes are ever read)."""
    import os
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise error(str(path), None, "not a regular file")
            if info.st_size > limit:  # refused unread; a file that grows is cut at limit + 1
                raise error(str(path), None, f"file too large ({info.st_size} bytes; the limit is "
                            f"{limit} bytes)")
            data = handle.read(limit + 1)
    except OSError as exc:
        raise error(str(path), None, f"cannot read: {exc.strerror}") from None
    if len(data) > limit:
        raise error(str(path), None, f"file too large (over {limit >> 20} MiB); not read further")
    return data
