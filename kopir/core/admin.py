"""Admin building blocks: every admin change is audited like a change on the site."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from kopir.core.audit import Change, Origin


class AuditedAdmin(SimpleHistoryAdmin):  # type: ignore[misc]  # simple-history ships no types
    """Records the coordinator and origin "admin" on every version, and bumps the version so an
    editor's form opened before the change cannot overwrite it silently."""

    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"}
    }  # stubs expect Field instances as keys

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
        Change.from_request(request, Origin.ADMIN).mark(obj)
        if change and hasattr(obj, "version"):
            stored = type(obj)._default_manager.filter(pk=obj.pk).values_list("version", flat=True)
            obj.version = (stored.first() or 0) + 1
        refresh = getattr(obj, "refresh_search_text", None)
        if callable(refresh):
            refresh()
        super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        Change.from_request(request, Origin.ADMIN).mark(obj)
        super().delete_model(request, obj)


admin.site.site_header = "Köpir"
admin.site.site_title = "Köpir"
