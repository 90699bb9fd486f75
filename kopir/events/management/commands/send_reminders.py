"""python manage.py send_reminders: queue reminder letters for tomorrow's events (hourly, cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kopir.events.registrations import reminders_send


class Command(BaseCommand):
    help = "Queue a reminder to every confirmed registrant of an event starting within 24 hours."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"queued {reminders_send()} reminders")
