"""After the event: attendance per venue and audience group, and a short report."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from kopir.core.audit import Change
from kopir.events.models import Attendance, Event
from kopir.events.tests.factories import bridge

pytestmark = pytest.mark.django_db


def test_the_organiser_records_attendance_and_the_page_shows_it(editor, held) -> None:
    client = Client()
    client.force_login(editor)
    barnaul, shemonaikha = held.venues.all()
    response = client.post(
        f"/ru/events/{held.slug}/attendance/",
        {f"count-{barnaul.pk}-children": "32", f"count-{shemonaikha.pk}-children": "27",
         f"count-{shemonaikha.pk}-professionals": "3", "report_ru": "Дети читали стихи друг другу."},
    )  # fmt: skip
    assert response.status_code == 302
    assert sorted(Attendance.objects.filter(venue__event=held).values_list("count", flat=True)) == [
        3,
        27,
        32,
    ]
    page = Client().get(f"/ru/events/{held.slug}/").content.decode()
    assert "Дети читали стихи друг другу." in page
    assert "62 участника всего" in page
    assert Event.objects.get(pk=held.pk).history.latest().history_user == editor


def test_bad_counts_are_refused_and_nothing_is_stored(editor, held) -> None:
    client = Client()
    client.force_login(editor)
    venue = held.venues.first()
    response = client.post(
        f"/kk/events/{held.slug}/attendance/", {f"count-{venue.pk}-children": "-5"}
    )
    assert response.status_code == 400
    assert "Саны — адамдардың бүтін саны." in response.content.decode()
    assert not Attendance.objects.filter(venue__event=held).exists()


def test_others_may_not_record_attendance(other_editor, held) -> None:
    client = Client()
    client.force_login(other_editor)
    venue = held.venues.first()
    assert (
        client.post(
            f"/kk/events/{held.slug}/attendance/", {f"count-{venue.pk}-children": "5"}
        ).status_code
        == 403
    )
    assert not Attendance.objects.filter(venue__event=held).exists()


def test_saving_the_event_again_keeps_its_attendance(editor, held) -> None:
    from kopir.core.audit import SYSTEM
    from kopir.events.services import VenueInput, event_save

    venue = held.venues.first()
    Attendance.objects.create(venue=venue, group="children", count=12)
    inputs = [VenueInput(v.settlement, v.organisation) for v in held.venues.all()]
    event_save(held, organisers=list(held.organisers.all()), venues=inputs, change=SYSTEM,
               expected_version=held.version)  # fmt: skip
    assert Attendance.objects.get(venue__event=held).count == 12
    assert held.venues.count() == 2


def test_attendance_through_the_api_for_organisers_only(editor, other_editor, held) -> None:
    from kopir.accounts.services import api_token_create

    barnaul, shemonaikha = held.venues.all()
    body = {"rows": [{"venue": barnaul.pk, "group": "children", "count": 30},
                     {"venue": shemonaikha.pk, "group": "children", "count": 25}],
            "report_en": "Poems read across the border."}  # fmt: skip

    def put(user, data):
        secret = api_token_create(change=Change(user), name="t").secret
        return Client().put(f"/api/v1/events/{held.slug}/attendance", data,
                            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}")  # fmt: skip

    assert put(other_editor, body).status_code == 403
    assert not Attendance.objects.filter(venue__event=held).exists()
    response = put(editor, body)
    assert response.status_code == 200 and response.json()["total"] == 55
    public = Client().get(f"/api/v1/events/{held.slug}/attendance").json()
    assert public["report_en"] == "Poems read across the border." and public["total"] == 55
    venue_ids = {v["id"] for v in Client().get(f"/api/v1/events/{held.slug}").json()["venues"]}
    assert venue_ids == {barnaul.pk, shemonaikha.pk}
    # A venue of another event is refused as a whole: nothing of the batch is stored.
    other = bridge("another", datetime.datetime(2023, 2, 15, 5, 0, tzinfo=datetime.UTC))
    foreign = other.venues.first()
    bad = {"rows": [{"venue": barnaul.pk, "group": "adults", "count": 5},
                    {"venue": foreign.pk, "group": "adults", "count": 5}]}  # fmt: skip
    assert put(editor, bad).status_code == 422
    assert Attendance.objects.filter(venue__event=held, group="adults").count() == 0


def test_the_organisation_page_shows_its_history_of_events(editor, held) -> None:
    from kopir.core.audit import SYSTEM
    from kopir.events.models import EventPhoto
    from kopir.events.services import photo_add
    from tests.test_permission_matrix import tiny_png

    barnaul, shemonaikha = held.venues.all()
    Attendance.objects.create(venue=barnaul, group="children", count=32)
    Attendance.objects.create(venue=shemonaikha, group="children", count=27)
    Attendance.objects.create(venue=shemonaikha, group="adults", count=3)
    for _n in range(2):  # photos must not multiply the count of participants
        photo_add(held, tiny_png(), caption={}, credit="", change=SYSTEM)
    page = Client().get(f"/ru/partners/{editor.organisation.slug}/").content.decode()
    section = page.split('id="events-heading"')[1]
    assert f"/ru/events/{held.slug}/" in section
    assert EventPhoto.objects.filter(event=held).count() == 2
    assert "62 участника" in section and "2 фотографии" in section
