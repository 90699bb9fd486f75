"""The audit trail: every saved version of an audited record, who made it, when and from where.

django-simple-history keeps the versions (one historical table per model). Each version also
records its origin (site, admin, api, import, command, restore) and the client's address. Writers
state both on the instance before saving (`audit_context`), so services never read a request
global; a change that bypasses them is still recorded, with origin "system".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from simple_history.signals import pre_create_historical_record


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
    """Who makes a change and from where; every service takes one."""

    actor: Any
    origin: str = Origin.SITE
    ip_address: str | None = None

    @property
    def is_system(self) -> bool:
        """The operator's own tools (demo loader, imports, commands): no account to check."""
        return self.actor is None and self.origin in (Origin.COMMAND, Origin.IMPORT, Origin.SYSTEM)


SYSTEM = Change(actor=None, origin=Origin.COMMAND)


@contextmanager
def audit_context(
    instance: models.Model, *, actor: Any, origin: str, ip_address: str | None = None
) -> Iterator[models.Model]:
    mark(instance, actor=actor, origin=origin, ip_address=ip_address)
    yield instance


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
