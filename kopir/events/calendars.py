"""Two holiday calendars and the working hours of each venue: warnings and suggested slots.

Public holidays, transferred days off and working Saturdays come from the `holidays` package
(KZ, RU); the coordinator's HolidayOverride rows win over it when a new decree moves a day.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kopir.events import holiday_names
from kopir.events.models import HolidayOverride

OUTSIDE_HOURS = gettext_noop(
    "In %(place)s this is %(start)s–%(end)s, outside working hours (%(from)s–%(to)s)."
)
SUGGESTION_STEP = datetime.timedelta(minutes=30)
SUGGESTION_HORIZON = datetime.timedelta(days=21)


@lru_cache(maxsize=64)
def _country_calendar(country: str, year: int, language: str) -> holidays.HolidayBase:
    return holidays.country_holidays(country, years=year, language=language)


@dataclass(frozen=True)
class DayStatus:
    working: bool
    name: str = ""


Overrides = dict[tuple[str, datetime.date], HolidayOverride]


def load_overrides(countries: set[str], first: datetime.date, last: datetime.date) -> Overrides:
    """The coordinator's overrides for a span of days, read once for a whole check."""
    rows = HolidayOverride.objects.filter(country__in=countries, date__range=(first, last))
    return {(row.country, row.date): row for row in rows}


def day_status(
    country: str, day: datetime.date, language: str = "ru", overrides: Overrides | None = None
) -> DayStatus:
    """Whether `day` is a working day in `country`, and the holiday's name if not."""
    if overrides is None:
        overrides = load_overrides({country}, day, day)
    override = overrides.get((country, day))
    if override is not None:
        return DayStatus(override.is_working_day, override.name)
    code = holiday_names.locale_for(country, language)
    calendar = _country_calendar(country, day.year, code)
    name = calendar.get(day) or ""
    if code == "en_US":
        with translation.override(language):
            name = holiday_names.translated(name, language)
    return DayStatus(calendar.is_working_day(day), name)


@dataclass(frozen=True)
class SlotWarning:
    code: str  # "non_working_day" | "outside_hours"
    place: str
    country: str
    message: str


@dataclass(frozen=True)
class Side:
    """One venue as the planner needs it."""

    place: str
    country: str
    zone: str
    work_starts: datetime.time
    work_ends: datetime.time
    work_days: str


def _span_overrides(
    starts: datetime.datetime, ends: datetime.datetime, sides: list[Side]
) -> Overrides:
    # A day either side covers every venue's local date, whatever its offset from UTC.
    one_day = datetime.timedelta(days=1)
    return load_overrides(
        {side.country for side in sides}, (starts - one_day).date(), (ends + one_day).date()
    )


def slot_warnings(
    starts: datetime.datetime,
    ends: datetime.datetime,
    sides: list[Side],
    language: str = "ru",
    overrides: Overrides | None = None,
) -> list[SlotWarning]:
    """What is wrong with this slot at any venue: a day off, or outside working hours."""
    if overrides is None:
        overrides = _span_overrides(starts, ends, sides)
    warnings = []
    for side in sides:
        zone = zoneinfo.ZoneInfo(side.zone)
        local_start, local_end = starts.astimezone(zone), ends.astimezone(zone)
        status = day_status(side.country, local_start.date(), language, overrides)
        if not status.working:
            reason = status.name or _("a day off")
            warnings.append(
                SlotWarning(
                    "non_working_day",
                    side.place,
                    side.country,
                    _("%(date)s is not a working day in %(place)s: %(reason)s.")
                    % {
                        "date": formats.date_format(local_start.date(), "DATE_FORMAT"),
                        "place": side.place,
                        "reason": reason,
                    },
                )
            )
            continue
        weekday = local_start.isoweekday()
        # A Saturday made a working day by decree counts; the library's own closed days do not.
        closed_by_library = weekday <= 5 and str(weekday) not in side.work_days
        within_hours = (
            local_start.date() == local_end.date()
            and side.work_starts <= local_start.time()
            and local_end.time() <= side.work_ends
        )
        if closed_by_library or not within_hours:
            warnings.append(
                SlotWarning(
                    "outside_hours",
                    side.place,
                    side.country,
                    _(OUTSIDE_HOURS)
                    % {
                        "place": side.place,
                        "start": local_start.strftime("%H:%M"),
                        "end": local_end.strftime("%H:%M"),
                        "from": side.work_starts.strftime("%H:%M"),
                        "to": side.work_ends.strftime("%H:%M"),
                    },
                )
            )
    return warnings


def suggest_slots(
    starts: datetime.datetime, duration: datetime.timedelta, sides: list[Side], count: int = 3
) -> list[datetime.datetime]:
    """The next starts (UTC) from `starts` on that suit every venue: a working day everywhere,
    within everyone's working hours."""
    found: list[datetime.datetime] = []
    candidate = starts
    limit = starts + SUGGESTION_HORIZON
    overrides = _span_overrides(starts, limit + duration, sides)  # one query for the search
    while candidate < limit and len(found) < count:
        if not slot_warnings(candidate, candidate + duration, sides, overrides=overrides):
            found.append(candidate)
            candidate += datetime.timedelta(days=1)  # one suggestion a day reads best
            continue
        candidate += SUGGESTION_STEP
    return found
