"""A worker killed in the middle of a report does not leave it "being prepared" for ever: the
run's heartbeat stops, it is prepared once more, and then given up with the reason shown."""

from __future__ import annotations

import datetime
import threading
import time

import pytest
from django.test import Client
from django.utils import timezone

from kopir.core.audit import Change
from kopir.reports import services
from kopir.reports.models import ReportRun, RunStatus
from kopir.reports.params import ReportParams
from kopir.reports.registry import Renderer, renderers

pytestmark = pytest.mark.django_db


def _left_running(run: ReportRun, *, attempts: int, silent_for: datetime.timedelta) -> None:
    """What a worker killed mid-run leaves behind: RUNNING, 16 %, and no more heartbeats."""
    ReportRun.objects.filter(pk=run.pk).update(
        status=RunStatus.RUNNING, progress=16, stage="events", attempts=attempts,
        heartbeat_at=timezone.now() - silent_for,
    )  # fmt: skip


@pytest.fixture
def run(coordinator, network) -> ReportRun:
    params = ReportParams.year(timezone.localdate().year - 1, language="ru")
    return services.report_run_request(
        report="cis", format="html", params=params, keep_days=1, change=Change(coordinator)
    )


def test_a_run_whose_worker_went_silent_is_prepared_again_and_the_page_says_so(
    run, coordinator, django_capture_on_commit_callbacks
) -> None:
    client = Client()
    client.force_login(coordinator)
    _left_running(run, attempts=1, silent_for=datetime.timedelta(seconds=30))
    page = client.get(f"/ru/reports/runs/{run.pk}/progress/").content.decode()
    assert "16 %" in page  # a heartbeat 30 s old is still a living worker
    _left_running(run, attempts=1, silent_for=services.STALE + datetime.timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=False) as queued:
        page = client.get(f"/ru/reports/runs/{run.pk}/progress/").content.decode()
    assert "готовится заново" in page and "hx-get" in page
    run.refresh_from_db()
    assert run.status == RunStatus.QUEUED and run.progress == 0
    assert len(queued) == 1  # queued for a worker once more
    queued[0]()  # the worker (immediate in tests) takes it up
    run.refresh_from_db()
    assert run.status == RunStatus.READY and run.attempts == 2 and run.error == ""


def test_a_run_that_stalls_twice_is_given_up_with_the_reason(run, coordinator) -> None:
    _left_running(run, attempts=2, silent_for=services.STALE * 2)
    client = Client()
    client.force_login(coordinator)
    page = client.get(f"/ru/reports/runs/{run.pk}/progress/").content.decode()
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and "hx-get" not in page
    assert "Фоновый обработчик остановился" in page


def test_the_purge_recovers_runs_nobody_is_watching(run) -> None:
    _left_running(run, attempts=2, silent_for=services.STALE * 2)
    services.report_runs_purge()
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED


@pytest.mark.django_db(transaction=True)
def test_a_long_render_keeps_beating(coordinator, network, monkeypatch) -> None:
    monkeypatch.setattr(services, "HEARTBEAT", datetime.timedelta(seconds=0.05))
    beats: list[datetime.datetime] = []

    class SlowRenderer(Renderer):
        slug, label, content_type, extension = "slow", "Slow", "text/plain", "txt"

        def render(self, document) -> bytes:
            deadline = time.monotonic() + 1.0
            while time.monotonic() < deadline:  # rendering: no progress is reported
                beat = ReportRun.objects.get(pk=run_id).heartbeat_at
                if beat and beat not in beats:
                    beats.append(beat)
                time.sleep(0.05)
            return b"done"

    renderers.register(SlowRenderer)
    try:
        params = ReportParams.year(timezone.localdate().year - 1, language="ru")
        run = services.report_run_request(
            report="cis", format="slow", params=params, keep_days=1, change=Change(coordinator)
        )
        run_id = run.pk
        ReportRun.objects.filter(pk=run_id).update(status=RunStatus.QUEUED)
        services.report_run_produce(run_id)
    finally:
        renderers.unregister("slow")
    assert len(beats) >= 3 and beats == sorted(beats)
    assert threading.active_count() < 50
    assert ReportRun.objects.get(pk=run_id).status == RunStatus.READY
