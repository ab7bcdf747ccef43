"""tei_tools: bilingual newspaper articles into TEI P5 editions."""

__version__ = "0.1.0"
