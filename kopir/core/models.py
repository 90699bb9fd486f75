"""Shared model pieces: provenance of demo and imported records, timestamps."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Confidence(models.TextChoices):
    HIGH = "high", _("high")
    MEDIUM = "medium", _("medium")
    LOW = "low", _("low")
    UNVERIFIED = "unverified", _("unverified")


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Provenance(TimeStamped):
    """Where a record's facts come from and how sure we are of them.

    `unverified_fields` names the fields whose values are best guesses; pages mark them. A
    record invented for the demo has `is_fictional` set and says so on every page it appears.
    """

    source = models.TextField(_("source"), blank=True)
    confidence = models.CharField(
        _("confidence"), max_length=12, choices=Confidence.choices, default=Confidence.HIGH
    )
    unverified_fields = models.JSONField(_("unverified fields"), default=list, blank=True)
    is_fictional = models.BooleanField(_("fictional (demo)"), default=False)
    provenance_note = models.TextField(_("note on the facts"), blank=True)
    # Optimistic concurrency (kopir.core.concurrency): bumped by every save through a service.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def is_unverified(self, field: str) -> bool:
        return field in (self.unverified_fields or [])
