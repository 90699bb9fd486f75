"""python manage.py demo_accounts FILE: the demo's coordinator and editors, with their logins."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from kopir.accounts.demo import ensure_demo_accounts


class Command(BaseCommand):
    help = "Create the demo accounts (never run this in production) and print their logins."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("passwords_file", help="where the generated passwords are kept")

    def handle(self, *args: Any, **options: Any) -> None:
        for account, password in ensure_demo_accounts(Path(options["passwords_file"])):
            where = f" ({account.organisation})" if account.organisation else ""
            self.stdout.write(f"  {account.role:12} {account.username:20} {password}{where}")
