"""Planning events in the workspace: warnings across both calendars, suggested slots, no JS."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from kopir.core.audit import Change
from kopir.core.concurrency import ConcurrentEditError
from kopir.core.editing import DELETED, SAVED, attach_errors, require, try_save
from kopir.core.languages import CONTENT_LANGUAGES
from kopir.events import selectors, services
from kopir.events.forms import (
    EventEditForm,
    EventPlanForm,
    LinkForm,
    PhotoForm,
    StatusForm,
    edit_initial,
)
from kopir.events.models import Event, EventLink
from kopir.events.planning import PlanCheck, check_plan

ERROR_STATUS_FORM = _("Choose the new status from the buttons on the event page.")


def _apply_suggestion(request: HttpRequest) -> dict | None:
    chosen = request.POST.get("use_suggestion", "")
    if not chosen or "T" not in chosen:
        return None
    data = request.POST.copy()
    data["day"], data["time"] = chosen.split("T", 1)
    data["action"] = "check"
    return data


@login_required
@require_http_methods(["GET", "POST"])
def event_plan(request: HttpRequest) -> HttpResponse:
    """New event: check the slot at every venue; save when it suits all (or warnings accepted)."""
    require(request, "events.add_event")
    own = getattr(request.user, "organisation", None)
    data = _apply_suggestion(request) or (request.POST if request.method == "POST" else None)
    form = EventPlanForm(data, initial={"host": own, "minutes": 60})
    return _plan(request, form, data, None)


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Change an event: its texts, links, registration, venues and time (checked again)."""
    event = selectors.event_get(slug)
    require(request, "events.change_event", event)
    data = _apply_suggestion(request) or (request.POST if request.method == "POST" else None)
    plan = services.plan_of(event)
    form = EventEditForm(data, initial=edit_initial(event, plan), places=plan.places)
    return _plan(request, form, data, event)


def _plan(
    request: HttpRequest, form: EventPlanForm, data: Any, event: Event | None
) -> HttpResponse:
    check, status, held_back = None, 200, False
    if data is not None:
        status = 400
        if form.is_valid():
            d = form.cleaned_data
            partners = list(d["partners"])
            duration = datetime.timedelta(minutes=d["minutes"])
            places = getattr(form, "places", [])
            check = check_plan(d["host"], partners, d["day"], d["time"], duration, places)
            status = 200
            saving = data.get("action") == "save"
            if saving and (not check.warnings or d["accept_warnings"]):
                saved, status = try_save(request, form, lambda: _save(request, form, check, event))
                if status == 200:
                    return HttpResponseRedirect(reverse("events:event-detail", args=[saved.slug]))
            # Saving a time with warnings waits for "keep this time anyway": said, not silent.
            held_back = saving and status == 200
    context = {"form": form, "check": check, "event": event, "held_back": held_back}
    return render(request, "events/workspace/plan.html", context, status=status)


def _save(
    request: HttpRequest, form: EventPlanForm, check: PlanCheck, event: Event | None
) -> Event:
    d = form.cleaned_data
    texts = [f"title_{lang}" for lang in CONTENT_LANGUAGES]
    if event is not None:  # the edit form has the descriptions and links too
        texts = list(services.PLAN_TEXTS)
    plan = services.EventPlan(
        host=d["host"], partners=list(d["partners"]), day=d["day"], time=d["time"],
        minutes=d["minutes"], format=d["format"], audience=d["audience"],
        texts={name: d[name] for name in texts}, provider=d["provider"],
        registration_open=d["registration_open"], capacity=d["capacity"],
        places=getattr(form, "places", []),
        accept_warnings=d["accept_warnings"] or not check.warnings,
        moved=bool({"day", "time", "minutes", "host"} & set(form.changed_data)),
    )  # fmt: skip
    return services.event_plan_save(
        event,
        plan,
        change=Change.from_request(request),
        expected_version=d["version"] if event is not None else None,
    )


@login_required
@require_POST
def event_status(request: HttpRequest, slug: str) -> HttpResponse:
    """Move the event to its next status (confirmed, held, reported, cancelled)."""
    event = selectors.event_get(slug)
    require(request, "events.change_event", event)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, ERROR_STATUS_FORM)
    else:
        try:
            services.event_set_status(
                event,
                form.cleaned_data["status"],
                change=Change.from_request(request),
                expected_version=form.cleaned_data["version"],
            )
        except ConcurrentEditError as error:
            messages.error(request, error.message)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, SAVED)
    return HttpResponseRedirect(reverse("events:event-detail", args=[slug]))


@login_required
@require_http_methods(["GET", "POST"])
def event_media(request: HttpRequest, slug: str) -> HttpResponse:
    """After the event: photos (thumbnails made, metadata dropped), press items, recordings."""
    event = selectors.event_get(slug)
    require(request, "events.change_event", event)
    photo_form, link_form, status = PhotoForm(), LinkForm(), 200
    if request.method == "POST":
        status = 400
        if request.POST.get("form") == "photo":
            photo_form = PhotoForm(request.POST, request.FILES)
            if photo_form.is_valid():
                d = photo_form.cleaned_data
                caption = {lang: d[f"caption_{lang}"] for lang in CONTENT_LANGUAGES}
                try:
                    services.photo_add(
                        event, d["image"], caption=caption, credit=d["credit"],
                        change=Change.from_request(request),
                    )  # fmt: skip
                except ValidationError as error:
                    attach_errors(photo_form, error, default_field="image")
                else:
                    messages.success(request, SAVED)
                    return HttpResponseRedirect(reverse("events:event-media", args=[slug]))
        else:
            link_form = LinkForm(request.POST, instance=EventLink(event=event))
            if link_form.is_valid():
                try:
                    services.link_save(link_form.instance, change=Change.from_request(request))
                except ValidationError as error:
                    attach_errors(link_form, error)
                else:
                    messages.success(request, SAVED)
                    return HttpResponseRedirect(reverse("events:event-media", args=[slug]))
    context = {"event": event, "photo_form": photo_form, "link_form": link_form}
    return render(request, "events/workspace/media.html", context, status=status)


@login_required
@require_POST
def photo_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    photo = selectors.photo_get(slug, pk)
    require(request, "events.change_event", photo.event)
    services.photo_delete(photo, change=Change.from_request(request))
    messages.success(request, DELETED)
    return HttpResponseRedirect(reverse("events:event-media", args=[slug]))


@login_required
@require_POST
def link_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    link = selectors.link_get(slug, pk)
    require(request, "events.change_event", link.event)
    services.link_delete(link, change=Change.from_request(request))
    messages.success(request, DELETED)
    return HttpResponseRedirect(reverse("events:event-media", args=[slug]))
