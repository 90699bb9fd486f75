"""python manage.py purge_registrations: erase registrants' data after the retention period."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kopir.events.registrations import registrations_purge


class Command(BaseCommand):
    help = "Erase personal data of registrations for events past the retention period (cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"erased {registrations_purge()} registrations")
