"""The one way workspace views run a write: permission, form, service, conflicts, messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from kopir.core.concurrency import ConcurrentEditError

SAVED = _("Saved.")
DELETED = _("Deleted.")


def require(request: HttpRequest, permission: str, obj: Any = None) -> None:
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


def run_form(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[], Any],
    *,
    template: str,
    context: dict[str, Any],
    success_url: Callable[[Any], str],
) -> HttpResponse:
    """Validate, save through a service, and answer: redirect, or the form with its errors.

    A stale version answers 409 with the reader's own input kept in the form, so nothing typed
    is lost; a refusal by a service's validation is shown on the form like any other error.
    """
    status = 200
    if request.method == "POST" and form.is_valid():
        saved, status = try_save(request, form, save)
        if status == 200:
            return HttpResponseRedirect(success_url(saved))
    elif request.method == "POST":
        status = 400
    return render(request, template, {**context, "form": form}, status=status)


def try_save(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[], Any],
    *,
    default_field: str | None = None,
) -> tuple[Any, int]:
    """Save a valid form through its service: (what was saved, 200) with "saved" said to the
    reader; (None, 409) for a stale version, its message on the form; (None, 400) for a
    service's refusal, shown on the form (see attach_errors for `default_field`)."""
    try:
        saved = save()
    except ConcurrentEditError as error:
        form.add_error(None, error.message)
        return None, 409
    except ValidationError as error:
        attach_errors(form, error, default_field)
        return None, 400
    messages.success(request, SAVED)
    return saved, 200


def attach_errors(
    form: forms.BaseForm, error: ValidationError, default_field: str | None = None
) -> None:
    """Show a service's ValidationError on the form: by field where it can, else on the form
    (or on `default_field`, when the error is about that one input, like an upload)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(default_field, error)
