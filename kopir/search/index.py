"""Writing the search index: one SearchEntry per public object, kept current on every change
(signals.py) and rebuilt in bulk (`manage.py search_rebuild`, the demo loader, the bench).

The FTS5 table on SQLite follows heritage_searchentry by triggers and PostgreSQL indexes an
expression over its columns (migration 0002), so writing the rows is all there is to do.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from kopir.core.page_cache import content_changed
from kopir.search.analysis import analyse
from kopir.search.models import SearchEntry
from kopir.search.sources import REGISTRY, Document

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
    # Delete and insert rather than update: the FTS5 triggers then see one clean change.
    SearchEntry.objects.filter(kind=kind, object_id__in=ids).delete()
    SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
    content_changed()  # cached search pages showed the old entries


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
    content_changed()
    return total
