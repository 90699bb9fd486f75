"""A MARC file's records as the values the import stores (exchange.imports), or why each cannot
be stored: pure work, with no database and no Django setup, so that a large ISO 2709 file is
prepared on every core.

Preparing is four fifths of an import (pymarc's parse, the flavour's reading, the analysis of
the words, the keys); storing, which the importing process does alone and in file order, is
the rest. A file of KOPIR_IMPORT_PARALLEL_FROM bytes or more is cut into records here, and
tasks of TASK records are prepared by KOPIR_IMPORT_WORKERS processes, a bounded number of tasks
ahead, their answers taken in the order the tasks were given: the rows arrive in file order,
as a file read in one process gives them, and a problem names the same record. The workers
are forks of the importing process (a fork server or a fresh interpreter would run the
program's main module again in each); they use no database connection, nor anything of
Django's but its translation markers, and end with the file.
"""

from __future__ import annotations

import dataclasses
import gc
import multiprocessing
import re
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, BinaryIO, NamedTuple

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
    iso2709_chunks,
    read_chunk,
    read_iso2709,
    read_marcxml,
)
from kopir.search.analysis import analyse, key

TITLE_KEY_LENGTH = 200  # of the title in match_key, and of a wish's title_key
TASK = 250  # records a worker prepares at a time
AHEAD = 3  # tasks per worker given out before the oldest answer is taken


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


# The stored columns a record's own values fill, in the order Prepared.values holds them (the
# import adds its library, its batch and the time).
RECORD_FIELDS = (
    "title", "other_title", "responsibility", "authors", "publisher", "place", "year", "isbn",
    "isbn_as_written", "language", "subjects", "udc", "bbk", "extent", "control_number",
    "flavour", "marc", "marc_encoding", "match_key", "terms", "set_title", "volume", "series",
    "parts", "contributors",
)  # fmt: skip


class Prepared(NamedTuple):
    """One record of a file: its position (0: the whole file), why it cannot be stored (a
    problem for the batch's report) or the values of RECORD_FIELDS to store."""

    position: int
    problem: dict[str, Any] | None
    values: list[Any] | None


def prepare(result: ReadResult) -> Prepared:
    """A read record as what the import stores, or its problem."""
    problem = _problem(result)
    if problem is not None:
        return Prepared(result.position, problem, None)
    data = result.data
    assert data is not None  # noqa: S101 - a record without a problem has its description
    isbn = normalise_isbn(data.isbn)
    values = [
        data.title[:1000], data.other_title[:1000], data.responsibility[:1000], data.authors,
        data.publisher[:500], data.place[:300],
        data.year if data.year and data.year < 32768 else None, isbn, data.isbn[:100],
        data.language[:3], data.subjects, data.udc[:200], data.bbk[:200], data.extent[:300],
        data.control_number[:100], result.flavour, result.raw, result.encoding or UTF8,
        *keys(data, isbn), data.set_title[:1000], data.volume[:200], data.series, data.parts,
        data.contributors,
    ]  # fmt: skip
    return Prepared(result.position, None, values)


def prepared(
    stream: BinaryIO,
    *,
    flavour: str = "",
    encoding: str = "",
    workers: int = 1,
    parallel_from: int = 0,
) -> Iterator[Prepared]:
    """Every record of an ISO 2709 or MARCXML file (told apart by the first bytes) prepared,
    in file order; a file with no MARC at all (empty, an image, a PDF …) gives one problem of
    the whole file (position 0) instead. An ISO 2709 file of `parallel_from` bytes or more is
    prepared by `workers` processes when there are two or more."""
    head = stream.read(HEAD)
    stream.seek(0)
    problem = file_problem(head)
    if problem is not None:
        yield prepare(problem)
    elif is_marcxml(head):
        yield from map(prepare, read_marcxml(stream, flavour=flavour))
    elif workers > 1 and _size(stream) >= parallel_from:
        yield from _in_workers(stream, flavour=flavour, encoding=encoding, workers=workers)
    else:
        yield from map(prepare, read_iso2709(stream, flavour=flavour, encoding=encoding))


def _size(stream: BinaryIO) -> int:
    size = stream.seek(0, 2)
    stream.seek(0)
    return size


def _prepare_task(
    chunks: list[tuple[int, bytes | None, str]], flavour: str, encoding: str
) -> list[Prepared]:
    """A worker's task: records cut by iso2709_chunks, prepared."""
    return [prepare(read_chunk(*c, flavour=flavour, encoding=encoding)) for c in chunks]


def _in_workers(
    stream: BinaryIO, *, flavour: str, encoding: str, workers: int
) -> Iterator[Prepared]:
    # The workers share the importing process's memory until they write to it; a collection
    # of the garbage writes to every object it visits, so the objects there are now are put
    # out of its reach (in this process too, until the file is done) and stay shared.
    gc.freeze()
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    chunks = iso2709_chunks(stream)
    pending: deque[Future[list[Prepared]]] = deque()
    try:
        while True:
            while len(pending) < AHEAD * workers and (task := list(islice(chunks, TASK))):
                pending.append(pool.submit(_prepare_task, task, flavour, encoding))
            if not pending:
                return
            yield from pending.popleft().result()
    finally:  # done, failed, or abandoned by the import: no worker outlives it
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()


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


def _problem(result: ReadResult) -> dict[str, Any] | None:
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
