"""MARC import: a whole file or nothing, streamed, with a report of every broken record.

A batch reads the file once inside one transaction, storing records in chunks as it goes; if a
record is broken and the user did not choose to import the readable ones, the transaction is
rolled back and only the report (the ImportBatch) remains. Likely duplicates — the same ISBN, or
the same folded title, first author and year, in the library's records or earlier in the file —
are stored flagged with `duplicate_of` for the editor to decide, never merged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from django.core.exceptions import PermissionDenied
from django.db import transaction
from pymarc.marcxml import record_to_xml

from kopir.core.audit import Change
from kopir.core.page_cache import content_changed
from kopir.core.text import fold
from kopir.exchange.marc.isbn import normalise_isbn
from kopir.exchange.marc.model import BibData
from kopir.exchange.marc.reader import ReadResult, is_marcxml, read_iso2709, read_marcxml
from kopir.exchange.models import BibRecord, ImportBatch, ImportStatus
from kopir.network.models import Organisation

CHUNK = 500


def _words(text: str) -> str:
    """Folded letters and digits, one space between words: «Рудный  АЛТАЙ.» → "рудный алтай"."""
    return " ".join("".join(c if c.isalnum() else " " for c in fold(text)).split())


def match_key(data: BibData) -> str:
    surname = data.authors[0].split(",")[0] if data.authors else ""
    return "|".join((_words(data.title)[:200], _words(surname)[:60], str(data.year or "")))


def read_file(stream: BinaryIO, *, flavour: str = "", encoding: str = "") -> Iterator[ReadResult]:
    """ISO 2709 or MARCXML, told apart by the first bytes."""
    head = stream.read(64)
    stream.seek(0)
    if is_marcxml(head):
        return read_marcxml(stream, flavour=flavour)
    return read_iso2709(stream, flavour=flavour, encoding=encoding)


@dataclass
class _Pending:
    records: list[BibRecord] = field(default_factory=list)
    seen_isbns: dict[str, BibRecord] = field(default_factory=dict)
    seen_keys: dict[str, BibRecord] = field(default_factory=dict)


def _record(result: ReadResult, organisation: Organisation, batch: ImportBatch) -> BibRecord:
    data = result.data
    assert data is not None and result.record is not None  # noqa: S101 - only good results
    return BibRecord(
        organisation=organisation, batch=batch, title=data.title[:1000],
        other_title=data.other_title[:1000], responsibility=data.responsibility[:1000],
        authors=data.authors, publisher=data.publisher[:500], place=data.place[:300],
        year=data.year, isbn=normalise_isbn(data.isbn), isbn_as_written=data.isbn[:100],
        language=data.language[:3], subjects=data.subjects, udc=data.udc[:200],
        bbk=data.bbk[:200], extent=data.extent[:300], control_number=data.control_number[:100],
        flavour=result.flavour, marc=record_to_xml(result.record).decode("utf-8"),
        match_key=match_key(data),
    )  # fmt: skip


def _flush(pending: _Pending, organisation: Organisation) -> int:
    """Flag likely duplicates against the library's stored records, then store the chunk."""
    records = pending.records
    isbns = {r.isbn for r in records if r.isbn}
    keys = {r.match_key for r in records}
    existing = BibRecord.objects.filter(organisation=organisation)
    by_isbn = {r.isbn: r for r in existing.filter(isbn__in=isbns).only("pk", "isbn")}
    by_key = {r.match_key: r for r in existing.filter(match_key__in=keys).only("pk", "match_key")}
    flagged = 0
    for record in records:
        earlier = (
            (record.isbn and (by_isbn.get(record.isbn) or pending.seen_isbns.get(record.isbn)))
            or by_key.get(record.match_key)
            or pending.seen_keys.get(record.match_key)
        )
        record.duplicate_of = earlier or None
        flagged += bool(earlier)
    BibRecord.objects.bulk_create(records)
    for record in records:  # later records of the file are checked against these too
        if record.isbn:
            pending.seen_isbns.setdefault(record.isbn, record)
        pending.seen_keys.setdefault(record.match_key, record)
    pending.records = []
    return flagged


def marc_import(
    stream: BinaryIO,
    *,
    organisation: Organisation,
    change: Change,
    file_name: str = "",
    flavour: str = "",
    encoding: str = "",
    good_only: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportBatch:
    """Import a MARC file into `organisation`'s records: everything, or nothing and a report
    (or, with `good_only`, the readable records and a report of the rest)."""
    actor = change.actor
    if not change.is_system and not actor.has_perm("network.change_organisation", organisation):
        raise PermissionDenied
    batch = ImportBatch.objects.create(
        organisation=organisation, uploaded_by=actor if getattr(actor, "pk", None) else None,
        file_name=file_name[:255], status=ImportStatus.IMPORTED, good_only=good_only,
    )  # fmt: skip
    pending, problems = _Pending(), []
    with transaction.atomic():
        for result in read_file(stream, flavour=flavour, encoding=encoding):
            batch.total += 1
            if result.data is None:
                problems.append({"position": result.position, "error": result.error})
            else:
                pending.records.append(_record(result, organisation, batch))
                if len(pending.records) >= CHUNK:
                    batch.duplicates += _flush(pending, organisation)
            if progress is not None:
                progress(stream.tell())
        if pending.records:
            batch.duplicates += _flush(pending, organisation)
        batch.imported = batch.total - len(problems)
        if problems and not good_only:
            transaction.set_rollback(True)
    if problems and not good_only:
        batch.status, batch.imported, batch.duplicates = ImportStatus.REFUSED, 0, 0
    batch.problems = problems
    batch.save()
    if batch.imported:
        content_changed()  # bulk inserts send no signals
    return batch
