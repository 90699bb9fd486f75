"""The union catalogue in the OAI-PMH repository, so aggregators can harvest every library's
books: records oai:<repository>:book/<id> in the sets `catalogue` and `catalogue:<library>`,
in oai_dc and in MARCXML. The MARCXML record is the MARC 21 record SRU sends (a RUSMARC
original converted by marc.concordance) with the holding library in the first 852 $a. A
removed book stays as a deleted record (models.RemovedRecord). Registered from the app's
ready(), as an add-on would register a source.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django.db.models import Exists, Min, OuterRef, Q, QuerySet
from lxml import etree
from pymarc import Field, Indicators, Subfield
from pymarc.marcxml import MARC_XML_NS

from kopir.exchange import dublin_core
from kopir.exchange.exports import outgoing
from kopir.exchange.marc.flavours import MARC21
from kopir.exchange.marc.writer import as_record, marcxml_element
from kopir.exchange.models import BibRecord, RemovedRecord
from kopir.heritage.oai import formats, sources
from kopir.heritage.oai.sources import Entry, Key, Window, Writer
from kopir.network.models import Organisation

MARCXML = formats.MetadataFormat(
    "marcxml", "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd", MARC_XML_NS
)


def write_marcxml(record: BibRecord, parent: etree._Element) -> None:
    marc = as_record(outgoing(record), MARC21)
    # MARC 21 Holdings 852 $a: the partner library holding it, first, before any location the
    # original gave (a sigla and call number of the library it was catalogued in)
    holder = dublin_core.holder(record.organisation)
    if not any(holder in f.get_subfields("a") for f in marc.get_fields("852")):
        ours = Field("852", indicators=Indicators(" ", " "), subfields=[Subfield("a", holder)])
        after = [n for n, f in enumerate(marc.fields) if f.tag >= "852"]
        marc.fields.insert(after[0] if after else len(marc.fields), ours)
    element = marcxml_element(marc)
    element.set(f"{{{formats.XSI}}}schemaLocation", f"{MARC_XML_NS} {MARCXML.schema}")
    parent.append(element)


def write_oai_dc(record: BibRecord, parent: etree._Element) -> None:
    root = etree.SubElement(
        parent,
        f"{{{formats.OAI_DC}}}dc",
        nsmap={"oai_dc": formats.OAI_DC, "dc": formats.DC, "xsi": formats.XSI},
    )
    root.set(
        f"{{{formats.XSI}}}schemaLocation",
        f"{formats.OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
    )
    for name, value in dublin_core.elements(record):
        etree.SubElement(root, f"{{{formats.DC}}}{name}").text = value


# what the writers read of a record (marc.writer's description, dublin_core) and its library
WRITTEN = (
    *(f.name for f in BibRecord._meta.concrete_fields
      if f.name not in {"terms", "match_key", "duplicate_of", "duplicate_reason", "batch",
                        "is_fictional", "created_at"}),
    "organisation__name", "organisation__name_ru",
)  # fmt: skip


class Books:
    """The catalogue's records, and what is left of the removed ones."""

    path = "book"
    order = 1
    writers: Mapping[str, Writer] = {"oai_dc": write_oai_dc, "marcxml": write_marcxml}

    def sets(self) -> list[tuple[str, str]]:
        """The whole catalogue, and each library's part of it."""
        out = [("catalogue", "Union catalogue: the books the partner libraries hold")]
        held = Exists(BibRecord.objects.filter(organisation=OuterRef("pk"))) | Exists(
            RemovedRecord.objects.filter(organisation=OuterRef("pk"))
        )
        libraries = Organisation.objects.filter(held).order_by("slug")
        return out + [(f"catalogue:{o.slug}", dublin_core.holder(o)) for o in libraries]

    def _set(self, spec: str) -> Q | None:
        if spec in ("", "catalogue"):
            return Q()
        group, _, slug = spec.partition(":")
        library = Organisation.objects.filter(slug=slug).first() if slug else None
        return Q(organisation=library) if group == "catalogue" and library else None

    def _tables(self, window: Window) -> tuple[QuerySet[BibRecord], QuerySet[RemovedRecord]] | None:
        chosen = self._set(window.set_spec)
        if chosen is None:
            return None
        records = BibRecord.objects.filter(chosen, window.dates("updated_at"))
        return records, RemovedRecord.objects.filter(chosen, window.dates("removed_at"))

    def _entry(self, row: BibRecord | RemovedRecord) -> Entry:
        specs = (f"catalogue:{row.organisation.slug}",)
        if isinstance(row, RemovedRecord):
            return Entry(self, row.pk, row.removed_at, specs)
        return Entry(self, row.pk, row.updated_at, specs, row)

    def entries(self, window: Window, after: Key, limit: int, *, full: bool) -> list[Entry]:
        tables = self._tables(window)
        if tables is None:
            return []
        records = sources.following(tables[0], "updated_at", self.order, after)
        records = records.select_related("organisation").only(
            *(WRITTEN if full else ()), "id", "updated_at", "organisation__slug"
        )
        removed = sources.following(tables[1], "removed_at", self.order, after)
        removed = removed.select_related("organisation").only(
            "record_id", "removed_at", "organisation__slug"
        )
        return sources.merged([map(self._entry, records[:limit]),
                               map(self._entry, removed[:limit])], limit)  # fmt: skip

    def count(self, window: Window, cap: int) -> int:
        tables = self._tables(window)
        if tables is None:
            return 0
        return sum(table.order_by()[: cap + 1].count() for table in tables)

    def get(self, pk: int) -> Entry | None:
        record = BibRecord.objects.select_related("organisation").only(*WRITTEN).filter(pk=pk)
        removed = RemovedRecord.objects.select_related("organisation").filter(pk=pk)
        found = record.first() or removed.first()
        return None if found is None else self._entry(found)

    def earliest(self) -> datetime.datetime | None:
        firsts = [
            BibRecord.objects.aggregate(first=Min("updated_at"))["first"],
            RemovedRecord.objects.aggregate(first=Min("removed_at"))["first"],
        ]
        return min((first for first in firsts if first), default=None)


BOOKS = Books()


def register() -> None:
    """Put the catalogue in the repository (from the app's ready())."""
    formats.register(MARCXML)
    sources.register(BOOKS)
