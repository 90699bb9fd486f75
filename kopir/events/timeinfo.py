"""An event's time at each venue, for any date (tz database from the pinned tzdata package)."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass
from typing import Any

from kopir.core import multilingual
from kopir.core.zones import offset_label


@dataclass(frozen=True)
class VenueTime:
    place: str
    zone: str
    starts: datetime.datetime
    ends: datetime.datetime

    @property
    def offset(self) -> str:
        return offset_label(self.starts)


def venue_times(event: Any, language: str | None = None) -> list[VenueTime]:
    """Start and end of the event in each venue's own zone (venues prefetched)."""
    times = []
    for venue in event.venues.all():
        zone = zoneinfo.ZoneInfo(venue.time_zone)
        place = multilingual.text(venue.settlement, "name", language)
        times.append(
            VenueTime(
                place,
                venue.time_zone,
                event.starts_at.astimezone(zone),
                event.ends_at.astimezone(zone),
            )
        )
    return times


def hours_apart(first: VenueTime, second: VenueTime) -> float:
    """How far apart two venues' clocks are at the event's start, in hours."""
    a = first.starts.utcoffset() or datetime.timedelta(0)
    b = second.starts.utcoffset() or datetime.timedelta(0)
    return abs((a - b).total_seconds()) / 3600
