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
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from django.db import connection, models, transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from kopir.core.audit import Change
from kopir.core.page_cache import content_changed
from kopir.core.text import control_characters
from kopir.exchange.marc.isbn import normalise_isbn
from kopir.exchange.marc.model import BibData, full_title
from kopir.exchange.marc.reader import (
    CP1251,
    HEAD,
    UTF8,
    ReadResult,
    file_problem,
    is_marcxml,
    read_iso2709,
    read_marcxml,
)
from kopir.exchange.models import BibRecord, ImportBatch, ImportStatus
from kopir.exchange.selectors import WORD_INDEX
from kopir.network.models import Organisation
from kopir.search.analysis import analyse, key

CHUNK = 500
TITLE_KEY_LENGTH = 200  # of the title in match_key, and of a wish's title_key


def match_key(title: str, authors: list[str], year: int | None) -> str:
    """Folded whole title (a volume's with its set's: data.full_title), first author's surname
    and year (search.analysis.key): a likely duplicate shares it."""
    surname = authors[0].split(",")[0] if authors else ""
    return "|".join((key(title)[:TITLE_KEY_LENGTH], key(surname)[:60], str(year or "")))


# The word index's columns, in the order `terms` holds them, each section ended by SECTION_MARK
# (a character the analysis never yields): migration 0009 indexes each as its own column, so
# a search can ask for a word in the title, a person or a subject only (SRU's indexes).
SECTIONS = ("title", "person", "subject", "other")
SECTION_MARK = "\x1f"


def record_terms(
    *, title: list[str], persons: list[str], subjects: list[str], other: list[str]
) -> str:
    """What the catalogue's word index holds of a record: the analysed words (search.analysis)
    of its titles (whole title, series, contents), persons and bodies (authors and others),
    subjects and the rest (year, ISBN-13, publisher, place), so a reader finds it as the site search
    would, and an SRU client in the part of the record it names."""
    return SECTION_MARK.join(
        analyse(" ".join(texts)) for texts in (title, persons, subjects, other)
    )


def keys(data: BibData, isbn: str | None = None) -> tuple[str, str]:
    """(match_key, terms) of a description; `isbn`: its ISBN-13 when the caller has it."""
    whole = full_title(data.title, data.set_title, data.volume)
    isbn = normalise_isbn(data.isbn) if isbn is None else isbn
    return (
        match_key(whole, data.authors, data.year),
        record_terms(
            title=[whole, *data.series, *data.parts],
            persons=[*data.authors, *(c.get("name", "") for c in data.contributors)],
            subjects=list(data.subjects),
            other=[str(data.year or ""), isbn, data.publisher, data.place],
        ),
    )


def read_file(stream: BinaryIO, *, flavour: str = "", encoding: str = "") -> Iterator[ReadResult]:
    """ISO 2709 or MARCXML, told apart by the first bytes; a file with no MARC at all (empty,
    an image, a PDF …) gives one problem of the whole file (position 0) instead."""
    head = stream.read(HEAD)
    stream.seek(0)
    problem = file_problem(head)
    if problem is not None:
        yield problem
    elif is_marcxml(head):
        yield from read_marcxml(stream, flavour=flavour)
    else:
        yield from read_iso2709(stream, flavour=flavour, encoding=encoding)


FIELDS = (
    "organisation_id", "batch_id", "title", "other_title", "responsibility", "authors",
    "publisher", "place", "year", "isbn", "isbn_as_written", "language", "subjects", "udc", "bbk",
    "extent", "control_number", "flavour", "marc", "marc_encoding", "match_key", "terms",
    "set_title", "volume", "series", "parts", "contributors", "created_at", "updated_at",
)  # fmt: skip


def _row(result: ReadResult, organisation: Organisation, batch: ImportBatch, now: Any) -> list:
    data = result.data
    assert data is not None  # noqa: S101 - only readable results are stored
    isbn = normalise_isbn(data.isbn)
    return [
        organisation.pk, batch.pk, data.title[:1000], data.other_title[:1000],
        data.responsibility[:1000], data.authors, data.publisher[:500], data.place[:300],
        data.year if data.year and data.year < 32768 else None, isbn,
        data.isbn[:100], data.language[:3], data.subjects, data.udc[:200], data.bbk[:200],
        data.extent[:300], data.control_number[:100], result.flavour, result.raw,
        result.encoding or "utf-8", *keys(data, isbn), data.set_title[:1000], data.volume[:200],
        data.series, data.parts, data.contributors, now, now,
    ]  # fmt: skip


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
    so the columns hold what the ORM would have written."""
    by_name = {f.attname: f for f in _columns()}
    given = [by_name[name] for name in FIELDS]
    rest = [f for f in by_name.values() if f.attname not in FIELDS]
    prepare: list[tuple[int, Callable[[Any], Any]]] = []
    for index, field in enumerate(given):
        if isinstance(field, models.JSONField):
            prepare.append((index, _json(field)))
        elif isinstance(field, models.DateTimeField):
            by_field = functools.partial(field.get_db_prep_save, connection=connection)
            prepare.append((index, functools.lru_cache(maxsize=4)(by_field)))
        elif _prepared(field):
            prepare.append(
                (index, functools.partial(field.get_db_prep_save, connection=connection))
            )
    defaults = [f.get_db_prep_save(f.get_default(), connection) for f in rest]
    return _Plan([*given, *rest], prepare, defaults)


def _json(field: models.JSONField) -> Callable[[Any], Any]:
    """A JSON column's preparation; the empty list most records have (no series, contents or
    other persons) prepared once."""
    empty = connection.ops.adapt_json_value([], field.encoder)

    def prepare(value: Any) -> Any:
        return connection.ops.adapt_json_value(value, field.encoder) if value else empty

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


def _strings(data: BibData) -> Iterator[str]:
    """Every string of a description (lists and the contributors' values included)."""
    for item in dataclasses.fields(data):
        value = getattr(data, item.name)
        for part in value if isinstance(value, list) else [value]:
            if isinstance(part, str):
                yield part
            elif isinstance(part, dict):
                yield from (v for v in part.values() if isinstance(v, str))


# The bytes that can encode a character of core.text's UNPRINTABLE or a line break, in a record
# of each encoding — the field and subfield marks 0x1D-0x1F aside: a record without any is
# clean, so its text needs no scan.
MAYBE_CONTROL = {
    UTF8: re.compile(rb"[\x00-\x1c\x7f]|\xc2[\x80-\x9f]|\xef\xbf[\xbe\xbf]|\xed[\xa0-\xbf]"),
    CP1251: re.compile(rb"[\x00-\x1c\x7f\x98]"),
}


def _problem(result: ReadResult) -> dict | None:
    """Why a record cannot be stored: unreadable, or text with control characters."""
    if result.data is None:
        return {"position": result.position, "code": result.code, "params": result.params}
    maybe = MAYBE_CONTROL.get(result.encoding)
    if maybe is not None and result.raw and not maybe.search(result.raw):
        return None
    # one pass over all the text (" " between values is no control character)
    found = control_characters(" ".join(_strings(result.data)), multiline=False)
    if found:
        params = {"characters": ", ".join(found)}
        return {"position": result.position, "code": "control", "params": params}
    return None


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
    # the records: rolled back alone when the file is refused
    with _words_in_bulk() as index_words, transaction.atomic():
        for result in read_file(stream, flavour=flavour, encoding=encoding):
            batch.total += result.position > 0  # not a problem of the whole file
            problem = _problem(result)
            if problem is not None:
                problems.append(problem)
            else:
                rows.append(_row(result, organisation, batch, now))
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
