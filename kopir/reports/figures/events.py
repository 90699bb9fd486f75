"""Events, participants, video bridges and the institutions that took part.

An event counts in the period when it starts in it and was not cancelled; it is in scope when
an organiser or a venue is (a venue's place counts for a country or region filter). Participants
are the attendance the organisers recorded, by audience group and by the side (country) of the
venue where they were.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import formats

from kopir.core import multilingual
from kopir.events.models import Attendance, Event, EventFormat, EventStatus, Venue
from kopir.network.models import Organisation
from kopir.reports.params import (
    ReportParams,
    bounds,
    organisation_filter,
    place_filter,
    time_zone,
)

VENUE_COUNTRY = F("settlement__region__country__code")


def events(params: ReportParams) -> QuerySet[Event]:
    """The events of the period in scope (not cancelled)."""
    start, end = bounds(params)
    found = Event.objects.filter(starts_at__gte=start, starts_at__lt=end).exclude(
        status=EventStatus.CANCELLED
    )
    if not params.is_scoped:
        return found
    organised = Event.objects.filter(organisation_filter(params, "organisers__")).values("pk")
    hosted = Venue.objects.filter(organisation_filter(params, "organisation__")).values("event")
    q = Q(pk__in=organised) | Q(pk__in=hosted)
    if not params.organisation:
        q |= Q(pk__in=Venue.objects.filter(place_filter(params)).values("event"))
    return found.filter(q)


def by_month(found: QuerySet[Event]) -> dict[tuple[int, int], int]:
    """Events per (year, month) of the coordinating library's calendar."""
    month = TruncMonth("starts_at", tzinfo=time_zone())
    rows = found.order_by().annotate(month=month).values("month").annotate(n=Count("pk"))
    out: dict[tuple[int, int], int] = {}
    for row in rows:
        key = (row["month"].year, row["month"].month)
        out[key] = out.get(key, 0) + row["n"]
    return out


def by_country(found: QuerySet[Event]) -> dict[str, int]:
    """Events with a venue in each country (a joint event counts on both sides)."""
    rows = (
        Venue.objects.filter(event__in=found.values("pk"))
        .order_by()
        .annotate(code=VENUE_COUNTRY)  # named first: values() of an expression alone
        .values("code")  # would group by every column
        .annotate(n=Count("event", distinct=True))
    )
    return {row["code"]: row["n"] for row in rows}


def joint(found: QuerySet[Event]) -> int:
    """Events held on both sides of the border at once (venues in two countries or more)."""
    return (
        Venue.objects.filter(event__in=found.values("pk"))
        .order_by()
        .values("event")
        .annotate(sides=Count(VENUE_COUNTRY, distinct=True))
        .filter(sides__gte=2)
        .count()
    )


def participants(
    found: QuerySet[Event], *, venues_of: ReportParams | None = None
) -> dict[tuple[str, str], int]:
    """People who came, by (audience group, country of the venue); only at the venues of the
    organisations in `venues_of` when it is given (one organisation's own statistics)."""
    attendance = Attendance.objects.filter(venue__event__in=found.values("pk"))
    if venues_of is not None:
        attendance = attendance.filter(organisation_filter(venues_of, "venue__organisation__"))
    rows = (
        attendance.order_by()
        .values("group", code=F("venue__settlement__region__country__code"))
        .annotate(n=Sum("count"))
    )
    return {(row["group"], row["code"]): row["n"] for row in rows}


@dataclass(frozen=True)
class Bridge:
    event: Event
    places: list[str]
    participants: int


def video_bridges(found: QuerySet[Event]) -> list[Bridge]:
    bridges = (
        found.filter(format=EventFormat.VIDEO_BRIDGE)
        .prefetch_related("venues__settlement")
        .annotate(people=Sum("venues__attendance__count"))
        .order_by("starts_at", "pk")
    )
    return [
        Bridge(
            event,
            [multilingual.text(venue.settlement, "name") for venue in event.venues.all()],
            event.people or 0,
        )
        for event in bridges
    ]


def institutions(found: QuerySet[Event]) -> QuerySet[Organisation]:
    """The organisations that organised or hosted the events."""
    ids = found.values("pk")
    return Organisation.objects.filter(
        Q(pk__in=Event.organisers.through.objects.filter(event__in=ids).values("organisation"))
        | Q(pk__in=Venue.objects.filter(event__in=ids).values("organisation"))
    )


def institutions_by_country(found: QuerySet[Event]) -> dict[str, int]:
    rows = (
        institutions(found)
        .order_by()
        .annotate(code=F("settlement__region__country__code"))
        .values("code")
        .annotate(n=Count("pk"))
    )
    return {row["code"]: row["n"] for row in rows}


def month_label(year: int, month: int, *, with_year: bool = True) -> str:
    """ "2025 жылғы қаңтар", "Январь 2025"; only the month within a one-year period."""
    day = datetime.date(year, month, 1)
    return formats.date_format(day, "YEAR_MONTH_FORMAT" if with_year else "F")
