"""Reads of reports: the runs a user may see, and the dashboard's figures."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language

from kopir.core import multilingual
from kopir.core.page_cache import content_version
from kopir.events.models import EventFormat, Venue
from kopir.network.models import Settlement
from kopir.reports.activity_map import MapPoint
from kopir.reports.figures import count_by, events
from kopir.reports.figures.indicators import LABELS, change, indicators
from kopir.reports.models import ReportRun
from kopir.reports.params import ReportParams


def report_run_list(user: Any) -> QuerySet[ReportRun]:
    """The coordinator sees every run; an editor their own. The newest first."""
    runs = ReportRun.objects.select_related("requested_by").order_by("-created_at", "-pk")
    if not getattr(user, "is_coordinator", False):
        runs = runs.filter(requested_by=user)
    return runs


def report_run_get(user: Any, pk: int) -> ReportRun:
    return get_object_or_404(report_run_list(user), pk=pk)


@dataclass(frozen=True)
class Figure:
    label: str
    current: int
    previous: int
    change: str


@dataclass(frozen=True)
class Dashboard:
    year: int
    today: datetime.date
    figures: list[Figure]
    months_current: list[int]
    months_previous: list[int]
    formats: list[tuple[str, int]]
    places: list[MapPoint]


def _months(params: ReportParams) -> list[int]:
    counts = events.by_month(events.events(params))
    return [counts.get((params.start.year, month), 0) for month in range(1, 13)]


def activity_places(params: ReportParams) -> list[MapPoint]:
    """Each place where events of the period were held, with how many."""
    rows = (
        Venue.objects.filter(event__in=events.events(params).values("pk"))
        .exclude(settlement__latitude=None)
        .order_by()
        .values("settlement")
        .annotate(n=Count("event", distinct=True))
    )
    counts = {row["settlement"]: row["n"] for row in rows}
    return [
        MapPoint(
            multilingual.text(s, "name"),
            float(s.latitude),
            float(s.longitude),
            counts[s.pk],
            s.region.country.code,
        )
        for s in Settlement.objects.filter(pk__in=counts).select_related("region__country")
        if s.latitude is not None and s.longitude is not None
    ]


DASHBOARD_FIGURES = (
    "events", "video_bridges", "participants", "institutions", "copies_exchanged",
    "items_added", "publications", "partners",
)  # fmt: skip


def dashboard(today: datetime.date) -> Dashboard:
    """This year so far against the same days of last year: computed once a day per language
    and kept until something changes (any save or delete of our models bumps the content
    version) — the figures took 27 queries on every view (issue 19)."""
    key = f"kopir:dashboard:{today.isoformat()}:{get_language()}:{content_version()}"
    kept: Dashboard | None = cache.get(key)
    if kept is None:
        kept = _dashboard(today)
        cache.set(key, kept, 24 * 3600)
    return kept


def _dashboard(today: datetime.date) -> Dashboard:
    current = ReportParams(datetime.date(today.year, 1, 1), today)
    # 29 February a year back is the 28th.
    a_year_ago = today.replace(
        year=today.year - 1, day=min(today.day, 28 if today.month == 2 else 31)
    )
    now = indicators(current).as_dict()
    before = indicators(ReportParams(datetime.date(today.year - 1, 1, 1), a_year_ago)).as_dict()
    figures = [
        Figure(str(LABELS[key]), now[key], before[key], change(now[key], before[key]))
        for key in DASHBOARD_FIGURES
    ]
    by_format = count_by(events.events(current), "format")
    return Dashboard(
        year=today.year,
        today=today,
        figures=figures,
        months_current=_months(current),
        months_previous=_months(ReportParams.year(today.year - 1)),
        formats=[
            (str(label), by_format[v]) for v, label in EventFormat.choices if by_format.get(v)
        ],
        places=activity_places(current),
    )
