"""The organisers' side of registration: each group says where it takes part, the list gives
totals per venue, and comes as CSV, XLSX and a page to print — for the organisers only, with
what registrants typed kept as text (never a formula)."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from kopir.events.models import Registration
from kopir.events.tests.factories import RegistrationFactory, bridge
from kopir.events.tests.test_registrations import register

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(network):
    soon = timezone.now() + datetime.timedelta(days=3)
    return bridge("bridge-soon", soon, registration_open=True, capacity=60)


def venue_at(event, town: str):
    return event.venues.get(settlement__slug=town)


def test_a_group_chooses_its_side_of_the_bridge(client, event) -> None:
    page = client.get(f"/ru/events/{event.slug}/").content.decode()
    assert 'name="venue"' in page
    assert "Шемонаиха: Шемонаихинская центральная районная библиотека" in page

    assert register(client, event, "ru", venue="").status_code == 400  # two sides: which one?
    assert not Registration.objects.exists()
    shemonaikha = venue_at(event, "shemonaikha")
    assert register(client, event, "ru", venue=shemonaikha.pk).status_code == 302
    assert Registration.objects.get().venue == shemonaikha


def test_a_venue_of_another_event_is_refused(client, event) -> None:
    other = bridge("bridge-later", event.starts_at + datetime.timedelta(days=7),
                   registration_open=True)  # fmt: skip
    foreign = other.venues.first()
    response = register(client, event, "ru", venue=foreign.pk)
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_one_venue_needs_no_choice(client, network) -> None:
    from kopir.events.tests.factories import event as make_event

    single = make_event([network["central"]], starts=timezone.now() + datetime.timedelta(days=2),
                        registration_open=True)  # fmt: skip
    assert 'name="venue"' not in client.get(f"/ru/events/{single.slug}/").content.decode()
    assert register(client, single, "ru").status_code == 302
    assert Registration.objects.get().venue == single.venues.get()


def _three_registrations(event) -> None:
    barnaul, shemonaikha = venue_at(event, "barnaul"), venue_at(event, "shemonaikha")
    RegistrationFactory(event=event, venue=shemonaikha, children=20, adults=2,
                        contact_name='=HYPERLINK("http://evil.example")')  # fmt: skip
    RegistrationFactory(event=event, venue=barnaul, children=25, adults=1)
    RegistrationFactory(event=event, venue=barnaul, kind="person", children=0, adults=1)
    RegistrationFactory(event=event, venue=barnaul, children=30, adults=2, status="waiting")
    RegistrationFactory(event=event, venue=shemonaikha, children=9, status="cancelled")


def test_totals_per_venue_and_for_the_event(event) -> None:
    from kopir.events.selectors import registration_totals

    _three_registrations(event)
    venues, total = registration_totals(event)
    by_town = {t.venue.settlement.slug: t for t in venues}
    assert [t.venue.settlement.slug for t in venues] == ["barnaul", "shemonaikha"]  # event order
    barnaul, shemonaikha = by_town["barnaul"], by_town["shemonaikha"]
    assert (barnaul.groups, barnaul.persons, barnaul.children, barnaul.adults) == (1, 1, 25, 2)
    assert (barnaul.places, barnaul.waiting) == (27, 32)
    assert (shemonaikha.groups, shemonaikha.places, shemonaikha.waiting) == (1, 22, 0)
    assert (total.groups, total.persons, total.places, total.waiting) == (2, 1, 49, 32)


def test_the_organisers_page_files_and_print(signed_in, editor, event) -> None:
    _three_registrations(event)
    organiser = signed_in(editor)
    page = organiser.get(f"/ru/events/{event.slug}/registrations/").content.decode()
    assert "Места по площадкам" in page
    assert "11 мест осталось" in page  # 60 − 49

    data = organiser.get(f"/ru/events/{event.slug}/registrations.csv")
    assert data["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(data.content.decode("utf-8-sig"))))
    names = [row[4] for row in rows[2:7]]
    assert '\'=HYPERLINK("http://evil.example")' in names  # text, not a formula
    assert rows[-1][:6] == ["Всего", "2", "1", "45", "4", "49"]

    book = load_workbook(io.BytesIO(organiser.get(
        f"/ru/events/{event.slug}/registrations.xlsx").content))  # fmt: skip
    sheet = book.worksheets[0]
    hostile = [c for c in sheet["E"] if c.value and str(c.value).startswith("=HYPERLINK")]
    assert hostile and all(c.data_type == "s" and c.quotePrefix for c in hostile)
    totals = book.worksheets[1]
    assert [c.value for c in totals[totals.max_row]][:6] == ["Всего", 2, 1, 45, 4, 49]

    printed = organiser.get(f"/ru/events/{event.slug}/registrations/print/").content.decode()
    assert printed.count('<td class="blank">') == 3  # a line to tick for each confirmed one
    assert "evil.example" in printed and "<a " not in printed.split("<body", 1)[1].split(
        "no-print")[0]  # fmt: skip
    assert organiser.get(f"/ru/events/{event.slug}/registrations.exe").status_code == 404


@pytest.mark.parametrize("path", ["registrations/", "registrations/print/", "registrations.csv",
                                  "registrations.xlsx"])  # fmt: skip
def test_only_organisers_see_the_lists(client, signed_in, other_editor, event, path) -> None:
    RegistrationFactory(event=event, venue=venue_at(event, "barnaul"))
    url = f"/ru/events/{event.slug}/{path}"
    assert client.get(url).status_code == 302  # to sign in
    assert signed_in(other_editor).get(url).status_code == 403
