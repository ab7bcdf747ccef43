from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

SOURCES = ROOT / "editions" / "sources"
SEED = SOURCES / "000_8ab13afc5602f97b.txt"
SEED_ID = "rmrb-19570130-02-deeper-deeper-and-still-deeper-3ed3d8dd"
GOLDEN = ROOT / "tests" / "golden"
REGISTER = ROOT / "editions" / "register.xml"


def tei_all_rng() -> Path | None:
    """The official schema: $TEI_ALL_RNG, the fetched copy, or the shared oracle."""
    for candidate in (os.environ.get("TEI_ALL_RNG"), ROOT / "schema" / "tei_all.rng",
                      ROOT.parent / "shared" / "tei" / "tei_all.rng"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def seed_edition():
    from tei_tools.pipeline import Options, build_edition

    return build_edition(SEED, Options(registers=[REGISTER]))


@pytest.fixture(scope="session")
def validator():
    from tei_tools.validate import Validator

    return Validator()


@pytest.fixture
def need_jing():
    rng = tei_all_rng()
    if not shutil.which("jing") or rng is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have jing and tei_all.rng")
        pytest.skip("jing or tei_all.rng not available")
    return rng


@pytest.fixture(scope="session")
def saxon():
    """The TEI Consortium's tools through saxonche, compiled once per session; skipped (failed
    in CI) where saxonche or the TEI files (../shared/tei or $TEI_DIR) are missing."""
    from tei_tools.tei_consortium import Saxon, tei_dir

    tei = tei_dir()
    reason = None
    try:
        import saxonche  # noqa: F401
    except ImportError:
        reason = "saxonche is not installed (pip install -e '.[test]')"
    if tei is None:
        reason = "the TEI files are missing: ../shared/tei beside the clone, or set TEI_DIR"
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have them: {reason}")
        pytest.skip(reason)
    return Saxon(tei)


TEI_NS = {"t": "http://www.tei-c.org/ns/1.0"}


def first(tree, query):
    """The first node an XPath (prefix t: TEI) finds in a tree: the tests' way to break a file."""
    return tree.xpath(query, namespaces=TEI_NS)[0]


def remove(tree, query):
    node = first(tree, query)
    node.getparent().remove(node)
