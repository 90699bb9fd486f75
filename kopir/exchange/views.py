"""The book exchange workspace: a library's records, MARC import with its report, likely
duplicates to decide, MARC export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from kopir.core.audit import Change
from kopir.core.editing import DELETED, SAVED, require
from kopir.exchange import exports, selectors, services
from kopir.exchange.exports import ExportChoice, ExportReport
from kopir.exchange.forms import ExportForm, ImportForm
from kopir.exchange.marc.writer import MARCXML, EncodingRefused
from kopir.exchange.models import ExchangeKind, ImportBatch
from kopir.network import selectors as network_selectors
from kopir.network.models import Organisation

RECORDS_PER_PAGE = 50
MAX_CHOSEN = 5000
NOTHING_TO_EXPORT = _("No record to export: nothing matches, or every record was left out.")
IMPORTED = _("Imported.")


def editable_library(request: HttpRequest, slug: str) -> Organisation:
    """The library `slug`, if the user keeps its records (its editors, the coordinator)."""
    organisation = network_selectors.organisation_for_change(slug)
    require(request, "network.change_organisation", organisation)
    return organisation


@login_required
def record_list(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = editable_library(request, slug)
    query = request.GET.get("q", "")[:200]
    page = Paginator(selectors.record_list(organisation, query), RECORDS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "organisation": organisation, "page": page, "kinds": ExchangeKind.choices, "q": query,
        "batches": selectors.batch_list(organisation),
        "duplicates": selectors.duplicate_list(organisation).count(),
    }  # fmt: skip
    return render(request, "exchange/records.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def marc_import(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = editable_library(request, slug)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        batch = services.upload_import(
            form.cleaned_data["file"], organisation=organisation,
            change=Change.from_request(request),
            flavour=form.cleaned_data["flavour"], encoding=form.cleaned_data["encoding"],
        )  # fmt: skip
        return HttpResponseRedirect(reverse("exchange:batch", args=[batch.pk]))
    status = 400 if request.method == "POST" else 200
    context = {"organisation": organisation, "form": form}
    return render(request, "exchange/import.html", context, status=status)


def _batch(request: HttpRequest, pk: int) -> ImportBatch:
    batch = selectors.batch_get(pk)
    require(request, "network.change_organisation", batch.organisation)
    return batch


@login_required
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "exchange/batch.html", {"batch": _batch(request, pk)})


@login_required
@require_POST
def batch_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """A refused file: import its readable records, or nothing."""
    batch = _batch(request, pk)
    if request.POST.get("decision") == "readable" and batch.upload:
        done = services.batch_import_readable(batch, change=Change.from_request(request))
        messages.success(request, IMPORTED)
        return HttpResponseRedirect(reverse("exchange:batch", args=[done.pk]))
    services.batch_discard(batch, change=Change.from_request(request))
    return HttpResponseRedirect(reverse("exchange:records", args=[batch.organisation.slug]))


@login_required
def duplicate_list(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = editable_library(request, slug)
    rows = selectors.duplicate_list(organisation)
    return render(request, "exchange/duplicates.html", {"organisation": organisation, "rows": rows})


@login_required
@require_POST
def record_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """A likely duplicate: keep it as a separate record, or delete this new one."""
    record = selectors.record_get(pk)
    require(request, "network.change_organisation", record.organisation)
    if request.POST.get("decision") == "delete":
        services.record_delete(record, change=Change.from_request(request))
        messages.success(request, DELETED)
    else:
        services.record_keep(record, change=Change.from_request(request))
        messages.success(request, SAVED)
    return HttpResponseRedirect(reverse("exchange:duplicates", args=[record.organisation.slug]))


@login_required
def marc_export(request: HttpRequest, slug: str) -> HttpResponse:
    """Download the library's records (all, one import batch, a search's or chosen ones). A
    file that Windows-1251 cannot hold is refused with the record and the letter named, unless
    the editor chose to leave those records out; a conversion to the other format first lists
    what it cannot carry, and downloads once the editor accepts."""
    organisation = editable_library(request, slug)
    chosen = [int(v) for v in request.GET.getlist("record") if v.isdigit()][:MAX_CHOSEN]
    bound = "syntax" in request.GET
    batch_id = _number(request.GET.get("batch"))
    scope = {"batch": batch_id, "q": request.GET.get("q", "")[:200], "record": chosen}
    form = ExportForm(request.GET if bound else None, records=chosen, initial=scope)
    report = ExportReport()
    if bound and form.is_valid():
        d = form.cleaned_data
        records = selectors.record_export(
            organisation, batch=d["batch"], records=d["record"] or None, query=d["q"]
        )
        choice = ExportChoice(d["flavour"], d["encoding"], d["syntax"], d["skip_refused"])
        try:
            body = b"".join(exports.write(records.iterator(), choice, report))
        except EncodingRefused as refused:
            form.add_error("encoding", refused.message)
        else:
            if not report.count:
                form.add_error(None, NOTHING_TO_EXPORT)
            elif not (report.converted and not d["accept_losses"]):
                return _download(body, organisation, d)
    status = 400 if bound and form.errors else 200
    batch = selectors.batch_of(organisation, batch_id)
    context = {"organisation": organisation, "form": form, "report": report, "scope": scope,
               "batch": batch}  # fmt: skip
    return render(request, "exchange/export.html", context, status=status)


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _download(body: bytes, organisation: Organisation, chosen: dict) -> HttpResponse:
    extension = "xml" if chosen["syntax"] == MARCXML else "mrc"
    kind = "application/xml" if extension == "xml" else "application/marc"
    response = HttpResponse(body, content_type=kind)
    parts = [organisation.slug, chosen["flavour"] or "original", chosen["encoding"] or "original"]
    response["Content-Disposition"] = f'attachment; filename="{"-".join(parts)}.{extension}"'
    return response
