"""Validation against the project schema (XSD + Schematron) and, optionally, TEI P5 tei_all.

Schemas are compiled once per Validator. libxml2's XSD engine decides validity fast; only an
invalid file is passed to xmlschema, whose messages name the element path. Schematron runs
through lxml's ISO skeleton (plain XSLT 1.0, no extensions: the same rules run in Saxon), tei_all
through jing in one call for all files.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lxml import etree, isoschematron

from .errors import ToolError
from .safexml import parse

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
XSD = "tei_tools.xsd"
SCH = "tei_tools.sch"
# The ISO skeleton visits every attribute as a possible rule context when any context has an '@'
# in it (ours test attributes of elements: tei:persName[@ref]); no rule of ours has an attribute
# as its context, so the walk skips them, a quarter of the time per file, the same reports.
SKELETON_PARAMS = {"attributes": "false"}


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class Validator:
    """Compiles the schemas once; validates any number of files."""

    def __init__(self, schema_dir: Path = SCHEMA_DIR) -> None:
        self.schema_dir = Path(schema_dir).resolve()

    @cached_property
    def _lxml_xsd(self) -> etree.XMLSchema:
        return etree.XMLSchema(parse(self.schema_dir / XSD))

    @cached_property
    def _xmlschema(self):
        import xmlschema  # only needed to explain an invalid file

        # sandbox: the schema may only include files beside it; defuse: no entities, no network.
        return xmlschema.XMLSchema(str(self.schema_dir / XSD), allow="sandbox", defuse="always")

    @cached_property
    def _schematron(self) -> isoschematron.Schematron:
        return isoschematron.Schematron(parse(self.schema_dir / SCH), store_report=True,
                                        compile_params=SKELETON_PARAMS)

    def warm(self) -> None:
        """Compile what every file needs, before the first file."""
        _ = self._lxml_xsd, self._schematron

    def check_tree(self, tree: etree._ElementTree, path: str) -> list[Problem]:
        problems = self._xsd_problems(tree, path)
        problems += self._schematron_problems(tree, path)
        return problems

    def check_file(self, path: str | Path) -> tuple[list[Problem], etree._ElementTree | None]:
        """Problems of one file, and its tree if it could be parsed safely."""
        try:
            tree = parse(path)
        except ToolError as exc:
            return [Problem(exc.path, exc.line or 1, 0, exc.message)], None
        return self.check_tree(tree, str(path)), tree

    def _xsd_problems(self, tree: etree._ElementTree, path: str) -> list[Problem]:
        if self._lxml_xsd.validate(tree):
            return []
        import xmlschema

        resource = xmlschema.XMLResource(tree, allow="none", defuse="always")
        problems = [Problem(path, err.sourceline or 0, 0,
                            f"schema: {err.path}: {err.reason}")
                    for err in self._xmlschema.iter_errors(resource)]
        if not problems:  # the engines disagree: report libxml2's own words
            problems = [Problem(path, e.line, e.column, f"schema: {e.message}")
                        for e in self._lxml_xsd.error_log]
        return problems

    def _schematron_problems(self, tree: etree._ElementTree, path: str) -> list[Problem]:
        sch = self._schematron
        if sch.validate(tree):
            return []
        problems = []
        for node in sch.validation_report.getroot():
            if not str(node.tag).endswith("failed-assert"):
                continue
            found = tree.xpath(node.get("location", "/"))
            line = found[0].sourceline if found and hasattr(found[0], "sourceline") else 0
            text = " ".join("".join(node.itertext()).split())
            problems.append(Problem(path, line or 0, 0, f"schematron: {text}"))
        return problems


_JING_LINE = re.compile(r"^(.*?):(\d+):(\d+): (?:error|fatal): (.*)$")


def jing_problems(rng: str | Path, paths: list[str]) -> list[Problem]:
    """Validate with jing against a RELAX NG schema (tei_all.rng), all files in one process."""
    jing = shutil.which("jing")
    if not jing:
        raise ToolError(str(rng), None, "jing is not installed (Debian package 'jing'); "
                        "it is needed for --tei-all")
    if not Path(rng).is_file():
        raise ToolError(str(rng), None, "no such RELAX NG schema")
    if not paths:
        return []
    shown = {str(Path(p).resolve()): p for p in paths}  # jing prints absolute paths
    proc = subprocess.run([jing, str(rng), *shown], capture_output=True, text=True)
    problems = []
    for line in proc.stdout.splitlines() + proc.stderr.splitlines():
        m = _JING_LINE.match(line)
        if m:
            path = shown.get(m.group(1).removeprefix("file:"), m.group(1))
            problems.append(Problem(path, int(m.group(2)), int(m.group(3)),
                                    f"tei_all: {m.group(4)}"))
    if proc.returncode and not problems:
        problems.append(Problem(str(rng), 0, 0, f"jing failed: {proc.stderr.strip()[:300]}"))
    return problems


_worker: dict = {}


def init_worker() -> None:
    """Per process: compile the schemas once."""
    _worker["validator"] = Validator()
    _worker["validator"].warm()


def check_in_worker(path: str) -> tuple[str, list[Problem], bool]:
    """(path, problems, parsed?) for one file, in a worker."""
    problems, tree = _worker["validator"].check_file(path)
    return path, problems, tree is not None


def skip_reason() -> str:
    """Why tei_all was not checked, in the words a user can act on."""
    if not shutil.which("jing"):
        return "jing is not installed (Debian package 'jing'), and no --tei-all RNG was given"
    return "no --tei-all RNG given; `make tei-all` fetches tei_all.rng"
