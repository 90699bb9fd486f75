"""Reads of the book exchange records, with their visibility rules."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.db.models import Q, QuerySet, Sum
from django.shortcuts import get_object_or_404

from kopir.exchange.imports import words
from kopir.exchange.marc.isbn import normalise_isbn
from kopir.exchange.models import (
    BibRecord,
    ExchangeKind,
    ImportBatch,
    ItemCondition,
    Offer,
    Shipment,
    ShipmentItem,
    ShipmentStatus,
)
from kopir.exchange.offers import open_offers
from kopir.network.models import Organisation


def record_list(organisation: Organisation) -> QuerySet[BibRecord]:
    """The library's records, each with the copies it has on offer now."""
    on_offer = Sum("offers__copies", filter=Q(offers__is_open=True))
    return (
        BibRecord.objects.filter(organisation=organisation)
        .defer("marc")
        .annotate(on_offer=on_offer)
        .order_by("title", "pk")
    )


def duplicate_list(organisation: Organisation) -> QuerySet[BibRecord]:
    """The library's records flagged as likely duplicates, with the record each resembles."""
    return (
        BibRecord.objects.filter(organisation=organisation, duplicate_of__isnull=False)
        .select_related("duplicate_of")
        .defer("marc", "duplicate_of__marc")
        .order_by("pk")
    )


def batch_list(organisation: Organisation) -> QuerySet[ImportBatch]:
    return ImportBatch.objects.filter(organisation=organisation).order_by("-created_at", "-pk")[:10]


@dataclass(frozen=True)
class PairBalance:
    first: Organisation
    second: Organisation
    first_gave: int  # copies received by the second library from the first
    second_gave: int


def balance(year: int) -> list[PairBalance]:
    """Books given and received between each pair of partners in `year`: copies of gifts and
    swaps that arrived (missing ones do not count), by the year of receipt. Loans come back,
    so they are not part of the balance."""
    given = (
        ShipmentItem.objects.filter(
            shipment__kind__in=[ExchangeKind.GIFT, ExchangeKind.SWAP],
            shipment__received_at__year=year,
            shipment__status=ShipmentStatus.RECEIVED,
        )
        .exclude(condition=ItemCondition.MISSING)
        .values("shipment__sender", "shipment__recipient")
        .annotate(copies=Sum("copies"))
        .order_by()
    )
    flows = {(row["shipment__sender"], row["shipment__recipient"]): row["copies"] for row in given}
    names = Organisation.objects.in_bulk({pk for pair in flows for pk in pair})
    pairs: dict[tuple[int, int], PairBalance] = {}
    for (sender, recipient), copies in flows.items():
        first, second = sorted((sender, recipient))
        current = pairs.get((first, second)) or PairBalance(names[first], names[second], 0, 0)
        if sender == first:
            current = replace(current, first_gave=current.first_gave + copies)
        else:
            current = replace(current, second_gave=current.second_gave + copies)
        pairs[(first, second)] = current
    return sorted(pairs.values(), key=lambda p: -(p.first_gave + p.second_gave))


def shipment_list(organisation: Organisation) -> QuerySet[Shipment]:
    """The library's shipments, both directions, newest first."""
    return (
        Shipment.objects.filter(Q(sender=organisation) | Q(recipient=organisation))
        .select_related("sender", "recipient")
        .annotate(copies=Sum("items__copies"))
        .order_by("-created_at", "-pk")
    )


def shipment_get(pk: int) -> Shipment:
    shipments = Shipment.objects.select_related(
        "sender__settlement__region__country", "recipient__settlement__region__country"
    ).prefetch_related("items__record")
    return get_object_or_404(shipments, pk=pk)


def search_offers(
    query: str = "", language: str = "", partner: str = "", decade: int | None = None
) -> QuerySet[Offer]:
    """Open offers by title, author or ISBN (a query with an ISBN in it), language, partner and
    decade of publication."""
    found = open_offers()
    query = query.strip()
    isbn = normalise_isbn(query) if any(ch.isdigit() for ch in query) else ""
    if isbn:
        found = found.filter(record__isbn=isbn)
    elif query:
        for word in words(query).split():
            found = found.filter(record__match_key__contains=word)
    if language:
        found = found.filter(record__language=language)
    if partner:
        found = found.filter(record__organisation__slug=partner)
    if decade:
        found = found.filter(record__year__gte=decade, record__year__lt=decade + 10)
    return found.order_by("record__title", "pk")
