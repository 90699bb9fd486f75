"""Shipments in the workspace: propose, agree, send, receive item by item; the balance."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_POST

from kopir.core.audit import Change
from kopir.core.concurrency import ConcurrentEditError
from kopir.core.editing import SAVED, attach_errors
from kopir.core.spreadsheets import XLSX_CONTENT_TYPE
from kopir.exchange import documents, selectors, shipments
from kopir.exchange.forms import ShipmentForm
from kopir.exchange.models import ItemCondition
from kopir.exchange.views import editable_library


@login_required
def shipment_list(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = editable_library(request, slug)
    rows = selectors.shipment_list(organisation)
    return render(request, "exchange/shipments.html", {"organisation": organisation, "rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def shipment_create(request: HttpRequest, slug: str) -> HttpResponse:
    """Propose a shipment of some of the library's offered books to a partner."""
    sender = editable_library(request, slug)
    # ?recipient=<id> (from «my library today»: a partner wishes for one of our offers).
    asked = request.GET.get("recipient", "")
    initial = {"recipient": int(asked)} if asked.isascii() and asked.isdigit() else {}
    form = ShipmentForm(request.POST or None, sender=sender, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        items = [shipments.ItemInput(o.record, o.copies) for o in d["offers"]]
        try:
            shipment = shipments.shipment_create(
                sender=sender, recipient=d["recipient"], kind=d["kind"], items=items,
                return_due=d["return_due"], note=d["note"], change=Change.from_request(request),
            )  # fmt: skip
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, SAVED)
            return HttpResponseRedirect(reverse("exchange:shipment", args=[shipment.pk]))
    status = 400 if request.method == "POST" else 200
    context = {"organisation": sender, "form": form}
    return render(request, "exchange/shipment_form.html", context, status=status)


def _visible(request: HttpRequest, pk: int):
    shipment = selectors.shipment_get(pk)
    if not shipments.sides_of(request.user, shipment):
        raise PermissionDenied
    return shipment


@login_required
def shipment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    shipment = _visible(request, pk)
    context = {
        "shipment": shipment, "steps": shipments.next_steps(request.user, shipment),
        "conditions": [c for c in ItemCondition.choices if c[0] != ItemCondition.PENDING],
    }  # fmt: skip
    return render(request, "exchange/shipment.html", context)


@login_required
@require_POST
def shipment_move(request: HttpRequest, pk: int) -> HttpResponse:
    shipment = _visible(request, pk)
    receipt = {
        item.pk: (request.POST.get(f"condition-{item.pk}", ItemCondition.RECEIVED),
                  request.POST.get(f"note-{item.pk}", ""))
        for item in shipment.items.all()
    }  # fmt: skip
    version = request.POST.get("version", "")
    try:
        shipments.shipment_move(
            shipment, request.POST.get("status", ""), change=Change.from_request(request),
            expected_version=int(version) if version.isdigit() else -1,
            carrier=request.POST.get("carrier", ""),
            tracking_number=request.POST.get("tracking_number", ""), receipt=receipt,
        )  # fmt: skip
    except ValidationError as error:
        messages.error(request, error.messages[0])
    except ConcurrentEditError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, SAVED)
    return HttpResponseRedirect(reverse("exchange:shipment", args=[pk]))


@login_required
def balance(request: HttpRequest) -> HttpResponse:
    """Books given and received between partners in a year (gifts and swaps that arrived)."""
    this_year = timezone.now().year
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() and 2000 <= int(year_text) <= 2100 else this_year
    context = {"year": year, "rows": selectors.balance(year),
               "years": range(this_year, this_year - 10, -1)}  # fmt: skip
    return render(request, "exchange/balance.html", context)


DOCUMENTS = {
    "act.docx": (documents.act_docx,
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "act.pdf": (documents.act_pdf, "application/pdf"),
    "packing.xlsx": (documents.packing_xlsx, XLSX_CONTENT_TYPE),
}  # fmt: skip


@login_required
def shipment_document(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """The act of transfer (DOCX, PDF) or the packing list (XLSX), in the page's language."""
    if name not in DOCUMENTS:
        raise Http404
    shipment = _visible(request, pk)
    build, content_type = DOCUMENTS[name]
    body = build(shipment, (get_language() or "kk")[:2])
    response = HttpResponse(body, content_type=content_type)
    stem, extension = name.split(".")
    response["Content-Disposition"] = f'attachment; filename="shipment-{pk}-{stem}.{extension}"'
    return response
