"""The month view of the calendar: weeks from Monday, each day with its events and the days off
of both countries (an event is placed on the local date of its first venue)."""

from __future__ import annotations

import calendar
import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field

from kopir.events import calendars
from kopir.events.models import Event

COUNTRIES = ("KZ", "RU")
MAX_DAYS_SHOWN = 62  # a long exhibition appears on at most this many days of the grid


@dataclass
class DayOff:
    """A public holiday or a moved day off in one country; or, with working set, a weekend day
    that a decree made a working day."""

    country: str
    name: str
    working: bool = False


@dataclass
class MonthDay:
    date: datetime.date
    in_month: bool
    today: bool
    entries: list[tuple[Event, datetime.datetime]] = field(default_factory=list)
    days_off: list[DayOff] = field(default_factory=list)


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, value: str, today: datetime.date) -> Month:
        """ "2026-11" → Month(2026, 11); anything else is the current month."""
        try:
            year, month = (int(part) for part in value.split("-", 1))
            datetime.date(year, month, 1)
        except (ValueError, TypeError):
            return cls(today.year, today.month)
        if not 1900 <= year <= 2200:
            return cls(today.year, today.month)
        return cls(year, month)

    @property
    def first(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def grid(self) -> tuple[datetime.date, datetime.date]:
        """The Monday before the first and the Sunday after the last day of the month."""
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(self.year, self.month)
        return weeks[0][0], weeks[-1][-1]

    @property
    def previous(self) -> str:
        day = self.first - datetime.timedelta(days=1)
        return f"{day.year:04d}-{day.month:02d}"

    @property
    def next(self) -> str:
        day = self.first + datetime.timedelta(days=32)
        return f"{day.year:04d}-{day.month:02d}"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _first_zone(event: Event) -> zoneinfo.ZoneInfo:
    venues = list(event.venues.all())
    return zoneinfo.ZoneInfo(venues[0].time_zone if venues else "UTC")


def month_weeks(
    month: Month, events: Iterable[Event], *, today: datetime.date, language: str
) -> list[list[MonthDay]]:
    """The grid of `month`, each day holding its events (in local start order) and days off."""
    first, last = month.grid
    days: dict[datetime.date, MonthDay] = {}
    day = first
    while day <= last:
        days[day] = MonthDay(day, day.month == month.month, day == today)
        day += datetime.timedelta(days=1)
    for event in events:
        zone = _first_zone(event)
        start = event.starts_at.astimezone(zone)
        end_day = event.ends_at.astimezone(zone).date()
        day = max(start.date(), first)
        for _ in range(MAX_DAYS_SHOWN):
            if day > min(end_day, last):
                break
            days[day].entries.append((event, start))
            day += datetime.timedelta(days=1)
    overrides = calendars.load_overrides(set(COUNTRIES), first, last)
    for day, cell in days.items():
        cell.entries.sort(key=lambda entry: (entry[1], entry[0].pk))
        for country in COUNTRIES:
            status = calendars.day_status(country, day, language, overrides)
            if status.name and not status.working:
                cell.days_off.append(DayOff(country, status.name))
            elif status.working and day.weekday() >= 5:
                cell.days_off.append(DayOff(country, status.name, working=True))
    return [list(days.values())[i : i + 7] for i in range(0, len(days), 7)]
