"""The TEI Consortium's own tools, run through Saxon (saxonche): the ODD compiler and the
documentation of the TEI Stylesheets, the ISO Schematron skeleton for XSLT 2, the Stylesheets'
html5 / txt / markdown conversions.

Build and test time only (`make schema`, the conformance tests): it needs the `saxonche`
package (the `test` extra) and a copy of the TEI files (`../shared/tei`, or the folder named by
TEI_DIR), and the runtime never imports it. Every stylesheet is compiled once per `Saxon`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SVRL = "http://purl.oclc.org/dsdl/svrl"


def tei_dir(explicit: str | os.PathLike | None = None) -> Path | None:
    """The TEI files (Stylesheets/, p5subset.xml, schematron/): the folder given, TEI_DIR, or
    ../shared/tei beside the clone; None where there is none."""
    for candidate in (explicit, os.environ.get("TEI_DIR"), ROOT.parent / "shared" / "tei"):
        if candidate and (Path(candidate) / "Stylesheets").is_dir():
            return Path(candidate).resolve()
    return None


@dataclass(frozen=True)
class Failure:
    """One failed assertion of a Schematron run: where (an XPath) and what."""

    location: str
    text: str


class Saxon:
    """One Saxon processor and the stylesheets it has compiled."""

    def __init__(self, tei: Path) -> None:
        from saxonche import PySaxonProcessor  # the test extra; never needed at run time

        self.tei = Path(tei)
        self.proc = PySaxonProcessor(license=False)
        self.xslt = self.proc.new_xslt30_processor()
        self._compiled: dict[str, object] = {}

    def stylesheet(self, relative: str):
        """A stylesheet of the TEI files (path relative to the TEI folder), compiled once."""
        if relative not in self._compiled:
            self._compiled[relative] = self.xslt.compile_stylesheet(
                stylesheet_file=str(self.tei / relative))
        return self._compiled[relative]

    def transform(self, relative: str, source: Path, output: Path | None = None,
                  **params: str) -> str | None:
        """Run a TEI stylesheet over a file; to `output` if given, else the result as text.
        Saxon's errors are raised as they are (a failed conversion is a failed test)."""
        sheet = self.stylesheet(relative)
        sheet.clear_parameters()
        for name, value in params.items():
            sheet.set_parameter(name, self.proc.make_string_value(value))
        if output is not None:
            sheet.transform_to_file(source_file=str(source), output_file=str(output))
            return None
        return sheet.transform_to_string(source_file=str(source))

    def schematron(self, schema: Path, query_binding: str | None = None) -> "SaxonSchematron":
        """An ISO Schematron schema compiled through the XSLT 2 skeleton; query_binding, where
        given, replaces the schema's own (to run XPath 1.0 rules as strict XPath 2.0)."""
        text = Path(schema).read_text(encoding="utf-8")
        if query_binding:
            tree = etree.fromstring(text.encode())
            tree.set("queryBinding", query_binding)
            text = etree.tostring(tree, encoding="unicode")
        for step in ("schematron/iso_dsdl_include.xsl", "schematron/iso_abstract_expand.xsl",
                     "schematron/iso_svrl_for_xslt2.xsl"):
            node = self.proc.parse_xml(xml_text=text)
            text = self.stylesheet(step).transform_to_string(xdm_node=node)
        return SaxonSchematron(self.xslt.compile_stylesheet(stylesheet_text=text))


class SaxonSchematron:
    """A compiled Schematron validator."""

    def __init__(self, executable) -> None:
        self.executable = executable

    def failures(self, document: Path) -> list[Failure]:
        svrl = etree.fromstring(self.executable.transform_to_string(
            source_file=str(document)).encode())
        return [Failure(node.get("location", ""), " ".join("".join(node.itertext()).split()))
                for node in svrl.iter(f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report")]


@dataclass(frozen=True)
class SchemaFiles:
    """What `make schema` writes from the ODD, relative to the schema folder."""

    odd: str = "tei_tools.odd"
    rng: str = "tei_tools.rng"
    isosch: str = "tei_tools.isosch"
    html: str = "tei_tools.html"


class OddCompiler:
    """Compiles schema/tei_tools.odd with the TEI Stylesheets against p5subset.xml."""

    def __init__(self, saxon: Saxon, files: SchemaFiles = SchemaFiles()) -> None:
        self.saxon = saxon
        self.files = files

    @cached_property
    def source(self) -> str:
        return (self.saxon.tei / "p5subset.xml").resolve().as_uri()

    def build(self, schema_dir: Path, out_dir: Path) -> list[Path]:
        """Compile the ODD in schema_dir into out_dir: RELAX NG, ISO Schematron, HTML."""
        out_dir.mkdir(parents=True, exist_ok=True)
        compiled = out_dir / "tei_tools.compiled.odd"
        self.saxon.transform("Stylesheets/odds/odd2odd.xsl", schema_dir / self.files.odd,
                             compiled, defaultSource=self.source)
        written = []
        for sheet, name, params in (
                ("Stylesheets/odds/odd2relax.xsl", self.files.rng, {}),
                ("Stylesheets/odds/extract-isosch.xsl", self.files.isosch, {})):
            target = out_dir / name
            self.saxon.transform(sheet, compiled, target, **params)
            written.append(target)
        lite = out_dir / "tei_tools.lite.xml"
        self.saxon.transform("Stylesheets/odds/odd2lite.xsl", compiled, lite)
        html = out_dir / self.files.html
        self.saxon.transform("Stylesheets/html5/html5.xsl", lite, html)
        written.append(html)
        compiled.unlink()
        lite.unlink()
        return written
