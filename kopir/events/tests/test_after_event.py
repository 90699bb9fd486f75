"""After the event and around it: photos without their metadata, press links, editing and
status changes in the workspace, the month view, the Atom feed and the reader's own zone."""

from __future__ import annotations

import datetime
import io

import lxml.etree
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from kopir.events.models import Event, EventLink, EventPhoto, EventStatus
from kopir.events.tests.factories import bridge

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
GPS_IFD = 0x8825


def jpeg_with_gps(size: tuple[int, int] = (1200, 900), orientation: int = 1) -> bytes:
    """A camera-like JPEG: EXIF with a GPS position (Shemonaikha) and an orientation."""
    image = Image.new("RGB", size, "orange")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = orientation
    exif[GPS_IFD] = {1: "N", 2: (50.0, 37.0, 0.0), 3: "E", 4: (81.0, 54.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def upload(client: Client, event: Event, content: bytes, name: str = "IMG_0001.jpg"):
    return client.post(
        f"/ru/events/{event.slug}/media/",
        {"form": "photo", "image": SimpleUploadedFile(name, content), "caption_ru": "Дети у экрана",
         "credit": "ЦБС Шемонаихи"},
    )  # fmt: skip


def test_a_photo_loses_its_gps_position_and_gets_a_thumbnail(editor, held) -> None:
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the input has it
    client = Client()
    client.force_login(editor)
    assert upload(client, held, original).status_code == 302
    photo = EventPhoto.objects.get(event=held)
    for stored in (photo.image, photo.thumbnail):
        with stored.open("rb") as file, Image.open(file) as image:
            assert image.format == "JPEG"
            exif = image.getexif()
            assert not exif.get_ifd(GPS_IFD) and 0x010F not in exif
    with photo.thumbnail.open("rb") as file, Image.open(file) as thumbnail:
        assert max(thumbnail.size) == 480 and thumbnail.size == (480, 360)
    assert (photo.width, photo.height) == (1200, 900)
    page = Client().get(f"/ru/events/{held.slug}/").content.decode()
    assert photo.thumbnail.url in page and "Дети у экрана" in page and "© ЦБС Шемонаихи" in page


def test_a_sideways_camera_photo_is_stored_upright(editor, held) -> None:
    client = Client()
    client.force_login(editor)
    upload(client, held, jpeg_with_gps((800, 600), orientation=6))  # "rotate 90° clockwise"
    photo = EventPhoto.objects.get(event=held)
    assert (photo.width, photo.height) == (600, 800)


def test_a_file_that_is_not_an_image_is_refused_in_the_readers_language(editor, held) -> None:
    client = Client()
    client.force_login(editor)
    response = upload(client, held, b"%PDF-1.4 not a photo\n%%EOF", name="photo.jpg")
    assert response.status_code == 400
    assert "Файл не является изображением PNG, JPEG, WebP или GIF." in response.content.decode()
    assert not EventPhoto.objects.exists()


def test_only_the_organisers_add_photos_and_links(other_editor, held) -> None:
    client = Client()
    client.force_login(other_editor)
    assert upload(client, held, jpeg_with_gps()).status_code == 403
    assert not EventPhoto.objects.exists()


def test_press_links_show_on_the_event_page(editor, held) -> None:
    client = Client()
    client.force_login(editor)
    response = client.post(
        f"/ru/events/{held.slug}/media/",
        {"form": "link", "kind": "press", "title_ru": "«Растём с книгой» в районной газете",
         "url": "https://example.org/news/1", "source": "Районная газета",
         "published_on": "2022-02-15"},
    )  # fmt: skip
    assert response.status_code == 302
    link = EventLink.objects.get(event=held)
    assert link.history.latest().history_user == editor
    page = Client().get(f"/ru/events/{held.slug}/").content.decode()
    assert "«Растём с книгой» в районной газете" in page and "https://example.org/news/1" in page
    bad = client.post(f"/ru/events/{held.slug}/media/", {"form": "link", "kind": "press",
                                                         "title_ru": "x", "url": "not a url"})  # fmt: skip
    assert bad.status_code == 400 and EventLink.objects.count() == 1


def test_status_buttons_move_the_event_on_and_record_who(editor, network) -> None:
    event = bridge("b-status", datetime.datetime(2026, 12, 15, 4, 0, tzinfo=UTC))
    client = Client()
    client.force_login(editor)
    page = client.get(f"/ru/events/{event.slug}/").content.decode()
    assert 'name="status" value="confirmed"' in page and 'value="reported"' not in page
    client.post(
        f"/ru/events/{event.slug}/status/", {"status": "confirmed", "version": event.version}
    )
    event.refresh_from_db()
    assert event.status == EventStatus.CONFIRMED and event.status_changed_by == editor
    # A skipped step is refused with a message; the status stays.
    response = client.post(
        f"/ru/events/{event.slug}/status/", {"status": "reported", "version": event.version},
        follow=True,
    )  # fmt: skip
    assert "не может перейти" in response.content.decode()
    event.refresh_from_db()
    assert event.status == EventStatus.CONFIRMED


def test_editing_moves_the_time_and_checks_both_calendars(editor, network) -> None:
    event = bridge("b-edit", datetime.datetime(2026, 12, 15, 4, 0, tzinfo=UTC))  # a Tuesday
    client = Client()
    client.force_login(editor)
    form = client.get(f"/en/events/{event.slug}/edit/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, bool)}
    data.update(host=form.initial["host"].pk, partners=[o.pk for o in form.initial["partners"]],
                day="2026-12-16", time="12:00", description_ru="Читаем вместе.", action="save")  # fmt: skip
    # 16 December is Independence Day in Kazakhstan: a warning, nothing saved.
    response = client.post(f"/en/events/{event.slug}/edit/", data)
    assert response.status_code == 200 and "not a working day" in response.content.decode()
    assert Event.objects.get(pk=event.pk).starts_at == event.starts_at
    response = client.post(f"/en/events/{event.slug}/edit/", {**data, "day": "2026-12-18"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.description_ru == "Читаем вместе."
    # The host is the Krupskaya library in Barnaul (UTC+7): 12:00 there is 05:00 UTC.
    assert event.starts_at == datetime.datetime(2026, 12, 18, 5, 0, tzinfo=UTC)
    # A second save from the same (now stale) form is refused, and nothing typed is lost.
    stale = client.post(f"/en/events/{event.slug}/edit/", {**data, "day": "2026-12-18",
                                                            "description_ru": "Другое"})  # fmt: skip
    assert stale.status_code == 409 and "Другое" in stale.content.decode()


def test_other_editors_cannot_edit(other_editor, network) -> None:
    event = bridge("b-foreign", datetime.datetime(2026, 12, 15, 4, 0, tzinfo=UTC))
    client = Client()
    client.force_login(other_editor)
    assert client.get(f"/ru/events/{event.slug}/edit/").status_code == 403


def test_month_view_places_events_and_both_countries_days_off(client: Client, network) -> None:
    bridge("b-month", datetime.datetime(2026, 12, 15, 4, 0, tzinfo=UTC))
    page = client.get("/ru/events/?view=month&month=2026-12").content.decode()
    assert "Декабрь 2026" in page
    assert "/ru/events/b-month/" in page
    # 16 December, Kazakhstan only, named in the page's language (events.holiday_names).
    assert "KZ: День Независимости" in page and "RU: День Независимости" not in page
    kazakh = client.get("/kk/events/?view=month&month=2026-06").content.decode()
    assert "RU: Ресей күні" in kazakh  # 12 June, Russia only, in Kazakh
    assert (
        "KZ: Independence Day"
        in client.get("/en/events/?view=month&month=2026-12").content.decode()
    )
    # Filters apply: another format hides the bridge.
    other = client.get("/ru/events/?view=month&month=2026-12&format=exhibition").content.decode()
    assert "/ru/events/b-month/" not in other
    # A nonsense month falls back to the current one instead of failing.
    assert client.get("/ru/events/?view=month&month=2026-13").status_code == 200


def test_month_view_uses_the_first_venues_local_date(client: Client, network) -> None:
    # 20:00 UTC on 14 December is already 15 December in Barnaul (first venue, UTC+7).
    bridge("b-late", datetime.datetime(2026, 12, 14, 20, 0, tzinfo=UTC))
    page = client.get("/en/events/?view=month&month=2026-12").content.decode()
    cell = page.split("/en/events/b-late/")[0].rsplit('<span class="day-number">', 1)[1]
    assert cell.startswith("15<")
    assert ">03:00</time>" in page


def test_atom_feed_of_announcements_in_the_language_asked_for(client: Client, network) -> None:
    bridge("b-atom", datetime.datetime(2030, 1, 15, 4, 0, tzinfo=UTC))
    response = client.get("/kk/events/announcements.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = lxml.etree.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "kk"
    titles = [e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)]
    assert "Бейнекөпір" in titles
    entry = next(
        e
        for e in root.findall("a:entry", ns)
        if e.findtext("a:title", namespaces=ns) == "Бейнекөпір"
    )
    assert entry.find("a:link", ns).get("href").endswith("/kk/events/b-atom/")
    assert "UTC+7" in entry.findtext("a:summary", namespaces=ns)


def test_a_signed_in_reader_sees_the_time_in_their_own_zone(editor, network) -> None:
    event = bridge("b-mine", datetime.datetime(2026, 12, 15, 4, 0, tzinfo=UTC))
    client = Client()
    client.force_login(editor)
    assert "ваше время" not in client.get(f"/ru/events/{event.slug}/").content.decode()
    response = client.post("/ru/accounts/profile/", {"first_name": "", "last_name": "",
                                                     "preferred_language": "ru",
                                                     "time_zone": "Europe/Moscow"})  # fmt: skip
    assert response.status_code == 302
    page = client.get(f"/ru/events/{event.slug}/").content.decode()
    assert "ваше время: 07:00 UTC+3" in page
    bad = client.post(
        "/ru/accounts/profile/", {"preferred_language": "ru", "time_zone": "Mars/Base"}
    )
    assert bad.status_code == 400
