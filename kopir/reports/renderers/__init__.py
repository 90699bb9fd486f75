"""The built-in formats; each registers itself in `kopir.reports.registry.renderers`.

The format libraries (python-docx, openpyxl, WeasyPrint, matplotlib) are imported when a file is
made, not when the site starts, so the web processes that never make one do not load them."""

from kopir.reports.renderers import docx, html, pdf, xlsx

__all__ = ["docx", "html", "pdf", "xlsx"]
