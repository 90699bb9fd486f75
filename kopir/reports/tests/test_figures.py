"""The figures behind every report: the period in the coordinating library's days, the scope
filters, what counts as exchanged; and the drawing helpers."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kopir.events.models import Event, Venue
from kopir.network.models import Settlement
from kopir.reports import activity_map, svg
from kopir.reports.figures import events, exchange
from kopir.reports.figures.indicators import change, indicators
from kopir.reports.params import ReportParams

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def held_in(slug: str, at: datetime.datetime, place: str, **fields: object) -> Event:
    event = Event.objects.create(
        slug=slug,
        title_ru="Встреча",
        format="reading",
        audience="children",
        starts_at=at,
        ends_at=at + datetime.timedelta(hours=1),
        **fields,
    )
    settlement = Settlement.objects.get(slug=place)
    Venue.objects.create(event=event, settlement=settlement, time_zone=settlement.time_zone)
    return event


def test_the_days_of_a_period_are_the_coordinating_librarys(network) -> None:
    # 00:30 on 1 January 2030 in Shemonaikha is still 31 December in UTC.
    event = held_in("new-year", datetime.datetime(2029, 12, 31, 19, 30, tzinfo=UTC), "shemonaikha")
    assert event in events.events(ReportParams.year(2030))
    assert event not in events.events(ReportParams.year(2029))


def test_cancelled_events_do_not_count(network) -> None:
    at = datetime.datetime(2031, 3, 3, 5, tzinfo=UTC)
    held_in("held", at, "shemonaikha")
    held_in("called-off", at, "shemonaikha", status="cancelled")
    assert indicators(ReportParams.year(2031)).events == 1


def test_country_and_region_filters_follow_the_venues(network) -> None:
    at = datetime.datetime(2031, 4, 4, 5, tzinfo=UTC)
    at_home = held_in("kz-only", at, "shemonaikha")
    joint = held_in("both-sides", at, "barnaul")
    Venue.objects.create(
        event=joint, settlement=Settlement.objects.get(slug="shemonaikha"), time_zone="Asia/Almaty"
    )
    year = ReportParams.year(2031)
    assert set(events.events(ReportParams.year(2031, country="KZ"))) == {at_home, joint}
    assert set(events.events(ReportParams.year(2031, country="RU"))) == {joint}
    assert set(events.events(ReportParams.year(2031, region="altai-krai"))) == {joint}
    assert events.by_country(events.events(year)) == {"KZ": 2, "RU": 1}
    assert events.joint(events.events(year)) == 1


def test_an_organisation_includes_its_branches(network) -> None:
    central = network["central"]
    branch = network["branch"]
    assert branch.parent_id == central.pk
    event = held_in("branch-reading", datetime.datetime(2031, 5, 5, 5, tzinfo=UTC), "vydrikha")
    event.organisers.set([branch])
    assert event in events.events(ReportParams.year(2031, organisation=central.pk))
    assert event not in events.events(ReportParams.year(2031, organisation=network["regional"].pk))


def test_what_counts_as_exchanged(reporting, exchanged, year) -> None:
    params = ReportParams.year(year)
    assert exchange.copies(params) == exchanged == 15
    assert exchange.by_direction(params) == {("KZ", "RU"): 6, ("RU", "KZ"): 9}
    assert exchange.copies(ReportParams.year(year, country="RU")) == 15
    pairs = {
        (p.first.slug, p.second.slug): (p.first_gave, p.second_gave) for p in exchange.pairs(params)
    }
    assert sum(a + b for a, b in pairs.values()) == 15
    assert exchange.copies(ReportParams.year(year - 1)) == 9  # the earlier gift


def test_change_is_a_signed_percentage() -> None:
    assert change(15, 10) == "+50 %" and change(5, 10) == "-50 %" and change(3, 0) == ""


@given(st.integers(min_value=0, max_value=10**7))
def test_the_axis_covers_every_value_in_whole_steps(value: int) -> None:
    top, step = svg.axis(value)
    assert top >= value and step >= 1 and top % step == 0 and top // step <= 5


def test_a_polygon_is_clipped_to_the_map() -> None:
    box = (0.0, 0.0, 10.0, 10.0)
    assert activity_map._clip([(20, 20), (30, 20), (30, 30)], box) == []
    clipped = activity_map._clip([(-5, 5), (5, 5), (5, 15)], box)
    assert clipped and all(0 <= x <= 10 and 0 <= y <= 10 for x, y in clipped)


def test_the_activity_map_draws_each_place_and_the_borders() -> None:
    points = [
        activity_map.MapPoint("Шемонаиха", 50.63, 81.91, 9),
        activity_map.MapPoint("Барнаул", 53.35, 83.77, 3),
    ]
    drawn = str(activity_map.activity_map(points, title="Карта", uid="m"))
    assert drawn.count("<circle") == 2 and "Шемонаиха: 9" in drawn
    assert drawn.count('stroke-dasharray="4 3"') >= 3  # the three regions of the network
    assert len(drawn) < 40_000  # light enough for a rural connection


def test_the_borders_are_clipped_once_per_box_not_on_every_render(monkeypatch) -> None:
    """The dashboard re-clipped the border polygons in Python on every render (~10 ms;
    issue 19): the background is drawn once per box and width."""
    points = [activity_map.MapPoint("Шемонаиха", 50.63, 81.91, 9)]
    activity_map._background.cache_clear()
    first = str(activity_map.activity_map(points, title="Карта", uid="m"))
    clipped: list[int] = []
    real = activity_map._clip
    monkeypatch.setattr(
        activity_map, "_clip", lambda ring, box: clipped.append(1) or real(ring, box)
    )
    again = str(activity_map.activity_map(points, title="Карта", uid="m"))
    assert clipped == [] and again == first
    activity_map.activity_map(points, title="Карта", uid="m", width=320)  # another size: drawn
    assert clipped
