"""After the event: attendance per venue and audience group, and a short report."""

from __future__ import annotations

import pytest
from django.test import Client

from kopir.events.models import Attendance, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(demo_network) -> Event:  # type: ignore[no-untyped-def]
    return Event.objects.get(slug="video-bridge-2022-growing-up-with-a-book")


def test_the_organiser_records_attendance_and_the_page_shows_it(editor, held) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(editor)
    barnaul, shemonaikha = held.venues.all()
    response = client.post(
        f"/ru/events/{held.slug}/attendance/",
        {f"count-{barnaul.pk}-children": "32", f"count-{shemonaikha.pk}-children": "27",
         f"count-{shemonaikha.pk}-professionals": "3", "report_ru": "Дети читали стихи друг другу."},
    )  # fmt: skip
    assert response.status_code == 302
    assert sorted(Attendance.objects.values_list("count", flat=True)) == [3, 27, 32]
    page = Client().get(f"/ru/events/{held.slug}/").content.decode()
    assert "Дети читали стихи друг другу." in page
    assert "62 участника всего" in page
    assert Event.objects.get(pk=held.pk).history.latest().history_user == editor


def test_bad_counts_are_refused_and_nothing_is_stored(editor, held) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(editor)
    venue = held.venues.first()
    response = client.post(
        f"/kk/events/{held.slug}/attendance/", {f"count-{venue.pk}-children": "-5"}
    )
    assert response.status_code == 400
    assert "Саны — адамдардың бүтін саны." in response.content.decode()
    assert not Attendance.objects.exists()


def test_others_may_not_record_attendance(other_editor, held) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(other_editor)
    venue = held.venues.first()
    assert (
        client.post(
            f"/kk/events/{held.slug}/attendance/", {f"count-{venue.pk}-children": "5"}
        ).status_code
        == 403
    )
    assert not Attendance.objects.exists()


def test_saving_the_event_again_keeps_its_attendance(editor, held) -> None:  # type: ignore[no-untyped-def]
    from kopir.core.audit import SYSTEM
    from kopir.events.services import VenueInput, event_save

    venue = held.venues.first()
    Attendance.objects.create(venue=venue, group="children", count=12)
    inputs = [VenueInput(v.settlement, v.organisation) for v in held.venues.all()]
    event_save(held, organisers=list(held.organisers.all()), venues=inputs, change=SYSTEM,
               expected_version=held.version)  # fmt: skip
    assert Attendance.objects.get().count == 12
    assert held.venues.count() == 2
