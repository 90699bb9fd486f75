"""The two contracts of reports, and their registries.

A *report* turns `ReportParams` into a `ReportDocument`; a *renderer* turns a document into the
bytes of one file format. Both register by slug; the built-ins register exactly as an add-on
would (`kopir.reports.definitions`, `kopir.reports.renderers`):

    @reports.register
    class MyReport(Report):
        slug = "my-report"
        title = _("My report")
        def build(self, params, progress): ...
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from django.utils.functional import Promise

from kopir.core.registry import Registry
from kopir.core.text import printable_copy
from kopir.reports.document import ReportDocument
from kopir.reports.params import ReportParams

# progress(done, stage): `done` from 0 to 1 of the building; `stage` says what is being read.
Progress = Callable[[float, str], None]


def no_progress(done: float, stage: str) -> None:
    """For callers that do not watch (the on-screen view, the tests of figures)."""


class Report:
    slug: ClassVar[str]
    title: ClassVar[Promise]
    description: ClassVar[Promise]
    needs_organisation: ClassVar[bool] = False
    order: ClassVar[int] = 100

    def build(self, params: ReportParams, progress: Progress = no_progress) -> ReportDocument:
        """The whole report for `params`, in params.language (the caller sets the language)."""
        raise NotImplementedError


class Renderer:
    slug: ClassVar[str]
    label: ClassVar[str]
    content_type: ClassVar[str]
    extension: ClassVar[str]
    order: ClassVar[int] = 100

    def render(self, document: ReportDocument) -> bytes:
        raise NotImplementedError


reports: Registry[Report] = Registry("report", key="slug", by_key=True)
renderers: Registry[Renderer] = Registry("report format", key="slug", by_key=True)


def build(slug: str, params: ReportParams, progress: Progress = no_progress) -> ReportDocument:
    """Build a registered report with every string in it printable (kopir.core.text): a value
    stored before entries were checked can break none of the renderers, built-in or add-on."""
    return printable_copy(reports[slug].build(params, progress))
