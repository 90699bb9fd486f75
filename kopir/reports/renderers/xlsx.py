"""Excel (XLSX): a first sheet with the title, the filters and the notes, then one sheet per
section with its tables one under another and native Excel charts drawn from their cells (so the
chart follows when somebody corrects a figure)."""

from __future__ import annotations

import io
import re
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from kopir.core.spreadsheets import XLSX_CONTENT_TYPE, put
from kopir.reports.document import Chart, ReportDocument, Section, Table
from kopir.reports.registry import Renderer, renderers

BAD_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")


def sheet_title(title: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the book."""
    base = BAD_SHEET_CHARACTERS.sub(" ", title).strip()[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _write_table(sheet: Any, table: Table, row: int) -> tuple[int, int, int]:
    """Write `table` from `row`; returns (header row, last body row, next free row)."""
    from openpyxl.styles import Alignment, Font, PatternFill

    bold = Font(bold=True)
    put(sheet, row, 1, table.title).font = Font(bold=True, size=12)
    row += 1
    if not table.rows:
        put(sheet, row, 1, table.empty)
        return row, row, row + 2
    header = row
    fill = PatternFill("solid", fgColor="E9EEF3")
    for c, column in enumerate(table.columns, start=1):
        cell = put(sheet, row, c, column.label)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for values in table.rows:
        row += 1
        for c, value in enumerate(values, start=1):
            put(sheet, row, c, value)
    last = row
    for values in table.footer:
        row += 1
        for c, value in enumerate(values, start=1):
            put(sheet, row, c, value).font = bold
    return header, last, row + 2


def _chart(chart: Chart, header: int, last: int, sheet: Any) -> Any:
    from openpyxl.chart import BarChart, LineChart, Reference

    native = LineChart() if chart.kind == "line" else BarChart()
    if isinstance(native, BarChart):
        native.type = "bar" if chart.kind == "bar" else "col"
        if chart.stacked:
            native.grouping, native.overlap = "stacked", 100
    native.title = chart.title
    native.height, native.width = 8, 16
    for column in chart.values:
        data = Reference(sheet, min_col=column + 1, min_row=header, max_row=last)
        native.add_data(data, titles_from_data=True)
    labels = Reference(sheet, min_col=chart.labels + 1, min_row=header + 1, max_row=last)
    native.set_categories(labels)
    if len(chart.values) == 1:
        native.legend = None
    return native


def _section_sheet(book: Any, section: Section, taken: set[str]) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = book.create_sheet(sheet_title(section.title, taken))
    put(sheet, 1, 1, section.title).font = Font(bold=True, size=14)
    row = 3
    for paragraph in section.paragraphs:
        cell = put(sheet, row, 1, paragraph)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        row += 1
    row += 1 if section.paragraphs else 0
    places: dict[str, tuple[int, int]] = {}
    for table in section.tables:
        header, last, row = _write_table(sheet, table, row)
        if table.rows:
            places[table.key] = (header, last)
    anchor_row = 3
    for chart in section.charts:
        if chart.table not in places:
            continue
        header, last = places[chart.table]
        width = max(len(t.columns) for t in section.tables) + 2
        column = sheet.cell(row=anchor_row, column=width).column_letter
        sheet.add_chart(_chart(chart, header, last, sheet), f"{column}{anchor_row}")
        anchor_row += 18
    for n, reference in enumerate(section.references, start=1):
        put(sheet, row, 1, n)
        put(sheet, row, 2, reference.plain)
        row += 1
    _widths(sheet)


def _widths(sheet: Any) -> None:
    widths: dict[str, int] = {}
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if cell.value is not None:
                length = min(60, len(str(cell.value)) + 2)
                widths[cell.column_letter] = max(widths.get(cell.column_letter, 8), length)
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width


@renderers.register
class XlsxRenderer(Renderer):
    slug = "xlsx"
    label = "Excel (XLSX)"
    content_type = XLSX_CONTENT_TYPE
    extension = "xlsx"
    order = 20

    def render(self, document: ReportDocument) -> bytes:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        book = Workbook()
        book.properties.title = document.title
        book.properties.language = document.language
        cover = book.active
        assert cover is not None  # noqa: S101 - a new workbook has one sheet
        with translation.override(document.language):
            taken: set[str] = set()
            cover.title = sheet_title(_("Report"), taken)
        put(cover, 1, 1, document.title).font = Font(bold=True, size=14)
        put(cover, 2, 1, document.subtitle)
        put(cover, 4, 1, document.notes_title).font = Font(bold=True)
        for n, note in enumerate(document.notes, start=5):
            put(cover, n, 1, note).alignment = Alignment(wrap_text=True)
        put(cover, 6 + len(document.notes), 1, document.generated_label)
        cover.column_dimensions["A"].width = 110
        for section in document.sections:
            _section_sheet(book, section, taken)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
