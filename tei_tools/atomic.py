"""Atomic file writes: readers never see a partial file, a failure leaves nothing behind."""
from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
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


def temp_dir(parent: Path, name: str) -> Path:
    """An empty folder beside `parent / name` to build it in, named as `write_atomic` names its
    files, so that `sweep` knows whose it is. Absolute: bagit changes the working directory."""
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=parent.resolve(), prefix=f".{name}.{os.getpid()}.",
                                 suffix=TEMP_SUFFIX))


_OLD = ".old"  # a temp folder holding the folder it replaced: `.<name>.old.<pid>.<random>…`


def replace_dir(new: Path, target: Path) -> None:
    """Swap a finished folder in: a reader sees the old folder or the new one, never half of
    one, and no crash loses both. Linux exchanges the two in one step (renameat2
    RENAME_EXCHANGE); elsewhere the old folder is first moved into a temp folder that `sweep`
    puts back if the run dies before the new one is in place."""
    if not target.exists():
        try:
            os.rename(new, target)
            return
        except OSError as exc:  # another run put one there first: exchange with it
            if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                raise
    if _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # now the old folder
        return
    holder = temp_dir(target.parent, target.name + _OLD)
    os.rename(target, holder / target.name)
    os.rename(new, target)
    shutil.rmtree(holder, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False  # a file system or kernel without it
    raise OSError(code, os.strerror(code), str(b))


def sweep(folder: Path) -> list[Path]:
    """Remove the temporary files and folders of tei_tools processes that are no longer
    running (a run killed mid-write); put back a folder a killed swap had moved aside and not
    yet replaced. Return what was removed or put back. Live runs' files are left alone."""
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP.match(entry.name)
        if not m or _running(int(m.group(1))) or entry.is_symlink():
            continue
        try:
            if entry.is_dir():
                _restore(entry)
                shutil.rmtree(entry)
            elif entry.is_file():
                entry.unlink()
            else:
                continue
            removed.append(entry)
        except OSError:
            pass
    return removed


def _restore(holder: Path) -> None:
    """A swap's holder of the old folder whose place is still empty: move the old one back."""
    name = holder.name[1:].split(f"{_OLD}.", 1)[0]
    if f"{_OLD}." not in holder.name or not name:
        return
    inside = holder / name
    target = holder.parent / name
    if inside.is_dir() and not target.exists():
        os.rename(inside, target)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
