"""Fuzz targets: one for the source readers and the whole conversion, one for editions read
from outside. Each takes bytes (the signature atheris expects: `python tests/fuzz_targets.py`
runs them under atheris where it is installed); `test_fuzz.py` drives them with a seeded
mutation fuzzer for FUZZ_SECONDS, so CI runs them without atheris.

The promise checked: any input gives a result or one `file[:line]: message` line, never
another exception, and what convert writes passes the project's validation.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tei_tools.errors import ToolError

_VALIDATOR = None


def _validator():
    global _VALIDATOR
    if _VALIDATOR is None:
        from tei_tools.validate import Validator

        _VALIDATOR = Validator()
    return _VALIDATOR


def _one_line(message: str, name: str) -> None:
    assert message.startswith(name) and "\n" not in message and "Traceback" not in message, message


def reader_target(data: bytes) -> None:
    """A source of any bytes: converted into an edition that validates, or refused in one line."""
    from tei_tools.convert import convert_file
    from tei_tools.pipeline import Options
    from tei_tools.sources import Source

    with tempfile.TemporaryDirectory() as out:
        result = convert_file(Source(Path("fuzz.txt"), "fuzz.txt", data), out, Options())
        if result.error:
            _one_line(result.error, "fuzz.txt")
            assert not list(Path(out).iterdir()), "a failed conversion wrote a file"
            return
        problems, _ = _validator().check_file(result.output)
        assert not problems, [str(p) for p in problems]


def edition_target(data: bytes) -> None:
    """An edition of any bytes: every reading command works or says what is wrong in one line."""
    from tei_tools import dc, transform
    from tei_tools.safexml import parse_bytes

    try:
        tree = parse_bytes(data, "fuzz.xml")
    except ToolError as exc:
        _one_line(str(exc), "fuzz.xml")
        return
    _validator().check_tree(tree, "fuzz.xml")
    with tempfile.TemporaryDirectory() as out:
        for work in (lambda: transform.html("fuzz.xml", out, tree=tree),
                     lambda: transform.text("fuzz.xml", out, tree=tree),
                     lambda: dc.to_bytes(dc.record(tree, "fuzz.xml"))):
            try:
                work()
            except ToolError as exc:
                _one_line(str(exc), "fuzz.xml")


if __name__ == "__main__":  # pragma: no cover - atheris, where installed
    import atheris

    target = {"reader": reader_target, "edition": edition_target}[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
