"""What a report is asked for: a period, an optional country, region or organisation, and a
language. The same parameters drive every report, the dashboard and the background runs.

A period is a range of calendar days, both ends included, counted in the time zone of the
coordinating library (settings.KOPIR_REPORT_TIME_ZONE, Asia/Almaty for Shemonaikha): an event at
01:00 in Barnaul on 1 January belongs to the day it is in Shemonaikha.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, replace
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from kopir.core.languages import CONTENT_LANGUAGES
from kopir.network.models import Organisation

LANGUAGES = CONTENT_LANGUAGES


@dataclass(frozen=True)
class ReportParams:
    start: datetime.date
    end: datetime.date
    country: str = ""  # ISO code: "KZ", "RU"
    region: str = ""  # region slug
    organisation: int | None = None
    language: str = "ru"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"], data["end"] = self.start.isoformat(), self.end.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReportParams:
        return cls(
            start=datetime.date.fromisoformat(data["start"]),
            end=datetime.date.fromisoformat(data["end"]),
            country=data.get("country", ""),
            region=data.get("region", ""),
            organisation=data.get("organisation"),
            language=data.get("language", "ru"),
        )

    @classmethod
    def year(cls, year: int, **filters: Any) -> ReportParams:
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31), **filters)

    def of_year(self, year: int) -> ReportParams:
        """The same filters over one calendar year."""
        return replace(self, start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31))

    @property
    def is_scoped(self) -> bool:
        return bool(self.country or self.region or self.organisation)

    @property
    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))


def time_zone() -> ZoneInfo:
    return ZoneInfo(settings.KOPIR_REPORT_TIME_ZONE)


def today() -> datetime.date:
    """Today in the coordinating library's calendar (the days periods are counted in)."""
    return timezone.localdate(timezone=time_zone())


def bounds(params: ReportParams) -> tuple[datetime.datetime, datetime.datetime]:
    """The period as instants: from the first day's midnight to the midnight after the last."""
    zone = time_zone()
    start = datetime.datetime.combine(params.start, datetime.time(), tzinfo=zone)
    end = datetime.datetime.combine(
        params.end + datetime.timedelta(days=1), datetime.time(), tzinfo=zone
    )
    return start, end


def place_filter(params: ReportParams, prefix: str = "") -> Q:
    """Q for records whose `{prefix}settlement` lies in the region or country asked for."""
    q = Q()
    if params.region:
        q &= Q(**{f"{prefix}settlement__region__slug": params.region})
    if params.country:
        q &= Q(**{f"{prefix}settlement__region__country__code": params.country})
    return q


def organisation_filter(params: ReportParams, prefix: str = "") -> Q:
    """Q for organisations in scope (under `prefix`, e.g. "organisers__"); an organisation
    includes its branches."""
    q = place_filter(params, prefix)
    if params.organisation:
        q &= Q(**{f"{prefix}pk": params.organisation}) | Q(
            **{f"{prefix}parent_id": params.organisation}
        )
    return q


def organisations(params: ReportParams) -> QuerySet[Organisation]:
    """The organisations the filters name (every one when nothing is filtered)."""
    return Organisation.objects.filter(organisation_filter(params))
