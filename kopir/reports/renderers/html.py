"""HTML: the report as one self-contained page (styles inline, charts as inline SVG), the same
markup the PDF is printed from and the workspace shows on screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString

from kopir.core.pdf import font_context
from kopir.reports import svg
from kopir.reports.document import Cell, ReportDocument, Section, Table
from kopir.reports.registry import Renderer, renderers


@dataclass(frozen=True)
class ShownTable:
    table: Table
    rows: list[list[tuple[Cell, bool]]]  # each cell with whether it is a number
    footer: list[list[tuple[Cell, bool]]]


@dataclass(frozen=True)
class ShownSection:
    section: Section
    charts: list[SafeString]
    tables: list[ShownTable]


def _cells(table: Table, rows: list[list[Cell]]) -> list[list[tuple[Cell, bool]]]:
    numeric = [column.numeric for column in table.columns]
    return [list(zip(row, numeric, strict=False)) for row in rows]


def shown(document: ReportDocument) -> list[ShownSection]:
    """Each section with its charts drawn."""
    out = []
    for n, section in enumerate(document.sections):
        charts = [
            svg.chart_svg(chart, section.table(chart.table), uid=f"chart-{n}-{m}")
            for m, chart in enumerate(section.charts)
        ]
        tables = [
            ShownTable(table, _cells(table, table.rows), _cells(table, table.footer))
            for table in section.tables
        ]
        out.append(ShownSection(section, charts, tables))
    return out


def context(document: ReportDocument, **extra: Any) -> dict[str, Any]:
    return {"document": document, "sections": shown(document), **extra}


def standalone(document: ReportDocument, *, for_print: bool = False) -> str:
    with translation.override(document.language):
        return render_to_string(
            "reports/document.html",
            context(document, for_print=for_print, **font_context()),
        )


@renderers.register
class HtmlRenderer(Renderer):
    slug = "html"
    label = "HTML"
    content_type = "text/html; charset=utf-8"
    extension = "html"
    order = 40

    def render(self, document: ReportDocument) -> bytes:
        return standalone(document).encode("utf-8")
