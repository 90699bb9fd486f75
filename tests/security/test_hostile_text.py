"""Control characters cannot get in at any door, and text that got in before cannot break an
output: hostile text through every text field into every page, feed and document we make."""

from __future__ import annotations

import datetime
import io
import json
import re

import icalendar
import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.test import Client
from django.utils import timezone, translation
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from openpyxl import load_workbook
from pymarc import MARCReader
from pypdf import PdfReader

from kopir.bibliography.formats import bibtex, ris
from kopir.bibliography.models import Publication
from kopir.bibliography.services import Links, publications_import
from kopir.bibliography.tests.factories import publication as make_publication
from kopir.core.audit import SYSTEM, Change
from kopir.core.script import LATIN, SCRIPT_COOKIE
from kopir.core.text import UNPRINTABLE, NoControlCharacters
from kopir.events.models import Event, Venue
from kopir.events.tests.factories import bridge
from kopir.exchange.imports import marc_import
from kopir.exchange.models import BibRecord, ImportStatus, ShipmentStatus
from kopir.exchange.shipments import ItemInput, shipment_create, shipment_move
from kopir.exchange.tests import fixtures
from kopir.heritage.models import Item, Person, Place, Subject
from kopir.heritage.tests.factories import item as make_item
from kopir.network.models import Organisation, Settlement
from kopir.network.models import Person as NetworkPerson
from kopir.network.tests.test_workspace import edit_data
from kopir.reports.params import ReportParams
from kopir.reports.registry import build, renderers

pytestmark = pytest.mark.django_db
OWN = "shemonaikha-central-library"
C0 = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"]
C1 = [chr(c) for c in range(0x7F, 0xA0)]
SURROGATES = ["\ud800", "\udfff"]
CONTROLS = [*C0, *C1, *SURROGATES, "\ufffe", "\uffff"]
TEXT = list("aӘқ <&>\"'=+-@ ")


def hostile(controls: list[str]) -> st.SearchStrategy[str]:
    """A short text of letters, markup and formula signs with at least one control in it."""
    return st.builds(
        lambda head, control, tail: f"Ә{head}{control}{tail}",
        st.text(alphabet=st.sampled_from([*TEXT, *controls]), max_size=6),
        st.sampled_from(controls),
        st.text(alphabet=st.sampled_from(TEXT), max_size=6),
    )


def our_text_fields() -> list[models.Field]:
    return [
        field
        for model in apps.get_models()
        if model.__module__.startswith("kopir.")
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField | models.JSONField)
    ]


# --- At the door ---------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(hostile(CONTROLS))
def test_every_text_field_of_every_model_refuses_control_characters(text: str) -> None:
    fields = our_text_fields()
    assert len(fields) > 150  # every app's, history tables included
    for field in fields:
        checks = [v for v in field.validators if isinstance(v, NoControlCharacters)]
        assert len(checks) == 1, field
        value = ["x", {"k": text}] if isinstance(field, models.JSONField) else text
        with pytest.raises(ValidationError) as refused:
            checks[0](value)
        assert refused.value.code == NoControlCharacters.code


def test_single_line_fields_refuse_line_breaks_and_text_areas_keep_them() -> None:
    title = Event._meta.get_field("title_ru")
    description = Event._meta.get_field("description_ru")
    with pytest.raises(ValidationError):
        title.run_validators("Растём\nс книгой")
    description.run_validators("Первая строка\r\n\tвторая")


def test_the_site_form_refuses_them_in_the_readers_language(two_libraries, signed_in) -> None:
    library = two_libraries["kz"]
    data = edit_data(library, name_ru="Библиотека\x0bШемонаихи")
    client = signed_in(two_libraries["kz_editor"])
    response = client.post(f"/ru/workspace/organisations/{library.slug}/edit/", data)
    assert response.status_code == 400
    assert "управляющие символы (U+000B)" in response.content.decode()
    assert Organisation.objects.get(pk=library.pk).name_ru == library.name_ru


@pytest.mark.parametrize("bad", ["Библиотека\x0b", "Библиотека\ud800", "Библиотека\x85"])
def test_the_api_refuses_them_with_the_field_named(two_libraries, bearer, bad: str) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="kk", **bearer(two_libraries["kz_editor"]))
    library = two_libraries["kz"]
    body = json.dumps({"name_ru": bad, "version": library.version})  # \ud800 as JSON escape
    response = client.patch(
        f"/api/v1/network/organisations/{library.slug}", body, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid" and "name_ru" in response.json()["fields"]
    assert Organisation.objects.get(pk=library.pk).name_ru == library.name_ru


def test_a_marc_file_with_them_is_refused_with_the_record_named(two_libraries) -> None:
    clean = fixtures.marc21_record("Рудный Алтай", "Иванов, И. И.", "2001")
    dirty = fixtures.marc21_record("Рудный\x0bАлтай", "Петров, П. П.", "2002")
    file = fixtures.utf8_file(clean, dirty)
    batch = marc_import(io.BytesIO(file), organisation=two_libraries["kz"], change=SYSTEM)
    assert batch.status == ImportStatus.REFUSED and batch.imported == 0
    with translation.override("ru"):
        assert batch.problem_list() == [
            (2, "Запись содержит невидимые управляющие символы (U+000B).")
        ]
    assert not BibRecord.objects.filter(batch=batch).exists()


def test_a_ris_file_with_them_is_refused_with_the_record_named(two_libraries) -> None:
    text = (
        "TY  - BOOK\r\nTI  - Чистая\r\nER  - \r\n\r\nTY  - BOOK\r\nTI  - Гряз\x1bная\r\nER  - \r\n"
    )
    before = Publication.objects.count()
    with translation.override("ru"):
        report = publications_import(
            text, file_format="ris", organisation=two_libraries["kz"], change=SYSTEM
        )
    assert [n for n, _ in report.problems] == [2] and "U+001B" in report.problems[0][1]
    assert Publication.objects.count() == before


# --- What is already stored ----------------------------------------------------------------

# What a database can hold: PostgreSQL refuses NUL in text, neither holds a lone surrogate.
STORABLE = [c for c in [*C0, *C1, "\ufffe", "\uffff"] if c != "\x00"]
STRUCTURAL = {"time_zone", "provider"}


def _free_text(model: type[models.Model]) -> list[str]:
    """The text fields a person writes in (not codes, keys, addresses or choices)."""
    names = []
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, models.CharField | models.TextField)
            and not field.choices
            and not field.unique
            and not isinstance(field, models.SlugField | models.URLField | models.EmailField)
            and field.name not in STRUCTURAL
            and (field.max_length or 10**6) >= 20
            and not hasattr(model, f"{field.name}_kk")  # modeltranslation's own column
        ):
            names.append(field.name)
    return names


def _store(queryset: models.QuerySet, text: str) -> None:
    """Put `text` into every free-text field of these rows as it is, past every check."""
    fields = _free_text(queryset.model)
    for row in queryset:
        values = {
            name: text[: queryset.model._meta.get_field(name).max_length or None] for name in fields
        }
        type(row)._default_manager.filter(pk=row.pk).update(**values)


@pytest.fixture
def stage(network, editor, other_editor):
    """A shipment with its papers, a published item, an upcoming event, the publications."""
    own, other = network["central"], network["regional"]
    marc_import(io.BytesIO(fixtures.mixed_file()), organisation=own, change=SYSTEM)
    books = BibRecord.objects.filter(organisation=own).order_by("pk")
    shipment = shipment_create(
        sender=own, recipient=other, kind="gift", change=SYSTEM,
        items=[ItemInput(books[0], 2), ItemInput(books[1], 1)],
    )  # fmt: skip
    shipment_move(shipment, ShipmentStatus.AGREED, change=Change(actor=other_editor))
    event = bridge("soon", timezone.now() + datetime.timedelta(days=5), registration_open=True)
    item = make_item(own, title={"ru": "Воспоминания"}, new_places=["Выдриха"],
                     new_persons=["Коваленко П. С."], new_subjects=["Переселение"])  # fmt: skip
    assert item.places.exists() and item.persons.exists() and item.subjects.exists()
    make_publication(own, links=Links(organisations=[own], events=[event]))
    return {"shipment": shipment, "event": event, "item": item, "own": own}


def _ok(client: Client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response) if response.streaming else response.content


def _assert_no_controls(text: str, where: str) -> None:
    assert not UNPRINTABLE.search(text), where


@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=hostile(STORABLE))
def test_stored_control_characters_break_no_output(stage, editor, text: str) -> None:
    if connection.vendor == "sqlite":  # SQLite keeps NUL too: the harder case
        text = f"\x00{text}"
    own, event, item, shipment = stage["own"], stage["event"], stage["item"], stage["shipment"]
    _store(Organisation.objects.filter(pk=own.pk), text)
    _store(Settlement.objects.filter(pk=own.settlement_id), text)
    _store(Event.objects.filter(pk=event.pk), text)
    _store(Venue.objects.filter(event=event), text)
    _store(Item.objects.filter(pk=item.pk), text)
    _store(Subject.objects.filter(items=item), text)
    _store(Place.objects.filter(items=item), text)
    _store(Person.objects.filter(items=item), text)
    _store(NetworkPerson.objects.filter(affiliation=own), text)
    _store(BibRecord.objects.filter(organisation=own), text)
    for publication in Publication.objects.all():
        csl = {**publication.csl, "title": text, "publisher": text}
        Publication.objects.filter(pk=publication.pk).update(csl=csl, title=text)

    reader = Client()
    for lang in ("kk", "ru", "en"):
        for path in (
            f"/{lang}/", f"/{lang}/partners/{OWN}/", f"/{lang}/events/{event.slug}/",
            f"/{lang}/collection/items/{item.pk}/", f"/{lang}/publications/",
            f"/{lang}/events/", f"/{lang}/collection/search/?q=Ә",
        ):  # fmt: skip
            page = _ok(reader, path).decode()
            _assert_no_controls(page, path)
    latin = Client()
    latin.cookies[SCRIPT_COOKIE] = LATIN
    for path in (f"/kk/partners/{OWN}/", f"/kk/events/{event.slug}/", "/kk/publications/"):
        page = _ok(latin, path).decode()
        assert 'lang="kk-Latn"' in page
        _assert_no_controls(page, path)

    etree.fromstring(_ok(reader, "/ru/events/announcements.atom"))
    icalendar.Calendar.from_ical(_ok(reader, f"/ru/events/{event.slug}.ics"))
    icalendar.Calendar.from_ical(_ok(reader, "/ru/events/calendar.ics"))
    etree.fromstring(_ok(reader, "/oai?verb=ListRecords&metadataPrefix=oai_dc"))
    etree.fromstring(_ok(reader, "/oai?verb=ListSets"))

    Document(io.BytesIO(_ok(reader, "/ru/publications/?format=docx")))
    _assert_no_controls(_ok(reader, "/ru/publications/?format=txt").decode(), "txt")
    etree.fromstring(_ok(reader, "/ru/publications/?format=html"), etree.HTMLParser())
    assert ris.loads(_ok(reader, "/ru/publications/?format=ris").decode())
    assert bibtex.loads(_ok(reader, "/ru/publications/?format=bibtex").decode())
    assert json.loads(_ok(reader, "/ru/publications/?format=csljson"))

    papers = Client()
    papers.force_login(editor)
    Document(io.BytesIO(_ok(papers, f"/ru/exchange/shipment/{shipment.pk}/act.docx")))
    PdfReader(io.BytesIO(_ok(papers, f"/kk/exchange/shipment/{shipment.pk}/act.pdf")))
    book = load_workbook(
        io.BytesIO(_ok(papers, f"/ru/exchange/shipment/{shipment.pk}/packing.xlsx"))
    )
    assert not [c for row in book.active.iter_rows() for c in row if c.data_type == "f"]
    for syntax in ("iso2709", "marcxml"):
        body = _ok(
            papers,
            # converted from the stored (hostile) description, its losses accepted
            f"/ru/exchange/books/{OWN}/export/?flavour=rusmarc&encoding=utf-8&syntax={syntax}"
            "&accept_losses=on",
        )
        if syntax == "iso2709":
            records = list(MARCReader(body, to_unicode=True, force_utf8=True))
            assert records and all(r is not None for r in records)
        else:
            etree.fromstring(body)

    today = timezone.localdate()
    params = ReportParams(
        start=datetime.date(today.year - 1, 1, 1), end=today, organisation=own.pk, language="kk"
    )
    with translation.override("kk"):
        document = build("organisation", params)
        files = {renderer.slug: renderer.render(document) for renderer in renderers.values()}
    Document(io.BytesIO(files["docx"]))
    sheets = load_workbook(io.BytesIO(files["xlsx"]))
    assert not [c for s in sheets for row in s.iter_rows() for c in row if c.data_type == "f"]
    PdfReader(io.BytesIO(files["pdf"]))
    _assert_no_controls(files["html"].decode(), "report html")
    assert re.search(rb"<html", files["html"])


def test_a_form_field_of_no_model_refuses_them_too() -> None:
    from django import forms

    class Caption(forms.Form):
        caption = forms.CharField()
        note = forms.CharField(widget=forms.Textarea)

    form = Caption({"caption": "Фото\x1b", "note": "Строка\r\nещё одна"})
    assert not form.is_valid()
    assert list(form.errors) == ["caption"]
    assert form.errors["caption"].as_data()[0].code == NoControlCharacters.code
