"""Report runs as a user asks for them."""

from __future__ import annotations

import factory

from kopir.reports.models import ReportRun


class ReportRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportRun

    report = "cis"
    format = "html"
    language = "ru"
    title = "Отчёт"
    params = factory.LazyFunction(lambda: {"start": "2025-01-01", "end": "2025-12-31"})
    keep_days = 7
