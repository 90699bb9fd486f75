"""python manage.py load_demo: the real cross-border network and its events, from the seed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kopir.bibliography.demo.loader import load_demo_publications
from kopir.events.demo.loader import load_demo_events
from kopir.exchange.demo.loader import load_demo_exchange
from kopir.heritage.demo.loader import load_demo_collection
from kopir.network.demo.loader import load_demo_network
from kopir.search.index import rebuild as rebuild_search_index


class Command(BaseCommand):
    help = (
        "Load the demo network, events, books and collection "
        "(idempotent: a second run changes nothing)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = load_demo_network()
        events = load_demo_events()
        books = load_demo_exchange()
        items = load_demo_collection()
        publications = load_demo_publications()
        entries = rebuild_search_index()  # the loaders write in bulk: index everything once
        self.stdout.write(f"search index: {entries} entries")
        if not report.changed and not events and not books and not items and not publications:
            self.stdout.write("Demo network is up to date: nothing changed.")
            return
        for label, bucket in (("created", report.created), ("updated", report.updated)):
            for name, count in sorted(bucket.items()):
                self.stdout.write(f"{label}: {count} {name}")
        if events:
            self.stdout.write(f"created: {events} event")
        if books:
            self.stdout.write(f"created: {books} bibliographic record")
        if items:
            self.stdout.write(f"created: {items} collection item")
        if publications:
            self.stdout.write(f"created: {publications} publication")
