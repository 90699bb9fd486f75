"""Dates of local-history items as people write them: exact, a year, a decade, approximate or
a span, in Russian, Kazakh or English. Each is kept as typed and as a start–end range of days,
so items sort by their start and a period filter takes every item whose range overlaps it."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

ERROR_UNREADABLE_DATE = _(
    "The date “%(value)s” cannot be read. Write, for example, 1912, 09.05.1945, 1950s, "
    "1950-е, около 1912 or 1910–1915."
)
CIRCA_YEARS = 5  # "около 1912" is searched as 1907–1917


class DatePrecision(models.TextChoices):
    DAY = "day", _("exact day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")
    DECADE = "decade", _("decade")
    CIRCA = "circa", _("approximate")
    RANGE = "range", _("span of years")


@dataclass(frozen=True)
class FuzzyDate:
    text: str
    start: datetime.date
    end: datetime.date
    precision: str

    def decades(self) -> list[int]:
        """Every decade the range touches (1950 for the 1950s), for the period facet."""
        return list(range(self.start.year // 10 * 10, self.end.year // 10 * 10 + 1, 10))


class UnreadableDate(ValueError):
    pass


_YEAR = r"(1[0-9]{3}|20[0-9]{2})"
_CIRCA = r"(?:около|ок\.|приблизительно|примерно|шамамен|шам\.|circa|ca\.|c\.|about|~)\s*"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("day", re.compile(rf"^(\d{{1,2}})\.(\d{{1,2}})\.{_YEAR}$")),
    ("iso_day", re.compile(rf"^{_YEAR}-(\d{{2}})-(\d{{2}})$")),
    ("month", re.compile(rf"^(\d{{1,2}})\.{_YEAR}$")),
    ("iso_month", re.compile(rf"^{_YEAR}-(\d{{2}})$")),
    ("decade", re.compile(rf"^{_YEAR}\s*(?:-?е|-?х|-?ые|'?s|-?жж\.?|-?жылдар\w*)(?:\s*год\w*)?$")),
    ("circa", re.compile(rf"^{_CIRCA}{_YEAR}(?:\s*(?:г\.?|ж\.?|год\w*|жыл\w*))?$")),
    ("range", re.compile(rf"^{_YEAR}\s*[-–—]\s*{_YEAR}(?:\s*(?:гг?\.?|жж\.?))?$")),
    ("year", re.compile(rf"^{_YEAR}(?:\s*(?:г\.?|год\w*|ж\.?|жыл\w*))?$")),
]


def _year_range(first: int, last: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(first, 1, 1), datetime.date(last, 12, 31)


def _month_range(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, 1), datetime.date(year, month, last)


def parse_date(text: str) -> FuzzyDate:
    """Read a typed date; raises UnreadableDate (with nothing guessed) when it cannot."""
    typed = " ".join(text.split())
    value = typed.casefold().replace("ё", "е")
    for kind, pattern in _PATTERNS:
        match = pattern.match(value)
        if not match:
            continue
        try:
            return _build(kind, match.groups(), typed)
        except ValueError as error:  # 31.02.1950, month 13, a span that runs backwards
            raise UnreadableDate(typed) from error
    raise UnreadableDate(typed)


def _build(kind: str, groups: tuple[str, ...], typed: str) -> FuzzyDate:
    numbers = [int(g) for g in groups]
    if kind == "day":
        day = datetime.date(numbers[2], numbers[1], numbers[0])
        return FuzzyDate(typed, day, day, DatePrecision.DAY)
    if kind == "iso_day":
        day = datetime.date(numbers[0], numbers[1], numbers[2])
        return FuzzyDate(typed, day, day, DatePrecision.DAY)
    if kind in ("month", "iso_month"):
        month, year = (numbers[0], numbers[1]) if kind == "month" else (numbers[1], numbers[0])
        return FuzzyDate(typed, *_month_range(year, month), DatePrecision.MONTH)
    if kind == "decade":
        if numbers[0] % 10:
            raise ValueError("a decade starts with a year ending in 0")
        decade = numbers[0]
        return FuzzyDate(typed, *_year_range(decade, decade + 9), DatePrecision.DECADE)
    if kind == "circa":
        year = numbers[0]
        return FuzzyDate(
            typed, *_year_range(year - CIRCA_YEARS, year + CIRCA_YEARS), DatePrecision.CIRCA
        )
    if kind == "range":
        if numbers[1] < numbers[0]:
            raise ValueError("a span that ends before it starts")
        return FuzzyDate(typed, *_year_range(numbers[0], numbers[1]), DatePrecision.RANGE)
    return FuzzyDate(typed, *_year_range(numbers[0], numbers[0]), DatePrecision.YEAR)
