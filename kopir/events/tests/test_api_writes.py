"""The API plans and changes events through the workspace's services, under its permissions."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from PIL import Image

from kopir.accounts.tests.factories import EditorFactory
from kopir.events.models import Event, EventPhoto, EventStatus
from kopir.events.tests.factories import RegistrationFactory
from kopir.network.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(two_libraries) -> dict[str, Any]:
    return {
        "title_ru": "Видеомост «Растём с книгой»",
        "title_kk": "«Кітаппен бірге өсеміз» бейнекөпірі",
        "format": "video_bridge",
        "audience": "children",
        "host": two_libraries["kz"].slug,
        "partners": [two_libraries["ru"].slug],
        "day": "2030-04-16",  # a Tuesday, a working day on both sides
        "time": "11:00",  # UTC+5 in Kazakhstan, so 13:00 at UTC+7 in Barnaul
        "minutes": 60,
    }


@pytest.fixture
def api(client: Client, two_libraries, bearer):
    """api(role) → a caller with that library editor's token."""

    class Api:
        def __init__(self, user: Any) -> None:
            self.client, self.auth = client, bearer(user)

        def send(self, method: str, url: str, body: Any = None) -> Any:
            call = getattr(self.client, method)
            return call(url, body, content_type="application/json", **self.auth)

    return lambda role="kz_editor": Api(two_libraries[role])


def test_an_editor_plans_a_bridge_through_the_api(api, plan, two_libraries) -> None:
    response = api().send("post", "/api/v1/events", plan)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["slug"].startswith("vid") and body["slug"].endswith("2030-04-16")
    kz, ru = two_libraries["kz"], two_libraries["ru"]
    assert set(body["organisers"]) == {kz.slug, ru.slug}
    local = {v["settlement"]: (v["local_start"][11:16], v["utc_offset"]) for v in body["venues"]}
    assert local == {kz.settlement.slug: ("11:00", "UTC+5"), ru.settlement.slug: ("13:00", "UTC+7")}
    event = Event.objects.get(slug=body["slug"])
    assert event.history.latest().origin == "api"


def test_a_slot_on_a_holiday_is_refused_unless_kept_knowingly(api, plan) -> None:
    new_year = {**plan, "day": "2030-01-01"}
    refused = api().send("post", "/api/v1/events", new_year)
    assert refused.status_code == 422 and refused.json()["fields"]["time"]
    assert not Event.objects.filter(starts_at__date="2030-01-01").exists()
    kept = api().send("post", "/api/v1/events", {**new_year, "accept_warnings": True})
    assert kept.status_code == 201


def test_only_the_organisers_change_it_and_a_stale_version_is_refused(
    api, plan, two_libraries
) -> None:
    slug = api().send("post", "/api/v1/events", plan).json()["slug"]
    url = f"/api/v1/events/{slug}"
    two_libraries["outsider"] = EditorFactory(organisation=OrganisationFactory())
    outsider = api("outsider").send("patch", url, {"version": 1, "title_en": "Mine"})
    assert outsider.status_code == 403
    editor = api()
    moved = editor.send("patch", url, {"version": 1, "time": "10:00", "title_en": "Growing up"})
    assert moved.status_code == 200, moved.json()
    assert moved.json()["title_en"] == "Growing up"
    assert moved.json()["title_ru"] == plan["title_ru"]  # left out, kept
    assert moved.json()["starts_at"].startswith("2030-04-16T05:00")
    stale = editor.send("patch", url, {"version": 1, "title_en": "Late"})
    assert stale.status_code == 409
    assert Event.objects.get(slug=slug).title_en == "Growing up"


def test_the_status_moves_only_along_the_workflow(api, plan) -> None:
    editor = api()
    created = editor.send("post", "/api/v1/events", plan).json()
    url = f"/api/v1/events/{created['slug']}/status"
    skipped = editor.send("post", url, {"status": "reported", "version": created["version"]})
    assert skipped.status_code == 422
    confirmed = editor.send("post", url, {"status": "confirmed", "version": created["version"]})
    assert confirmed.status_code == 200 and confirmed.json()["status"] == EventStatus.CONFIRMED


def test_links_photos_and_registrations_through_the_api(client: Client, api, plan) -> None:
    api = api()
    slug = api.send("post", "/api/v1/events", {**plan, "registration_open": True}).json()["slug"]
    link = {"kind": "press", "title_ru": "Рудный Алтай", "url": "https://example.org/bridge"}
    added = api.send("post", f"/api/v1/events/{slug}/links", link)
    assert added.status_code == 201
    assert client.get(f"/api/v1/events/{slug}/links").json()[0]["title_ru"] == "Рудный Алтай"
    untitled = api.send("post", f"/api/v1/events/{slug}/links", {**link, "title_ru": None})
    assert untitled.status_code == 422
    gone = api.send("delete", f"/api/v1/events/{slug}/links/{added.json()['id']}")
    assert gone.status_code == 204 and client.get(f"/api/v1/events/{slug}/links").json() == []

    picture = io.BytesIO()
    Image.new("RGB", (640, 480), "teal").save(picture, "JPEG")
    picture.name = "bridge.jpg"
    picture.seek(0)
    photo = client.post(
        f"/api/v1/events/{slug}/photos", {"image": picture, "caption_ru": "Зал"}, **api.auth
    )
    assert photo.status_code == 201, photo.json()
    assert photo.json()["caption_ru"] == "Зал" and photo.json()["width"] > 0
    page = io.BytesIO(b"<html><script>alert(1)</script></html>")
    page.name = "bridge.jpg"
    refused = client.post(f"/api/v1/events/{slug}/photos", {"image": page}, **api.auth)
    assert refused.status_code == 422 and EventPhoto.objects.filter(event__slug=slug).count() == 1

    event = Event.objects.get(slug=slug)
    registration = RegistrationFactory(event=event, contact_name="Айгерим", children=12)
    erased = api.send("delete", f"/api/v1/events/{slug}/registrations/{registration.pk}")
    assert erased.status_code == 204
    registration.refresh_from_db()
    assert registration.contact_name != "Айгерим" and registration.children == 12
