"""The record schemas SRU serves (a registry: each schema's name, identifier and writer):
MARCXML (MARC 21), RUSMARC in the MARCXML syntax, and Dublin Core. A record with an original
in the schema's flavour is that original; one in the other flavour is converted (marc.writer)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree
from pymarc.marcxml import record_to_xml

from kopir.core.text import printable
from kopir.exchange.exports import outgoing
from kopir.exchange.languages import ISO_639_1
from kopir.exchange.marc.flavours import MARC21, RUSMARC
from kopir.exchange.marc.writer import as_record
from kopir.exchange.models import BibRecord

DC = "http://purl.org/dc/elements/1.1/"
SRW_DC = "info:srw/schema/1/dc-schema"


@dataclass(frozen=True)
class Schema:
    name: str
    identifier: str
    title: str
    write: Callable[[BibRecord], etree._Element]


def _marc(flavour: str) -> Callable[[BibRecord], etree._Element]:
    def write(record: BibRecord) -> etree._Element:
        marc = as_record(outgoing(record), flavour)
        return etree.fromstring(record_to_xml(marc, namespace=True))

    return write


def _dc(record: BibRecord) -> etree._Element:
    """The SRU Dublin Core schema (info:srw/schema/1/dc-v1.1): dc elements in srw_dc:dc."""
    root = etree.Element(f"{{{SRW_DC}}}dc", nsmap={"srw_dc": SRW_DC, "dc": DC})
    values = [
        ("title", record.display_title),
        *(("creator", name) for name in record.authors if isinstance(name, str)),
        *(("contributor", c.get("name", "")) for c in record.contributors
          if isinstance(c, dict)),
        *(("subject", s) for s in record.subjects if isinstance(s, str)),
        ("publisher", ", ".join(p for p in (record.place, record.publisher) if p)),
        ("date", str(record.year or "")),
        ("type", "Text"),
        ("format", record.extent),
        ("identifier", f"urn:isbn:{record.isbn}" if record.isbn else ""),  # stored as ISBN-13
        ("language", ISO_639_1.get(record.language, record.language)),
        *(("relation", s) for s in record.series if isinstance(s, str)),
    ]  # fmt: skip
    for name, value in values:
        text = printable(value or "").strip()
        if text:
            etree.SubElement(root, f"{{{DC}}}{name}").text = text
    return root


SCHEMAS = {
    schema.name: schema
    for schema in (
        Schema("marcxml", "info:srw/schema/1/marcxml-v1.1", "MARCXML (MARC 21)", _marc(MARC21)),
        Schema("rusmarc", "urn:x-kopir:schema:rusmarcxml", "RUSMARC in MARCXML syntax",
               _marc(RUSMARC)),
        Schema("dc", "info:srw/schema/1/dc-v1.1", "Dublin Core", _dc),
    )
}  # fmt: skip
DEFAULT_SCHEMA = "marcxml"
# each schema by its name and by its identifier, as a client may ask either way
BY_NAME_OR_IDENTIFIER = {
    **{s.identifier.lower(): s for s in SCHEMAS.values()},
    **{s.name: s for s in SCHEMAS.values()},
    "marc21": SCHEMAS["marcxml"],
    "info:srw/schema/1/marcxml-v1.2": SCHEMAS["marcxml"],
    "info:srw/schema/1/dc-schema": SCHEMAS["dc"],
}
