"""Registration: places and the waiting list, letters in the registrant's language, cancellation
by link, personal data for the organisers only, erasure on request and after retention."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from kopir.events.models import Event, Registration
from kopir.events.registrations import cancel_token, registrations_purge
from kopir.events.tests.factories import bridge

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(network):
    """A children's video bridge in three days, open for thirty places, organised by the
    district library in Shemonaikha (the editor's)."""
    soon = timezone.now() + datetime.timedelta(days=3)
    return bridge("bridge-soon", soon, registration_open=True, capacity=30)


def register(client: Client, event: Event, lang: str = "kk", **changes: object):
    data = {
        "kind": "group", "contact_name": "Айгүл Серікқызы", "contact_email": "aigul@example.org",
        "institution": "№ 3 мектеп", "group_name": "4 «Б»", "children": 20, "adults": 2,
    }  # fmt: skip
    venue = event.venues.first()  # the side of the bridge the class takes part at
    data["venue"] = venue.pk if venue else ""
    data.update(changes)
    return client.post(f"/{lang}/events/{event.slug}/register/", data)


def test_a_class_is_registered_and_gets_a_letter_in_its_language(
    client, event, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, event, lang="kk")
    assert response.status_code == 302
    registration = Registration.objects.get(event=event)
    assert (registration.status, registration.seats, registration.language) == (
        "confirmed",
        22,
        "kk",
    )
    letter = mail.outbox[-1]
    assert letter.to == ["aigul@example.org"] and "Сәлеметсіз бе, Айгүл Серікқызы!" in letter.body
    assert "/kk/events/registration/" in letter.body


def test_beyond_capacity_goes_to_the_waiting_list_and_a_cancellation_promotes_it(
    client, event, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event)  # 22 of 30
        register(client, event, lang="ru", contact_email="olga@example.org", children=10, adults=1)
    first, second = Registration.objects.filter(event=event).order_by("pk")
    assert (first.status, second.status) == ("confirmed", "waiting")
    assert "листе ожидания" in mail.outbox[-1].body
    cancel = f"/kk/events/registration/{cancel_token(first)}/cancel/"
    assert client.get(cancel).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(cancel).status_code == 200
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("cancelled", "confirmed")
    assert mail.outbox[-1].to == ["olga@example.org"] and "теперь оно ваше" in mail.outbox[-1].body


def test_a_forged_cancellation_link_is_refused(client, event) -> None:
    assert client.get("/kk/events/registration/1:forged:link/cancel/").status_code == 410


def test_closed_events_take_no_registration(client, event) -> None:
    Event.objects.filter(pk=event.pk).update(registration_open=False)
    response = register(client, event, lang="ru")
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_the_form_never_asks_for_childrens_names(client, event) -> None:
    page = client.get(f"/ru/events/{event.slug}/").content.decode()
    inputs = re.findall(r'<(?:input|select|textarea)[^>]*\sname="([a-z_]+)"', page)
    fields = set(inputs) - {"csrfmiddlewaretoken", "next", "script", "q"}  # q: the site search
    assert fields == {"kind", "venue", "contact_name", "contact_email", "contact_phone",
                      "institution", "group_name", "children", "adults"}  # fmt: skip


def test_only_organisers_see_registrants_and_may_erase(client, event, editor, other_editor) -> None:
    register(client, event)
    registration = Registration.objects.get()
    url = f"/ru/events/{event.slug}/registrations/"
    outsider, organiser = Client(), Client()
    outsider.force_login(other_editor)
    organiser.force_login(editor)
    assert "aigul@example.org" in organiser.get(url).content.decode()
    assert Client().get(url).status_code == 302
    assert outsider.get(url).status_code == 403
    assert outsider.post(f"{url}{registration.pk}/erase/").status_code == 403
    assert organiser.post(f"{url}{registration.pk}/erase/").status_code == 302
    registration.refresh_from_db()
    assert registration.erased_at and registration.contact_email == "erased@invalid"
    assert registration.children == 20  # counts stay for the reports


def test_personal_data_are_erased_after_the_retention_period(client, event, settings) -> None:
    register(client, event)
    settings.KOPIR_REGISTRATION_RETENTION_DAYS = 30
    assert registrations_purge(now=event.ends_at + datetime.timedelta(days=29)) == 0
    assert registrations_purge(now=event.ends_at + datetime.timedelta(days=31)) == 1
    assert Registration.objects.get().contact_name == "—"


def test_reminders_go_once_the_day_before_in_each_registrants_language(
    client, event, django_capture_on_commit_callbacks
) -> None:
    from django.core.management import call_command

    from kopir.events.registrations import reminders_send

    with django_capture_on_commit_callbacks(execute=True):
        register(client, event, lang="ru", contact_email="ru@example.org")
        register(client, event, lang="kk", contact_email="kk@example.org", kind="person")
    mail.outbox.clear()
    day_before = event.starts_at - datetime.timedelta(hours=20)
    assert reminders_send(now=event.starts_at - datetime.timedelta(days=3)) == 0  # too early
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(now=day_before) == 2
    letters = {letter.to[0]: letter for letter in mail.outbox}
    assert (
        "Мероприятие, на которое вы записались, скоро начнётся." in letters["ru@example.org"].body
    )
    assert "ru@example.org" in letters and "kk@example.org" in letters
    assert letters["kk@example.org"].body != letters["ru@example.org"].body
    # A second run (or the hourly cron) sends nothing again.
    assert reminders_send(now=day_before + datetime.timedelta(hours=1)) == 0
    call_command("send_reminders")  # the cron entry point runs


def test_no_reminder_for_a_cancelled_event(
    client, event, django_capture_on_commit_callbacks
) -> None:
    from kopir.events.registrations import reminders_send

    with django_capture_on_commit_callbacks(execute=True):
        register(client, event, lang="ru")
    Event.objects.filter(pk=event.pk).update(status="cancelled")
    assert reminders_send(now=event.starts_at - datetime.timedelta(hours=2)) == 0


def test_a_registration_lands_on_its_own_page_with_the_link_to_join(
    client, event, django_capture_on_commit_callbacks
) -> None:
    Event.objects.filter(pk=event.pk).update(online_link="https://meet.jit.si/kopir-bridge-soon")
    public = client.get(f"/ru/events/{event.slug}/").content.decode()
    assert "meet.jit.si/kopir-bridge-soon" not in public  # a children's room is not public
    assert "Осталось мест" in public and "30 из 30" in public
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, event, lang="ru")
    registration = Registration.objects.get(event=event)
    page_url = f"/ru/events/registration/{cancel_token(registration)}/"
    assert response.status_code == 302 and response["Location"] == page_url
    page = client.get(page_url)
    text = page.content.decode()
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex"
    assert "Ваша регистрация" in text and "детей: 20, взрослых: 2" in text
    assert 'href="https://meet.jit.si/kopir-bridge-soon"' in text
    assert 'name="contact_name"' not in text  # no second registration offered
    assert f"{page_url}cancel/" in text
    letter = mail.outbox[-1].body
    assert "https://meet.jit.si/kopir-bridge-soon" in letter and page_url in letter
    assert "8 из 30" in client.get(f"/ru/events/{event.slug}/").content.decode()


def test_a_waiting_registration_gets_no_link_to_join(
    client, event, django_capture_on_commit_callbacks
) -> None:
    Event.objects.filter(pk=event.pk).update(online_link="https://meet.jit.si/kopir-bridge-soon")
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event, lang="ru", children=40)  # more than the 30 places
    registration = Registration.objects.get(event=event)
    assert registration.status == "waiting"
    page = client.get(f"/ru/events/registration/{cancel_token(registration)}/").content.decode()
    assert "meet.jit.si" not in page and "как только ваше место подтвердится" in page
    assert "meet.jit.si" not in mail.outbox[-1].body


def test_a_forged_registration_link_shows_nothing(client, event) -> None:
    assert client.get("/kk/events/registration/1:forged:link/").status_code == 410


def test_the_link_to_join_is_not_published_in_feeds_or_the_api(client, event, editor) -> None:
    Event.objects.filter(pk=event.pk).update(online_link="https://meet.jit.si/kopir-bridge-soon")
    for path in (f"/ru/events/{event.slug}.ics", "/ru/events/calendar.ics",
                 f"/api/v1/events/{event.slug}", "/api/v1/events"):  # fmt: skip
        body = client.get(path).content.decode()
        assert "meet.jit.si" not in body, path
    assert (
        f"/ru/events/{event.slug}/" in client.get(f"/ru/events/{event.slug}.ics").content.decode()
    )
    client.force_login(editor)  # an organiser of the event
    assert client.get(f"/api/v1/events/{event.slug}").json()["online_link"] == (
        "https://meet.jit.si/kopir-bridge-soon"
    )


def test_cancelling_the_event_writes_to_everyone_registered(
    client, event, editor, django_capture_on_commit_callbacks
) -> None:
    from kopir.core.audit import Change
    from kopir.events.services import event_set_status
    from kopir.events.tests.factories import RegistrationFactory

    RegistrationFactory(event=event, contact_email="kk@example.org", language="kk")
    RegistrationFactory(event=event, contact_email="ru@example.org", language="ru",
                        status="waiting")  # fmt: skip
    RegistrationFactory(event=event, contact_email="gone@example.org", status="cancelled")
    erased = RegistrationFactory(event=event, contact_email="erased@example.org")
    Registration.objects.filter(pk=erased.pk).update(erased_at=timezone.now())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event_set_status(event, "cancelled", change=Change(editor))
    letters = {letter.to[0]: letter for letter in mail.outbox}
    assert set(letters) == {"kk@example.org", "ru@example.org"}
    assert "болдырылмады" in letters["kk@example.org"].subject
    assert "отменили" in letters["ru@example.org"].body
