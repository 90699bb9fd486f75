"""Reads of the book exchange records, with their visibility rules."""

from __future__ import annotations

from django.db.models import QuerySet

from kopir.exchange.models import BibRecord, ImportBatch
from kopir.network.models import Organisation


def record_list(organisation: Organisation) -> QuerySet[BibRecord]:
    return BibRecord.objects.filter(organisation=organisation).defer("marc").order_by("title", "pk")


def duplicate_list(organisation: Organisation) -> QuerySet[BibRecord]:
    """The library's records flagged as likely duplicates, with the record each resembles."""
    return (
        BibRecord.objects.filter(organisation=organisation, duplicate_of__isnull=False)
        .select_related("duplicate_of")
        .defer("marc", "duplicate_of__marc")
        .order_by("pk")
    )


def batch_list(organisation: Organisation) -> QuerySet[ImportBatch]:
    return ImportBatch.objects.filter(organisation=organisation).order_by("-created_at", "-pk")[:10]
