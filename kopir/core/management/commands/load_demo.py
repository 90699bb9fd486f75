"""python manage.py load_demo: the real cross-border network and its events, from the seed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.management.base import BaseCommand

from kopir.bibliography.demo.loader import load_demo_publications
from kopir.events.demo.loader import link_demo_collection, load_demo_events
from kopir.exchange.demo.loader import load_demo_exchange
from kopir.heritage.demo.loader import load_demo_collection
from kopir.network.demo.loader import LoadReport, load_demo_network
from kopir.search.index import rebuild as rebuild_search_index


@dataclass(frozen=True)
class DemoLoaded:
    network: LoadReport
    events: int
    books: int
    items: int
    publications: int
    entries: int  # in the search index


def load_demo(*, books: bool = True) -> DemoLoaded:
    """Every demo loader in its order, then the search index once (the loaders write in bulk).
    The tests leave out the exchange's shelf of books (`books=False`): its tests load it."""
    network = load_demo_network()
    events = load_demo_events()
    shelf = load_demo_exchange() if books else 0
    items = load_demo_collection()
    link_demo_collection()  # the events' links to the collection, once it is there
    return DemoLoaded(
        network=network,
        events=events,
        books=shelf,
        items=items,
        publications=load_demo_publications(),
        entries=rebuild_search_index(),
    )


class Command(BaseCommand):
    help = (
        "Load the demo network, events, books and collection "
        "(idempotent: a second run changes nothing)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        loaded = load_demo()
        report = loaded.network
        self.stdout.write(f"search index: {loaded.entries} entries")
        if not report.changed and not any(
            (loaded.events, loaded.books, loaded.items, loaded.publications)
        ):
            self.stdout.write("Demo network is up to date: nothing changed.")
            return
        for label, bucket in (("created", report.created), ("updated", report.updated)):
            for name, count in sorted(bucket.items()):
                self.stdout.write(f"{label}: {count} {name}")
        for count, name in ((loaded.events, "event"), (loaded.books, "bibliographic record"),
                            (loaded.items, "collection item"),
                            (loaded.publications, "publication")):  # fmt: skip
            if count:
                self.stdout.write(f"created: {count} {name}")
