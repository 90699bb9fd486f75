"""python manage.py load_demo: the real cross-border network, from the checked seed facts."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kopir.network.demo.loader import load_demo_network


class Command(BaseCommand):
    help = "Load the demo network (idempotent: a second run changes nothing)."

    def handle(self, *args: Any, **options: Any) -> None:
        report = load_demo_network()
        if not report.changed:
            self.stdout.write("Demo network is up to date: nothing changed.")
            return
        for label, bucket in (("created", report.created), ("updated", report.updated)):
            for name, count in sorted(bucket.items()):
                self.stdout.write(f"{label}: {count} {name}")
