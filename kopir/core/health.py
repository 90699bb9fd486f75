"""What a load balancer and monitoring ask of an app server: does it reach its database and
its cache, and is a task worker alive (the age of the newest worker heartbeat).

The worker (`manage.py worker`) writes its heartbeat into the cache every BEAT_SECONDS; with a
shared cache (Redis) any app server sees the workers of every machine. The check is three
small round trips and no template: the cheapest view served."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.core.cache import cache
from django.db import connection

logger = logging.getLogger(__name__)

BEAT_KEY = "kopir:worker-heartbeat"
BEAT_SECONDS = 15
STALE_SECONDS = 4 * BEAT_SECONDS  # a heartbeat older than this: no worker is taking tasks


def beat(now: float | None = None) -> None:
    """The worker is alive now (kept a day: an old heartbeat says when it stopped)."""
    cache.set(BEAT_KEY, time.time() if now is None else now, timeout=24 * 3600)


def start_beating(stop: threading.Event) -> threading.Thread:
    """Beat now, then from a daemon thread until `stop` is set (a lost beat is logged, never
    fatal: the worker goes on, and monitoring sees the age grow)."""

    def once() -> None:
        try:
            beat()
        except Exception:
            logger.warning("worker heartbeat not written", exc_info=True)

    def run() -> None:
        while not stop.wait(BEAT_SECONDS):
            once()

    once()

    thread = threading.Thread(target=run, name="kopir-worker-heartbeat", daemon=True)
    thread.start()
    return thread


def check() -> tuple[bool, dict[str, Any]]:
    """(healthy, the report): healthy when the database and the cache answer; the worker's
    state is reported (ok, stale or none) without failing the app server, which can serve
    pages without one."""
    report: dict[str, Any] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        report["database"] = "ok"
    except Exception:
        logger.exception("health: the database does not answer")
        report["database"] = "unreachable"
    try:
        last = cache.get(BEAT_KEY)
        report["cache"] = "ok"
    except Exception:
        logger.exception("health: the cache does not answer")
        report["cache"], last = "unreachable", None
    age = None if last is None else max(0.0, round(time.time() - float(last), 1))
    report["worker_heartbeat_age"] = age
    report["worker"] = "none" if age is None else "ok" if age <= STALE_SECONDS else "stale"
    healthy = report["database"] == "ok" and report["cache"] == "ok"
    report["status"] = "ok" if healthy else "unavailable"
    return healthy, report
