"""python manage.py search_rebuild: rebuild the search index (after a bulk load or a restore)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kopir.search.index import rebuild
from kopir.search.sources import REGISTRY


class Command(BaseCommand):
    help = "Rebuild the search index of the collection, the partners and the events."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--kind",
            action="append",
            choices=sorted(REGISTRY),
            help="only this kind (repeatable); all by default",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        total = rebuild(options["kind"])
        self.stdout.write(f"Indexed {total} entries.")
