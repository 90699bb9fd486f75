"""Keep the index current: a change to a searchable object, or to what its entry shows
(an item's places and subjects, an event's venues), re-indexes it after the commit."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save


class _Pending:
    """The objects to re-index when the current transaction commits, each kind once."""

    def __init__(self) -> None:
        self.ids: dict[str, set[int]] = defaultdict(set)
        self.done = False

    def flush(self) -> None:
        from kopir.heritage.search import index

        self.done = True
        for kind, ids in self.ids.items():
            index.refresh(kind, ids)


def _queue(kind: str, ids: list[int]) -> None:
    """Re-index after the commit (at once outside a transaction; never if it rolls back).

    Saving an item sends several signals (the row, then its places, persons and subjects):
    they share one pending set, so the item is indexed once per transaction, not per signal.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        from kopir.heritage.search import index

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
        connection.kopir_search_pending = pending  # type: ignore[attr-defined]
        transaction.on_commit(pending.flush)
    pending.ids[kind].update(ids)


def _item_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    _queue("item", [instance.pk])


def _item_relations(
    sender: Any, instance: Any, action: str, pk_set: Any, model: Any, reverse: bool, **kwargs: Any
) -> None:
    if not action.startswith("post_"):
        return
    from kopir.heritage.models import Item

    if model is Item:  # project.items.add(…): the items' project facet changes
        _queue("item", list(pk_set or []))
    elif isinstance(instance, Item):
        _queue("item", [instance.pk])


def _organisation_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    _queue("organisation", [instance.pk])


def _event_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    _queue("event", [instance.pk])


def _venue_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    _queue("event", [instance.event_id])


def connect() -> None:
    from kopir.events.models import Event, Venue
    from kopir.heritage.models import Item, Project
    from kopir.network.models import Organisation

    for signal in (post_save, post_delete):
        signal.connect(_item_changed, sender=Item, dispatch_uid=f"search-item-{signal}")
        signal.connect(
            _organisation_changed, sender=Organisation, dispatch_uid=f"search-org-{signal}"
        )
        signal.connect(_event_changed, sender=Event, dispatch_uid=f"search-event-{signal}")
        signal.connect(_venue_changed, sender=Venue, dispatch_uid=f"search-venue-{signal}")
    for through in (
        Item.places.through,
        Item.persons.through,
        Item.subjects.through,
        Project.items.through,
    ):
        m2m_changed.connect(_item_relations, sender=through, dispatch_uid=f"search-{through}")
    m2m_changed.connect(
        _event_changed_m2m, sender=Event.organisers.through, dispatch_uid="search-event-organisers"
    )


def _event_changed_m2m(
    sender: Any, instance: Any, action: str, reverse: bool, **kwargs: Any
) -> None:
    if action.startswith("post_") and not reverse:
        _queue("event", [instance.pk])
