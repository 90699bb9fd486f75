"""The events in the site search (kopir.search): what is indexed of an event, how a hit is
shown, and the changes that re-index it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kopir.core import multilingual
from kopir.events.models import Event, Venue
from kopir.search.signals import queue
from kopir.search.sources import (
    Document,
    HitView,
    SearchSource,
    facet,
    ml,
    place_ids,
    register,
)


class EventSource(SearchSource):
    kind = "event"
    label = _("events")

    model = Event

    def public(self) -> QuerySet[Any]:
        return Event.objects.prefetch_related("organisers", "venues__settlement__heritage_place")

    def document(self, event: Any) -> Document:
        venues = list(event.venues.all())
        body = [*ml(event, "description"), *ml(event, "report")]
        for venue in venues:
            body += [*ml(venue, "name"), *ml(venue.settlement, "name")]
        day = event.starts_at.date()
        facets = [facet("kind", "event"), facet("decade", day.year // 10 * 10)]
        facets += [facet("org", org.pk) for org in event.organisers.all()]
        facets += [facet("place", pk) for pk in place_ids(v.settlement for v in venues)]
        return Document(
            event.pk,
            ml(event, "title"),
            body,
            facets,
            sort_title=multilingual.text(event, "title", "ru")[:200],
            sort_date=day,
        )

    def view(self, event: Any) -> HitView:
        return HitView(
            multilingual.render(event, "title"),
            reverse("events:event-detail", args=[event.slug]),
            multilingual.text(event, "description"),
            "",
            [event.get_format_display()],
        )


def _event_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    queue("event", [instance.pk])


def _venue_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    queue("event", [instance.event_id])


def _organisers_changed(
    sender: Any, instance: Any, action: str, reverse: bool, **kwargs: Any
) -> None:
    if action.startswith("post_") and not reverse:
        queue("event", [instance.pk])


def connect() -> None:
    """Register the source and keep the index current (EventsConfig.ready)."""
    register(EventSource())
    for signal in (post_save, post_delete):
        signal.connect(_event_changed, sender=Event, dispatch_uid=f"search-event-{signal}")
        signal.connect(_venue_changed, sender=Venue, dispatch_uid=f"search-venue-{signal}")
    m2m_changed.connect(
        _organisers_changed, sender=Event.organisers.through, dispatch_uid="search-event-organisers"
    )
