"""The public calendar, event pages and iCalendar feeds."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kopir.core import multilingual
from kopir.events import ical, selectors, timeinfo
from kopir.events.forms import EventFilterForm
from kopir.events.models import EventFormat
from kopir.network.models import Organisation

EVENTS_PER_PAGE = 30


def event_list(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET or None)
    events = selectors.event_list(form.to_filter())
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [(event, timeinfo.venue_times(event)) for event in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "rows": rows, "query": query.urlencode()}
    return render(request, "events/event_list.html", context)


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.event_get(slug)
    context = {"event": event, "times": timeinfo.venue_times(event)}
    return render(request, "events/event_detail.html", context)


def _ics(events, *, name: str, filename: str) -> HttpResponse:  # type: ignore[no-untyped-def]
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
    organisation = get_object_or_404(Organisation, slug=slug)
    events = selectors.event_list(selectors.EventFilter(period="all", organisation=slug))
    name = multilingual.text(organisation, "name")
    return _ics(events, name=name, filename=f"kopir-{slug}.ics")


def format_feed(request: HttpRequest, format: str) -> HttpResponse:
    if format not in EventFormat.values:
        raise Http404
    events = selectors.event_list(selectors.EventFilter(period="all", format=format))
    return _ics(events, name=str(EventFormat(format).label), filename=f"kopir-{format}.ics")
