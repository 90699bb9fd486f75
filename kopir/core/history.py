"""Reading the audit trail (versions and what changed) and restoring an earlier version."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models, transaction
from django.http import Http404

from kopir.core.audit import Change
from kopir.core.concurrency import save_versioned

# The models whose history the coordinator may read and restore, by URL name.
AUDITED = {
    "organisation": "network.Organisation",
    "person": "network.Person",
    "agreement": "network.Agreement",
    "settlement": "network.Settlement",
    "district": "network.District",
    "region": "network.Region",
    "country": "network.Country",
    "membership": "network.Membership",
}
_IGNORED_IN_DIFF = {"version", "updated_at", "created_at"}


def audited_model(name: str) -> type[models.Model]:
    if name not in AUDITED:
        raise Http404
    return apps.get_model(AUDITED[name])


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Version:
    record: Any  # a historical record (simple-history)
    changes: list[FieldChange]

    @property
    def kind(self) -> str:
        return {"+": "created", "~": "changed", "-": "deleted"}[self.record.history_type]


def _changes(newer: Any, older: Any | None) -> list[FieldChange]:
    if older is None:
        return []
    delta = newer.diff_against(older)
    model = newer.instance_type
    result = []
    for change in delta.changes:
        if change.field in _IGNORED_IN_DIFF:
            continue
        try:
            label = str(model._meta.get_field(change.field).verbose_name)
        except Exception:
            label = change.field
        result.append(FieldChange(change.field, label, change.old, change.new))
    return result


def record_versions(model: type[models.Model], pk: int) -> list[Version]:
    """Every saved version of one record, newest first, each with what it changed."""
    history = list(
        model.history.filter(id=pk).select_related("history_user").order_by("-history_date")  # type: ignore[attr-defined]
    )
    if not history:
        raise Http404
    older = [*history[1:], None]
    return [Version(newer, _changes(newer, old)) for newer, old in zip(history, older, strict=True)]


@dataclass(frozen=True)
class UserAction:
    model_name: str
    record: Any


def user_actions(user: Any, limit: int = 200) -> list[UserAction]:
    """What one user changed, across every audited model, newest first."""
    actions: list[UserAction] = []
    for name in AUDITED:
        model = audited_model(name)
        actions += [
            UserAction(name, record)
            for record in model.history.filter(history_user=user).order_by("-history_date")[:limit]  # type: ignore[attr-defined]
        ]
    actions.sort(key=lambda action: action.record.history_date, reverse=True)
    return actions[:limit]


@transaction.atomic
def version_restore(model: type[models.Model], history_id: int, *, change: Change) -> models.Model:
    """Make an earlier version current again (as a new version; nothing is erased)."""
    change.require("accounts.restore_version")
    record = model.history.filter(history_id=history_id).first()  # type: ignore[attr-defined]
    if record is None:
        raise Http404
    instance: Any = record.instance  # a record of any audited model, with a version
    current: Any = model._default_manager.filter(pk=instance.pk).first()
    instance.version = current.version if current else 1
    refresh = getattr(instance, "refresh_search_text", None)
    if callable(refresh):
        refresh()
    change.mark(instance)
    save_versioned(instance, expected_version=current.version if current else None)
    m2m = getattr(record, "parties", None)
    if m2m is not None and hasattr(instance, "parties"):
        instance.parties.set([row.organisation_id for row in m2m.all()])
    restored: models.Model = instance
    return restored
