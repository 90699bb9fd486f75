"""python manage.py import_marc FILE [--flavour marc21|rusmarc] [--encoding utf-8|cp1251]
[--organisation ID] [--good-only]: import a MARC file (ISO 2709 or MARCXML), all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from kopir.core.audit import SYSTEM
from kopir.exchange.imports import marc_import
from kopir.exchange.marc.flavours import MARC21, RUSMARC
from kopir.exchange.marc.reader import CP1251, UTF8
from kopir.network.models import Organisation


class Command(BaseCommand):
    help = "Import a MARC file (ISO 2709 or MARCXML; MARC 21 or RUSMARC) into a library's records."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--flavour", choices=[MARC21, RUSMARC], default="",
                            help="default: detected per record")  # fmt: skip
        parser.add_argument("--encoding", choices=[UTF8, CP1251], default="",
                            help="default: per record (leader/09 or 100$a/26-29)")  # fmt: skip
        parser.add_argument(
            "--organisation", type=int, help="the library's id (default: the first)"
        )
        parser.add_argument("--good-only", action="store_true",
                            help="import the readable records even if some are broken")  # fmt: skip

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        organisation = (
            Organisation.objects.filter(pk=options["organisation"]).first()
            if options["organisation"]
            else Organisation.objects.order_by("pk").first()
        )
        if organisation is None:
            raise CommandError("no such organisation")
        with path.open("rb") as stream, tqdm(total=path.stat().st_size, unit="B", unit_scale=True,
                                             disable=options["verbosity"] == 0) as bar:  # fmt: skip

            def progress(done: int) -> None:
                bar.update(done - bar.n)

            batch = marc_import(
                stream, organisation=organisation, change=SYSTEM, file_name=path.name,
                flavour=options["flavour"], encoding=options["encoding"],
                good_only=options["good_only"], progress=progress,
            )  # fmt: skip
        for position, reason in batch.problem_list():
            self.stderr.write(f"record {position}: {reason}")
        self.stdout.write(
            f"{batch.get_status_display()}: {batch.imported} of {batch.total} records"
            f" imported, {batch.duplicates} likely duplicates, {len(batch.problems)} broken"
        )
        if batch.problems and not options["good_only"]:
            raise CommandError("nothing imported; rerun with --good-only to import the rest")
