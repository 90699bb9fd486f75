"""Every write to the book exchange records outside the import itself: decisions on refused
files and on likely duplicates."""

from __future__ import annotations

from typing import Any, BinaryIO, cast

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from kopir.core.audit import Change, forget_on_commit
from kopir.exchange.imports import marc_import
from kopir.exchange.models import BibRecord, ImportBatch, ImportStatus, RemovedRecord
from kopir.network.models import Organisation


def upload_import(
    upload: UploadedFile[Any], *, organisation: Organisation, change: Change, flavour: str = "",
    encoding: str = "",
) -> ImportBatch:  # fmt: skip
    """Import an uploaded file, all or nothing; a refused file is kept for the editor's choice."""
    batch = marc_import(
        cast(BinaryIO, upload.file), organisation=organisation, change=change,
        file_name=upload.name or "", flavour=flavour, encoding=encoding,
    )  # fmt: skip
    if batch.status == ImportStatus.REFUSED and batch.total > len(batch.problems):
        upload.seek(0)
        batch.upload.save(f"batch-{batch.pk}.mrc", upload)  # kept as the MARC it claims to be
    return batch


def batch_import_readable(batch: ImportBatch, *, change: Change) -> ImportBatch:
    """The editor's choice for a refused file: import its readable records after all."""
    change.require("network.change_organisation", batch.organisation)
    if batch.status != ImportStatus.REFUSED or not batch.upload:
        raise PermissionDenied
    with batch.upload.open("rb") as stored:
        done = marc_import(
            cast(BinaryIO, stored), organisation=batch.organisation, change=change,
            file_name=batch.file_name, flavour=batch.flavour, encoding=batch.encoding,
            good_only=True,
        )  # fmt: skip
    batch_discard(batch, change=change)
    return done


@transaction.atomic
def batch_discard(batch: ImportBatch, *, change: Change) -> None:
    """Import nothing of a refused file: forget the stored file, keep the report."""
    change.require("network.change_organisation", batch.organisation)
    forget_on_commit([batch.upload])
    ImportBatch.objects.filter(pk=batch.pk).update(upload="")


@transaction.atomic
def record_keep(record: BibRecord, *, change: Change) -> BibRecord:
    """A flagged record is a different book (or a second copy) after all: clear the flag."""
    change.require("network.change_organisation", record.organisation)
    record.duplicate_of, record.duplicate_reason = None, ""
    change.mark(record)
    record.save(update_fields=["duplicate_of", "duplicate_reason", "updated_at"])
    return record


@transaction.atomic
def record_delete(record: BibRecord, *, change: Change) -> None:
    """Remove a record (e.g. the new copy of a duplicate); harvesters see it as deleted."""
    change.require("network.change_organisation", record.organisation)
    change.mark(record)
    RemovedRecord.objects.create(record_id=record.pk, organisation=record.organisation)
    record.delete()
