"""The papers of a shipment: the act of transfer (акт приёма-передачи / қабылдау-тапсыру
актісі) as DOCX and PDF, and the packing list as XLSX, in the language asked for.

Every document is built from one `ActContent`, so the three never disagree. The PDF is set
in the vendored DejaVu Sans, which carries every Kazakh and Russian letter.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from kopir.core import multilingual
from kopir.core.pdf import font_context, html_to_pdf
from kopir.core.spreadsheets import append
from kopir.core.text import printable_copy
from kopir.exchange.models import (
    ExchangeKind,
    ItemCondition,
    Shipment,
    ShipmentItem,
    ShipmentStatus,
)
from kopir.network.models import Agreement, AgreementStatus


@dataclass(frozen=True)
class Line:
    number: int
    authors: str
    title: str
    year: str
    isbn: str
    copies: int
    condition: str


@dataclass(frozen=True)
class ActContent:
    heading: str
    place_and_date: str
    sender: str
    recipient: str
    kind: str
    basis: str
    lines: list[Line]
    total_copies: int
    received: bool
    language: str


def _organisation(organisation: object) -> str:
    name = multilingual.text(organisation, "name")
    settlement = getattr(organisation, "settlement", None)
    if settlement is None:
        return name
    return f"{name} ({multilingual.text(settlement, 'name')})"


def _basis(shipment: Shipment) -> str:
    agreement = (
        Agreement.objects.filter(parties=shipment.sender)
        .filter(parties=shipment.recipient, status=AgreementStatus.ACTIVE)
        .order_by("-signed_on")
        .first()
    )
    if agreement is None:
        return ""
    signed = ""
    if agreement.signed_on:  # as precise as the record is: a year stays a year
        shape = {"year": "Y", "month": "YEAR_MONTH_FORMAT"}.get(
            agreement.signed_on_precision, "DATE_FORMAT"
        )
        signed = formats.date_format(agreement.signed_on, shape)
    return _("Basis: %(agreement)s%(signed)s") % {
        "agreement": multilingual.text(agreement, "title"),
        "signed": f", {signed}" if signed else "",
    }


def _line(number: int, item: ShipmentItem, received: bool) -> Line:
    record = item.record
    condition = str(ItemCondition(item.condition).label) if received else ""
    authors = "; ".join(record.authors)
    year = str(record.year or "")
    return Line(number, authors, record.display_title, year, record.isbn, item.copies, condition)


def act_content(shipment: Shipment, language: str) -> ActContent:
    """What the act says, in `language`."""
    with translation.override(language):
        received = shipment.status in (
            ShipmentStatus.RECEIVED, ShipmentStatus.RETURN_SENT, ShipmentStatus.RETURNED,
        )  # fmt: skip
        lines = [_line(n, item, received) for n, item in enumerate(shipment.items.all(), start=1)]
        day = shipment.sent_at or shipment.agreed_at or shipment.created_at or timezone.now()
        settlement = shipment.sender.settlement
        place = multilingual.text(settlement, "name") if settlement else ""
        return printable_copy(
            ActContent(
                heading=_("Act of transfer of documents No. %(number)s") % {"number": shipment.pk},
                place_and_date=f"{place}, {formats.date_format(day, 'DATE_FORMAT')}".strip(", "),
                sender=_organisation(shipment.sender),
                recipient=_organisation(shipment.recipient),
                kind=str(ExchangeKind(shipment.kind).label),
                basis=_basis(shipment),
                lines=lines,
                total_copies=sum(line.copies for line in lines),
                received=received,
                language=language,
            )
        )


def _labels() -> dict[str, str]:
    return {
        "number": _("No."), "authors": _("Authors"), "title": _("Title"), "year": _("Year"),
        "isbn": "ISBN", "copies": _("Copies"), "condition": _("On receipt"),
        "sender": _("Transferred by"), "recipient": _("Received by"), "kind": _("Kind"),
        "total": _("Total copies"), "signature": _("signature"), "name": _("full name"),
        "seal": _("Stamp"),
        "preamble": _("The library named below as transferring hands over, and the library "
                      "named as receiving accepts, the following documents."),
    }  # fmt: skip


def act_docx(shipment: Shipment, language: str) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    act = act_content(shipment, language)
    with translation.override(language):
        labels = _labels()
    document = Document()
    heading = document.add_heading(act.heading, level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(act.place_and_date)
    document.add_paragraph(labels["preamble"])
    document.add_paragraph(f"{labels['sender']}: {act.sender}")
    document.add_paragraph(f"{labels['recipient']}: {act.recipient}")
    document.add_paragraph(f"{labels['kind']}: {act.kind}")
    if act.basis:
        document.add_paragraph(act.basis)
    columns = ["number", "authors", "title", "year", "isbn", "copies"]
    if act.received:
        columns.append("condition")
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, key in zip(table.rows[0].cells, columns, strict=True):
        cell.text = labels[key]
    for line in act.lines:
        cells = table.add_row().cells
        for cell, key in zip(cells, columns, strict=True):
            cell.text = str(getattr(line, key))
    document.add_paragraph(f"{labels['total']}: {act.total_copies}")
    for side in ("sender", "recipient"):
        document.add_paragraph(
            f"{labels[side]}: ____________ ({labels['signature']})  ____________________ "
            f"({labels['name']})   {labels['seal']}"
        )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def act_pdf(shipment: Shipment, language: str) -> bytes:
    act = act_content(shipment, language)
    with translation.override(language):
        html = render_to_string(
            "exchange/act_pdf.html", {"act": act, "labels": _labels(), **font_context()}
        )
    return html_to_pdf(html)


def packing_xlsx(shipment: Shipment, language: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    act = act_content(shipment, language)
    with translation.override(language):
        labels = _labels()
        sheet_title = _("Packing list")
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has one sheet
    sheet.title = sheet_title[:31]
    append(sheet, [act.heading])
    sheet["A1"].font = Font(bold=True)
    append(sheet, [f"{labels['sender']}: {act.sender}"])
    append(sheet, [f"{labels['recipient']}: {act.recipient}"])
    sheet.append([])
    header = [labels[k] for k in ("number", "authors", "title", "year", "isbn", "copies")]
    append(sheet, header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for line in act.lines:
        append(sheet, [line.number, line.authors, line.title, line.year, line.isbn, line.copies])
    append(sheet, [None, None, labels["total"], None, None, act.total_copies])
    for column, width in zip("ABCDEF", (6, 30, 60, 8, 16, 10), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
