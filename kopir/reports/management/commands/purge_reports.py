"""Delete report files whose time is up (run hourly from cron; `make run` runs it itself)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kopir.reports.services import report_runs_purge


class Command(BaseCommand):
    help = "Delete the files of reports whose time to be kept is up."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = report_runs_purge()
        self.stdout.write(f"deleted {deleted} expired report files")
