"""Admin building blocks: every admin change is audited like a change on the site."""

from __future__ import annotations

import ipaddress
from typing import Any

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from kopir.core.audit import Origin, mark


def client_address(request: HttpRequest) -> str | None:
    """The address of the person asking, for the audit trail and login lockouts.

    Behind KOPIR_TRUSTED_PROXIES reverse proxies, REMOTE_ADDR is the nearest proxy and each
    proxy appended the address it was called from to X-Forwarded-For: the client is the entry
    that many places from the end. Entries before it are whatever the client sent, so they are
    never believed. Anything that is not an IP address falls back to REMOTE_ADDR."""
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = settings.KOPIR_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    chain = [part for part in chain if part]
    if len(chain) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(chain[-proxies]))
    except ValueError:
        return remote


class AuditedAdmin(SimpleHistoryAdmin):
    """Records the coordinator and origin "admin" on every version, and bumps the version so an
    editor's form opened before the change cannot overwrite it silently."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # type: ignore[dict-item]  # stubs expect Field instances as keys

    # The admin is the coordinator's: the same rule as everywhere (kopir/accounts/rules.py).
    def _coordinates(self, request: HttpRequest) -> bool:
        return request.user.has_perm("network.change_place")

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._coordinates(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._coordinates(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._coordinates(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._coordinates(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._coordinates(request)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        mark(obj, actor=request.user, origin=Origin.ADMIN, ip_address=client_address(request))
        if change and hasattr(obj, "version"):
            stored = type(obj)._default_manager.filter(pk=obj.pk).values_list("version", flat=True)
            obj.version = (stored.first() or 0) + 1
        refresh = getattr(obj, "refresh_search_text", None)
        if callable(refresh):
            refresh()
        super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        mark(obj, actor=request.user, origin=Origin.ADMIN, ip_address=client_address(request))
        super().delete_model(request, obj)


admin.site.site_header = "Köpir"
admin.site.site_title = "Köpir"
