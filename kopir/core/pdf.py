"""PDF documents: HTML printed by WeasyPrint in the vendored DejaVu Sans, which carries every
Kazakh and Russian letter (ә, ғ, қ, ң, ө, ұ, ү, һ, і). Templates declare the font with
`{% include "core/_pdf_fonts.css" %}` inside their <style>."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

FONTS = Path(__file__).resolve().parent / "fonts"


def font_context() -> dict[str, str]:
    """What `core/_pdf_fonts.css` needs: where the font files are."""
    return {"font_dir": FONTS.as_uri()}


def html_to_pdf(html: str) -> bytes:
    # WeasyPrint is imported when a PDF is made, so web processes that never make one skip it.
    from weasyprint import HTML

    return bytes(HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf())
