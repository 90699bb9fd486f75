"""Every state-changing URL of the site and every write operation of the API, tried as
anonymous, as an editor of another organisation, as the editor, and as the coordinator.

The URLs come from the URL configuration and the operations from the OpenAPI schema, so a new
one that this table does not describe fails the test: nothing can escape the matrix.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
from dataclasses import dataclass

import pytest
from django.core import serializers
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone, translation
from django.utils.translation import get_language
from PIL import Image

from kopir.accounts.models import ApiToken, Invitation, User
from kopir.accounts.services import api_token_create
from kopir.bibliography import models as bibliography
from kopir.bibliography import services as bibliography_services
from kopir.bibliography.tests.factories import publication as make_publication
from kopir.core.audit import SYSTEM, Change
from kopir.events import services as event_services
from kopir.events.forms import edit_initial
from kopir.events.models import Attendance, Event, EventLink, EventPhoto, Registration
from kopir.events.registrations import cancel_token
from kopir.events.tests.factories import RegistrationFactory
from kopir.events.tests.factories import event as make_event
from kopir.exchange.imports import marc_import
from kopir.exchange.models import (
    BibRecord,
    ImportBatch,
    Offer,
    Shipment,
    ShipmentItem,
    Wish,
)
from kopir.exchange.offers import offer_create, wish_create
from kopir.exchange.services import upload_import
from kopir.exchange.shipments import ItemInput, shipment_create
from kopir.exchange.tests import fixtures as marc_fixtures
from kopir.exchange.tests.factories import BibRecordFactory
from kopir.heritage import models as heritage
from kopir.heritage import services as heritage_services
from kopir.network.models import Agreement, Organisation, Person
from kopir.reports.models import ReportRun
from kopir.reports.tests.factories import ReportRunFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "other_editor", "editor", "coordinator")
ALLOWED, REFUSED, LOGIN, MISSING = "allowed", "refused", "login", "missing"


def site_patterns() -> list[str]:
    """The route of every page of our own apps (not Django's admin, covered below)."""
    found: list[str] = []

    def walk(patterns: list, prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if getattr(pattern, "app_name", None) != "admin":
                    walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                found.append(route.replace(f"{get_language()}/", "<lang>/", 1))

    walk(get_resolver().url_patterns, "")
    return found


@dataclass
class World:
    """The records a matrix row acts on."""

    own: Organisation
    branch: Organisation
    foreign: Organisation
    own_person: Person
    agreement: Agreement
    invitation: Invitation
    editors_token: ApiToken
    event: Event
    registration: Registration
    photo: EventPhoto
    link: EventLink
    refused_batch: ImportBatch
    book: BibRecord
    foreign_book: BibRecord
    offer: Offer
    wish: Wish
    shipment: Shipment
    item: heritage.Item
    project: heritage.Project
    task: heritage.ProjectTask
    publication: bibliography.Publication
    report_run: ReportRun


VOLATILE = {ApiToken: ["last_used_at"], User: ["last_login"]}  # reading, not writing


def snapshot() -> str:
    # modeltranslation's plain field (name) reads the active language: fix it for comparison.
    with translation.override("kk"):
        return _snapshot()


def _snapshot() -> str:
    rows = []
    models = (Organisation, Person, Agreement, Invitation, ApiToken, User, Event, Registration)
    exchange = (BibRecord, ImportBatch, Offer, Wish, Shipment, ShipmentItem)
    collection = (heritage.Item, heritage.Project, heritage.ProjectTask, heritage.Person,
                  heritage.Place, heritage.Subject, bibliography.Publication, ReportRun)  # fmt: skip
    for model in (*models, EventPhoto, EventLink, Attendance, *exchange, *collection):
        fields = [
            f.name for f in model._meta.concrete_fields if f.name not in VOLATILE.get(model, [])
        ]
        rows.append(
            json.loads(serializers.serialize("json", model.objects.order_by("pk"), fields=fields))
        )
    rows.append(
        sorted(Agreement.parties.through.objects.values_list("agreement_id", "organisation_id"))
    )
    rows.append(sorted(heritage.Project.items.through.objects.values_list("project_id", "item_id")))
    return hashlib.sha256(json.dumps(rows, default=str, sort_keys=True).encode()).hexdigest()


# route (with placeholders) → (how to fill it, POST data, expectation per role)
def site_rows(w: World) -> dict[str, tuple[str, dict, dict[str, str]]]:
    anyone = dict.fromkeys(ROLES, ALLOWED)
    signed_in = {
        "anonymous": LOGIN,
        "other_editor": ALLOWED,
        "editor": ALLOWED,
        "coordinator": ALLOWED,
    }
    own = {"anonymous": LOGIN, "other_editor": REFUSED, "editor": ALLOWED, "coordinator": ALLOWED}
    coordinator = {
        "anonymous": LOGIN,
        "other_editor": REFUSED,
        "editor": REFUSED,
        "coordinator": ALLOWED,
    }
    organisation_data = {
        "name_kk": "Өзгертілген",
        "name_ru": "Изменённое название",
        "name_en": "Changed",
        "website": "https://example.org/",
        "version": w.own.version,
        "type": w.own.type,
        "settlement": w.own.settlement_id,
    }
    person = {"name_ru": "Новый человек", "role": "librarian", "email": "new@example.org"}
    agreement = {
        "title_ru": "Новое соглашение",
        "status": "draft",
        "signed_on_precision": "day",
        "parties": [w.own.pk, w.foreign.pk],
    }
    return {
        "<lang>/script/": ("/kk/script/", {"script": "latn", "next": "/kk/"}, anyone),
        "<lang>/accounts/logout/": ("/kk/accounts/logout/", {}, anyone),
        "<lang>/accounts/profile/": ("/kk/accounts/profile/", {"preferred_language": "ru"}, signed_in),
        "<lang>/accounts/tokens/": ("/kk/accounts/tokens/", {"name": "sync"}, signed_in),
        "<lang>/accounts/password/": (
            "/kk/accounts/password/",
            {"old_password": "correct-horse-battery-staple-42",
             "new_password1": "another-long-passphrase-77", "new_password2": "another-long-passphrase-77"},
            signed_in,
        ),
        "<lang>/accounts/invitations/": (
            "/kk/accounts/invitations/",
            {"email": "new.editor@example.org", "organisation": w.own.pk, "language": "kk"},
            coordinator,
        ),
        "<lang>/accounts/tokens/<int:pk>/revoke/": (
            f"/kk/accounts/tokens/{w.editors_token.pk}/revoke/", {},
            {"anonymous": LOGIN, "other_editor": MISSING, "editor": ALLOWED, "coordinator": MISSING},
        ),
        "<lang>/accounts/invitations/<int:pk>/revoke/": (
            f"/kk/accounts/invitations/{w.invitation.pk}/revoke/", {}, coordinator,
        ),
        "<lang>/workspace/organisations/<slug:slug>/edit/": (
            f"/kk/workspace/organisations/{w.own.slug}/edit/", organisation_data, own,
        ),
        "<lang>/workspace/organisations/<slug:slug>/branches/new/": (
            f"/kk/workspace/organisations/{w.own.slug}/branches/new/",
            {"slug": "new-branch", "type": "rural_library", "settlement": w.own.settlement_id,
             "name_ru": "Новый филиал"},
            own,
        ),
        "<lang>/workspace/organisations/<slug:slug>/people/new/": (
            f"/kk/workspace/organisations/{w.own.slug}/people/new/", person, own,
        ),
        "<lang>/workspace/people/<int:pk>/edit/": (
            f"/kk/workspace/people/{w.own_person.pk}/edit/",
            {**person, "version": w.own_person.version}, own,
        ),
        "<lang>/workspace/people/<int:pk>/delete/": (
            f"/kk/workspace/people/{w.own_person.pk}/delete/", {}, own,
        ),
        "<lang>/workspace/agreements/new/": ("/kk/workspace/agreements/new/", agreement, signed_in),
        "<lang>/events/plan/": (
            "/kk/events/plan/",
            {"title_ru": "Видеомост", "format": "video_bridge", "audience": "children",
             "host": w.own.pk, "partners": [w.foreign.pk], "day": "2026-10-14", "time": "09:00",
             "minutes": 60, "action": "save"},
            signed_in,
        ),
        "<lang>/workspace/agreements/<int:pk>/edit/": (
            f"/kk/workspace/agreements/{w.agreement.pk}/edit/",
            {**agreement, "version": w.agreement.version}, own,
        ),
        "<lang>/workspace/agreements/<int:pk>/delete/": (
            f"/kk/workspace/agreements/{w.agreement.pk}/delete/", {}, own,
        ),
        "<lang>/events/<slug:slug>/register/": (
            f"/kk/events/{w.event.slug}/register/",
            {"kind": "person", "contact_name": "Оқырман", "contact_email": "reader@example.org",
             "venue": w.event.venues.first().pk},
            anyone,
        ),
        "<lang>/events/registration/<str:token>/cancel/": (
            f"/kk/events/registration/{cancel_token(w.registration)}/cancel/", {}, anyone,
        ),
        "<lang>/events/<slug:slug>/edit/": (
            f"/kk/events/{w.event.slug}/edit/", event_edit_data(w.event), own,
        ),
        "<lang>/events/<slug:slug>/attendance/": (
            f"/kk/events/{w.event.slug}/attendance/",
            {f"count-{w.event.venues.first().pk}-children": "25", "report_ru": "Прошло хорошо."},
            own,
        ),
        "<lang>/events/<slug:slug>/media/": (
            f"/kk/events/{w.event.slug}/media/",
            {"form": "link", "kind": "press", "title_ru": "Статья", "url": "https://example.org/a"},
            own,
        ),
        "<lang>/events/<slug:slug>/links/<int:pk>/delete/": (
            f"/kk/events/{w.event.slug}/links/{w.link.pk}/delete/", {}, own,
        ),
        "<lang>/events/<slug:slug>/photos/<int:pk>/delete/": (
            f"/kk/events/{w.event.slug}/photos/{w.photo.pk}/delete/", {}, own,
        ),
        "<lang>/events/<slug:slug>/status/": (
            f"/kk/events/{w.event.slug}/status/",
            # the version when posted: rows before this one edit the event
            {"status": "cancelled", "version": lambda: Event.objects.get(pk=w.event.pk).version},
            own,
        ),
        "<lang>/exchange/books/<slug:slug>/import/": (
            f"/kk/exchange/books/{w.own.slug}/import/",
            {"file": SimpleUploadedFile("a.iso", marc_fixtures.mixed_file())}, own,
        ),
        "<lang>/exchange/records/<int:pk>/decide/": (
            f"/kk/exchange/records/{w.book.pk}/decide/", {"decision": "delete"}, own,
        ),
        "<lang>/exchange/imports/<int:pk>/decide/": (
            f"/kk/exchange/imports/{w.refused_batch.pk}/decide/", {"decision": "readable"}, own,
        ),
        "<lang>/exchange/records/<int:pk>/offer/": (
            f"/kk/exchange/records/{w.offer.record_id}/offer/", {"kind": "gift", "copies": 2}, own,
        ),
        "<lang>/exchange/wishes/<slug:slug>/": (
            f"/kk/exchange/wishes/{w.own.slug}/", {"title": "Рудный Алтай"}, own,
        ),
        "<lang>/exchange/wish/<int:pk>/delete/": (f"/kk/exchange/wish/{w.wish.pk}/delete/", {}, own),
        "<lang>/exchange/wishes/<slug:slug>/ask/<int:pk>/": (
            f"/kk/exchange/wishes/{w.own.slug}/ask/{w.foreign_book.pk}/", {}, own,
        ),
        "<lang>/exchange/shipments/<slug:slug>/new/": (
            f"/kk/exchange/shipments/{w.own.slug}/new/",
            {"recipient": w.foreign.pk, "kind": "gift", "offers": [w.offer.pk]}, own,
        ),
        "<lang>/exchange/offers/<int:pk>/withdraw/": (
            f"/kk/exchange/offers/{w.offer.pk}/withdraw/", {}, own,
        ),
        # The recipient agrees: the sender, the coordinator and anyone else may not.
        "<lang>/exchange/shipment/<int:pk>/move/": (
            f"/kk/exchange/shipment/{w.shipment.pk}/move/",
            {"status": "agreed", "version": w.shipment.version},
            {"anonymous": LOGIN, "other_editor": ALLOWED, "editor": REFUSED, "coordinator": REFUSED},
        ),
        "<lang>/events/<slug:slug>/registrations/<int:pk>/erase/": (
            f"/kk/events/{w.event.slug}/registrations/{w.registration.pk}/erase/", {}, own,
        ),
        "<lang>/collection/workspace/<slug:slug>/new/": (
            f"/kk/collection/workspace/{w.own.slug}/new/",
            {"kind": "document", "title_ru": "Новый документ", "language": "ru",
             "date_text": "1950-е"}, own,
        ),
        "<lang>/collection/items/<int:pk>/edit/": (
            f"/kk/collection/items/{w.item.pk}/edit/",
            {"kind": "photograph", "title_kk": "Өзгертілген", "language": "kk",
             "version": w.item.version}, own,
        ),
        "<lang>/collection/items/<int:pk>/status/": (
            f"/kk/collection/items/{w.item.pk}/status/", {"action": "withdraw", "note": "Дубль"}, own,
        ),
        "<lang>/collection/items/<int:pk>/project/": (
            f"/kk/collection/items/{w.item.pk}/project/", {"project": w.project.slug}, own,
        ),
        "<lang>/collection/projects/new/": (
            "/kk/collection/projects/new/",
            {"title_ru": "Новый проект", "lead": w.own.pk, "organisations": [w.foreign.pk],
             "status": "active"},
            {**own, "other_editor": REFUSED},
        ),
        "<lang>/collection/projects/<slug:slug>/edit/": (
            f"/kk/collection/projects/{w.project.slug}/edit/",
            {"title_ru": "Изменённый проект", "lead": w.own.pk, "status": "completed",
             "version": w.project.version}, own,
        ),
        "<lang>/collection/projects/<slug:slug>/items/": (
            f"/kk/collection/projects/{w.project.slug}/items/",
            {"item": w.item.pk, "action": "remove"}, own,
        ),
        "<lang>/collection/projects/<slug:slug>/tasks/new/": (
            f"/kk/collection/projects/{w.project.slug}/tasks/new/", {"title_ru": "Задача"}, own,
        ),
        "<lang>/publications/new/": (
            "/kk/publications/new/",
            {"kind": "book", "title": "Летопись Убы", "year": 2020, "language": "ru"},
            signed_in,
        ),
        "<lang>/publications/paste/": (
            "/kk/publications/paste/", {"reference": "Иванов, И. И. Летопись. – Шемонаиха, 2020."},
            signed_in,
        ),
        "<lang>/publications/import/": (
            "/kk/publications/import/",
            {"format": "ris", "file": SimpleUploadedFile(
                "p.ris", "TY  - BOOK\r\nTI  - Летопись Убы\r\nER  - \r\n".encode())},
            signed_in,
        ),
        "<lang>/publications/<int:pk>/edit/": (
            f"/kk/publications/{w.publication.pk}/edit/",
            {"kind": "book", "title": "Изменённая", "version": w.publication.version}, own,
        ),
        "<lang>/publications/<int:pk>/delete/": (
            f"/kk/publications/{w.publication.pk}/delete/", {}, own,
        ),
        "<lang>/reports/": (
            "/kk/reports/",
            {"report": "organisation", "start": "2025-01-01", "end": "2025-12-31",
             "organisation": w.own.pk, "language": "ru", "format": "html", "keep_days": 7},
            own,
        ),
        "<lang>/reports/runs/<int:pk>/delete/": (
            f"/kk/reports/runs/{w.report_run.pk}/delete/", {}, {**own, "other_editor": MISSING},
        ),
        "<lang>/collection/tasks/<int:pk>/toggle/": (
            f"/kk/collection/tasks/{w.task.pk}/toggle/", {}, own,
        ),
        # Last: a restore moves the organisation to a new version.
        "<lang>/accounts/history/<str:model>/<int:pk>/restore/<int:history_id>/": (
            f"/kk/accounts/history/organisation/{w.own.pk}/restore/"
            f"{w.own.history.earliest().history_id}/", {}, coordinator,
        ),
    }  # fmt: skip


# Every other route, and why it is not a row. A new route must be added to one or the other.
NOT_ROWS = {
    "healthz": "read-only",
    "^media/(?P<name>.+)$": "read-only; who may read which file: tests/security/test_uploads.py",
    "<lang>/": "read-only",
    "<lang>/partners/": "read-only",
    "<lang>/partners/<slug:slug>/": "read-only",
    "<lang>/agreements/": "read-only",
    "<lang>/agreements/<int:pk>/": "read-only",
    "<lang>/map/": "read-only",
    "<lang>/events/": "read-only",
    "<lang>/events/<slug:slug>/": "read-only",
    "<lang>/events/<slug:slug>/registrations/": "read-only (organisers: kopir/events/tests)",
    "<lang>/events/<slug:slug>/registrations/print/": "read-only (organisers: events tests)",
    "<lang>/events/<slug:slug>/registrations.<str:extension>": "read-only (organisers' files)",
    "<lang>/events/registration/<str:token>/": "read-only (needs the letter's signed link)",
    "<lang>/events/<slug:slug>.ics": "read-only (iCalendar)",
    "<lang>/events/calendar.ics": "read-only (iCalendar)",
    "<lang>/events/announcements.atom": "read-only (Atom)",
    "<lang>/exchange/books/<slug:slug>/": "read-only (the library's editors: exchange tests)",
    "<lang>/exchange/books/<slug:slug>/export/": "read-only (a download: exchange tests)",
    "<lang>/exchange/books/<slug:slug>/duplicates/": "read-only (the library's editors)",
    "<lang>/exchange/imports/<int:pk>/": "read-only (the library's editors)",
    "<lang>/exchange/catalogue/": "read-only",
    "<lang>/exchange/catalogue/<int:pk>/": "read-only (a book's public page)",
    "<lang>/exchange/shipments/<slug:slug>/": "read-only (the library's editors)",
    "<lang>/exchange/shipment/<int:pk>/": "read-only (the two sides: exchange tests)",
    "<lang>/exchange/balance/": "read-only (signed-in partners)",
    "<lang>/exchange/shipment/<int:pk>/<str:name>": "read-only (documents for the two sides)",
    "<lang>/events/format/<slug:format>.ics": "read-only (iCalendar)",
    "<lang>/events/organisation/<slug:slug>.ics": "read-only (iCalendar)",
    "<lang>/workspace/organisations/<slug:slug>/": "read-only (login and permission: tests below)",
    "<lang>/accounts/workspace/": "read-only",
    "<lang>/accounts/users/": "read-only (coordinator)",
    "<lang>/accounts/users/<int:pk>/history/": "read-only (coordinator)",
    "<lang>/accounts/history/<str:model>/<int:pk>/": "read-only (coordinator)",
    "<lang>/accounts/password/done/": "read-only",
    "<lang>/accounts/password/reset/sent/": "read-only",
    "<lang>/accounts/password/reset/complete/": "read-only",
    "<lang>/accounts/login/": "signs in; wrong passwords and lockout: kopir/accounts/tests",
    "<lang>/accounts/password/reset/": "sends a letter, changes no record: kopir/accounts/tests",
    "<lang>/accounts/password/reset/<uidb64>/<token>/": "needs the letter's token: accounts tests",
    "<lang>/accounts/invitation/<str:token>/": "needs the letter's token: accounts tests",
    "oai": "read-only (a POST is a harvesting query: kopir/heritage/tests/test_oai.py)",
    "sru": "read-only (a POST is an SRU 2.0 search: kopir/exchange/tests/test_sru.py)",
    "<lang>/collection/": "read-only",
    "<lang>/collection/search/": "read-only",
    "<lang>/reports/dashboard/": "read-only (public figures)",
    "<lang>/reports/view/": "read-only (a report on screen; GET only)",
    "<lang>/reports/runs/<int:pk>/": "read-only (the run's own reader or the coordinator)",
    "<lang>/reports/runs/<int:pk>/progress/": "read-only (the same)",
    "<lang>/reports/runs/<int:pk>/download/": "read-only (the same)",
    "<lang>/collection/timeline/": "read-only",
    "<lang>/collection/places/": "read-only",
    "<lang>/collection/projects/": "read-only",
    "<lang>/collection/projects/<slug:slug>/": "read-only",
    "<lang>/collection/items/<int:pk>/": "read-only (drafts for their editors: heritage tests)",
    "<lang>/collection/workspace/<slug:slug>/": "read-only (the organisation's editors)",
    "<lang>/publications/": "read-only (and its downloads)",
}


def event_edit_data(event: Event) -> dict:
    """The edit form as the page fills it, saved despite any warnings."""
    data: dict = {"action": "save", "accept_warnings": "on"}
    stored = Event.objects.get(pk=event.pk)
    for name, value in edit_initial(stored, event_services.plan_of(stored)).items():
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list):
            data[name] = [v.pk for v in value]
        elif hasattr(value, "pk"):
            data[name] = value.pk
        elif value is not None:
            data[name] = value.isoformat() if hasattr(value, "isoformat") else value
    data["title_ru"] = "Изменённое мероприятие"
    return data


def tiny_png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def world(network, editor, other_editor, coordinator) -> World:
    from kopir.accounts.services import invitation_create
    from kopir.network.tests.factories import PersonFactory

    own, foreign = network["central"], network["regional"]
    # Between the editor's library and a third one: the other editor is not a party.
    agreement = network["agreement"]
    # An event of the editor's library and the children's library: not the other editor's.
    # Confirmed, so that cancelling it is a step the status route may take.
    event = make_event([own, network["childrens"]], status="confirmed", registration_open=True,
                       starts=timezone.now() + datetime.timedelta(days=7))  # fmt: skip
    invitation = invitation_create(
        change=Change(coordinator), email="invited@example.org", organisation=own, language="ru"
    ).invitation
    event.refresh_from_db()
    photo = event_services.photo_add(event, tiny_png(), caption={}, credit="", change=SYSTEM)
    link = event_services.link_save(
        EventLink(event=event, kind="press", title_ru="Газета", url="https://example.org/n"),
        change=SYSTEM,
    )
    refused_batch = upload_import(
        SimpleUploadedFile("broken.iso", marc_fixtures.mixed_file() + b"12X45\x1d"),
        organisation=own,
        change=SYSTEM,
    )
    marc_import(io.BytesIO(marc_fixtures.mixed_file()), organisation=own, change=SYSTEM)
    books = list(BibRecord.objects.filter(organisation=own).order_by("pk"))
    offer = offer_create(books[1], kind="gift", copies=1, note="", change=SYSTEM)
    wish = wish_create(own, title="Летопись Убы", author="", isbn="", note="", change=SYSTEM)
    shipment = shipment_create(sender=own, recipient=foreign, kind="gift",
                               items=[ItemInput(books[2])], change=SYSTEM)  # fmt: skip
    item = heritage_services.item_create(
        organisation=own, change=SYSTEM,
        data=heritage_services.ItemData(kind="document", title={"ru": "Опись"}),
    )  # fmt: skip
    heritage_services.item_publish(item, change=SYSTEM)
    project = heritage_services.project_save(
        heritage.Project(title_ru="Проект библиотеки", lead=own), organisations=[own], change=SYSTEM
    )
    heritage_services.project_add_item(project, item, change=SYSTEM)
    publication = make_publication(
        own, links=bibliography_services.Links(organisations=[own]), title="Летопись"
    )
    task = heritage_services.task_save(
        heritage.ProjectTask(project=project, title_ru="Задача", organisation=own), change=SYSTEM
    )
    return World(
        own=own,
        branch=network["branch"],
        foreign=foreign,
        own_person=PersonFactory(affiliation=own),
        agreement=agreement,
        invitation=invitation,
        editors_token=api_token_create(change=Change(editor), name="matrix").token,
        event=event,
        registration=RegistrationFactory(event=event, children=10),
        photo=photo,
        link=link,
        refused_batch=refused_batch,
        book=books[0],
        foreign_book=BibRecordFactory(organisation=foreign, title="Летопись Барнаула"),
        offer=offer,
        wish=wish,
        shipment=shipment,
        item=heritage.Item.objects.get(pk=item.pk),
        project=heritage.Project.objects.get(pk=project.pk),
        task=task,
        publication=bibliography.Publication.objects.get(pk=publication.pk),
        report_run=ReportRunFactory(
            report="organisation",
            params={"start": "2025-01-01", "end": "2025-12-31", "organisation": own.pk},
            requested_by=editor,
        ),
    )


def client_for(role: str, users: dict[str, User | None]) -> Client:
    client = Client()
    if users[role] is not None:
        # Fresh from the database: an earlier row may have changed the password.
        client.force_login(User.objects.get(pk=users[role].pk))
    return client


def test_every_route_is_a_row_or_explained(world) -> None:
    routes = {r for r in site_patterns() if not r.startswith("api/v1/")}  # the API: below
    rows = set(site_rows(world))
    assert not rows & set(NOT_ROWS)
    assert routes == rows | set(NOT_ROWS), (
        f"new: {sorted(routes - rows - set(NOT_ROWS))}; gone: {sorted((rows | set(NOT_ROWS)) - routes)}"
    )


@pytest.mark.parametrize(
    "route",
    [
        r
        for r, why in NOT_ROWS.items()
        if why.startswith("read-only") and "<" not in r.replace("<lang>/", "")
    ],
)
def test_read_only_routes_write_nothing_on_post(world, coordinator, route: str) -> None:
    client = Client()
    client.force_login(coordinator)
    before = snapshot()
    client.post("/" + route.replace("<lang>/", "kk/"), {"name_ru": "x", "version": 1})
    assert snapshot() == before


# Allowed posts whose effect is outside the rows `snapshot` compares (each says where it goes).
WRITES_NOTHING_WE_COMPARE: dict[str, str] = {
    "<lang>/script/": "a display preference, in a cookie",
    "<lang>/accounts/logout/": "ends the session (kopir/accounts/tests)",
    "<lang>/publications/paste/": "reads a pasted reference back into the form; saves nothing",
}


@pytest.mark.parametrize("role", ROLES)
def test_site_writes(world, editor, other_editor, coordinator, role: str) -> None:
    users = {
        "anonymous": None,
        "other_editor": other_editor,
        "editor": editor,
        "coordinator": coordinator,
    }
    unwritten = []
    for route, (url, data, expected) in site_rows(world).items():
        client = client_for(role, users)
        before = snapshot()
        response = client.post(url, {k: v() if callable(v) else v for k, v in data.items()})
        outcome = expected[role]
        if outcome == LOGIN:
            assert response.status_code == 302 and "/accounts/login/" in response.url, route
            assert snapshot() == before, f"{route}: written for {role}"
        elif outcome in (REFUSED, MISSING):
            status = 403 if outcome == REFUSED else 404
            assert response.status_code == status, f"{route} as {role}: {response.status_code}"
            assert snapshot() == before, f"{route}: written for {role}"
        else:
            assert response.status_code in (200, 302), f"{route} as {role}: {response.status_code}"
            if response.status_code == 200 and response.context and "form" in response.context:
                assert not response.context["form"].errors, (
                    f"{route}: {response.context['form'].errors}"
                )
            if route not in WRITES_NOTHING_WE_COMPARE and snapshot() == before:
                unwritten.append(route)
    assert not unwritten, f"allowed for {role}, but nothing was written: {unwritten}"


def test_admin_is_for_the_coordinator_only(world, editor, other_editor, coordinator) -> None:
    users = {
        "anonymous": None,
        "other_editor": other_editor,
        "editor": editor,
        "coordinator": coordinator,
    }
    url = f"/kk/admin/network/organisation/{world.own.pk}/change/"
    for role in ROLES:
        client = client_for(role, users)
        before = snapshot()
        response = client.post(url, {"name_ru": "Admin"})
        if role == "coordinator":
            assert response.status_code == 200  # the form, asking for the missing fields
        else:
            assert response.status_code == 302 and "/admin/login/" in response.url, role
            assert snapshot() == before


# --- the API -------------------------------------------------------------------------------


def api_rows(w: World) -> dict[tuple[str, str], tuple[str, dict | None, dict[str, int]]]:
    own_or_coordinator = {
        "anonymous": 401,
        "other_editor": 403,
        "editor": None,
        "coordinator": None,
    }
    coordinator_only = {"anonymous": 401, "other_editor": 403, "editor": 403, "coordinator": None}
    return {
        ("post", "/api/v1/network/organisations"): (
            "/api/v1/network/organisations",
            {"slug": "api-branch", "type": "rural_library", "parent": w.own.slug,
             "settlement": w.own.settlement.slug, "name_ru": "Филиал из API"},
            {"anonymous": 401, "other_editor": 422, "editor": 201, "coordinator": 201},
        ),
        ("patch", "/api/v1/network/organisations/{slug}"): (
            f"/api/v1/network/organisations/{w.own.slug}",
            {"name_en": "Changed by API", "version": w.own.version},
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("delete", "/api/v1/network/organisations/{slug}"): (
            f"/api/v1/network/organisations/{w.branch.slug}", None,
            {**coordinator_only, "coordinator": 204},
        ),
        ("post", "/api/v1/network/people"): (
            "/api/v1/network/people",
            {"affiliation": w.own.slug, "role": "teacher", "name_ru": "Учитель из API"},
            {"anonymous": 401, "other_editor": 422, "editor": 201, "coordinator": 201},
        ),
        ("patch", "/api/v1/network/people/{pk}"): (
            f"/api/v1/network/people/{w.own_person.pk}",
            {"name_en": "Changed", "version": w.own_person.version},
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("delete", "/api/v1/network/people/{pk}"): (
            f"/api/v1/network/people/{w.own_person.pk}", None,
            {**own_or_coordinator, "editor": 204, "coordinator": 204},
        ),
        ("post", "/api/v1/network/agreements"): (
            "/api/v1/network/agreements",
            {"title_ru": "Соглашение из API", "parties": [w.own.slug, w.foreign.slug]},
            {"anonymous": 401, "other_editor": 201, "editor": 201, "coordinator": 201},
        ),
        ("patch", "/api/v1/network/agreements/{pk}"): (
            f"/api/v1/network/agreements/{w.agreement.pk}",
            {"title_en": "Changed", "version": w.agreement.version},
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("delete", "/api/v1/network/agreements/{pk}"): (
            f"/api/v1/network/agreements/{w.agreement.pk}", None,
            {**own_or_coordinator, "editor": 204, "coordinator": 204},
        ),
        ("post", "/api/v1/exchange/offers"): (
            "/api/v1/exchange/offers", {"record": w.offer.record_id, "kind": "swap", "copies": 1},
            {"anonymous": 401, "other_editor": 403, "editor": 201, "coordinator": 201},
        ),
        ("delete", "/api/v1/exchange/offers/{pk}"): (
            f"/api/v1/exchange/offers/{w.offer.pk}", None,
            {**own_or_coordinator, "editor": 204, "coordinator": 204},
        ),
        ("post", "/api/v1/exchange/wishes"): (
            "/api/v1/exchange/wishes", {"organisation": w.own.slug, "title": "Летопись"},
            {"anonymous": 401, "other_editor": 403, "editor": 201, "coordinator": 201},
        ),
        ("post", "/api/v1/exchange/wishes/ask"): (
            "/api/v1/exchange/wishes/ask", {"organisation": w.own.slug, "record": w.foreign_book.pk},
            {"anonymous": 401, "other_editor": 403, "editor": 201, "coordinator": 201},
        ),
        ("delete", "/api/v1/exchange/wishes/{pk}"): (
            f"/api/v1/exchange/wishes/{w.wish.pk}", None,
            {**own_or_coordinator, "editor": 204, "coordinator": 204},
        ),
        ("post", "/api/v1/exchange/shipments"): (
            "/api/v1/exchange/shipments",
            {"sender": w.own.slug, "recipient": w.foreign.slug, "kind": "gift",
             "items": [{"record": w.offer.record_id, "copies": 1}]},
            {"anonymous": 401, "other_editor": 403, "editor": 201, "coordinator": 201},
        ),
        # Only the recipient agrees.
        ("post", "/api/v1/exchange/shipments/{pk}/transitions"): (
            f"/api/v1/exchange/shipments/{w.shipment.pk}/transitions",
            {"status": "agreed", "version": w.shipment.version},
            {"anonymous": 401, "other_editor": 200, "editor": 403, "coordinator": 403},
        ),
        ("post", "/api/v1/heritage/items"): (
            "/api/v1/heritage/items",
            {"organisation": w.own.slug, "kind": "photograph", "title": {"kk": "Сурет"},
             "date_text": "около 1912"},
            {"anonymous": 401, "other_editor": 403, "editor": 201, "coordinator": 201},
        ),
        ("put", "/api/v1/heritage/items/{pk}"): (
            f"/api/v1/heritage/items/{w.item.pk}",
            {"organisation": w.own.slug, "kind": "document", "title": {"ru": "Опись фонда"},
             "version": w.item.version},
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("post", "/api/v1/heritage/items/{pk}/publish"): (
            f"/api/v1/heritage/items/{w.item.pk}/publish", None,
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("post", "/api/v1/heritage/items/{pk}/withdraw"): (
            f"/api/v1/heritage/items/{w.item.pk}/withdraw", {"note": "Дубль"},
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("post", "/api/v1/heritage/projects"): (
            "/api/v1/heritage/projects",
            {"lead": w.own.slug, "title": {"ru": "Проект из API"}, "organisations": [w.foreign.slug]},
            {"anonymous": 401, "other_editor": 403, "editor": 201, "coordinator": 201},
        ),
        ("post", "/api/v1/heritage/projects/{slug}/items"): (
            f"/api/v1/heritage/projects/{w.project.slug}/items", {"item": w.item.pk},
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("post", "/api/v1/heritage/persons"): (
            "/api/v1/heritage/persons", {"organisation": w.own.slug, "name": {"ru": "Учитель"}},
            {"anonymous": 401, "other_editor": 403, "editor": 201, "coordinator": 201},
        ),
        ("post", "/api/v1/heritage/places"): (
            "/api/v1/heritage/places", {"organisation": w.own.slug, "name": {"ru": "Урочище"}},
            {"anonymous": 401, "other_editor": 403, "editor": 201, "coordinator": 201},
        ),
        # Formats references, stores nothing: open to everyone.
        ("post", "/api/v1/references/format"): (
            "/api/v1/references/format",
            {"items": [{"type": "book", "title": "Летопись Убы", "issued": {"date-parts": [[2020]]}}]},
            dict.fromkeys(ROLES, 200),
        ),
        ("post", "/api/v1/references/parse"): (
            "/api/v1/references/parse",
            {"text": "Петров П. П. История края. Барнаул : Алтайский дом печати, 2020. 210 с."},
            dict.fromkeys(ROLES, 200),
        ),
        ("post", "/api/v1/events"): (
            "/api/v1/events",
            {"title_ru": "Мастер-класс", "format": "master_class", "audience": "adults",
             "host": w.own.slug, "day": "2030-04-16", "time": "11:00", "accept_warnings": True},
            {"anonymous": 401, "other_editor": 422, "editor": 201, "coordinator": 201},
        ),
        ("patch", "/api/v1/events/{slug}"): (  # first of the event's: its version is current
            f"/api/v1/events/{w.event.slug}",
            {"version": w.event.version, "title_en": "Changed", "accept_warnings": True},
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("post", "/api/v1/events/{slug}/links"): (
            f"/api/v1/events/{w.event.slug}/links",
            {"kind": "press", "title_ru": "Статья", "url": "https://example.org/a"},
            {**own_or_coordinator, "editor": 201, "coordinator": 201},
        ),
        ("delete", "/api/v1/events/{slug}/links/{pk}"): (
            f"/api/v1/events/{w.event.slug}/links/{w.link.pk}", None,
            {**own_or_coordinator, "editor": 204, "coordinator": 204},
        ),
        ("post", "/api/v1/events/{slug}/photos"): (
            f"/api/v1/events/{w.event.slug}/photos", {"image": tiny_png(), "caption_ru": "Зал"},
            {**own_or_coordinator, "editor": 201, "coordinator": 201},
        ),
        ("delete", "/api/v1/events/{slug}/photos/{pk}"): (
            f"/api/v1/events/{w.event.slug}/photos/{w.photo.pk}", None,
            {**own_or_coordinator, "editor": 204, "coordinator": 204},
        ),
        ("delete", "/api/v1/events/{slug}/registrations/{pk}"): (
            f"/api/v1/events/{w.event.slug}/registrations/{w.registration.pk}", None,
            {**own_or_coordinator, "editor": 204, "coordinator": 204},
        ),
        ("put", "/api/v1/events/{slug}/attendance"): (
            f"/api/v1/events/{w.event.slug}/attendance",
            {"rows": [{"venue": w.event.venues.first().pk, "group": "adults", "count": 40}],
             "report_ru": "Из API"},
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("post", "/api/v1/exchange/imports"): (
            "/api/v1/exchange/imports",
            {"file": SimpleUploadedFile("fond.mrc", marc_fixtures.mixed_file()),
             "organisation": w.own.slug},
            {**own_or_coordinator, "editor": 201, "coordinator": 201},
        ),
        ("post", "/api/v1/exchange/imports/{pk}/decision"): (
            f"/api/v1/exchange/imports/{w.refused_batch.pk}/decision", {"decision": "discard"},
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("post", "/api/v1/exchange/records/{pk}/decision"): (
            f"/api/v1/exchange/records/{w.book.pk}/decision", {"decision": "keep"},
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("post", "/api/v1/heritage/items/{pk}/file"): (
            f"/api/v1/heritage/items/{w.item.pk}/file", {"file": tiny_png()},
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("patch", "/api/v1/heritage/projects/{slug}"): (
            f"/api/v1/heritage/projects/{w.project.slug}",
            {"version": w.project.version, "results": {"ru": "Итоги"}},
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("post", "/api/v1/heritage/projects/{slug}/tasks"): (
            f"/api/v1/heritage/projects/{w.project.slug}/tasks", {"title": {"ru": "Сканировать"}},
            {**own_or_coordinator, "editor": 201, "coordinator": 201},
        ),
        ("post", "/api/v1/heritage/tasks/{pk}/toggle"): (
            f"/api/v1/heritage/tasks/{w.task.pk}/toggle", None,
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("delete", "/api/v1/heritage/projects/{slug}/items/{pk}"): (
            f"/api/v1/heritage/projects/{w.project.slug}/items/{w.item.pk}", None,
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("post", "/api/v1/publications"): (
            "/api/v1/publications",
            {"csl": {"type": "book", "title": "Летопись Убы", "issued": {"date-parts": [[2020]]}},
             "organisations": [w.own.slug]},
            {"anonymous": 401, "other_editor": 201, "editor": 201, "coordinator": 201},
        ),
        ("put", "/api/v1/publications/{pk}"): (
            f"/api/v1/publications/{w.publication.pk}",
            {"csl": {"type": "book", "title": "Летопись", "issued": {"date-parts": [[2021]]}},
             "version": w.publication.version},
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
        ("delete", "/api/v1/publications/{pk}"): (
            f"/api/v1/publications/{w.publication.pk}", None,
            {**own_or_coordinator, "editor": 204, "coordinator": 204},
        ),
        ("post", "/api/v1/reports/runs"): (
            "/api/v1/reports/runs",
            {"report": "organisation", "format": "html", "start": "2025-01-01",
             "end": "2025-12-31", "organisation": w.own.pk},
            {"anonymous": 401, "other_editor": 403, "editor": 201, "coordinator": 201},
        ),
        ("delete", "/api/v1/reports/runs/{pk}"): (  # another's run is not found, as on the site
            f"/api/v1/reports/runs/{w.report_run.pk}", None,
            {**own_or_coordinator, "other_editor": 404, "editor": 204, "coordinator": 204},
        ),
        ("post", "/api/v1/events/{slug}/status"): (  # last: no version, the current one
            f"/api/v1/events/{w.event.slug}/status", {"status": "cancelled"},
            {**own_or_coordinator, "editor": 200, "coordinator": 200},
        ),
    }  # fmt: skip


def write_operations(client: Client) -> set[tuple[str, str]]:
    schema = client.get("/api/v1/openapi.json").json()
    return {
        (method, path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method in ("post", "put", "patch", "delete")
    }


def test_every_api_write_operation_is_in_the_matrix(world, client) -> None:
    assert write_operations(client) == set(api_rows(world))


@pytest.mark.parametrize("role", ROLES)
def test_api_writes(world, editor, other_editor, coordinator, role: str) -> None:
    users = {
        "anonymous": None,
        "other_editor": other_editor,
        "editor": editor,
        "coordinator": coordinator,
    }
    headers = {}
    if users[role] is not None:
        secret = api_token_create(change=Change(users[role]), name="matrix").secret
        headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    for (method, path), (url, body, expected) in api_rows(world).items():
        before = snapshot()
        call = getattr(Client(), method)
        if body is not None and any(isinstance(v, SimpleUploadedFile) for v in body.values()):
            for value in body.values():  # a fresh read of the file for each role
                if isinstance(value, SimpleUploadedFile):
                    value.seek(0)
            response = call(url, body, **headers)  # multipart, as a file upload is sent
        else:
            response = call(url, json.dumps(body) if body is not None else None,
                            content_type="application/json", **headers)  # fmt: skip
        assert response.status_code == expected[role], (
            f"{method.upper()} {path} as {role}: {response.status_code} {response.content[:300]}"
        )
        if response.status_code >= 400:
            assert snapshot() == before, f"{method.upper()} {path}: written for {role}"
            error = response.json()
            assert set(error) == {"code", "message", "fields"}
