"""PDF: the HTML page printed by WeasyPrint in the vendored DejaVu Sans, which carries every
Kazakh and Russian letter (ә, ғ, қ, ң, ө, ұ, ү, һ, і)."""

from __future__ import annotations

from django.conf import settings

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
        from weasyprint import HTML

        html = standalone(document, for_print=True)
        return bytes(HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf())
