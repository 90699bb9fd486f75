"""The book exchange workspace: upload, the report and the choice, duplicates, export."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kopir.exchange.marc.reader import read_iso2709
from kopir.exchange.models import BibRecord, ImportBatch, ImportStatus
from kopir.exchange.tests import fixtures
from kopir.exchange.tests.test_marc import BROKEN, JPEG, MODS

pytestmark = pytest.mark.django_db
BOOKS = "/ru/exchange/books/shemonaikha-central-library/"


@pytest.fixture
def client_of_editor(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def upload(client: Client, content: bytes, name: str = "irbis.iso", **extra: str):
    return client.post(BOOKS + "import/", {"file": SimpleUploadedFile(name, content), **extra})


def test_a_clean_file_is_imported_and_listed(client_of_editor, network) -> None:
    response = upload(client_of_editor, fixtures.mixed_file())
    batch = ImportBatch.objects.get()
    assert response.url == f"/ru/exchange/imports/{batch.pk}/"
    assert (batch.status, batch.imported) == ("imported", 3)
    page = client_of_editor.get(BOOKS).content.decode()
    assert "История Алтайского края" in page and "Шығыс Қазақстан өлкетануы" in page


def test_a_file_with_broken_records_waits_for_the_editors_choice(client_of_editor, network) -> None:
    upload(client_of_editor, fixtures.mixed_file() + BROKEN["bad leader"])
    batch = ImportBatch.objects.get()
    assert batch.status == ImportStatus.REFUSED and not BibRecord.objects.exists()
    report = client_of_editor.get(f"/ru/exchange/imports/{batch.pk}/").content.decode()
    assert "Длина записи в маркере" in report and "<td>4</td>" in report
    # The same report read in Kazakh gives the reason in Kazakh.
    kazakh = client_of_editor.get(f"/kk/exchange/imports/{batch.pk}/").content.decode()
    assert "Маркердегі жазба ұзындығы сан емес." in kazakh
    response = client_of_editor.post(
        f"/ru/exchange/imports/{batch.pk}/decide/", {"decision": "readable"}
    )
    assert response.status_code == 302
    assert BibRecord.objects.count() == 3
    batch.refresh_from_db()
    assert not batch.upload  # the stored file is gone once decided


def test_import_nothing_keeps_nothing(client_of_editor, network) -> None:
    upload(client_of_editor, fixtures.mixed_file() + BROKEN["random bytes"])
    batch = ImportBatch.objects.get()
    client_of_editor.post(f"/ru/exchange/imports/{batch.pk}/decide/", {"decision": "nothing"})
    batch.refresh_from_db()
    assert not batch.upload and not BibRecord.objects.exists()


def test_a_file_that_is_not_marc_is_refused_by_content(client_of_editor, network) -> None:
    response = upload(client_of_editor, b"%PDF-1.4 ...", name="books.mrc")
    assert response.status_code == 400
    assert "Это не файл MARC" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_duplicates_are_decided_one_by_one(client_of_editor, network) -> None:
    upload(client_of_editor, fixtures.mixed_file())
    upload(client_of_editor, fixtures.mixed_file())
    flagged = list(BibRecord.objects.filter(duplicate_of__isnull=False).order_by("pk"))
    assert len(flagged) == 3
    page = client_of_editor.get(BOOKS + "duplicates/").content.decode()
    assert page.count("Удалить новую запись") == 3
    client_of_editor.post(f"/ru/exchange/records/{flagged[0].pk}/decide/", {"decision": "delete"})
    client_of_editor.post(f"/ru/exchange/records/{flagged[1].pk}/decide/", {"decision": "keep"})
    assert BibRecord.objects.count() == 5
    assert BibRecord.objects.filter(duplicate_of__isnull=False).count() == 1


def test_export_downloads_and_refuses_cp1251_for_kazakh(client_of_editor, network) -> None:
    upload(client_of_editor, fixtures.mixed_file())
    response = client_of_editor.get(BOOKS + "export/", {"flavour": "", "syntax": "iso2709",
                                                         "encoding": "utf-8"})  # fmt: skip
    assert response["Content-Disposition"].endswith('.mrc"')
    titles = {r.data.title for r in read_iso2709(io.BytesIO(response.content))}
    assert "Шығыс Қазақстан өлкетануы" in titles and len(titles) == 3
    refused = client_of_editor.get(BOOKS + "export/", {"flavour": "rusmarc", "syntax": "iso2709",
                                                        "encoding": "cp1251"})  # fmt: skip
    assert refused.status_code == 400
    assert "Windows-1251" in refused.content.decode() and "UTF-8" in refused.content.decode()
    rest = client_of_editor.get(BOOKS + "export/", {"syntax": "iso2709", "encoding": "cp1251",
                                                     "skip_refused": "on"})  # fmt: skip
    kept = {r.data.title for r in read_iso2709(io.BytesIO(rest.content))}
    # the records with a Kazakh letter anywhere (a title, a place) are left out, the rest kept
    assert kept == {"История Алтайского края"}


def test_other_editors_cannot_see_or_touch_the_books(other_editor, network) -> None:
    client = Client()
    client.force_login(other_editor)
    assert client.get(BOOKS).status_code == 403
    assert upload(client, fixtures.mixed_file()).status_code == 403
    assert client.get(BOOKS + "export/", {"flavour": "marc21", "syntax": "iso2709",
                                          "encoding": "utf-8"}).status_code == 403  # fmt: skip
    assert not ImportBatch.objects.exists()


def test_a_file_that_is_not_marc_is_refused_with_its_kind(client_of_editor, network) -> None:
    page = upload(client_of_editor, JPEG, name="photo.iso").content.decode()
    assert "Это не файл MARC" in page and "image/jpeg" in page
    assert not ImportBatch.objects.exists()  # said on the form, before anything is stored


def test_an_xml_file_of_another_schema_names_its_root(client_of_editor, network) -> None:
    upload(client_of_editor, MODS, name="books.xml")
    batch = ImportBatch.objects.get()
    page = client_of_editor.get(f"/ru/exchange/imports/{batch.pk}/").content.decode()
    assert "весь файл" in page and "не MARCXML" in page and "&lt;mods&gt;" in page
    assert "Ничего не импортировано." in page and "повреждённые" not in page
    assert 'value="readable"' not in page  # nothing readable to import
    kazakh = client_of_editor.get(f"/kk/exchange/imports/{batch.pk}/").content.decode()
    assert "бүкіл файл" in kazakh and "MARCXML емес" in kazakh
