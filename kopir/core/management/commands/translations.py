"""python manage.py translations [--check] [--compile]

--compile writes the .mo files (no GNU gettext needed). --check fails on untranslated or fuzzy
kk/ru entries, on broken placeholders, and, where xgettext is installed, on messages in the code
that the catalogues lack.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kopir.core.i18n_catalogues import (
    catalogue_paths,
    check_catalogue,
    compile_catalogue,
    msgids,
)

MAKEMESSAGES_IGNORE = [".venv", "var", "tests", "bench", "tools", "build", "node_modules"]


class Command(BaseCommand):
    help = "Compile and check the kk/ru/en catalogues."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--check", action="store_true")
        parser.add_argument("--compile", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        locale_dir = Path(settings.LOCALE_PATHS[0])
        paths = catalogue_paths(locale_dir)
        missing = {code for code, _ in settings.LANGUAGES} - set(paths)
        if missing:
            raise CommandError(f"No catalogue for: {', '.join(sorted(missing))}")
        problems: list[str] = []
        if options["check"]:
            for language, path in paths.items():
                report = check_catalogue(path, language)
                problems += report.problems
                self.stdout.write(f"{language}: {report.entries} messages checked")
            problems += self._stale(locale_dir, paths)
        if problems:
            raise CommandError("\n".join(problems))
        if options["compile"]:
            for path in paths.values():
                compile_catalogue(path)
            self.stdout.write(f"compiled {len(paths)} catalogues")

    def _stale(self, locale_dir: Path, paths: dict[str, Path]) -> list[str]:
        """Messages in the code that the catalogues do not hold yet."""
        if not shutil.which("xgettext"):
            self.stdout.write("xgettext not installed: skipping the check for new messages")
            return []
        with tempfile.TemporaryDirectory() as scratch:
            # makemessages writes to the locale/ beside the sources it walks, whatever
            # LOCALE_PATHS says: so it walks the sources through links from a scratch folder
            # whose locale/ is a copy, and the project's catalogues are never touched.
            copy = Path(scratch) / "locale"
            shutil.copytree(locale_dir, copy)
            base = Path(settings.BASE_DIR)
            for name in ("kopir", "config", "manage.py"):
                (Path(scratch) / name).symlink_to(base / name)
            ignore = [arg for name in MAKEMESSAGES_IGNORE for arg in ("--ignore", name)]
            languages = [arg for code in paths for arg in ("-l", code)]
            env = {**os.environ, "KOPIR_LOCALE_DIR": str(copy)}
            subprocess.run(  # noqa: S603 - fixed argument list
                [sys.executable, "manage.py", "makemessages", "--symlinks", *languages, *ignore],
                cwd=scratch,
                env=env,
                check=True,
                capture_output=True,
            )
            fresh = catalogue_paths(copy)
            return [
                f"{paths[code]}: not in the catalogue yet (run `make messages`): {msgid!r}"
                for code in paths
                for _context, msgid in sorted(
                    msgids(fresh[code]) - msgids(paths[code]), key=lambda m: m[1]
                )
            ]
