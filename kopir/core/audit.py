"""The audit trail: every saved version of an audited record, who made it, when and from where.

django-simple-history keeps the versions (one historical table per model). Each version also
records its origin (site, admin, api, import, command, restore) and the client's address. Writers
state both on the instance before saving (`Change.mark`), so services never read a request
global; a change that bypasses them is still recorded, with origin "system".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.signals import pre_create_historical_record

from kopir.core.clients import client_address
from kopir.core.concurrency import save_versioned

if TYPE_CHECKING:
    from kopir.accounts.models import User


class Origin(models.TextChoices):
    SITE = "site", _("site")
    ADMIN = "admin", _("admin")
    API = "api", _("API")
    IMPORT = "import", _("import")
    COMMAND = "command", _("command")
    RESTORE = "restore", _("restore")
    SYSTEM = "system", _("system")


class AuditedVersion(models.Model):
    """Fields added to every historical record (simple-history `bases`)."""

    origin = models.CharField(
        _("origin"), max_length=8, choices=Origin.choices, default=Origin.SYSTEM
    )
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)

    class Meta:
        abstract = True


def mark(instance: models.Model, *, actor: Any, origin: str, ip_address: str | None = None) -> None:
    """State who changes `instance` and from where, for the version its next save records."""
    instance._history_user = actor if getattr(actor, "pk", None) else None  # type: ignore[attr-defined]
    instance._audit_origin = origin  # type: ignore[attr-defined]
    instance._audit_ip = ip_address  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Change:
    """Who makes a change and from where; every service takes one, checks its permission with
    `require` and saves through `save` (or states itself on the record with `mark`)."""

    actor: User | None
    origin: str = Origin.SITE
    ip_address: str | None = None

    @classmethod
    def from_request(cls, request: HttpRequest, origin: str = Origin.SITE) -> Change:
        """The one place that reads who asks (the session's or the API token's user), through
        which door, and from which address (kopir.core.clients)."""
        user = getattr(request, "user", None)
        actor = user if getattr(user, "is_authenticated", False) else None
        return cls(actor=actor, origin=origin, ip_address=client_address(request))

    @property
    def is_system(self) -> bool:
        """The operator's own tools (demo loader, imports, commands): no account to check."""
        return self.actor is None and self.origin in (Origin.COMMAND, Origin.IMPORT, Origin.SYSTEM)

    def require(self, permission: str, obj: Any = None) -> None:
        """Refuse (PermissionDenied) unless the actor has `permission`, a name from
        kopir/accounts/rules.py, on `obj`; the operator's own tools pass."""
        if self.is_system:
            return
        if self.actor is None or not self.actor.has_perm(permission, obj):
            raise PermissionDenied

    def may(self, permission: str, obj: Any = None) -> bool:
        """Whether `require` would let this change through."""
        try:
            self.require(permission, obj)
        except PermissionDenied:
            return False
        return True

    def mark(self, instance: models.Model) -> None:
        """State this change on `instance`, for the version its next save records."""
        mark(instance, actor=self.actor, origin=self.origin, ip_address=self.ip_address)

    @property
    def user(self) -> User | None:
        """The actor as a saved account, for the fields that record who did something."""
        return self.actor if self.actor is not None and self.actor.pk else None

    def save(self, instance: models.Model, *, expected_version: int | None = None) -> None:
        """Validate, stamp and store `instance` at the version the writer saw (a stale one is
        refused with ConcurrentEditError; None for a new record). Files it replaces go through
        `forget_on_commit`."""
        self.mark(instance)
        instance.full_clean()
        save_versioned(instance, expected_version=expected_version)


SYSTEM = Change(actor=None, origin=Origin.COMMAND)


def forget_on_commit(files: Iterable[FieldFile | str | None], storage: Any = None) -> None:
    """Delete stored files once the current transaction commits (at once outside one)."""
    doomed = [(f.storage, f.name) if isinstance(f, FieldFile) else (storage, f) for f in files]

    kept = [(where, name) for where, name in doomed if name and where is not None]
    if not kept:
        return

    def forget() -> None:
        for where, name in kept:
            where.delete(name)

    transaction.on_commit(forget)


@receiver(pre_create_historical_record)
def _record_origin(sender: Any, instance: Any, history_instance: Any, **kwargs: Any) -> None:
    history_instance.origin = getattr(instance, "_audit_origin", Origin.SYSTEM)
    history_instance.ip_address = getattr(instance, "_audit_ip", None)


def translate_history(model: type[models.Model], options: type) -> None:
    """Give a model's historical versions the same language columns (django-modeltranslation).

    simple-history fixed its list of tracked fields before the language columns existed;
    without the refresh, diffs (what changed) would not see name_kk, name_ru, name_en.
    """
    from modeltranslation.translator import register

    historical = model.history.model  # type: ignore[attr-defined]  # added by simple-history
    register(historical)(type(f"Historical{options.__name__}", (options,), {}))
    kept = {field.name for field in historical._meta.fields}
    historical.tracked_fields = [f for f in model._meta.fields if f.name in kept]
