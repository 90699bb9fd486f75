"""Reads of events, with venues and organisers prefetched (a constant number of queries)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kopir.events.models import Event, Venue
from kopir.network.models import Organisation


@dataclass(frozen=True)
class EventFilter:
    format: str = ""
    audience: str = ""
    country: str = ""
    organisation: str = ""
    period: str = "upcoming"  # upcoming | past | all


def _with_related(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.prefetch_related(
        Prefetch(
            "venues", Venue.objects.select_related("settlement__region__country", "organisation")
        ),
        Prefetch("organisers", Organisation.objects.order_by("name_ru")),
    )


def event_list(
    filters: EventFilter | None = None, now: datetime.datetime | None = None
) -> QuerySet[Event]:
    filters = filters or EventFilter()
    now = now or timezone.now()
    events = Event.objects.all()
    if filters.period == "upcoming":
        events = events.filter(ends_at__gte=now).order_by("starts_at", "pk")
    elif filters.period == "past":
        events = events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    if filters.format:
        events = events.filter(format=filters.format)
    if filters.audience:
        events = events.filter(audience=filters.audience)
    if filters.country:
        events = events.filter(venues__settlement__region__country__code=filters.country)
    if filters.organisation:
        events = events.filter(organisers__slug=filters.organisation)
    if filters.country or filters.organisation:
        events = events.distinct()
    return _with_related(events)


def event_get(slug: str) -> Event:
    return get_object_or_404(_with_related(Event.objects.all()), slug=slug)
