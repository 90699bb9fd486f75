"""Reads of events, with venues and organisers prefetched (a constant number of queries)."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kopir.events.models import (
    Attendance,
    Event,
    EventLink,
    EventPhoto,
    EventStatus,
    Registration,
    RegistrationKind,
    RegistrationStatus,
    Venue,
)
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


def event_span(filters: EventFilter, first: datetime.date, last: datetime.date) -> QuerySet[Event]:
    """Events that touch the days first..last in some zone (a day's margin either side)."""
    margin = datetime.timedelta(days=1)
    start = datetime.datetime.combine(first - margin, datetime.time(), tzinfo=datetime.UTC)
    end = datetime.datetime.combine(last + margin * 2, datetime.time(), tzinfo=datetime.UTC)
    events = event_list(dataclasses.replace(filters, period="all"))
    return events.filter(starts_at__lt=end, ends_at__gte=start).order_by("starts_at", "pk")


def event_get(slug: str) -> Event:
    """One event with everything its page shows: venues, organisers, photos and links."""
    events = _with_related(Event.objects.all()).prefetch_related("photos", "links")
    return get_object_or_404(events, slug=slug)


def photo_get(slug: str, pk: int) -> EventPhoto:
    """One photo of the event at `slug` (another event's is not found)."""
    return get_object_or_404(EventPhoto.objects.select_related("event"), pk=pk, event__slug=slug)


def link_get(slug: str, pk: int) -> EventLink:
    return get_object_or_404(EventLink.objects.select_related("event"), pk=pk, event__slug=slug)


def registration_get(slug: str, pk: int) -> Registration:
    queryset = Registration.objects.select_related("event")
    return get_object_or_404(queryset, pk=pk, event__slug=slug)


SEATS = F("children") + F("adults")  # the places a registration holds


def places_taken(event: Event) -> int:
    """Places held by confirmed registrations (children and adults)."""
    confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED)
    return confirmed.aggregate(total=Sum(SEATS))["total"] or 0


def places_left(event: Event, taken: int | None = None) -> int | None:
    """Places still free (None: the event has no limit); `taken` when already counted."""
    if event.capacity is None:
        return None
    return max(event.capacity - (places_taken(event) if taken is None else taken), 0)


def registration_list(event: Event) -> QuerySet[Registration]:
    """An event's registrations in the order they came (its organisers' list)."""
    return event.registrations.select_related("venue__settlement", "venue__organisation").order_by(
        "created_at", "pk"
    )


ORGANISATION_EVENTS_SHOWN = 10


def organisation_events(
    organisation: Organisation, now: datetime.datetime | None = None
) -> tuple[list[Event], list[Event]]:
    """An organisation's next events and its history (the latest first), with the number of
    participants and photos of each; its branches' events count as its own."""
    now = now or timezone.now()
    involved = Event.objects.filter(
        Q(organisers=organisation) | Q(organisers__parent=organisation)
        | Q(venues__organisation=organisation)
    ).values("pk")  # fmt: skip
    # Subqueries, not joins: a join over venues and photos would multiply the sums.
    participants = (
        Attendance.objects.filter(venue__event=OuterRef("pk"))
        .order_by()  # no ordering columns in the GROUP BY
        .values("venue__event")
        .annotate(total=Sum("count"))
        .values("total")
    )
    photos = (
        EventPhoto.objects.filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(total=Count("pk"))
        .values("total")
    )
    events = Event.objects.filter(pk__in=involved).annotate(
        participants=Subquery(participants), photo_count=Subquery(photos)
    )
    upcoming = events.filter(ends_at__gte=now).order_by("starts_at", "pk")
    past = events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")
    return list(upcoming[:ORGANISATION_EVENTS_SHOWN]), list(past[:ORGANISATION_EVENTS_SHOWN])


AHEAD_DAYS = 60


def _involving(organisations: QuerySet[Organisation] | None) -> QuerySet[Event]:
    """Events organised by, or with a venue at, one of `organisations` (None: every one)."""
    if organisations is None:
        return Event.objects.all()
    involved = Event.objects.filter(
        Q(organisers__in=organisations) | Q(venues__organisation__in=organisations)
    ).values("pk")
    return Event.objects.filter(pk__in=involved)


def events_ahead(
    organisations: QuerySet[Organisation] | None, now: datetime.datetime, *, days: int = AHEAD_DAYS
) -> QuerySet[Event]:
    """The next `days` days' events of these organisations (not cancelled), each with its
    confirmed registrations (`registered`) and the places they hold (`taken`)."""
    confirmed = Registration.objects.filter(
        event=OuterRef("pk"), status=RegistrationStatus.CONFIRMED
    ).order_by().values("event")  # fmt: skip
    events = (
        _involving(organisations)
        .filter(ends_at__gte=now, starts_at__lt=now + datetime.timedelta(days=days))
        .exclude(status=EventStatus.CANCELLED)
        .annotate(
            registered=Subquery(confirmed.annotate(n=Count("pk")).values("n")),
            taken=Subquery(confirmed.annotate(n=Sum(SEATS)).values("n")),
        )
        .order_by("starts_at", "pk")
    )
    return _with_related(events)


REPORT_WITHIN_DAYS = 365


def events_to_report(
    organisations: QuerySet[Organisation] | None, now: datetime.datetime
) -> QuerySet[Event]:
    """This year's past events of these organisations still marked planned or confirmed:
    each waits to be marked held with its attendance, which the reports' figures of
    participants are made of."""
    return (
        _involving(organisations)
        .filter(ends_at__lt=now, ends_at__gte=now - datetime.timedelta(days=REPORT_WITHIN_DAYS))
        .filter(status__in=[EventStatus.PLANNED, EventStatus.CONFIRMED])
        .order_by("-starts_at", "-pk")
    )


@dataclass
class RegistrationTotal:
    """Places of one venue (or of the whole event): confirmed groups, single adults, children
    and adults among them, and the places asked for on the waiting list."""

    venue: Venue | None
    groups: int = 0
    persons: int = 0
    children: int = 0
    adults: int = 0
    waiting: int = 0

    @property
    def places(self) -> int:
        return self.children + self.adults


def registration_totals(event: Event) -> tuple[list[RegistrationTotal], RegistrationTotal]:
    """The organisers' totals: one row per venue in the event's order (registrations that
    named none, from before venues were asked, last), and the event's total."""
    rows = {venue.pk: RegistrationTotal(venue) for venue in event.venues.all()}
    unplaced = RegistrationTotal(None)
    total = RegistrationTotal(None)
    for registration in event.registrations.exclude(status=RegistrationStatus.CANCELLED):
        for row in (rows.get(registration.venue_id or 0, unplaced), total):
            if registration.status == RegistrationStatus.WAITING:
                row.waiting += registration.seats
                continue
            row.groups += registration.kind == RegistrationKind.GROUP
            row.persons += registration.kind == RegistrationKind.PERSON
            row.children += registration.children
            row.adults += registration.adults
    listed = list(rows.values())
    if unplaced.places or unplaced.waiting:
        listed.append(unplaced)
    return listed, total
