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

from collections.abc import Callable, Iterator
from typing import ClassVar, Generic, TypeVar

from django.utils.functional import Promise

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


T = TypeVar("T", Report, Renderer)


class Registry(Generic[T]):
    def __init__(self) -> None:
        self._items: dict[str, T] = {}

    def register(self, cls: type[T]) -> type[T]:
        if cls.slug in self._items:
            raise ValueError(f"{cls.slug!r} is registered twice")
        self._items[cls.slug] = cls()
        return cls

    def get(self, slug: str) -> T | None:
        return self._items.get(slug)

    def __getitem__(self, slug: str) -> T:
        return self._items[slug]

    def __iter__(self) -> Iterator[T]:
        return iter(sorted(self._items.values(), key=lambda item: (item.order, item.slug)))


reports: Registry[Report] = Registry()
renderers: Registry[Renderer] = Registry()


def build(slug: str, params: ReportParams, progress: Progress = no_progress) -> ReportDocument:
    """Build a registered report with every string in it printable (kopir.core.text): a value
    stored before entries were checked can break none of the renderers, built-in or add-on."""
    return printable_copy(reports[slug].build(params, progress))
