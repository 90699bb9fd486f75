"""Planning an event across the border: the local time entered at the host venue becomes UTC,
and every venue is checked against its country's calendar and its working hours."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import get_language

from kopir.core import multilingual
from kopir.events.calendars import Side, SlotWarning, slot_warnings, suggest_slots
from kopir.events.models import Venue
from kopir.events.timeinfo import VenueTime
from kopir.network.models import Organisation


def side_for(organisation: Organisation) -> Side:
    settlement = organisation.settlement
    assert settlement is not None  # noqa: S101 - venues are organisations with a place
    return Side(
        place=multilingual.text(settlement, "name"),
        country=settlement.region.country.code,
        zone=settlement.time_zone,
        work_starts=organisation.work_starts,
        work_ends=organisation.work_ends,
        work_days=organisation.work_days,
    )


def side_for_place(venue: Venue) -> Side:
    """A venue that is a place, not an organisation: no opening hours, only the day is checked."""
    return Side(
        place=multilingual.text(venue.settlement, "name"),
        country=venue.settlement.region.country.code,
        zone=venue.time_zone,
        work_starts=datetime.time(0, 0),
        work_ends=datetime.time(23, 59),
        work_days="1234567",
    )


def to_utc(day: datetime.date, time: datetime.time, zone: str) -> datetime.datetime:
    """A local wall-clock time at the host venue as a UTC instant (fold=0 in a repeated hour)."""
    local = datetime.datetime.combine(day, time, tzinfo=zoneinfo.ZoneInfo(zone))
    return local.astimezone(datetime.UTC)


@dataclass(frozen=True)
class Suggestion:
    starts: datetime.datetime  # UTC
    local: str  # "2024-05-13T11:00", at the host venue, for the form
    times: tuple[VenueTime, ...] = ()  # the slot at each venue, in its own time


@dataclass(frozen=True)
class PlanCheck:
    starts: datetime.datetime
    ends: datetime.datetime
    warnings: list[SlotWarning]
    suggestions: list[Suggestion]


def check_plan(
    host: Organisation | None,
    partners: list[Organisation],
    day: datetime.date,
    time: datetime.time,
    duration: datetime.timedelta,
    places: Sequence[Venue] = (),
) -> PlanCheck:
    """Warnings for the slot at every venue, and, if any, the next slots that suit them all.

    The time is local at the host, or, with no host organisation, at the first place."""
    venues = [host, *[p for p in partners if host is None or p.pk != host.pk]]
    sides = [side_for(o) for o in venues if o is not None and o.settlement is not None]
    sides += [side_for_place(venue) for venue in places]
    zone = sides[0].zone
    starts = to_utc(day, time, zone)
    language = (get_language() or "ru")[:2]
    warnings = slot_warnings(starts, starts + duration, sides, language)
    suggestions = []
    if warnings:
        for found in suggest_slots(starts, duration, sides):
            local = found.astimezone(zoneinfo.ZoneInfo(zone))
            times = tuple(_at(side, found, duration) for side in _distinct(sides))
            suggestions.append(Suggestion(found, local.strftime("%Y-%m-%dT%H:%M"), times))
    return PlanCheck(starts, starts + duration, warnings, suggestions)


def _distinct(sides: list[Side]) -> list[Side]:
    """One side per place and zone (two libraries of one town share a clock)."""
    distinct: dict[tuple[str, str], Side] = {}
    for side in sides:
        distinct.setdefault((side.place, side.zone), side)
    return list(distinct.values())


def _at(side: Side, starts: datetime.datetime, duration: datetime.timedelta) -> VenueTime:
    zone = zoneinfo.ZoneInfo(side.zone)
    return VenueTime(
        side.place, side.zone, starts.astimezone(zone), (starts + duration).astimezone(zone)
    )
