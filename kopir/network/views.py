"""Public pages of the network: home, partners, organisation, agreements, map."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kopir.bibliography import selectors as bibliography_selectors
from kopir.core.http import HtmxHttpRequest
from kopir.events import selectors as event_selectors
from kopir.events import timeinfo
from kopir.events.selectors import EventFilter
from kopir.network import selectors
from kopir.network.forms import OrganisationFilterForm

PARTNERS_PER_PAGE = 25


HOME_EVENTS = 3


def home(request: HttpRequest) -> HttpResponse:
    upcoming = event_selectors.event_list(EventFilter(period="upcoming"))[:HOME_EVENTS]
    context = {
        "summary": selectors.network_summary(),
        "partners": selectors.home_partners(),
        "rows": [(event, timeinfo.venue_times(event)) for event in upcoming],
    }
    return render(request, "network/home.html", context)


def organisation_list(request: HtmxHttpRequest) -> HttpResponse:
    form = OrganisationFilterForm(request.GET or None)
    organisations = selectors.organisation_list(form.to_filter())
    page = Paginator(organisations, PARTNERS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    template = "network/_partner_results.html" if request.htmx else "network/partner_list.html"
    return render(request, template, context)


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.organisation_get(slug)
    upcoming, past = event_selectors.organisation_events(organisation)
    context = {
        "organisation": organisation,
        "span": selectors.membership_span(organisation),
        "upcoming_events": upcoming,
        "past_events": past,
        "publications": bibliography_selectors.about(organisation),
    }
    return render(request, "network/organisation_detail.html", context)


def agreement_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "network/agreement_list.html", {"agreements": selectors.agreement_list()}
    )


def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(
        request, "network/agreement_detail.html", {"agreement": selectors.agreement_get(pk)}
    )


def network_map(request: HttpRequest) -> HttpResponse:
    organisations = selectors.organisation_list(selectors.OrganisationFilter(mapped=True))
    return render(
        request,
        "network/map.html",
        {
            "organisations": organisations,
            "tile_url": settings.KOPIR_MAP_TILE_URL,
            "tile_attribution": settings.KOPIR_MAP_TILE_ATTRIBUTION,
        },
    )
