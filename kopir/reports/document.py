"""What a report says, built once: sections of paragraphs, tables, charts and references.

A report definition produces one `ReportDocument` in one language; every renderer (DOCX, XLSX,
PDF, HTML) reads the same object, so no two formats can disagree on a figure. Charts do not hold
numbers of their own: each draws columns of one of the section's tables.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Literal

Cell = str | int | None


@dataclass(frozen=True)
class Column:
    label: str
    numeric: bool = False


@dataclass
class Table:
    key: str  # stable, for sheet names and tests: "events-by-format"
    title: str
    columns: list[Column]
    rows: list[list[Cell]]
    footer: list[list[Cell]] = field(default_factory=list)  # totals, changes: never charted
    empty: str = ""  # said instead of the table when it has no rows


@dataclass(frozen=True)
class Chart:
    """A chart of table `table`: categories from column `labels`, one series per `values`
    column (their headers name the series)."""

    table: str
    title: str
    kind: Literal["column", "bar", "line"] = "column"
    labels: int = 0
    values: tuple[int, ...] = (1,)
    stacked: bool = False

    def data(self, table: Table) -> tuple[list[str], list[tuple[str, list[int]]]]:
        """The category labels and each series (its name and values) from `table`'s rows."""
        labels = [str(row[self.labels] or "") for row in table.rows]
        series = [
            (table.columns[i].label, [int(row[i] or 0) for row in table.rows]) for i in self.values
        ]
        return labels, series


@dataclass(frozen=True)
class Reference:
    plain: str
    html: str


@dataclass
class Section:
    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    def table(self, key: str) -> Table:
        return next(table for table in self.tables if table.key == key)


@dataclass
class ReportDocument:
    report: str  # the definition's slug
    title: str
    subtitle: str  # period and filters, in words
    language: str
    generated: datetime.datetime
    sections: list[Section]
    notes: list[str] = field(default_factory=list)  # how the figures were counted
    notes_title: str = ""
    generated_label: str = ""

    def table(self, key: str) -> Table:
        """The table `key` of any section."""
        return next(t for section in self.sections for t in section.tables if t.key == key)

    @property
    def file_stem(self) -> str:
        return f"kopir-{self.report}-{self.generated:%Y%m%d-%H%M}"
