"""tei_tools: bilingual newspaper articles into TEI P5 editions."""

__version__ = "0.1.0"
# The day this version was released: an edition's publication date when SOURCE_DATE_EPOCH is
# not set, so that the same input and version always give the same bytes.
RELEASED = "2026-12-01"
