"""python manage.py backup [FILE]: database and media in one archive (default under var/backups)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from kopir.core.backup import backup


class Command(BaseCommand):
    help = "Write a consistent snapshot of the database and uploaded files to one archive."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("archive", nargs="?", help="target .tar.gz (default: var/backups/…)")

    def handle(self, *args: Any, **options: Any) -> None:
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        default = Path(settings.BASE_DIR) / "var" / "backups" / f"kopir-{stamp}.tar.gz"
        archive = Path(options["archive"] or default)
        manifest = backup(archive)
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"{archive}: {manifest['engine']}, {rows} rows, {manifest['checksum']}")
