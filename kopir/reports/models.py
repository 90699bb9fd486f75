"""A report asked for in the background: what, in which format and language, how far it has
got, and the finished file until it expires."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kopir.core.models import TimeStamped


def _reports_storage() -> Storage:
    return storages["reports"]


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("waiting for its turn")
    RUNNING = "running", _("being prepared")
    READY = "ready", _("ready")
    FAILED = "failed", _("failed")
    EXPIRED = "expired", _("expired")


class ReportRun(TimeStamped):
    # No public page shows a report job: its progress must not empty the page cache.
    affects_public_pages = False

    report = models.CharField(_("report"), max_length=40)
    format = models.CharField(_("format"), max_length=10)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    params = models.JSONField(_("filters"))
    title = models.CharField(_("title"), max_length=400)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="report_runs"
    )
    status = models.CharField(
        _("status"), max_length=8, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress, %"), default=0)
    stage = models.CharField(max_length=20, blank=True)
    file = models.FileField(storage=_reports_storage, upload_to="%Y/%m/", blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    size = models.PositiveIntegerField(default=0)
    keep_days = models.PositiveSmallIntegerField(_("keep the file for (days)"))
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(_("downloadable until"), null=True, blank=True)
    error = models.TextField(blank=True)
    # The worker producing the run writes this every HEARTBEAT (kopir/reports/services.py): a
    # run whose heartbeat stops is taken up again once, then given up as failed.
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [models.Index(fields=["status", "expires_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="report_progress_percent"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status in (RunStatus.READY, RunStatus.FAILED, RunStatus.EXPIRED)

    @property
    def is_expired(self) -> bool:
        """Its file's time is up (whether or not the purge has deleted it yet)."""
        return self.status == RunStatus.EXPIRED or (
            self.status == RunStatus.READY
            and self.expires_at is not None
            and self.expires_at <= timezone.now()
        )

    @property
    def is_downloadable(self) -> bool:
        return self.status == RunStatus.READY and bool(self.file) and not self.is_expired
