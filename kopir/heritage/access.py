"""Who may write to the collection (the rules themselves are in accounts/rules.py)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from kopir.core.audit import Change


def require(permission: str, obj: Any, change: Change) -> None:
    if change.is_system:
        return
    if not change.actor.has_perm(permission, obj):
        raise PermissionDenied
