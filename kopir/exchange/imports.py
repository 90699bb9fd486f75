"""MARC import: a whole file or nothing, streamed, with a report of every broken record.

A batch reads the file once inside one transaction, storing records in chunks as it goes; if a
record is broken and the user did not choose to import the readable ones, the transaction is
rolled back and only the report (the ImportBatch) remains. Likely duplicates — the same ISBN, or
the same folded title, first author and year, in the library's records or earlier in the file —
are stored flagged with `duplicate_of` for the editor to decide, never merged.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections, models, transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from kopir.core.audit import Change
from kopir.core.page_cache import content_changed
from kopir.exchange.marc.prepare import RECORD_FIELDS, SECTION_MARK, SECTIONS, prepared
from kopir.exchange.models import BibRecord, ImportBatch, ImportStatus
from kopir.exchange.selectors import WORD_INDEX
from kopir.network.models import Organisation

CHUNK = 500


# The import's columns, in the order a row holds them: the record's own values, then its
# library, its batch and the time (one `now` for the whole batch).
FIELDS = (*RECORD_FIELDS, "organisation_id", "batch_id", "created_at", "updated_at")


def _columns() -> list[models.Field]:
    """Every stored column of BibRecord but the id: those an import does not fill get their
    field's default, so a new field with a default needs nothing here."""
    return [
        f for f in BibRecord._meta.concrete_fields
        if not f.primary_key and f.attname != "duplicate_of_id"
    ]  # fmt: skip


@dataclasses.dataclass(frozen=True)
class _Plan:
    """How a chunk's rows become the INSERT's values: the row's own values (FIELDS) with some
    prepared, then the columns an import does not fill, each its default prepared once."""

    columns: list[models.Field]  # FIELDS' fields, then the rest
    prepare: list[tuple[int, Callable[[Any], Any]]]  # (index in the row, preparation)
    defaults: list[Any]


def _plan() -> _Plan:
    """Text, numbers and keys go in as they are; JSON straight through the backend's adapter,
    dates once per value (a batch shares one `now`), the rest (bytes) through their field —
    so the columns hold what the ORM would have written. Made with the connection itself
    rather than django.db.connection, which looks the connection up at every use."""
    db = connections[DEFAULT_DB_ALIAS]
    by_name = {f.attname: f for f in _columns()}
    given = [by_name[name] for name in FIELDS]
    rest = [f for f in by_name.values() if f.attname not in FIELDS]
    prepare: list[tuple[int, Callable[[Any], Any]]] = []
    for index, field in enumerate(given):
        if isinstance(field, models.JSONField):
            prepare.append((index, _json(field, db.ops.adapt_json_value)))
        elif isinstance(field, models.DateTimeField):
            by_field = functools.partial(field.get_db_prep_save, connection=db)
            prepare.append((index, functools.lru_cache(maxsize=4)(by_field)))
        elif _prepared(field):
            prepare.append((index, functools.partial(field.get_db_prep_save, connection=db)))
    defaults = [f.get_db_prep_save(f.get_default(), db) for f in rest]
    return _Plan([*given, *rest], prepare, defaults)


def _json(field: models.JSONField, adapt: Callable[[Any, Any], Any]) -> Callable[[Any], Any]:
    """A JSON column's preparation by the backend's `adapt`; the empty list most records have
    (no series, contents or other persons) prepared once."""
    empty, encoder = adapt([], field.encoder), field.encoder

    def prepare(value: Any) -> Any:
        return adapt(value, encoder) if value else empty

    return prepare


def _insert(rows: list[list], *, plan: _Plan, index_words: bool = False) -> None:
    """Store a chunk with one executemany: a file of 100,000 records is a bulk load, and model
    instances would cost more than parsing. `plan`: the batch's (_plan); `index_words`: the
    word index's insert trigger is off (_words_in_bulk) and the chunk's words go in here."""
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in plan.columns)
    marks = ", ".join(["%s"] * len(plan.columns))
    table = connection.ops.quote_name(BibRecord._meta.db_table)
    prepared = []
    for row in rows:
        values = [*row, *plan.defaults]
        for index, prepare in plan.prepare:
            values[index] = prepare(values[index])
        prepared.append(values)
    with connection.cursor() as cursor:
        if index_words:
            cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")  # noqa: S608 - _meta
            (before,) = cursor.fetchone()
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", prepared)  # noqa: S608 - names from _meta
        if index_words:
            _index_words(cursor, before, rows)


WORD_INDEX_TRIGGER = f"{WORD_INDEX}_ai"  # migration 0009


def _index_words(cursor: Any, before: int, rows: list[list]) -> None:
    """The chunk's terms into the word index in one executemany, each section its column
    (as the trigger would have split them): the records are those after `before`, in order,
    since the import is the one writer while its transaction holds the write lock."""
    table = connection.ops.quote_name(BibRecord._meta.db_table)
    cursor.execute(f"SELECT id FROM {table} WHERE id > %s ORDER BY id", [before])  # noqa: S608
    ids = [pk for (pk,) in cursor.fetchall()]
    if len(ids) != len(rows):
        raise RuntimeError("another writer inserted records during the import")
    terms = FIELDS.index("terms")
    names, marks = ", ".join(SECTIONS), ", ".join(["%s"] * (len(SECTIONS) + 1))
    cursor.executemany(
        f"INSERT INTO {WORD_INDEX}(rowid, {names}) VALUES ({marks})",  # noqa: S608
        [(pk, *row[terms].split(SECTION_MARK)) for pk, row in zip(ids, rows, strict=True)],
    )


@contextlib.contextmanager
def _words_in_bulk() -> Iterator[bool]:
    """SQLite: the word index written a chunk at a time by the import rather than row by row by
    its insert trigger — FTS5 flushes its pending terms to a new segment at every trigger's
    statement savepoint, which made indexing 40 % of an import. The trigger is dropped inside
    the import's transaction, after its first write (so the write lock is held and no other
    insert can miss it), and made again, as sqlite_master holds it, when the records are in;
    an error rolls the drop back with everything else. Yields whether the import indexes."""
    if connection.vendor != "sqlite":
        yield False
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = %s",
            [WORD_INDEX_TRIGGER],
        )
        found = cursor.fetchone()
        if found is None:  # no word index (a migration in between): nothing to do
            yield False
            return
        cursor.execute(f'DROP TRIGGER "{WORD_INDEX_TRIGGER}"')
    yield True
    with connection.cursor() as cursor:
        cursor.execute(found[0])


def _flag_duplicates(batch: ImportBatch) -> int:
    """Point each new record at the library's earliest other record with the same ISBN, or else
    the same folded title, first author and year — earlier in this file included. Two updates
    with one equality each, so that each lookup uses its (organisation, column) index."""
    new = BibRecord.objects.filter(batch=batch)
    for column, reason in (("isbn", "isbn"), ("match_key", "title")):
        earlier = (
            BibRecord.objects.filter(
                organisation=OuterRef("organisation"), pk__lt=OuterRef("pk"),
                **{column: OuterRef(column)},
            )
            .order_by("pk")
            .values("pk")[:1]
        )  # fmt: skip
        candidates = new.filter(duplicate_of__isnull=True).exclude(**{column: ""})
        # only the rows that have an earlier one are written (most records are no duplicate)
        found = candidates.filter(Exists(earlier))
        found.update(duplicate_of=Subquery(earlier), duplicate_reason=reason)
    return new.filter(duplicate_of__isnull=False).count()


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
    change.require("network.change_organisation", organisation)
    with transaction.atomic():  # the report and its records together, or neither
        return _import_batch(
            stream, organisation=organisation, change=change, file_name=file_name,
            flavour=flavour, encoding=encoding, good_only=good_only, progress=progress,
        )  # fmt: skip


def _prepared(field: models.Field) -> bool:
    """Whether a value needs its field's database preparation (not text, numbers or keys)."""
    plain = (models.CharField, models.TextField, models.IntegerField, models.ForeignKey)
    return not isinstance(field, plain)


def _import_batch(
    stream: BinaryIO,
    *,
    organisation: Organisation,
    change: Change,
    file_name: str,
    flavour: str,
    encoding: str,
    good_only: bool,
    progress: Callable[[int], None] | None,
) -> ImportBatch:
    actor = change.actor
    batch = ImportBatch.objects.create(
        organisation=organisation, uploaded_by=actor if getattr(actor, "pk", None) else None,
        file_name=file_name[:255], status=ImportStatus.IMPORTED, good_only=good_only,
        flavour=flavour, encoding=encoding,
    )  # fmt: skip
    rows: list[list] = []
    problems: list[dict] = []
    now, plan = timezone.now(), _plan()
    ours = [organisation.pk, batch.pk, now, now]  # FIELDS after the record's own
    records = prepared(
        stream, flavour=flavour, encoding=encoding, workers=settings.KOPIR_IMPORT_WORKERS,
        parallel_from=settings.KOPIR_IMPORT_PARALLEL_FROM,
    )  # fmt: skip
    # the records: rolled back alone when the file is refused
    with _words_in_bulk() as index_words, transaction.atomic():
        for position, problem, values in records:
            batch.total += position > 0  # not a problem of the whole file
            if problem is not None:
                problems.append(problem)
            elif values is not None:
                rows.append(values + ours)
                if len(rows) >= CHUNK:
                    _insert(rows, plan=plan, index_words=index_words)
                    rows = []
            if progress is not None:
                progress(stream.tell())
        if rows:
            _insert(rows, plan=plan, index_words=index_words)
        if not batch.total and not problems:  # a MARCXML collection without a record …
            problems.append({"position": 0, "code": "empty", "params": {}})
        whole_file = any(p["position"] == 0 for p in problems)  # nothing to import at all
        batch.imported = 0 if whole_file else batch.total - len(problems)
        if problems and (whole_file or not good_only):
            transaction.set_rollback(True)
        else:
            batch.duplicates = _flag_duplicates(batch)
    if problems and (whole_file or not good_only):
        batch.status, batch.imported, batch.duplicates = ImportStatus.REFUSED, 0, 0
    batch.problems = problems
    batch.save()
    if batch.imported:
        content_changed()  # bulk inserts send no signals
    return batch
