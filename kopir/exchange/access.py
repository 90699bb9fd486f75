"""Who may write a library's exchange records: its editors and the coordinator (and the
system, for imports from the command line and the demo)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from kopir.core.audit import Change
from kopir.network.models import Organisation


def require_library(organisation: Organisation, change: Change) -> None:
    if change.is_system:
        return
    if not change.actor.has_perm("network.change_organisation", organisation):
        raise PermissionDenied
