"""An event's registrations as files for its organisers: CSV and XLSX (the list with the
totals per venue), in the page's language. Every string cell is text, never a formula
(kopir.core.spreadsheets), since registrants type the names and schools themselves."""

from __future__ import annotations

import csv
import io
import zoneinfo
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from kopir.core import multilingual
from kopir.core.spreadsheets import append, csv_text
from kopir.events.forms import venue_label
from kopir.events.models import Event, Registration
from kopir.events.selectors import RegistrationTotal, registration_totals


def _header() -> list[str]:
    return [
        "№", _("Status"), _("Where"), _("Who registers"), _("Name"), _("E-mail"), _("Phone"),
        _("School or library"), _("Class or group"), _("Children"), _("Adults"), _("Registered"),
    ]  # fmt: skip


def _rows(event: Event, registrations: Iterable[Registration]) -> list[list[Any]]:
    host = next(iter(event.venues.all()), None)  # prefetched by selectors.event_get
    zone = zoneinfo.ZoneInfo(host.time_zone) if host else zoneinfo.ZoneInfo("UTC")
    rows = []
    for number, r in enumerate(registrations, start=1):
        erased = r.erased_at is not None
        rows.append([
            number, r.get_status_display(), venue_label(r.venue) if r.venue else "",
            r.get_kind_display(), _("erased") if erased else r.contact_name,
            "" if erased else r.contact_email, "" if erased else r.contact_phone,
            r.institution, r.group_name, r.children, r.adults,
            r.created_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
        ])  # fmt: skip
    return rows


def _total_rows(event: Event) -> list[list[Any]]:
    venues, total = registration_totals(event)
    header = [_("Where"), _("Groups"), _("Single adults"), _("Children"), _("Adults"),
              _("Places"), _("On the waiting list")]  # fmt: skip

    def row(label: str, t: RegistrationTotal) -> list[Any]:
        return [label, t.groups, t.persons, t.children, t.adults, t.places, t.waiting]

    rows = [header]
    rows += [row(venue_label(t.venue) if t.venue else _("not given"), t) for t in venues]
    rows.append(row(_("Total"), total))
    return rows


def registrations_csv(event: Event, registrations: Iterable[Registration]) -> bytes:
    """The list as CSV in UTF-8 with a byte-order mark (so Excel reads Cyrillic right)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([csv_text(multilingual.text(event, "title"))])
    writer.writerow(_header())
    for row in _rows(event, registrations):
        writer.writerow([csv_text(value) for value in row])
    writer.writerow([])
    for row in _total_rows(event):
        writer.writerow([csv_text(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def registrations_xlsx(event: Event, registrations: Iterable[Registration]) -> bytes:
    """The list on one sheet and the totals per venue on another."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook has its sheet
    sheet.title = _("Registrations")[:31]
    append(sheet, [multilingual.text(event, "title")])
    sheet["A1"].font = Font(bold=True)
    append(sheet, _header())
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in _rows(event, registrations):
        append(sheet, row)
    totals = book.create_sheet(_("Totals")[:31])
    for row in _total_rows(event):
        append(totals, row)
    for cell in totals[1]:
        cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
