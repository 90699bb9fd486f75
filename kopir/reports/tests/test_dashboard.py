"""The public dashboard: this year's key figures against the same days of last year, charts
and the map of activity, drawn on the server (no script, no other host)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from django.db.models import Sum
from django.test import Client

from kopir.events.models import Attendance, Event
from kopir.reports import params

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


def test_the_dashboard_compares_this_year_with_the_same_days_of_last(demo_network) -> None:  # type: ignore[no-untyped-def]
    today = params.today()  # the coordinating library's day, as the dashboard counts
    start = datetime.datetime(today.year, 1, 1, tzinfo=ALMATY)
    end = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(), ALMATY)
    this_year = Event.objects.filter(starts_at__gte=start, starts_at__lt=end)
    last_year = Event.objects.filter(
        starts_at__gte=start.replace(year=today.year - 1),
        starts_at__lt=end.replace(year=today.year - 1),
    )
    people = Attendance.objects.filter(venue__event__in=this_year).aggregate(n=Sum("count"))["n"]

    response = Client().get("/ru/reports/dashboard/")
    page = lxml.html.document_fromstring(response.content)
    shown = figures(page)
    assert shown["Совместные мероприятия"][0] == this_year.count() > 0
    assert f"год назад: {last_year.count()}" in shown["Совместные мероприятия"][1]
    assert shown["Участники"][0] == people
    svgs = page.xpath("//figure[@class='report-chart']/svg")
    assert len(svgs) == 3 and all(s.find("title") is not None for s in svgs)
    assert "Шемонаиха:" in lxml.html.tostring(svgs[-1], encoding="unicode")
    assert not page.xpath("//script[not(@src)]")  # nothing inline, nothing to run
