"""The act of transfer and the packing list, opened again and read."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from kopir.core.audit import SYSTEM, Change
from kopir.exchange.imports import marc_import
from kopir.exchange.models import BibRecord, ShipmentStatus
from kopir.exchange.shipments import ItemInput, shipment_create, shipment_move
from kopir.exchange.tests import fixtures

pytestmark = pytest.mark.django_db
KAZAKH_TITLE = "Шығыс Қазақстан өлкетануы"


@pytest.fixture
def received(network, editor, other_editor):
    own = network["central"]
    marc_import(io.BytesIO(fixtures.mixed_file()), organisation=own, change=SYSTEM)
    books = BibRecord.objects.filter(organisation=own).order_by("pk")
    shipment = shipment_create(
        sender=own, recipient=network["regional"], kind="gift", change=SYSTEM,
        items=[ItemInput(books[0], 2), ItemInput(books[2], 3)],
    )  # fmt: skip
    shipment_move(shipment, ShipmentStatus.AGREED, change=Change(actor=other_editor))
    shipment_move(shipment, ShipmentStatus.SENT, change=Change(actor=editor))
    missing = shipment.items.order_by("pk").first()
    shipment_move(shipment, ShipmentStatus.RECEIVED, change=Change(actor=other_editor),
                  receipt={missing.pk: ("missing", "")})  # fmt: skip
    return shipment


def download(user, url: str) -> bytes:
    client = Client()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content


def test_the_act_in_kazakh_as_docx(received, editor) -> None:
    body = download(editor, f"/kk/exchange/shipment/{received.pk}/act.docx")
    document = Document(io.BytesIO(body))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert f"№ {received.pk}" in text and "Шемонаиха" in text
    assert KAZAKH_TITLE in cells and "История Алтайского края" in cells
    assert "Жоқ" in cells or "жоқ" in cells  # the missing copy, in Kazakh
    assert "Барлық даналар: 5" in text


def test_the_act_in_russian_as_pdf_keeps_kazakh_letters(received, other_editor) -> None:
    body = download(other_editor, f"/ru/exchange/shipment/{received.pk}/act.pdf")
    assert body.startswith(b"%PDF")
    pages = PdfReader(io.BytesIO(body)).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert "Акт приёма-передачи документов" in text
    assert KAZAKH_TITLE in text and "отсутствует" in text
    assert "2011 г.." not in text
    assert "Всего экземпляров: 5" in text


def test_the_packing_list_as_xlsx(received, editor) -> None:
    body = download(editor, f"/ru/exchange/shipment/{received.pk}/packing.xlsx")
    sheet = load_workbook(io.BytesIO(body)).active
    rows = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    titles = [row[2] for row in rows if isinstance(row[0], int)]
    assert titles == ["История Алтайского края", KAZAKH_TITLE]
    assert rows[-1][5] == 5


def test_only_the_two_sides_get_the_papers(received, network, editor, other_editor) -> None:
    from kopir.accounts.models import User

    stranger = User.objects.create_user("stranger", "s@example.org", "pw-long-enough-123",
                                        role="editor", organisation=network["childrens"])  # fmt: skip
    client = Client()
    client.force_login(stranger)
    assert client.get(f"/ru/exchange/shipment/{received.pk}/act.pdf").status_code == 403
    assert client.get(f"/ru/exchange/shipment/{received.pk}/act.exe").status_code in (403, 404)
    for side in (editor, other_editor):  # the sender's editor and the recipient's
        for name in ("act.pdf", "act.docx", "packing.xlsx"):
            assert download(side, f"/ru/exchange/shipment/{received.pk}/{name}")
