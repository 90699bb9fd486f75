"""PDF: the HTML page printed by WeasyPrint (`kopir.core.pdf`) in the vendored DejaVu Sans."""

from __future__ import annotations

from kopir.core.pdf import html_to_pdf
from kopir.reports.document import ReportDocument
from kopir.reports.registry import Renderer, renderers
from kopir.reports.renderers.html import standalone


@renderers.register
class PdfRenderer(Renderer):
    slug = "pdf"
    label = "PDF"
    content_type = "application/pdf"
    extension = "pdf"
    order = 30

    def render(self, document: ReportDocument) -> bytes:
        return html_to_pdf(standalone(document, for_print=True))
