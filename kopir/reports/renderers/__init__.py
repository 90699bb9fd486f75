"""The built-in formats; each registers itself in `kopir.reports.registry.renderers`."""

from kopir.reports.renderers import docx, html, pdf, xlsx

__all__ = ["docx", "html", "pdf", "xlsx"]
