"""The public dashboard: this year's key figures against the same days of last year, charts
and the map of activity, drawn on the server (no script, no other host)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from django.test import Client

from kopir.events.models import Attendance, Event, Venue
from kopir.reports import views

pytestmark = pytest.mark.django_db
ALMATY = ZoneInfo("Asia/Almaty")


def figures(page: lxml.html.HtmlElement) -> dict[str, tuple[int, str]]:
    return {
        li.findtext(".//span[@class='figure-label']"): (
            int(li.findtext(".//span[@class='figure-value']")),
            li.findtext(".//small"),
        )
        for li in page.xpath("//ul[@class='key-figures']/li")
    }


TODAY = datetime.date(2025, 6, 15)  # the dashboard's day, fixed: the test holds on any date


def _event(slug: str, local: datetime.datetime, settlement, *, people: int = 0, **extra):
    """An event at one venue, at a local time in Almaty, with its attendance."""
    starts = local.replace(tzinfo=ALMATY)
    fields = {"status": "held", **extra}
    event = Event.objects.create(
        slug=slug, title_ru=slug, format="video_bridge", audience="children",
        starts_at=starts, ends_at=starts + datetime.timedelta(hours=1), **fields,
    )  # fmt: skip
    venue = Venue.objects.create(event=event, settlement=settlement, time_zone="Asia/Almaty")
    if people:
        Attendance.objects.create(venue=venue, group="children", count=people)
    return event


def test_the_dashboard_compares_this_year_with_the_same_days_of_last(network, monkeypatch) -> None:
    monkeypatch.setattr(views, "today", lambda: TODAY)
    Event.objects.all().delete()
    town = network["central"].settlement
    at = datetime.datetime
    _event("this-1", at(2025, 1, 10, 11), town, people=12)
    _event("this-2", at(2025, 3, 5, 15), town)
    _event("this-3", at(2025, 6, 15, 23, 30), town, people=30)  # 18:30 UTC: still today
    _event("tomorrow", at(2025, 6, 16, 0, 30), town, people=99)  # 19:30 UTC on the 15th
    _event("cancelled", at(2025, 2, 1, 11), town, people=7, status="cancelled")
    _event("last-1", at(2024, 2, 1, 11), town)
    _event("last-2", at(2024, 6, 15, 10), town)
    _event("last-later", at(2024, 6, 16, 10), town)  # after the same day of last year

    response = Client().get("/ru/reports/dashboard/")
    page = lxml.html.document_fromstring(response.content)
    shown = figures(page)
    assert shown["Совместные мероприятия"][0] == 3
    assert "год назад: 2" in shown["Совместные мероприятия"][1]
    assert shown["Участники"][0] == 42
    svgs = page.xpath("//figure[@class='report-chart']/svg")
    assert len(svgs) == 3 and all(s.find("title") is not None for s in svgs)
    assert "Шемонаиха:" in lxml.html.tostring(svgs[-1], encoding="unicode")
    assert not page.xpath("//script[not(@src)]")  # nothing inline, nothing to run


def test_the_figures_are_computed_once_until_something_changes(network, monkeypatch) -> None:
    """27 queries on every view before (issue 19): now once a day per language, until any
    change of content."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(views, "today", lambda: TODAY)
    town = network["central"].settlement
    _event("first", datetime.datetime(2025, 3, 5, 15), town, people=5)
    with CaptureQueriesContext(connection) as cold:
        first = figures(
            lxml.html.document_fromstring(Client().get("/ru/reports/dashboard/").content)
        )
    with CaptureQueriesContext(connection) as warm:
        again = figures(
            lxml.html.document_fromstring(Client().get("/ru/reports/dashboard/").content)
        )
    assert again == first and len(warm) <= 2 < len(cold)
    _event("second", datetime.datetime(2025, 4, 5, 15), town, people=7)
    after = figures(lxml.html.document_fromstring(Client().get("/ru/reports/dashboard/").content))
    assert after["Участники"][0] == first["Участники"][0] + 7
