"""Writes to the collection: who may, what is kept of a file, and what bad input gets."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from kopir.core.audit import SYSTEM, Change
from kopir.heritage import services
from kopir.heritage.dates import ERROR_UNREADABLE_DATE
from kopir.heritage.files import ERROR_FILE_TYPE
from kopir.heritage.models import Item, ItemStatus, Person, Place, ProjectTask, Subject
from kopir.heritage.tests.factories import item as make_item
from kopir.heritage.tests.factories import jpeg_with_gps
from kopir.heritage.tests.factories import project as make_project
from kopir.network.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kz(two_libraries):
    return two_libraries["kz"]


@pytest.fixture
def editor(two_libraries):
    """The Kazakh library's editor (this module builds its own libraries, not the demo's)."""
    return two_libraries["kz_editor"]


@pytest.fixture
def other_editor(two_libraries):
    return two_libraries["ru_editor"]


@pytest.fixture
def project(two_libraries):
    """A project led by the Kazakh library with the Russian one, each with a task."""
    kz, ru = two_libraries["kz"], two_libraries["ru"]
    made = make_project(kz, ru)
    for title, organisation in (("Подобрать карты губернии", ru), ("Оцифровать списки", kz)):
        services.task_save(
            ProjectTask(project=made, title_ru=title, organisation=organisation), change=SYSTEM
        )
    return made


def data(**fields: object) -> services.ItemData:
    return services.ItemData(**{"kind": "document", "title": {"ru": "Опись"}, **fields})


def pdf_with_text(text: str) -> SimpleUploadedFile:
    """A one-page PDF with a text layer, written by hand (no PDF library writes text)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return SimpleUploadedFile("report.doc", out.getvalue(), "application/msword")


def test_an_editor_adds_items_only_to_their_own_organisation(editor, two_libraries) -> None:
    change = Change(editor)
    own = services.item_create(organisation=two_libraries["kz"], data=data(), change=change)
    assert own.status == ItemStatus.DRAFT and own.added_by == editor
    with pytest.raises(PermissionDenied):
        services.item_create(organisation=two_libraries["ru"], data=data(), change=change)
    library_branch = OrganisationFactory(parent=two_libraries["kz"])
    branch = services.item_create(organisation=library_branch, data=data(), change=change)
    assert branch.pk  # a branch of the editor's library


def test_another_editor_cannot_change_publish_or_withdraw(other_editor, kz) -> None:
    item = make_item(kz)
    change = Change(other_editor)
    for attempt in (
        lambda: services.item_update(item, data=data(), change=change, version=item.version),
        lambda: services.item_publish(item, change=change),
        lambda: services.item_withdraw(item, note="", change=change),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert Item.objects.get(pk=item.pk).title_ru == item.title_ru


def test_a_photograph_is_checked_by_content_and_loses_its_exif(editor, kz) -> None:
    item = services.item_create(
        organisation=kz,
        data=data(kind="photograph"),
        change=Change(editor),
        upload=jpeg_with_gps(),
    )
    assert item.media_type == "image/jpeg"
    with item.file.open("rb") as stored, Image.open(stored) as image:
        assert not image.getexif()  # no camera, no GPS
    with item.preview.open("rb") as stored, Image.open(stored) as image:
        assert max(image.size) <= 128
    assert item.thumbnail and item.format == "image/jpeg"


def test_a_pdf_has_its_text_extracted_for_search(editor, kz) -> None:
    item = services.item_create(
        organisation=kz,
        data=data(),
        change=Change(editor),
        upload=pdf_with_text("Protokol zasedaniia 1937"),
    )
    assert item.media_type == "application/pdf"
    assert "Protokol zasedaniia 1937" in item.extracted_text


def test_a_file_that_is_not_what_it_claims_is_refused_and_nothing_is_saved(editor, kz) -> None:
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 this is an executable", "image/jpeg")
    before = Item.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.item_create(
            organisation=kz,
            data=data(),
            change=Change(editor),
            upload=fake,
        )
    assert refused.value.messages == [str(ERROR_FILE_TYPE)]
    assert Item.objects.count() == before


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_an_unreadable_date_is_explained_in_the_readers_language(editor, kz, lang) -> None:
    with translation.override(lang), pytest.raises(ValidationError) as refused:
        services.item_create(
            organisation=kz,
            data=data(date_text="весной"),
            change=Change(editor),
        )
    with translation.override(lang):
        message = refused.value.message_dict["date_text"][0]
        assert message == str(ERROR_UNREADABLE_DATE) % {"value": "весной"}
    if lang != "en":
        assert "cannot be read" not in message


def test_a_title_in_one_language_is_enough_but_one_is_needed(editor, kz) -> None:
    org = kz
    assert (
        services.item_create(
            organisation=org, data=data(title={"kk": "Тізім"}), change=Change(editor)
        ).title_kk
        == "Тізім"
    )
    with pytest.raises(ValidationError):
        services.item_create(organisation=org, data=data(title={"ru": "  "}), change=Change(editor))


def test_withdrawing_keeps_a_tombstone_and_publishing_brings_it_back(editor, kz) -> None:
    item = make_item(kz)
    services.item_withdraw(item, note="Дубль", change=Change(editor))
    item.refresh_from_db()
    assert (
        item.status == ItemStatus.WITHDRAWN
        and item.withdrawn_at
        and item.withdrawal_note == "Дубль"
    )
    with pytest.raises(ValidationError):
        services.item_withdraw(item, note="", change=Change(editor))  # not published any more
    services.item_publish(item, change=Change(editor))
    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED and item.withdrawn_at is None


def test_only_participants_items_join_a_project(editor, other_editor, kz, project) -> None:
    outsider = make_item(OrganisationFactory())
    with pytest.raises(ValidationError):
        services.project_add_item(project, outsider, change=SYSTEM)
    own_item = make_item(kz)
    with pytest.raises(PermissionDenied):  # a participant, but not the item's editor
        services.project_add_item(project, own_item, change=Change(other_editor))
    services.project_add_item(project, own_item, change=Change(editor))
    assert project.items.filter(pk=own_item.pk).exists()


def test_a_task_is_ticked_by_the_organisation_doing_it(editor, other_editor, project) -> None:
    task = project.tasks.get(title_ru="Подобрать карты губернии")  # given to the Russian library
    services.task_toggle(task, change=Change(other_editor))
    assert task.done_at is not None
    task = project.tasks.get(title_ru="Оцифровать списки")  # the lead's own
    with pytest.raises(PermissionDenied):
        services.task_toggle(task, change=Change(other_editor))


def test_places_persons_and_subjects_typed_as_new_are_added_with_the_item_or_not_at_all(
    editor, kz
) -> None:
    library = kz
    new = {
        "new_places": ["Зыряновск-на-Бухтарме"],
        "new_persons": ["Пантелеев И. К."],
        "new_subjects": ["Сплав леса"],
    }
    with pytest.raises(ValidationError):  # no title: the item fails, and so does what it named
        services.item_create(
            organisation=library, data=data(title={"ru": " "}, **new), change=Change(editor)
        )
    assert not Place.objects.filter(name_ru="Зыряновск-на-Бухтарме").exists()
    assert not Person.objects.filter(name_ru="Пантелеев И. К.").exists()
    assert not Subject.objects.filter(name_ru="Сплав леса").exists()
    item = services.item_create(organisation=library, data=data(**new), change=Change(editor))
    place = Place.objects.get(name_ru="Зыряновск-на-Бухтарме")
    assert place.organisation == library  # its editors may change it later
    assert list(item.places.all()) == [place]
    assert [p.name_ru for p in item.persons.all()] == ["Пантелеев И. К."]
    assert [s.name_ru for s in item.subjects.all()] == ["Сплав леса"]
