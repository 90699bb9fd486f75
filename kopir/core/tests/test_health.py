"""/healthz: what a load balancer and monitoring need, in JSON (issue 19, item 5)."""

from __future__ import annotations

import threading
import time

import pytest
from django.core.cache import cache
from django.test import Client

from kopir.core import health

pytestmark = pytest.mark.django_db


def test_healthy_with_the_worker_s_heartbeat_age(client: Client) -> None:
    cache.delete(health.BEAT_KEY)
    before = client.get("/healthz").json()
    assert before == {"database": "ok", "cache": "ok", "worker_heartbeat_age": None,
                      "worker": "none", "status": "ok"}  # fmt: skip
    health.beat(time.time() - 5)
    response = client.get("/healthz")
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    report = response.json()
    assert report["worker"] == "ok" and 5 <= report["worker_heartbeat_age"] < 60
    health.beat(time.time() - health.STALE_SECONDS - 1)
    assert client.get("/healthz").json()["worker"] == "stale"


def test_an_unreachable_cache_or_database_answers_503(client: Client, monkeypatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ConnectionError("refused")

    monkeypatch.setattr(health.cache, "get", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "unreachable" and response.json()["database"] == "ok"


def test_the_worker_beats_while_it_runs() -> None:
    cache.delete(health.BEAT_KEY)
    stop = threading.Event()
    thread = health.start_beating(stop)
    deadline = time.time() + 10
    while cache.get(health.BEAT_KEY) is None and time.time() < deadline:
        time.sleep(0.05)
    stop.set()
    thread.join(timeout=5)
    assert cache.get(health.BEAT_KEY) is not None and not thread.is_alive()


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens its connection
def test_the_worker_command_is_django_tasks_worker_with_a_heartbeat(settings) -> None:
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # production's
    cache.delete(health.BEAT_KEY)
    # No task queued: the worker runs its loop once and exits (--batch), having beaten.
    call_command("worker", "--batch", "--interval", "0")
    assert cache.get(health.BEAT_KEY) is not None
