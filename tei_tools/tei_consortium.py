"""The TEI Consortium's own tools, run through Saxon (saxonche): the ODD compiler and the
documentation of the TEI Stylesheets, the ISO Schematron skeleton for XSLT 2, the Stylesheets'
html5 / txt / markdown conversions.

Build and test time only (`make schema`, the conformance tests): it needs the `saxonche`
package (the `test` extra) and a copy of the TEI files (`../shared/tei`, or the folder named by
TEI_DIR), and the runtime never imports it. Every stylesheet is compiled once per `Saxon`.
"""
from __future__ import annotations

import os
import re
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
            sheet = self.xslt.compile_stylesheet(stylesheet_file=str(self.tei / relative))
            sheet.set_save_xsl_message(True)  # kept for messages(), not printed
            self._compiled[relative] = sheet
        return self._compiled[relative]

    def messages(self, relative: str) -> list[str]:
        """The xsl:message output (warnings) of a stylesheet's runs since the last call."""
        sheet = self.stylesheet(relative)
        found = sheet.get_xsl_messages()
        sheet.clear_xsl_messages()
        return [] if found is None else [str(found.item_at(i)) for i in range(found.size)]

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
        fixed = {"useFixedDate": "true"}  # no clock in what is committed
        self.saxon.transform("Stylesheets/odds/odd2odd.xsl", schema_dir / self.files.odd,
                             compiled, defaultSource=self.source, **fixed)
        written = []
        for sheet, name in (("Stylesheets/odds/odd2relax.xsl", self.files.rng),
                            ("Stylesheets/odds/extract-isosch.xsl", self.files.isosch)):
            target = out_dir / name
            self.saxon.transform(sheet, compiled, target, **fixed)
            written.append(target)
        lite = out_dir / "tei_tools.lite.xml"
        self.saxon.transform("Stylesheets/odds/odd2lite.xsl", compiled, lite, **fixed)
        html = out_dir / self.files.html
        self.saxon.transform("Stylesheets/profiles/default/html5/to.xsl", lite, html, **fixed)
        _renumber_generated_ids(html)
        written.append(html)
        compiled.unlink()
        lite.unlink()
        return written


_GENERATED_ID = re.compile(r"\bd\d+e\d+\b")


def _renumber_generated_ids(path: Path) -> None:
    """Saxon's generate-id() numbers documents in the order a processor loaded them, so the
    same ODD gives other ids in another session: number them in order of appearance."""
    numbers: dict[str, str] = {}
    text = path.read_text(encoding="utf-8")
    path.write_text(_GENERATED_ID.sub(
        lambda m: numbers.setdefault(m.group(0), f"g{len(numbers) + 1}"), text), encoding="utf-8")


SCH_NS = "http://purl.oclc.org/dsdl/schematron"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
PROJECT_CONSTRAINT = "tei_tools-"  # the ident prefix of the project's own constraintSpecs


def project_schematron(odd: Path) -> bytes:
    """The project's constraintSpecs of the ODD as one ISO Schematron in the XSLT 1.0 query
    binding, for lxml at run time (the TEI's own constraints, XSLT 2, go to the .isosch): the
    keys, then each pattern after its description and remarks as a comment. lxml only."""
    tree = etree.parse(str(odd))
    ns = {"t": TEI_NS, "sch": SCH_NS, "xsl": XSL_NS}
    specs = tree.xpath(f"//t:schemaSpec/t:constraintSpec[starts-with(@ident, "
                       f"'{PROJECT_CONSTRAINT}')]", namespaces=ns)
    root = etree.Element(f"{{{SCH_NS}}}schema", nsmap={None: SCH_NS, "xsl": XSL_NS},
                         queryBinding="xslt")
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    etree.SubElement(root, f"{{{SCH_NS}}}title").text = "tei_tools edition rules"
    etree.SubElement(root, f"{{{SCH_NS}}}ns", prefix="tei", uri=TEI_NS)
    for key in tree.xpath("//t:schemaSpec/t:constraintSpec/t:constraint/xsl:key", namespaces=ns):
        root.append(_copy(key))
    for spec in specs:
        prose = " ".join(" ".join(p.xpath("string()").split())
                         for p in spec.xpath("t:desc | t:remarks/t:p", namespaces=ns))
        root.append(etree.Comment(f" {spec.get('ident')}: {prose.replace('--', '–')} "))
        for pattern in spec.xpath("t:constraint/sch:pattern", namespaces=ns):
            root.append(_copy(pattern))
    etree.cleanup_namespaces(root, top_nsmap={None: SCH_NS, "xsl": XSL_NS})
    etree.indent(root, space="  ")
    head = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generated by make schema from '
            b'schema/tei_tools.odd (its constraintSpecs, where the reasons are): do not edit. -->\n')
    return head + etree.tostring(root, encoding="UTF-8") + b"\n"


def _copy(node: etree._Element) -> etree._Element:
    """A deep copy without the whitespace of its old indentation."""
    copy = etree.fromstring(etree.tostring(node))
    for el in copy.iter():
        if el.text is not None and not el.text.strip() and len(el):
            el.text = None
        if el.tail is not None and not el.tail.strip():
            el.tail = None
    return copy


def make_schema(tei: Path, schema_dir: Path = ROOT / "schema") -> list[Path]:
    """`make schema`: compile the ODD and write the RELAX NG, the ISO Schematron, the HTML
    documentation and the project Schematron beside it (each written atomically)."""
    import tempfile

    from .atomic import write_atomic

    with tempfile.TemporaryDirectory() as tmp:
        built = OddCompiler(Saxon(tei)).build(schema_dir, Path(tmp))
        written = []
        for path in built:
            write_atomic(schema_dir / path.name, path.read_bytes())
            written.append(schema_dir / path.name)
    write_atomic(schema_dir / "tei_tools.sch", project_schematron(schema_dir / "tei_tools.odd"))
    return written + [schema_dir / "tei_tools.sch"]


if __name__ == "__main__":
    import sys

    found = tei_dir(sys.argv[1] if len(sys.argv) > 1 else None)
    if found is None:
        sys.exit("make schema: no TEI files (Stylesheets/, p5subset.xml): give TEI_DIR=folder")
    for written in make_schema(found):
        print(written.relative_to(ROOT))
