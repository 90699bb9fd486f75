"""Cells of the workbooks we write (packing lists, reports) from people's data.

Every string is written as text, never as a formula: a title such as `=HYPERLINK("http://…")`
or a reference that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would otherwise
become a live formula when the file is opened (OWASP "CSV injection"). Such a cell is stored as
a string and marked with Excel's quote prefix, so it stays text when someone edits it; control
characters, which the XLSX format cannot hold, are dropped (kopir.core.text.printable).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from kopir.core.text import printable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _as_text(cell: Cell) -> Cell:
    value = cell.value
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _clean(value: Any) -> Any:
    return printable(value) if isinstance(value, str) else value


def put(sheet: Worksheet, row: int, column: int, value: Any) -> Cell:
    """Write one value into a cell (strings as text); returns the cell, for its style."""
    return _as_text(sheet.cell(row=row, column=column, value=_clean(value)))


def append(sheet: Worksheet, values: Iterable[Any]) -> None:
    """Add a row after the last one (strings as text)."""
    sheet.append([_clean(value) for value in values])
    for cell in sheet[sheet.max_row]:
        _as_text(cell)


def csv_text(value: Any) -> Any:
    """A value for a CSV file opened by a spreadsheet: a string that would start a formula is
    given a leading apostrophe, as OWASP advises (CSV has no quote prefix of its own)."""
    value = _clean(value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
