"""Word (DOCX): headings, paragraphs, tables with a header row repeated on every page, charts as
pictures, the GOST list of publications and the notes on how the figures were counted."""

from __future__ import annotations

import io
from typing import Any

from kopir.reports.document import Cell, ReportDocument, Section, Table
from kopir.reports.registry import Renderer, renderers
from kopir.reports.renderers.pictures import chart_png


def _table(document: Any, table: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document.add_paragraph(table.title, style="Caption")
    if not table.rows:
        document.add_paragraph(table.empty)
        return
    rows: list[list[Cell]] = [[c.label for c in table.columns], *table.rows, *table.footer]
    grid = document.add_table(rows=len(rows), cols=len(table.columns))
    grid.style = "Table Grid"
    header = grid.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    bold_from = len(rows) - len(table.footer)
    for r, (row, cells) in enumerate(zip(rows, grid.rows, strict=True)):
        for c, (value, cell) in enumerate(zip(row, cells.cells, strict=False)):
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run("" if value is None else str(value))
            run.font.size = Pt(9)
            run.bold = r == 0 or r >= bold_from
            if r > 0 and table.columns[c].numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _section(document: Any, section: Section) -> None:
    from docx.shared import Cm

    document.add_heading(section.title, level=1)
    for paragraph in section.paragraphs:
        document.add_paragraph(paragraph)
    for chart in section.charts:
        picture = io.BytesIO(chart_png(chart, section.table(chart.table)))
        document.add_picture(picture, width=Cm(16))
    for table in section.tables:
        _table(document, table)
    for reference in section.references:
        document.add_paragraph(reference.plain, style="List Number")


@renderers.register
class DocxRenderer(Renderer):
    slug = "docx"
    label = "Word (DOCX)"
    content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    extension = "docx"
    order = 10

    def render(self, document: ReportDocument) -> bytes:
        from docx import Document
        from docx.shared import Pt

        word = Document()
        word.core_properties.title = document.title
        word.core_properties.language = document.language
        # Government papers in both countries are set in Times New Roman, which carries
        # the Kazakh letters on every office computer.
        word.styles["Normal"].font.name = "Times New Roman"
        word.styles["Normal"].font.size = Pt(12)
        word.add_heading(document.title, level=0)
        word.add_paragraph(document.subtitle)
        for section in document.sections:
            _section(word, section)
        word.add_heading(document.notes_title, level=1)
        for note in document.notes:
            word.add_paragraph(note, style="List Bullet")
        word.add_paragraph(document.generated_label)
        buffer = io.BytesIO()
        word.save(buffer)
        return buffer.getvalue()
