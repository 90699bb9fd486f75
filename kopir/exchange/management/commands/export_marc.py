"""python manage.py export_marc OUTFILE [--organisation SLUG] [--batch ID|latest]
[--flavour marc21|rusmarc] [--encoding utf-8|cp1251] [--syntax iso2709|marcxml]
[--skip-refused] [--language kk|ru|en]

Write records as MARC: every library's, or one library's, or one import batch's. Without
--flavour and --encoding each record is written as it came in, byte for byte. A record that
Windows-1251 cannot hold stops the export (nothing is written) unless --skip-refused leaves it
out; a conversion to the other flavour names, per record, the fields it could not carry. The
report is in one language (--language, else LANG's when Kazakh or Russian, else English)."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from kopir.core.languages import environment_language
from kopir.exchange import exports, selectors
from kopir.exchange.exports import ExportChoice, ExportReport
from kopir.exchange.marc.flavours import MARC21, RUSMARC
from kopir.exchange.marc.reader import CP1251, UTF8
from kopir.exchange.marc.writer import ISO2709, MARCXML, EncodingRefused
from kopir.exchange.models import BibRecord
from kopir.network.models import Organisation


class Command(BaseCommand):
    help = "Write records as a MARC file (ISO 2709 or MARCXML; MARC 21 or RUSMARC)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("outfile", type=Path)
        parser.add_argument("--organisation", help="the library's slug (default: every library)")
        parser.add_argument("--batch", help="an import batch's id, or 'latest'")
        parser.add_argument("--flavour", choices=[MARC21, RUSMARC], default="",
                            help="default: each record's own")  # fmt: skip
        parser.add_argument("--encoding", choices=[UTF8, CP1251], default="",
                            help="default: each record's own")  # fmt: skip
        parser.add_argument("--syntax", choices=[ISO2709, MARCXML], default=ISO2709)
        parser.add_argument("--skip-refused", action="store_true",
                            help="leave out the records the encoding cannot hold")  # fmt: skip
        parser.add_argument("--language", choices=[code for code, _name in settings.LANGUAGES])

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["language"] or environment_language()):
            self._export(options)

    def _export(self, options: dict[str, Any]) -> None:
        organisation = None
        if options["organisation"]:
            organisation = Organisation.objects.filter(slug=options["organisation"]).first()
            if organisation is None:
                raise CommandError(_("No such organisation."))
        batch = None
        if options["batch"] == "latest":
            latest = selectors.latest_batch(organisation)
            if latest is None:
                raise CommandError(_("No import has stored records yet."))
            batch = latest.pk
        elif options["batch"]:
            if not options["batch"].isdigit():
                raise CommandError(_("--batch is the id of an import, or 'latest'."))
            batch = int(options["batch"])
        records = selectors.record_export(organisation, batch=batch)
        choice = ExportChoice(
            options["flavour"], options["encoding"], options["syntax"], options["skip_refused"]
        )
        report = ExportReport()
        path: Path = options["outfile"]
        partial = path.with_name(path.name + ".part")
        rows = cast(Generator[BibRecord, None, None], records.iterator(chunk_size=500))
        try:
            with partial.open("wb") as out:
                for piece in exports.write(rows, choice, report):
                    out.write(piece)
        except EncodingRefused as refused:
            partial.unlink(missing_ok=True)
            raise CommandError(
                _("%(reason)s Nothing written: use --encoding utf-8, or --skip-refused to "
                  "leave such records out.") % {"reason": refused.message}
            ) from None  # fmt: skip
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        finally:
            rows.close()  # the database cursor, while the connection is still open
        partial.replace(path)  # the file appears whole, or not at all
        for written in report.refused:
            self.stderr.write(_("Record %(position)s: %(reason)s") % {
                "position": written.position, "reason": written.refused})  # fmt: skip
        for written in report.converted:
            self.stderr.write(_("Record %(position)s (%(title)s): not carried: %(fields)s") % {
                "position": written.position, "title": written.title,
                "fields": ", ".join(written.not_carried)})  # fmt: skip
        self.stdout.write(
            _("%(count)s records written to %(path)s; %(left)s left out, %(converted)s "
              "converted with losses.") % {
                "count": report.count, "path": path, "left": len(report.refused),
                "converted": len(report.converted)}
        )  # fmt: skip
