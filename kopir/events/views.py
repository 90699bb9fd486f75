"""The public calendar, event pages and iCalendar feeds."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kopir.bibliography import selectors as bibliography_selectors
from kopir.core import multilingual
from kopir.core.audit import Change
from kopir.core.editing import SAVED, attach_errors
from kopir.core.languages import CONTENT_LANGUAGES
from kopir.core.spreadsheets import XLSX_CONTENT_TYPE
from kopir.events import attendance as attendance_service
from kopir.events import (
    ical,
    month,
    registration_files,
    registrations,
    selectors,
    services,
    timeinfo,
)
from kopir.events.forms import EventFilterForm, RegistrationForm, venue_label
from kopir.events.models import Event, EventFormat, EventStatus, Registration, RegistrationStatus
from kopir.network import selectors as network_selectors

EVENTS_PER_PAGE = 30
MAX_ATTENDANCE = 100000
ERROR_COUNT = gettext_lazy("Counts are whole numbers of people.")
REGISTERED = gettext_lazy("You are registered. A letter with the details is on its way.")
WAITING = gettext_lazy(
    "All places are taken: you are on the waiting list, and we write when one frees."
)


def event_list(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET or None)
    if request.GET.get("view") == "month":
        return _event_month(request, form)
    events = selectors.event_list(form.to_filter())
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [(event, timeinfo.venue_times(event)) for event in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "rows": rows, "query": query.urlencode()}
    return render(request, "events/event_list.html", context)


def _event_month(request: HttpRequest, form: EventFilterForm) -> HttpResponse:
    """The month grid; the filters apply, the period does not."""
    zone_name = getattr(request.user, "time_zone", "") or "UTC"
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(zone_name))
    current = month.Month.parse(request.GET.get("month", ""), today)
    first, last = current.grid
    events = selectors.event_span(form.to_filter(), first, last)
    weeks = month.month_weeks(current, events, today=today, language=get_language() or "kk")
    query = request.GET.copy()
    for key in ("month", "page", "view"):
        query.pop(key, None)
    context = {
        "form": form, "month": current, "weeks": weeks, "query": query.urlencode(),
        "weekdays": [day.date for day in weeks[0]],
    }  # fmt: skip
    return render(request, "events/event_month.html", context)


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.event_get(slug)
    form = RegistrationForm(initial={"kind": "group", "adults": 1}, event=event)
    return _event_page(request, event, form)


def _event_page(request: HttpRequest, event, form, status: int = 200) -> HttpResponse:
    grid = attendance_service.attendance_grid(event)
    context = {
        "event": event,
        "times": timeinfo.venue_times(event),
        "form": form,
        "can_see_registrations": request.user.has_perm("events.view_registrations", event),
        "can_edit": request.user.has_perm("events.change_event", event),
        "next_statuses": [
            (status, EventStatus(status).label)
            for status in EventStatus.values
            if status in services.TRANSITIONS[EventStatus(event.status)]
        ],
        "grid": grid,
        "attendance_total": sum(c or 0 for _venue, cells in grid for _g, _l, c in cells),
        "publications": bibliography_selectors.about(event),
        "places_left": selectors.places_left(event),
    }
    return render(request, "events/event_detail.html", context, status=status)


@require_POST
def register(request: HttpRequest, slug: str) -> HttpResponse:
    """Register a group or a person; the letter goes out in the page's language."""
    event = selectors.event_get(slug)
    registration = Registration(event=event, language=(get_language() or "kk")[:2])
    form = RegistrationForm(request.POST, instance=registration, event=event)
    if form.is_valid():
        try:
            saved = registrations.registration_create(
                form.instance, site_url=request.build_absolute_uri("/")
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            message = REGISTERED if saved.status == RegistrationStatus.CONFIRMED else WAITING
            messages.success(request, message)
            token = registrations.cancel_token(saved)
            return HttpResponseRedirect(reverse("events:registration", args=[token]))
    return _event_page(request, event, form, status=400)


def registration_page(request: HttpRequest, token: str) -> HttpResponse:
    """A registration's own page, reached from the confirmation and from the letter: its
    places, its status, the link to join (confirmed registrations only) and the way to cancel.
    The signed link is what lets one in; it is not a page for search engines."""
    try:
        registration = registrations.registration_from_token(token)
    except ValidationError as error:
        return render(request, "events/cancel.html", {"error": error.messages[0]}, status=410)
    event = selectors.event_get(registration.event.slug)  # its venues and places at once
    context = {
        "registration": registration, "event": event, "token": token,
        "times": timeinfo.venue_times(event),
        "confirmed": registration.status == RegistrationStatus.CONFIRMED,
        "venue": venue_label(registration.venue) if registration.venue else "",
    }  # fmt: skip
    response = render(request, "events/registration.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
def registration_cancel(request: HttpRequest, token: str) -> HttpResponse:
    try:
        registration = registrations.registration_from_token(token)
    except ValidationError as error:
        return render(request, "events/cancel.html", {"error": error.messages[0]}, status=410)
    if request.method == "POST":
        registrations.registration_cancel(token, site_url=request.build_absolute_uri("/"))
        return render(request, "events/cancel.html", {"registration": registration, "done": True})
    return render(request, "events/cancel.html", {"registration": registration})


def _organisers_event(request: HttpRequest, slug: str) -> Event:
    event = selectors.event_get(slug)
    if not request.user.has_perm("events.view_registrations", event):
        raise PermissionDenied
    return event


def _registrations_context(event: Event) -> dict[str, Any]:
    venues, total = selectors.registration_totals(event)
    totals = [(venue_label(t.venue) if t.venue else None, t) for t in venues]
    return {
        "event": event,
        "rows": selectors.registration_list(event),
        "times": timeinfo.venue_times(event),
        "totals": totals,
        "total": total,
        "places_left": selectors.places_left(event, total.places),  # confirmed places, counted
    }


@login_required
@require_GET
def registration_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The organisers' list: totals per venue, every registration, the files and the print."""
    event = _organisers_event(request, slug)
    return render(request, "events/registrations.html", _registrations_context(event))


@login_required
@require_GET
def registration_print(request: HttpRequest, slug: str) -> HttpResponse:
    """The list to print and take to the event: totals, and a line for each group to sign."""
    event = _organisers_event(request, slug)
    return render(request, "events/registrations_print.html", _registrations_context(event))


@login_required
@require_GET
def registration_export(request: HttpRequest, slug: str, extension: str) -> HttpResponse:
    """The list as a file (CSV or XLSX), in the page's language."""
    if extension not in ("csv", "xlsx"):
        raise Http404
    event = _organisers_event(request, slug)
    rows = selectors.registration_list(event)
    if extension == "csv":
        body, kind = registration_files.registrations_csv(event, rows), "text/csv; charset=utf-8"
    else:
        body, kind = registration_files.registrations_xlsx(event, rows), XLSX_CONTENT_TYPE
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{slug}-registrations.{extension}"'
    return response


@login_required
@require_POST
def registration_erase(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    registration = selectors.registration_get(slug, pk)
    registrations.registration_erase(registration, change=Change.from_request(request))
    return HttpResponseRedirect(reverse("events:registrations", args=[slug]))


def _ics(events, *, name: str, filename: str) -> HttpResponse:
    body = ical.calendar_bytes(events, language=get_language() or "kk", name=name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.event_get(slug)
    return _ics([event], name=multilingual.text(event, "title"), filename=f"{slug}.ics")


def network_feed(request: HttpRequest) -> HttpResponse:
    events = selectors.event_list(selectors.EventFilter(period="all"))
    return _ics(events, name=_("Köpir: events of the network"), filename="kopir.ics")


def organisation_feed(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = network_selectors.organisation_detail(slug)
    events = selectors.event_list(selectors.EventFilter(period="all", organisation=slug))
    name = multilingual.text(organisation, "name")
    return _ics(events, name=name, filename=f"kopir-{slug}.ics")


def format_feed(request: HttpRequest, format: str) -> HttpResponse:
    if format not in EventFormat.values:
        raise Http404
    events = selectors.event_list(selectors.EventFilter(period="all", format=format))
    return _ics(events, name=str(EventFormat(format).label), filename=f"kopir-{format}.ics")


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, slug: str) -> HttpResponse:
    """The organisers record how many came at each venue, and a short report."""
    event = selectors.event_get(slug)
    if not request.user.has_perm("events.view_registrations", event):
        raise PermissionDenied
    errors: list[str] = []
    if request.method == "POST":
        counts: dict[tuple[int, str], int | None] = {}
        for key in request.POST:
            if not key.startswith("count-"):
                continue
            _prefix, venue_id, group = key.split("-", 2)
            value = request.POST.get(key, "").strip()
            if value and not (value.isdigit() and int(value) <= MAX_ATTENDANCE):
                errors.append(str(ERROR_COUNT))
                break
            if venue_id.isdigit():
                counts[(int(venue_id), group)] = int(value) if value else None
        report = {lang: request.POST.get(f"report_{lang}", "")[:5000] for lang in CONTENT_LANGUAGES}
        if not errors:
            attendance_service.attendance_record(
                event, counts, report=report, change=Change.from_request(request)
            )
            messages.success(request, SAVED)
            return HttpResponseRedirect(reverse("events:event-detail", args=[slug]))
    context = {"event": event, "grid": attendance_service.attendance_grid(event), "errors": errors}
    return render(request, "events/attendance.html", context, status=400 if errors else 200)
