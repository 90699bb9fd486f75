"""Keep the index current: the domain apps queue a changed object, or one whose entry shows
what changed (an item's places and subjects, an event's venues), and it is re-indexed once,
after the commit."""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction

from kopir.search import index


class _Pending:
    """The objects to re-index when the current transaction commits, each kind once."""

    def __init__(self) -> None:
        self.ids: dict[str, set[int]] = defaultdict(set)
        self.done = False

    def flush(self) -> None:
        self.done = True
        for kind, ids in self.ids.items():
            index.refresh(kind, ids)


def queue(kind: str, ids: list[int]) -> None:
    """Re-index after the commit (at once outside a transaction; never if it rolls back).

    Saving an item sends several signals (the row, then its places, persons and subjects):
    they share one pending set, so the item is indexed once per transaction, not per signal.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        index.refresh(kind, set(ids))
        return
    pending: _Pending | None = getattr(connection, "kopir_search_pending", None)
    scheduled = (
        pending is not None
        and not pending.done
        and any(entry[1] == pending.flush for entry in connection.run_on_commit)
    )
    if pending is None or not scheduled:  # the first change, or the last set rolled back
        pending = _Pending()
        connection.kopir_search_pending = pending
        transaction.on_commit(pending.flush)
    pending.ids[kind].update(ids)
