"""Every write of reports: asking for one (it is produced in the background), producing it with
its progress, deleting it, and forgetting files when they expire."""

from __future__ import annotations

import datetime
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction
from django.db.models import DateTimeField, F, Q, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kopir.core.audit import Change, forget_on_commit
from kopir.reports.definitions.common import subtitle
from kopir.reports.forms import ORGANISATION_NEEDED
from kopir.reports.models import ReportRun, RunStatus
from kopir.reports.params import ReportParams
from kopir.reports.registry import build, renderers, reports

logger = logging.getLogger(__name__)

UNKNOWN_REPORT = _("There is no such report or format.")
FAILED = _("The report could not be produced. Try again; if it fails again, tell the coordinator.")
STALLED = _("The background worker stopped before the report was ready. Ask for it again.")
RETRYING = _(
    "The background worker stopped while preparing this report; it is being prepared again."
)
# What the progress bar says while a report is being prepared.
STAGES = {
    "figures": _("counting the figures"),
    "partners": _("partners and agreements"),
    "events": _("events"),
    "participants": _("participants"),
    "exchange": _("book exchange"),
    "collection": _("the collection and projects"),
    "publications": _("publications"),
    "rendering": _("writing the file"),
}
BUILDING_SHARE = 80  # percent of the bar for reading the figures; the rest is the file
# A running run's worker says it is alive every HEARTBEAT; after STALE of silence it is taken
# to be gone (killed, out of memory, machine restarted): the run is queued once more, or fails.
HEARTBEAT = datetime.timedelta(seconds=20)
STALE = datetime.timedelta(minutes=2)
MAX_ATTEMPTS = 2
# A queued run no worker takes at all (none running) is given up after this.
STALLED_AFTER = datetime.timedelta(hours=6)


def report_run_request(
    *, report: str, format: str, params: ReportParams, keep_days: int, change: Change
) -> ReportRun:
    """Record the request and queue its production; the file follows in the background."""
    definition, renderer = reports.get(report), renderers.get(format)
    if definition is None or renderer is None:
        raise ValidationError(UNKNOWN_REPORT)
    if definition.needs_organisation and not params.organisation:
        raise ValidationError(ORGANISATION_NEEDED)
    change.require("reports.add_reportrun", params)
    keep_days = max(1, min(keep_days, settings.KOPIR_REPORT_KEEP_DAYS_MAX))
    with translation.override(params.language):
        title = f"{definition.title} — {subtitle(params)}"
    with transaction.atomic():
        run = ReportRun.objects.create(
            report=report,
            format=format,
            language=params.language,
            params=params.to_json(),
            title=title[:400],
            requested_by=change.user,
            keep_days=keep_days,
        )
        transaction.on_commit(lambda: _enqueue(run.pk))
    return run


def _enqueue(run_id: int) -> None:
    from kopir.reports.tasks import produce_report

    produce_report.enqueue(run_id)


def _set(run_id: int, **values: Any) -> None:
    # An update, not a save: progress is written often and must not touch other fields.
    now = timezone.now()
    ReportRun.objects.filter(pk=run_id).update(updated_at=now, heartbeat_at=_beat(now), **values)


def _beat(now: datetime.datetime) -> Greatest:
    """The heartbeat at `now`, never back in time: the progress and the heartbeat thread
    write it on two connections, and the one that took its time first may commit last."""
    moment = Value(now, output_field=DateTimeField())
    return Greatest(Coalesce(F("heartbeat_at"), moment), moment)


def report_run_produce(run_id: int) -> ReportRun | None:
    """Build the report, write its file and keep it for the days asked; a failure is recorded
    on the run (the details go to the log), never half a file."""
    now = timezone.now()
    claimed = ReportRun.objects.filter(pk=run_id, status=RunStatus.QUEUED).update(
        status=RunStatus.RUNNING, progress=1, stage="figures", updated_at=now,
        heartbeat_at=now, attempts=F("attempts") + 1,
    )  # fmt: skip
    if not claimed:  # already produced, deleted, or taken by another worker
        return None
    with _heartbeat(run_id):
        return _produce(run_id)


@contextmanager
def _heartbeat(run_id: int) -> Iterator[None]:
    """Beat every HEARTBEAT from a thread of its own while the run is produced (rendering a
    long PDF reports no progress for many seconds)."""
    done = threading.Event()

    def beat() -> None:
        try:
            while not done.wait(HEARTBEAT.total_seconds()):
                ReportRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).update(
                    heartbeat_at=_beat(timezone.now())
                )
        except DatabaseError:  # a missed beat is what STALE allows for
            logger.warning("report run %s: heartbeat not written", run_id)
        finally:
            connection.close()

    thread = threading.Thread(target=beat, name=f"report-{run_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join(timeout=HEARTBEAT.total_seconds())


def _produce(run_id: int) -> ReportRun | None:
    run = ReportRun.objects.get(pk=run_id)
    shown = [1]

    def progress(done: float, stage: str) -> None:
        percent = max(1, min(BUILDING_SHARE, round(done * BUILDING_SHARE)))
        if percent > shown[0] or stage != run.stage:
            shown[0] = max(shown[0], percent)
            run.stage = stage
            _set(run_id, progress=shown[0], stage=stage)

    try:
        with translation.override(run.language):
            document = build(run.report, ReportParams.from_json(run.params), progress)
            _set(run_id, progress=BUILDING_SHARE, stage="rendering")
            renderer = renderers[run.format]
            content = renderer.render(document)
    except Exception:
        logger.exception("report run %s failed", run_id)
        _set(run_id, status=RunStatus.FAILED, error=str(FAILED), finished_at=timezone.now())
        return ReportRun.objects.get(pk=run_id)
    now = timezone.now()
    run.refresh_from_db()
    if run.status != RunStatus.RUNNING:  # deleted or reset meanwhile
        return run
    name = f"{document.file_stem}.{renderer.extension}"
    run.file.save(name, ContentFile(content), save=False)
    run.file_name, run.size = name, len(content)
    run.status, run.progress, run.stage, run.error = RunStatus.READY, 100, "", ""
    run.finished_at = now
    run.expires_at = now + datetime.timedelta(days=run.keep_days)
    run.save()
    return run


@transaction.atomic
def report_run_delete(run: ReportRun, *, change: Change) -> None:
    """Delete a run and, once that is committed, its file."""
    change.require("reports.delete_reportrun", run)
    forget_on_commit([run.file])
    run.delete()


def report_runs_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete the files whose time is up (the run stays, marked expired), and mark as failed
    the runs a stopped worker left behind. Returns how many files were deleted."""
    now = now or timezone.now()
    expired = 0
    for run in ReportRun.objects.filter(status=RunStatus.READY, expires_at__lte=now):
        name = run.file.name
        run.status, run.file = RunStatus.EXPIRED, ""
        run.save(update_fields=["status", "file", "updated_at"])
        if name:  # after the row lets go of it: the row never points to a missing file
            run.file.storage.delete(name)
        expired += 1
    report_runs_recover(now=now)
    ReportRun.objects.filter(status=RunStatus.QUEUED, updated_at__lt=now - STALLED_AFTER).update(
        status=RunStatus.FAILED, error=str(STALLED), finished_at=now
    )
    return expired


def report_runs_recover(*, now: datetime.datetime | None = None, pk: int | None = None) -> int:
    """Take up again the running runs whose worker has gone silent (no heartbeat for STALE):
    queued once more while they have attempts left, else failed with the reason. Returns how
    many were touched (all such runs, or the one `pk`). Each is one conditional UPDATE, so two
    callers never both retry."""
    now = now or timezone.now()
    runs = ReportRun.objects.filter(pk=pk) if pk is not None else ReportRun.objects.all()
    silent = runs.filter(
        Q(heartbeat_at__lt=now - STALE)
        | Q(heartbeat_at__isnull=True, updated_at__lt=now - STALE),  # runs from before beats
        status=RunStatus.RUNNING,
    )
    touched = 0
    for run in silent.only("pk", "attempts", "heartbeat_at"):
        still = ReportRun.objects.filter(pk=run.pk, heartbeat_at=run.heartbeat_at)
        if run.attempts < MAX_ATTEMPTS:
            retried = still.update(
                status=RunStatus.QUEUED, progress=0, stage="", error=str(RETRYING),
                updated_at=now,
            )  # fmt: skip
            if retried:
                transaction.on_commit(partial(_enqueue, run.pk))
            touched += retried
        else:
            touched += still.update(
                status=RunStatus.FAILED, error=str(STALLED), finished_at=now, updated_at=now
            )
    return touched
