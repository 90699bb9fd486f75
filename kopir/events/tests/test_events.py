"""Events: one and two hours apart, feeds that re-parse, pages in three languages."""

from __future__ import annotations

import datetime

import lxml.html
import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from kopir.core.audit import Origin
from kopir.events import timeinfo
from kopir.events.models import Event, EventFormat
from kopir.events.services import VenueInput, event_save, event_set_status
from kopir.events.tests.factories import RegistrationFactory, bridge, event
from kopir.network.models import Settlement
from kopir.network.services import Change

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
SYSTEM = Change(actor=None, origin=Origin.COMMAND)


def test_2019_one_hour_apart_2025_two_hours(network) -> None:
    for slug, year, apart, shemonaikha in (
        ("b2019", 2019, 1, "10:00"),
        ("b2025", 2025, 2, "09:00"),
    ):
        event = Event.objects.prefetch_related("venues__settlement").get(
            pk=bridge(slug, datetime.datetime(year, 4, 16, 4, 0, tzinfo=UTC)).pk
        )
        barnaul, kz = timeinfo.venue_times(event, "ru")
        assert (barnaul.starts.strftime("%H:%M"), barnaul.offset) == ("11:00", "UTC+7")
        assert (kz.starts.strftime("%H:%M"), kz.offset) == (shemonaikha, f"UTC+{7 - apart}")
        assert timeinfo.hours_apart(barnaul, kz) == apart


def test_the_event_page_shows_both_local_times(client: Client, network) -> None:
    bridge("b2025", datetime.datetime(2025, 4, 16, 4, 0, tzinfo=UTC))
    text = lxml.html.document_fromstring(client.get("/ru/events/b2025/").content).text_content()
    assert "Барнаул 11:00 (UTC+7) · Шемонаиха 09:00 (UTC+5)" in " ".join(text.split())


def test_a_video_bridge_needs_both_sides(network) -> None:
    event = Event(slug="one-side", title_ru="x", format=EventFormat.VIDEO_BRIDGE, audience="children",
                  starts_at=datetime.datetime(2025, 1, 1, tzinfo=UTC), ends_at=datetime.datetime(2025, 1, 1, 1, tzinfo=UTC))  # fmt: skip
    with pytest.raises(ValidationError):
        event_save(
            event,
            organisers=[],
            venues=[VenueInput(Settlement.objects.get(slug="barnaul"))],
            change=SYSTEM,
        )
    assert not Event.objects.filter(slug="one-side").exists()


def test_status_moves_only_forward(network) -> None:
    event = bridge("b", datetime.datetime(2025, 4, 16, 4, 0, tzinfo=UTC))
    event_set_status(event, "confirmed", change=SYSTEM)
    event_set_status(event, "held", change=SYSTEM)
    with pytest.raises(ValidationError):
        event_set_status(event, "planned", change=SYSTEM)
    assert Event.objects.get(pk=event.pk).status == "held"


def parse(content: bytes) -> Calendar:
    return Calendar.from_ical(content)


def test_ics_reparses_with_almaty_vtimezone_and_a_stable_uid(client: Client, network: dict) -> None:
    bridge("b2025", datetime.datetime(2025, 4, 16, 4, 0, tzinfo=UTC))
    first = client.get("/kk/events/b2025.ics")
    assert first["Content-Type"].startswith("text/calendar")
    second = client.get("/ru/events/b2025.ics")
    cal_one, cal_two = parse(first.content), parse(second.content)
    vevent = next(c for c in cal_one.walk("VEVENT"))
    assert vevent["UID"] == next(c for c in cal_two.walk("VEVENT"))["UID"]
    assert vevent["SUMMARY"] == "Бейнекөпір"
    assert next(c for c in cal_two.walk("VEVENT"))["SUMMARY"] == "Видеомост"
    zones = {str(tz["TZID"]): tz for tz in cal_one.walk("VTIMEZONE")}
    assert "Asia/Barnaul" in zones  # the first venue's zone is the event's
    # Held in Shemonaikha before and after Kazakhstan's clocks moved on 2024-03-01.
    event([network["central"]], starts=datetime.datetime(2023, 6, 1, 4, 0, tzinfo=UTC))
    feed = parse(client.get("/kk/events/calendar.ics").content)
    almaty = next(tz for tz in feed.walk("VTIMEZONE") if str(tz["TZID"]) == "Asia/Almaty")
    ical_text = almaty.to_ical().decode()
    assert (
        "20240301T000000" in ical_text
        and "TZOFFSETFROM:+0600" in ical_text
        and "TZOFFSETTO:+0500" in ical_text
    )


def test_feeds_by_organisation_and_format(client: Client, network) -> None:
    bridge("b2025", datetime.datetime(2025, 4, 16, 4, 0, tzinfo=UTC))
    event([network["regional"]], starts=datetime.datetime(2025, 5, 16, 4, 0, tzinfo=UTC))
    by_format = parse(client.get("/en/events/format/video_bridge.ics").content)
    assert {str(e["CATEGORIES"].cats[0]) for e in by_format.walk("VEVENT")} == {"video_bridge"}
    by_organisation = parse(
        client.get(f"/en/events/organisation/{network['central'].slug}.ics").content
    )
    assert len(list(by_organisation.walk("VEVENT"))) == 1  # the bridge, not the other library's
    assert client.get("/en/events/format/nonsense.ics").status_code == 404


def test_demo_events_are_marked(demo_network) -> None:
    from kopir.events.demo import loader

    real = Event.objects.get(slug="video-bridge-2022-growing-up-with-a-book")
    # the flagship links its programme and photograph in the collection; no invented photo
    assert real.links.count() == 2 and not real.photos.exists() and real.description_ru
    assert not real.is_fictional and not real.time_known and "starts_at" in real.unverified_fields
    fictional = Event.objects.filter(is_fictional=True)
    programme = len(loader.PROGRAMME)
    last_year = sum(1 for *_rest, again in loader.PROGRAMME if again)
    assert fictional.count() == programme + last_year  # this year's, and last year's shorter
    assert 0 < last_year < programme
    assert fictional.values("format").distinct().count() >= 8  # not one kind of event
    one_side = fictional.filter(venues__settlement__slug="vydrikha").first()
    assert one_side is not None and one_side.venues.count() == 2  # two village branches
    held_bridges = fictional.filter(format="video_bridge", status="reported")
    assert held_bridges and all(b.photos.exists() and b.recording_link for b in held_bridges)
    coming = fictional.filter(registration_open=True)
    assert all(2 <= e.registrations.count() <= 4 for e in coming)  # classes already signed up
    past = fictional.filter(starts_at__lt=timezone.now())
    assert set(past.values_list("status", flat=True)) == {"reported"}
    assert all(event.venues.filter(attendance__isnull=False).exists() for event in past)
    assert not fictional.filter(starts_at__gt=timezone.now(), status="reported").exists()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_calendar_pages_render(client: Client, demo_network, lang: str) -> None:
    for url in (f"/{lang}/events/", f"/{lang}/events/?period=past&format=video_bridge&country=KZ",
                f"/{lang}/events/video-bridge-2022-growing-up-with-a-book/"):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        assert lxml.html.document_fromstring(response.content).get("lang") == lang


def test_events_api_gives_each_venues_local_time(client: Client, network) -> None:
    bridge("b2019", datetime.datetime(2019, 4, 16, 4, 0, tzinfo=UTC))
    data = client.get("/api/v1/events/b2019").json()
    offsets = {v["settlement"]: v["utc_offset"] for v in data["venues"]}
    assert offsets == {"barnaul": "UTC+7", "shemonaikha": "UTC+6"}
    listing = client.get("/api/v1/events?format=video_bridge&period=all&limit=100").json()
    assert "b2019" in {e["slug"] for e in listing["items"]}


def test_registrations_api_is_for_organisers_only(client: Client, two_libraries, bearer) -> None:
    held = event([two_libraries["kz"]], starts=datetime.datetime(2030, 4, 16, 4, 0, tzinfo=UTC))
    RegistrationFactory(event=held)
    url = f"/api/v1/events/{held.slug}/registrations"
    assert client.get(url).status_code == 401
    assert client.get(url, **bearer(two_libraries["ru_editor"])).status_code == 403
    assert client.get(url, **bearer(two_libraries["kz_editor"])).json()["count"] == 1


def test_readers_are_told_held_not_the_organisers_reported(client: Client, network, editor):
    from kopir.events.models import EventStatus

    done = event([network["central"]], starts=timezone.now() - datetime.timedelta(days=3),
                 status=EventStatus.REPORTED)  # fmt: skip
    page = client.get(f"/ru/events/{done.slug}/").content.decode()
    assert "проведено" in page and "отчёт сдан" not in page
    assert "отчёт сдан" not in client.get("/ru/events/?period=past").content.decode()
    client.force_login(editor)  # the organiser sees the step they took
    assert "отчёт сдан" in client.get(f"/ru/events/{done.slug}/").content.decode()
