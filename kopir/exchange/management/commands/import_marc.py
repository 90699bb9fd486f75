"""python manage.py import_marc FILE [--flavour marc21|rusmarc] [--encoding utf-8|cp1251]
[--organisation ID] [--good-only] [--language kk|ru|en]: import a MARC file (ISO 2709 or
MARCXML), all or nothing. The report is in one language: --language, else the one of the
environment's LANG when it is Kazakh or Russian, else English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _
from tqdm import tqdm

from kopir.core.audit import SYSTEM
from kopir.core.languages import environment_language
from kopir.exchange.imports import marc_import
from kopir.exchange.marc.flavours import MARC21, RUSMARC
from kopir.exchange.marc.reader import CP1251, UTF8
from kopir.exchange.models import ImportStatus
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
        parser.add_argument("--language", choices=[code for code, _name in settings.LANGUAGES],
                            help="of the report (default: from LANG, else English)")  # fmt: skip

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["language"] or environment_language()):
            self._import(options)

    def _import(self, options: dict[str, Any]) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("%(path)s: no such file") % {"path": path})
        organisation = (
            Organisation.objects.filter(pk=options["organisation"]).first()
            if options["organisation"]
            else Organisation.objects.order_by("pk").first()
        )
        if organisation is None:
            raise CommandError(_("No such organisation."))
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
            if position:
                line = _("Record %(position)s: %(reason)s")
                self.stderr.write(line % {"position": position, "reason": reason})
            else:
                self.stderr.write(_("The file: %(reason)s") % {"reason": reason})
        if not batch.readable_count:  # empty, or not MARC: no record to count
            raise CommandError(_("Nothing imported."))
        self.stdout.write(
            _("%(status)s: %(imported)s of %(total)s records imported, %(duplicates)s likely "
              "duplicates, %(broken)s broken.") % {
                "status": batch.get_status_display(), "imported": batch.imported,
                "total": batch.total, "duplicates": batch.duplicates,
                "broken": batch.readable_problems,
            }
        )  # fmt: skip
        if batch.status == ImportStatus.REFUSED:
            raise CommandError(
                _("Nothing imported: run again with --good-only to import the readable ones.")
            )
