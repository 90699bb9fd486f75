"""The reads of an SRU search (sru.query.Search) over a million records: the records found,
newest first, their number (exact up to COUNT_EXACT, estimated above, as Zebra's
`estimatehits`), and one page of them, each within the answer's time budget on both databases.

SQLite: the word index drives. FTS5 hands its matches over newest first without sorting, so a
page is read by joining it; words alone are counted in the index without reading records.

PostgreSQL: the GIN index answers "which rows", not "the newest rows": it builds a bitmap of
every match, cheap for a rare word, costly for one in half the catalogue. So where the planner
expects many matches, the count walks the newest records (a bounded walk: a common word fills
COUNT_EXACT + 1 within a few thousand rows); otherwise, or when the walk falls short, it asks
the index. The count then decides the page's plan: few matches are read through the index and
sorted, many by walking the primary key from the newest until the page is full.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import F, QuerySet

from kopir.exchange.models import BibRecord
from kopir.exchange.selectors import FTS_MATCHES, WORD_INDEX, WORD_MATCH
from kopir.exchange.sru.query import Search

COUNT_EXACT = 10_000
# how many match, up to a cap, and the oldest of those: the newest `cap` in one pass
_COUNT_WORDS = f"SELECT count(*), min(rowid) FROM ({FTS_MATCHES} ORDER BY rowid DESC LIMIT %s)"  # noqa: S608 - fixed text


def records(search: Search) -> QuerySet[BibRecord]:
    """The union catalogue's records the search finds, newest first."""
    found = BibRecord.objects.filter(search.rest)
    if search.words is not None and connection.vendor == "postgresql":
        return found.extra(  # noqa: S610 - fixed text; the forms are parameters
            where=[WORD_MATCH],
            params=[search.words.postgresql],
        ).order_by("-pk")
    if search.words is not None:
        return found.extra(  # noqa: S610 - fixed names; the words are a parameter
            tables=[WORD_INDEX],
            where=[f"{WORD_INDEX}.rowid = exchange_bibrecord.id", f"{WORD_INDEX} MATCH %s"],
            params=[search.words.sqlite],
            # in the index's own order, which FTS5 hands over without sorting
            order_by=[f"-{WORD_INDEX}.rowid"],
        )  # fmt: skip
    return found.order_by("-pk")


@contextmanager
def _plan(search: Search, *, through_index: bool) -> Iterator[None]:
    """PostgreSQL: read the words' matches through their index (few) or by walking the
    primary key (many), for the statements inside; elsewhere, and without words, as is."""
    if search.words is None or connection.vendor != "postgresql":
        yield
        return
    if through_index:  # room for an exact bitmap of a common prefix: no row read twice
        chosen = {"enable_indexscan": "off", "enable_seqscan": "off", "work_mem": "32MB"}
    else:
        chosen = {"enable_bitmapscan": "off"}
    with transaction.atomic(), connection.cursor() as cursor:
        for name, value in chosen.items():
            cursor.execute("SELECT set_config(%s, %s, true)", [name, value])
        yield
        # as they were: SET LOCAL lasts to the end of the outermost transaction, and the
        # search may run inside one (a savepoint's release keeps what was set in it)
        for name in chosen:
            cursor.execute(f"RESET {name}")


def count(search: Search, found: QuerySet[BibRecord]) -> tuple[int, bool]:
    """(number of records, whether exact). Exact up to COUNT_EXACT; above, estimated from how
    far back the newest COUNT_EXACT + 1 matches reach (or, on PostgreSQL, how far forward the
    oldest do), since counting a word that half a million records hold costs more than the
    whole answer may."""
    if search.words is not None and not search.rest and connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # the words alone: the index counts them
            cursor.execute(_COUNT_WORDS, [search.words.sqlite, COUNT_EXACT + 1])
            capped, edge = cursor.fetchone()
        return _counted(capped, edge, newest_first=True)
    ordered = found if connection.vendor == "sqlite" else found.order_by()
    try:
        sql, ids_params = _ids(ordered)[: COUNT_EXACT + 1].query.sql_with_params()
    except EmptyResultSet:  # a condition that nothing can meet (a query of no words)
        return 0, True
    # SQLite reads the newest first, cheaply; PostgreSQL's bitmap, in the table's order
    edge_of = "min" if connection.vendor == "sqlite" else "max"
    with _plan(search, through_index=True), connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*), {edge_of}(match_id) FROM ({sql}) first", ids_params)  # noqa: S608 - Django's own SQL
        capped, edge = cursor.fetchone()
    return _counted(capped, edge, newest_first=connection.vendor == "sqlite")


WALK = 30_000  # rows of the newest a PostgreSQL count walks before it asks the index instead


def _walk(where: str, params: list[Any]) -> tuple[int, bool] | None:
    """PostgreSQL, where the planner expects many matches: walk the newest WALK records. If
    COUNT_EXACT + 1 of them match, the estimate is how far back those reach; if fewer but the
    share of the walk that matches, as of the whole table, is still twice COUNT_EXACT (and the
    planner agrees), the estimate is that share. Otherwise None: the index counts instead."""
    with connection.cursor() as cursor:
        explain = f"EXPLAIN (FORMAT JSON) SELECT 1 FROM exchange_bibrecord WHERE {where}"  # noqa: S608 - Django's own SQL
        cursor.execute(explain, params)
        expected = cursor.fetchone()[0][0]["Plan"]["Plan Rows"]
        if expected <= 2 * COUNT_EXACT:
            return None
        cursor.execute(
            "SELECT count(*), count(*) FILTER (WHERE hit) FROM ("  # noqa: S608 - Django's own SQL
            f"SELECT id, ({where}) AS hit FROM exchange_bibrecord ORDER BY id DESC LIMIT %s) "
            "walked",
            [*params, WALK],
        )  # fmt: skip
        walked, hits = cursor.fetchone()
    if hits > COUNT_EXACT:  # the walk is longer than needed for these; count them as SQLite
        return None if walked < WALK else _newest(where, params)
    share = hits / max(walked, 1) * _table_size()
    return (max(COUNT_EXACT + 1, round(share)), False) if share > 2 * COUNT_EXACT else None


def _indexed(search: Search, where: str, params: list[Any]) -> int:
    """PostgreSQL: how many rows the word index gives for a search of words alone, read from
    the index without the table (0 for a search with other conditions too). A GIN index
    cannot count by itself, and counting through the table reads a page per match; but the
    index's bitmap holds every match, and EXPLAIN ANALYZE of a query that stops at the first
    row says how many it held. That includes rows deleted, replaced or rolled back (a refused
    import) since the table's last VACUUM, which migration 0011 has autovacuum run after 1 %
    of the table has changed so: the number is said only as an estimate (over COUNT_EXACT)."""
    if search.rest:
        return 0
    with _plan(search, through_index=True), connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF, FORMAT JSON) "  # noqa: S608 - Django's own SQL
            f"SELECT 1 FROM exchange_bibrecord WHERE {where} LIMIT 1", params,
        )  # fmt: skip
        plan = cursor.fetchone()[0][0]["Plan"]
    scans = list(_nodes(plan, "Bitmap Index Scan"))
    return int(scans[0]["Actual Rows"]) if len(scans) == 1 else 0


def _nodes(plan: dict[str, Any], kind: str) -> Iterator[dict[str, Any]]:
    if plan.get("Node Type") == kind:
        yield plan
    for below in plan.get("Plans", []):
        yield from _nodes(below, kind)


def _newest(where: str, params: list[Any]) -> tuple[int, bool]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), min(id) FROM (SELECT id FROM exchange_bibrecord "  # noqa: S608 - Django's own SQL
            f"WHERE {where} ORDER BY id DESC LIMIT %s) newest", [*params, COUNT_EXACT + 1],
        )  # fmt: skip
        capped, edge = cursor.fetchone()
    return _counted(capped, edge, newest_first=True)


def _span() -> tuple[int, int]:
    """The lowest and highest record id: two look-ups of the primary key (SQLite scans the
    table for MIN and MAX asked in one query)."""
    pks = BibRecord.objects.values_list("pk", flat=True)
    return pks.order_by("pk").first() or 0, pks.order_by("-pk").first() or 0


def _table_size() -> int:
    low, high = _span()
    return high - low + 1 if high else 0


def _ids(found: QuerySet[BibRecord]) -> QuerySet[BibRecord, int]:
    return found.annotate(match_id=F("pk")).values_list("match_id", flat=True)


def _where(found: QuerySet[BibRecord]) -> tuple[str, list[Any]]:
    """The condition of `found` as SQL on exchange_bibrecord, with its parameters."""
    compiler = found.query.get_compiler(connection=connection)
    sql, params = compiler.compile(found.query.where)
    return (sql or "TRUE"), list(params)


def _counted(capped: int, edge: int | None, *, newest_first: bool) -> tuple[int, bool]:
    if capped <= COUNT_EXACT or edge is None:
        return capped, True
    low, high = _span()
    reach = (high - edge + 1) if newest_first else (edge - low + 1)
    estimate = (COUNT_EXACT + 1) * (high - low + 1) / max(reach, 1)
    return max(COUNT_EXACT + 1, round(estimate)), False


def page(
    search: Search, found: QuerySet[BibRecord], offset: int, limit: int, *, many: bool
) -> list[BibRecord]:
    """One page of `found` (`many`: more than COUNT_EXACT match), read in two steps as the
    catalogue's: the page's ids, then those rows whole."""
    with _plan(search, through_index=not many):
        ids = list(found.values_list("pk", flat=True)[offset : offset + limit])
    return _rows(ids)


def _rows(ids: list[int]) -> list[BibRecord]:
    rows = BibRecord.objects.select_related("organisation").in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]


@dataclass(frozen=True)
class Found:
    total: int
    exact: bool
    records: list[BibRecord]


def find(search: Search, offset: int, limit: int) -> Found:
    """The number of records the search finds (count) and the page of them asked for."""
    found = records(search)
    if connection.vendor == "postgresql" and search.words is not None:
        return _find_postgresql(search, found, offset, limit)
    total, exact = count(search, found)
    chosen = page(search, found, offset, limit, many=not exact) if limit else []
    return Found(total, exact, chosen)


def _find_postgresql(search: Search, found: QuerySet[BibRecord], offset: int, limit: int) -> Found:
    """Many matches: counted by the walk, the page read walking the newest. Otherwise the
    newest COUNT_EXACT + 1 ids through the index, in one read that both counts and pages."""
    try:
        where, params = _where(found)
    except EmptyResultSet:
        return Found(0, True, [])
    with _plan(search, through_index=False):
        walked = _walk(where, params)
    if walked is not None:
        chosen = page(search, found, offset, limit, many=True) if limit else []
        return Found(*walked, chosen)
    indexed = _indexed(search, where, params)
    if indexed > COUNT_EXACT and (offset + limit) * _table_size() <= WALK * indexed:
        # many, and the page near the newest: counted by the index, the page walked to
        chosen = page(search, found, offset, limit, many=True) if limit else []
        return Found(indexed, False, chosen)
    with _plan(search, through_index=True):
        ids = list(found.values_list("pk", flat=True)[: COUNT_EXACT + 1])
    total, exact = _counted(len(ids), ids[-1] if ids else None, newest_first=True)
    if not exact and indexed > COUNT_EXACT:  # the index's count beats how far back they reach
        total = indexed
    if not limit:
        return Found(total, exact, [])
    if offset + limit <= len(ids):
        return Found(total, exact, _rows(ids[offset : offset + limit]))
    return Found(total, exact, page(search, found, offset, limit, many=not exact))
