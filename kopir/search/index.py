"""Writing the search index: one SearchEntry per public object, kept current on every change
(signals.py) and rebuilt in bulk (`manage.py search_rebuild`, the demo loader, the bench).

The FTS5 table on SQLite follows heritage_searchentry by triggers and PostgreSQL generates its
stored vector from the columns (search migration 0002), so writing the rows is all there is to
do for matching; the facet counts of everything (models.FacetCount) are kept here, in the same
transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import connection, transaction

from kopir.core.page_cache import content_changed
from kopir.search.analysis import analyse
from kopir.search.models import FacetCount, SearchEntry
from kopir.search.sources import REGISTRY, Document, count_tokens

BATCH = 500


def _entry(kind: str, document: Document) -> SearchEntry:
    title = analyse(" ".join(t for t in document.titles if t))
    body = analyse(" ".join(t for t in document.body if t))
    return SearchEntry(
        kind=kind,
        object_id=document.object_id,
        title=title,
        body=body,
        facets=" ".join(sorted(set(document.facets))),
        sort_title=document.sort_title[:200],
        sort_date=document.sort_date,
    )


@transaction.atomic
def refresh(kind: str, ids: Iterable[int]) -> None:
    """Re-index these objects of one kind: public ones are (re)written, the others removed."""
    ids = set(ids)
    if not ids:
        return
    source = REGISTRY[kind]
    entries = [_entry(kind, document) for document in source.documents(ids)]
    old = SearchEntry.objects.filter(kind=kind, object_id__in=ids)
    change = count_tokens(entry.facets for entry in entries)
    change.subtract(count_tokens(old.values_list("facets", flat=True)))
    # Delete and insert rather than update: the FTS5 triggers then see one clean change.
    old.delete()
    SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
    _count(change)
    content_changed()  # cached search pages showed the old entries


def _count(change: Counter[str]) -> None:
    """Add each token's change to its count: one upsert that adds, so two writers at once
    both count (SQLite and PostgreSQL share the syntax)."""
    rows = [(token, n) for token, n in change.items() if n]
    if not rows:
        return
    table = FacetCount._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (token, count) VALUES (%s, %s) "  # noqa: S608
            f"ON CONFLICT (token) DO UPDATE SET count = {table}.count + excluded.count",
            rows,
        )
    FacetCount.objects.filter(count__lte=0).delete()


def recount() -> None:
    """Every count again from the entries (after a rebuild)."""
    FacetCount.objects.all().delete()
    tokens = count_tokens(
        SearchEntry.objects.values_list("facets", flat=True).iterator(chunk_size=5000)
    )
    FacetCount.objects.bulk_create(
        (FacetCount(token=token, count=n) for token, n in tokens.items()), batch_size=BATCH
    )


@transaction.atomic
def rebuild(kinds: Iterable[str] | None = None) -> int:
    """Rebuild the index of the given kinds (all by default); returns the number of entries."""
    total = 0
    for kind in kinds or list(REGISTRY):
        SearchEntry.objects.filter(kind=kind).delete()
        batch: list[SearchEntry] = []
        for document in REGISTRY[kind].documents():
            batch.append(_entry(kind, document))
            if len(batch) >= BATCH:
                SearchEntry.objects.bulk_create(batch)
                total, batch = total + len(batch), []
        SearchEntry.objects.bulk_create(batch)
        total += len(batch)
    recount()
    content_changed()
    return total
