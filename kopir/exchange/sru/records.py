"""The record schemas SRU serves (a registry: each schema's name, identifier and writer):
MARCXML (MARC 21), RUSMARC in the MARCXML syntax, and Dublin Core. A record with an original
in the schema's flavour is that original; one in the other flavour is converted (marc.writer)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from kopir.exchange import dublin_core
from kopir.exchange.exports import outgoing
from kopir.exchange.marc.flavours import MARC21, RUSMARC
from kopir.exchange.marc.writer import as_record, marcxml_element
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
        return marcxml_element(as_record(outgoing(record), flavour))

    return write


def _dc(record: BibRecord) -> etree._Element:
    """The SRU Dublin Core schema (info:srw/schema/1/dc-v1.1): dc elements in srw_dc:dc."""
    root = etree.Element(f"{{{SRW_DC}}}dc", nsmap={"srw_dc": SRW_DC, "dc": DC})
    for name, value in dublin_core.elements(record):
        etree.SubElement(root, f"{{{DC}}}{name}").text = value
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
