"""Offers, wishes with their matches, and the public catalogue of books on offer."""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from kopir.core.audit import Change
from kopir.core.editing import DELETED, SAVED, require
from kopir.exchange import offers, selectors
from kopir.exchange.forms import CatalogueForm, OfferForm, WishForm
from kopir.exchange.selectors import MAX_MATCHES, BookResults, search_books
from kopir.exchange.views import editable_library

CATALOGUE_PAGE = 20
ASKED = _("Asked: the library sees your request on its wishes page.")


@login_required
@require_POST
def offer_create(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.record_get(pk)
    require(request, "network.change_organisation", record.organisation)
    form = OfferForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        offers.offer_create(record, kind=d["kind"], copies=d["copies"], note=d["note"],
                            change=Change.from_request(request))  # fmt: skip
        messages.success(request, SAVED)
    else:
        messages.error(
            request, "; ".join(str(e) for errors in form.errors.values() for e in errors)
        )
    return HttpResponseRedirect(reverse("exchange:records", args=[record.organisation.slug]))


@login_required
@require_POST
def offer_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    offer = selectors.offer_get(pk)
    require(request, "network.change_organisation", offer.record.organisation)
    offers.offer_withdraw(offer, change=Change.from_request(request))
    messages.success(request, SAVED)
    return HttpResponseRedirect(reverse("exchange:records", args=[offer.record.organisation.slug]))


@login_required
@require_http_methods(["GET", "POST"])
def wish_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The library's wish list, a form to add to it, and the offers that answer it."""
    organisation = editable_library(request, slug)
    form = WishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        offers.wish_create(organisation, change=Change.from_request(request), **form.cleaned_data)
        messages.success(request, SAVED)
        return HttpResponseRedirect(reverse("exchange:wishes", args=[slug]))
    context = {
        "organisation": organisation, "form": form,
        "wishes": selectors.wish_list(organisation),
        "requests": selectors.requests_to(organisation),
        "matches": offers.matches_for(organisation),
    }  # fmt: skip
    return render(request, "exchange/wishes.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def wish_delete(request: HttpRequest, pk: int) -> HttpResponse:
    wish = selectors.wish_get(pk)
    require(request, "network.change_organisation", wish.organisation)
    offers.wish_delete(wish, change=Change.from_request(request))
    messages.success(request, DELETED)
    return HttpResponseRedirect(reverse("exchange:wishes", args=[wish.organisation.slug]))


def _search(form: CatalogueForm) -> BookResults:
    if not form.is_valid():
        return search_books()
    d = form.cleaned_data
    return search_books(d.get("q") or "", d.get("language") or "", d.get("partner") or "",
                        d.get("decade"), on_offer=bool(d.get("offered")))  # fmt: skip


def catalogue(request: HttpRequest) -> HttpResponse:
    """The union catalogue of the partners' holdings: search by title, set, series, person,
    subject or ISBN; only the books on offer, if asked; facets by language, decade and library,
    each counted over the current search."""
    form = CatalogueForm(request.GET or None)
    results = _search(form)
    page = Paginator(cast(Any, results), CATALOGUE_PAGE).get_page(request.GET.get("page"))
    facets = selectors.catalogue_facets(results.queryset)
    query = request.GET.copy()
    query.pop("page", None)
    searched = bool(form.is_valid() and (form.cleaned_data.get("q") or "").strip())
    context = {
        "form": form, "page": page, "facets": facets, "decades": facets.decades,
        "capped": searched and page.paginator.count >= MAX_MATCHES, "cap": MAX_MATCHES,
        "query": query.urlencode(), "params": request.GET,
    }  # fmt: skip
    return render(request, "exchange/catalogue.html", context)


def book_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One book of the union catalogue: its whole description, the library that holds it, the
    copies on offer, the other volumes of its set, and the record for other systems (SRU)."""
    record = selectors.book_get(pk)
    query = {"version": "1.2", "operation": "searchRetrieve", "query": f"rec.id = {record.pk}"}
    context = {
        "record": record, "volumes": selectors.set_volumes(record),
        "sru": {schema: reverse("sru") + "?" + urlencode({**query, "recordSchema": schema})
                for schema in ("marcxml", "rusmarc", "dc")},
    }  # fmt: skip
    return render(request, "exchange/book.html", context)


@login_required
@require_POST
def book_request(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Ask another library for a book of the union catalogue, as a wish of library `slug`."""
    organisation = editable_library(request, slug)
    record = selectors.record_get(pk)
    try:
        offers.book_request(organisation, record, note=request.POST.get("note", "")[:300],
                            change=Change.from_request(request))  # fmt: skip
    except ValidationError as refused:
        messages.error(request, "; ".join(refused.messages))
    else:
        messages.success(request, ASKED)
    return HttpResponseRedirect(reverse("exchange:wishes", args=[slug]))
