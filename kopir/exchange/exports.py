"""MARC export of a library's records: all of them, one import batch, a search or a chosen few,
each record written from its original where it has one (marc.writer.export), with a report of
what was left out (a letter Windows-1251 cannot hold) or not carried by a conversion."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kopir.exchange.marc.model import BibData
from kopir.exchange.marc.writer import ISO2709, Original, Outgoing, Written, export
from kopir.exchange.models import BibRecord


@dataclass(frozen=True)
class ExportChoice:
    """What to write and how: "" flavour and encoding keep each record's own."""

    flavour: str = ""
    encoding: str = ""
    syntax: str = ISO2709
    skip_refused: bool = False  # leave out the records the encoding cannot hold


@dataclass
class ExportReport:
    written: list[Written] = field(default_factory=list)

    @property
    def refused(self) -> list[Written]:
        return [w for w in self.written if w.refused]

    @property
    def converted(self) -> list[Written]:
        return [w for w in self.written if w.not_carried]

    @property
    def count(self) -> int:
        return len(self.written) - len(self.refused)


def description(record: BibRecord) -> BibData:
    """What Köpir describes of a stored record (for a conversion, or without an original)."""
    return BibData(
        title=record.title, other_title=record.other_title, responsibility=record.responsibility,
        authors=list(record.authors), publisher=record.publisher, place=record.place,
        year=record.year, isbn=record.isbn_as_written or record.isbn, language=record.language,
        subjects=list(record.subjects), udc=record.udc, bbk=record.bbk, extent=record.extent,
        control_number=record.control_number, set_title=record.set_title, volume=record.volume,
        series=list(record.series), parts=list(record.parts),
        contributors=list(record.contributors),
    )  # fmt: skip


def outgoing(record: BibRecord) -> Outgoing:
    original = bytes(record.marc or b"")
    kept = Original(original, record.flavour, record.marc_encoding) if original else None
    return Outgoing(description(record), kept)


def write(
    records: Iterable[BibRecord], choice: ExportChoice, report: ExportReport
) -> Iterator[bytes]:
    """The file in pieces; raises marc.writer.EncodingRefused (unless choice.skip_refused)."""
    yield from export(
        (outgoing(r) for r in records), flavour=choice.flavour, encoding=choice.encoding,
        syntax=choice.syntax, skip_refused=choice.skip_refused, report=report.written,
    )  # fmt: skip
