"""python manage.py search_relevance: precision at 5 and recall at 20 of the relevance test set
(kopir/search/relevance.toml) against the loaded demo collection."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from kopir.search.relevance import evaluate, report


class Command(BaseCommand):
    help = "Report precision at 5 and recall at 20 of the search's relevance test set."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(report(evaluate()))
