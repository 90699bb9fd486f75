"""The task worker (letters, reminders, reports): django-tasks' `db_worker`, beating a
heartbeat into the cache while it runs, for `/healthz` and monitoring (kopir/core/health.py).
Takes the same options as `db_worker`."""

from __future__ import annotations

import threading
from typing import Any

from django_tasks_db.management.commands import db_worker

from kopir.core.health import start_beating


class Command(db_worker.Command):
    help = "Run the task worker, with a heartbeat for /healthz."

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        start_beating(stop)
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
