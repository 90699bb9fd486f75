"""A ready report file as the page and the API hand it out."""

from __future__ import annotations

from django.http import FileResponse

from kopir.reports.models import ReportRun
from kopir.reports.registry import renderers


def report_file(run: ReportRun) -> FileResponse:
    """The run's file as a private download: never cached, named as the run says."""
    response = FileResponse(
        run.file.open("rb"), as_attachment=True, filename=run.file_name,
        content_type=renderers[run.format].content_type,
    )  # fmt: skip
    response["Cache-Control"] = "private, no-store"
    return response
