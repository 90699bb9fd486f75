"""Demo accounts for `make run`: a coordinator and one editor on each side of the border.

Only the demo creates them (the `demo_accounts` command); production settings never do.
Passwords are generated once into a file under var/ and kept, so they stay the same per checkout.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from kopir.accounts.models import Role, User
from kopir.network.models import Organisation


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    organisation: str | None
    language: str


ACCOUNTS = [
    DemoAccount("coordinator", Role.COORDINATOR, None, "kk"),
    DemoAccount("editor.shemonaikha", Role.EDITOR, "shemonaikha-central-library", "kk"),
    DemoAccount("editor.barnaul", Role.EDITOR, "shishkov-library", "ru"),
]


def _passwords(path: Path) -> dict[str, str]:
    known = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    missing = {a.username for a in ACCOUNTS} - set(known)
    if missing:
        known.update({name: secrets.token_urlsafe(12) for name in missing})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(known, indent=2), encoding="utf-8")
        path.chmod(0o600)
    return known


@transaction.atomic
def ensure_demo_accounts(passwords_file: Path) -> list[tuple[DemoAccount, str]]:
    """Create or refresh the demo accounts; returns each with its password."""
    passwords = _passwords(passwords_file)
    result = []
    for account in ACCOUNTS:
        user = User.objects.filter(username=account.username).first() or User(
            username=account.username
        )
        user.role = account.role
        user.is_staff = user.is_superuser = account.role == Role.COORDINATOR
        user.organisation = (
            Organisation.objects.get(slug=account.organisation) if account.organisation else None
        )
        user.preferred_language = account.language
        user.email = f"{account.username}@example.org"
        if not user.check_password(passwords[account.username]):
            user.set_password(passwords[account.username])
        user.full_clean()
        user.save()
        result.append((account, passwords[account.username]))
    return result
