"""Optimistic concurrency: a save names the version it was based on; a stale one is refused."""

from __future__ import annotations

from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

ERROR_STALE = _(
    "Someone else saved this record while you were editing it. Your changes were not saved: "
    "reload the page to see the current version, then make your changes again."
)


class ConcurrentEditError(Exception):
    """The record changed since the version the writer had read."""

    message = ERROR_STALE


@transaction.atomic
def save_versioned(instance: models.Model, *, expected_version: int | None) -> None:
    """Save instance if it is still at `expected_version`, and move it to the next version.

    The check-and-increment is one UPDATE … WHERE version = expected, so of two simultaneous
    saves exactly one wins. `expected_version=None` is for new records.
    """
    model = type(instance)
    if instance.pk is not None and model._default_manager.filter(pk=instance.pk).exists():
        if expected_version is None:
            raise ConcurrentEditError
        claimed = model._default_manager.filter(pk=instance.pk, version=expected_version).update(
            version=F("version") + 1
        )
        if not claimed:
            raise ConcurrentEditError
        instance.version = expected_version + 1  # type: ignore[attr-defined]
    instance.save()
