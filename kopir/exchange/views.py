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
from kopir.exchange import selectors, services
from kopir.exchange.forms import ExportForm, ImportForm
from kopir.exchange.marc.model import BibData
from kopir.exchange.marc.writer import MARCXML, EncodingRefused, export
from kopir.exchange.models import BibRecord, ExchangeKind, ImportBatch
from kopir.network import selectors as network_selectors
from kopir.network.models import Organisation

RECORDS_PER_PAGE = 50
IMPORTED = _("Imported.")


def editable_library(request: HttpRequest, slug: str) -> Organisation:
    """The library `slug`, if the user keeps its records (its editors, the coordinator)."""
    organisation = network_selectors.organisation_for_change(slug)
    require(request, "network.change_organisation", organisation)
    return organisation


@login_required
def record_list(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = editable_library(request, slug)
    page = Paginator(selectors.record_list(organisation), RECORDS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "organisation": organisation, "page": page, "kinds": ExchangeKind.choices,
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


def _bibdata(record: BibRecord) -> BibData:
    return BibData(
        title=record.title, other_title=record.other_title, responsibility=record.responsibility,
        authors=list(record.authors), publisher=record.publisher, place=record.place,
        year=record.year, isbn=record.isbn_as_written or record.isbn, language=record.language,
        subjects=list(record.subjects), udc=record.udc, bbk=record.bbk, extent=record.extent,
        control_number=record.control_number,
    )  # fmt: skip


@login_required
def marc_export(request: HttpRequest, slug: str) -> HttpResponse:
    """Download the library's records; a Windows-1251 file that cannot hold them is refused
    before anything is sent, with the reason, and UTF-8 offered."""
    organisation = editable_library(request, slug)
    form = ExportForm(request.GET if "flavour" in request.GET else None)
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        records = [_bibdata(r) for r in selectors.record_export(organisation).iterator()]
        try:
            body = b"".join(export(records, flavour=d["flavour"], encoding=d["encoding"],
                                   syntax=d["syntax"]))  # fmt: skip
        except EncodingRefused as refused:
            form.add_error("encoding", refused.message)
        else:
            extension = "xml" if d["syntax"] == MARCXML else "mrc"
            kind = "application/xml" if extension == "xml" else "application/marc"
            response = HttpResponse(body, content_type=kind)
            name = f"{organisation.slug}-{d['flavour']}-{d['encoding']}.{extension}"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
    status = 400 if form.is_bound else 200
    context = {"organisation": organisation, "form": form}
    return render(request, "exchange/export.html", context, status=status)
