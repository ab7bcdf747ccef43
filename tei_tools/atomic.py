"""Atomic file writes: readers never see a partial file, a failure leaves nothing behind."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path


TEMP_SUFFIX = ".tei-tools.tmp"
_TEMP = re.compile(r"^\..+\.(\d+)\.[^.]+" + re.escape(TEMP_SUFFIX) + "$")


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside the target, then rename over it. The temporary file's name says whose it is
    (`.<name>.<pid>.<random>.tei-tools.tmp`), so that a later run can sweep what a killed one
    left (`sweep`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sweep(folder: Path) -> list[Path]:
    """Remove the temporary files of tei_tools processes that are no longer running (a run that
    was killed mid-write); return what was removed. Live runs' files are left alone."""
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP.match(entry.name)
        if m and entry.is_file() and not _running(int(m.group(1))):
            try:
                entry.unlink()
                removed.append(entry)
            except OSError:
                pass
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
