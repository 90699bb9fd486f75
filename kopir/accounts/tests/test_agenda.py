"""«My library today»: what the workspace home lists for an editor and for the coordinator."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from kopir.accounts import agenda
from kopir.accounts.services import invitation_create
from kopir.core.audit import SYSTEM, Change
from kopir.events.models import EventStatus
from kopir.events.tests.factories import RegistrationFactory, event
from kopir.exchange import offers
from kopir.exchange.models import ShipmentStatus
from kopir.exchange.shipments import ItemInput, shipment_create, shipment_move
from kopir.exchange.tests.factories import BibRecordFactory
from kopir.heritage.models import ProjectTask
from kopir.heritage.tests.factories import item, project

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 1, 6, 0, tzinfo=datetime.UTC)


def test_coming_events_carry_their_registrations_and_places_left(network, editor):
    central, childrens = network["central"], network["childrens"]
    soon = event([central, childrens], starts=NOW + datetime.timedelta(days=3),
                 title_ru="Видеомост", registration_open=True, capacity=40)  # fmt: skip
    RegistrationFactory(event=soon, children=12, adults=1)
    RegistrationFactory(event=soon, children=20, adults=2)
    RegistrationFactory(event=soon, children=30, adults=2, status="waiting")
    event([central], starts=NOW + datetime.timedelta(days=90))  # beyond two months
    event([childrens], starts=NOW + datetime.timedelta(days=5))  # not ours
    past = event([central], starts=NOW - datetime.timedelta(days=10))
    event([central], starts=NOW - datetime.timedelta(days=20), status=EventStatus.CANCELLED)

    with translation.override("ru"):
        today = agenda.agenda(editor, NOW)

    assert [(r.event, r.registered, r.taken, r.places_left) for r in today.events.entries] == [
        (soon, 2, 35, 5)
    ]
    assert [t.place for t in today.events.entries[0].times] == ["Шемонаиха", "Барнаул"]
    assert list(today.to_report.entries) == [past]


def test_a_branch_s_event_is_the_editor_s_own(network, editor, other_editor):
    at_branch = event([network["branch"]], starts=NOW + datetime.timedelta(days=1))
    assert [r.event for r in agenda.agenda(editor, NOW).events.entries] == [at_branch]
    assert agenda.agenda(other_editor, NOW).events.entries == []


def test_shipments_are_split_by_whose_step_it_is(network, editor, other_editor):
    central, regional = network["central"], network["regional"]
    ours = BibRecordFactory(organisation=central)
    theirs = BibRecordFactory(organisation=regional)
    outgoing = shipment_create(sender=central, recipient=regional, kind="gift", change=SYSTEM,
                               items=[ItemInput(ours)])  # fmt: skip
    incoming = shipment_create(sender=regional, recipient=central, kind="loan", change=SYSTEM,
                               items=[ItemInput(theirs, 2)],
                               return_due=datetime.date(2027, 3, 1))  # fmt: skip

    mine = agenda.agenda(editor, NOW)
    assert [(a.shipment, a.step, a.by) for a in mine.our_steps.entries] == [
        (incoming, ShipmentStatus.AGREED, central)
    ]
    assert [(a.shipment, a.by) for a in mine.their_steps.entries] == [(outgoing, regional)]

    shipment_move(incoming, ShipmentStatus.AGREED, change=SYSTEM)
    shipment_move(incoming, ShipmentStatus.SENT, change=SYSTEM)
    shipment_move(incoming, ShipmentStatus.RECEIVED, change=SYSTEM)
    mine = agenda.agenda(editor, NOW)
    # A loan received is still ours to send back; a gift received is done.
    assert [(a.shipment, a.step) for a in mine.our_steps.entries] == [
        (incoming, ShipmentStatus.RETURN_SENT)
    ]
    assert [a.shipment for a in agenda.agenda(other_editor, NOW).our_steps.entries] == [outgoing]


def test_offers_and_wishes_meet_from_both_sides(network, editor, other_editor):
    central, regional = network["central"], network["regional"]
    record = BibRecordFactory(organisation=regional, title="Шемонаиха: история края",
                              isbn="9785000000014")  # fmt: skip
    offer = offers.offer_create(record, kind="gift", copies=1, note="", change=SYSTEM)
    wish = offers.wish_create(central, title="Другая книга", author="", isbn="978-5-00-000001-4",
                              note="", change=SYSTEM)  # fmt: skip
    asked = offers.book_request(central, record, note="", change=SYSTEM)

    mine = agenda.agenda(editor, NOW)
    assert {(m.wish, m.offer, m.by_isbn) for m in mine.offers_for_wishes.entries} == {
        (wish, offer, True), (asked, offer, True)
    }  # fmt: skip
    theirs = agenda.agenda(other_editor, NOW)
    # The request is listed once, as a book asked of them.
    assert [(m.wish, m.offer) for m in theirs.wishes_for_offers.entries] == [(wish, offer)]
    assert list(theirs.requests.entries) == [asked]
    assert mine.requests.entries == []


def test_drafts_tasks_and_invitations_are_the_library_s_own(network, editor, coordinator):
    central, regional = network["central"], network["regional"]
    draft = item(central, publish=False, title={"ru": "Черновик"})
    item(central, title={"ru": "Опубликовано"})
    other_draft = item(regional, publish=False)
    work = project(central, regional)
    task = ProjectTask.objects.create(project=work, title="Сканировать", organisation=central,
                                      due_on=datetime.date(2026, 12, 10))  # fmt: skip
    ProjectTask.objects.create(project=work, title="Чужое", organisation=regional)
    ProjectTask.objects.create(project=work, title="Сделано", organisation=central,
                               done_at=timezone.now())  # fmt: skip
    invitation_create(change=Change(coordinator), site_url="http://testserver/",
                      email="new@example.org", organisation=central, language="ru")  # fmt: skip

    mine = agenda.agenda(editor, NOW)
    assert list(mine.drafts.entries) == [draft]
    assert list(mine.tasks.entries) == [task]
    assert [i.email for i in mine.invitations.entries] == ["new@example.org"]

    network_view = agenda.agenda(coordinator, NOW)
    assert network_view.network
    assert set(network_view.drafts.entries) == {draft, other_draft}
    assert len(network_view.tasks.entries) == 2


def test_a_long_list_is_cut_with_the_number_left_over(network, editor):
    for n in range(agenda.SHOWN + 3):
        item(network["central"], publish=False, title={"ru": f"Черновик {n}"})
    drafts = agenda.agenda(editor, NOW).drafts
    assert (len(drafts.entries), drafts.more) == (agenda.SHOWN, 3)


def test_the_home_page_links_each_task_and_this_year_s_report(network, editor, signed_in):
    central = network["central"]
    soon = event([central], starts=timezone.now() + datetime.timedelta(days=2),
                 registration_open=True, capacity=30, title_ru="Видеомост")  # fmt: skip
    draft = item(central, publish=False, title={"ru": "Черновик"})
    page = signed_in(editor).get("/ru/accounts/workspace/").content.decode()

    assert "Моя библиотека сегодня" in page
    assert f"/ru/events/{soon.slug}/registrations/" in page
    assert f"/ru/collection/items/{draft.pk}/edit/" in page
    year = timezone.localdate().year
    assert (f"/ru/reports/view/?report=organisation&amp;organisation={central.pk}"
            f"&amp;start={year}-01-01&amp;end={year}-12-31") in page  # fmt: skip
    assert "30 мест осталось" in page or "30 места осталось" in page
