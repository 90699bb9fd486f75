"""python manage.py restore FILE: bring a backup into an empty database (same engine)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kopir.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore an archive made by `backup` into an empty database, and check its content."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("archive")

    def handle(self, *args: Any, **options: Any) -> None:
        archive = Path(options["archive"])
        if not archive.is_file():
            raise CommandError(f"No such archive: {archive}")
        try:
            manifest = restore(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"restored {rows} rows from {manifest['created_at']}; checksum matches")
