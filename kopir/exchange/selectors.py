"""Reads of the book exchange records, with their visibility rules."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from typing import Any

from django.db import connection
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.expressions import RawSQL
from django.shortcuts import get_object_or_404

from kopir.exchange.marc.isbn import normalise_isbn
from kopir.exchange.models import (
    BibRecord,
    ExchangeKind,
    ImportBatch,
    ImportStatus,
    ItemCondition,
    Offer,
    Shipment,
    ShipmentItem,
    ShipmentStatus,
    Wish,
)
from kopir.network.models import Organisation
from kopir.search.analysis import query_forms
from kopir.search.engine import fts5_words, tsquery_words


def record_export(
    organisation: Organisation | None = None, *, batch: int | None = None,
    records: list[int] | None = None, query: str = "",
) -> QuerySet[BibRecord]:  # fmt: skip
    """Records to write out, originals included, in the order they came in: a library's (or
    every library's), narrowed to one import batch, to chosen ids, to those a search finds."""
    found = BibRecord.objects.all()
    if organisation is not None:
        found = found.filter(organisation=organisation)
    if batch is not None:
        found = found.filter(batch_id=batch)
    if records:
        found = found.filter(pk__in=records)
    if query.strip():
        found = found.filter(pk__in=records_with_words(query, organisation=organisation))
    return found.order_by("pk")


def batch_of(organisation: Organisation, pk: int | None) -> ImportBatch | None:
    """One of the library's import batches (None for another library's)."""
    if pk is None:
        return None
    return ImportBatch.objects.filter(organisation=organisation, pk=pk).first()


def latest_batch(organisation: Organisation | None = None) -> ImportBatch | None:
    """The newest import that stored records."""
    batches = ImportBatch.objects.filter(status=ImportStatus.IMPORTED)
    if organisation is not None:
        batches = batches.filter(organisation=organisation)
    return batches.order_by("-created_at", "-pk").first()


def record_list(organisation: Organisation, query: str = "") -> QuerySet[BibRecord]:
    """The library's records (those a search finds), each with the copies on offer now."""
    on_offer = Sum("offers__copies", filter=Q(offers__is_open=True))
    found = BibRecord.objects.filter(organisation=organisation)
    if query.strip():
        found = found.filter(pk__in=records_with_words(query, organisation=organisation))
    return (
        found.select_related("organisation")
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


def exchanged_items(start: datetime.datetime, end: datetime.datetime) -> QuerySet[ShipmentItem]:
    """The copies that count as exchanged between `start` and `end`: gifts and swaps that
    arrived (missing ones do not count), by the time of receipt. Loans come back, so they are
    not part of what was exchanged."""
    return ShipmentItem.objects.filter(
        shipment__kind__in=[ExchangeKind.GIFT, ExchangeKind.SWAP],
        shipment__received_at__gte=start,
        shipment__received_at__lt=end,
        shipment__status=ShipmentStatus.RECEIVED,
    ).exclude(condition=ItemCondition.MISSING)


def pair_balances(items: QuerySet[ShipmentItem]) -> list[PairBalance]:
    """The copies among `items` that each library of a pair gave the other, largest first."""
    given = (
        items.values("shipment__sender", "shipment__recipient")
        .annotate(copies=Sum("copies"))
        .order_by()
    )
    flows = {(row["shipment__sender"], row["shipment__recipient"]): row["copies"] for row in given}
    names = Organisation.objects.select_related("settlement__region__country").in_bulk(
        {pk for pair in flows for pk in pair}
    )
    pairs: dict[tuple[int, int], PairBalance] = {}
    for (sender, recipient), copies in flows.items():
        first, second = sorted((sender, recipient))
        current = pairs.get((first, second)) or PairBalance(names[first], names[second], 0, 0)
        if sender == first:
            current = replace(current, first_gave=current.first_gave + copies)
        else:
            current = replace(current, second_gave=current.second_gave + copies)
        pairs[(first, second)] = current
    return sorted(pairs.values(), key=lambda p: (-(p.first_gave + p.second_gave), p.first.pk))


def balance(year: int) -> list[PairBalance]:
    """Books given and received between each pair of partners in `year` (see
    `exchanged_items`; the year of receipt in UTC)."""
    start = datetime.datetime(year, 1, 1, tzinfo=datetime.UTC)
    return pair_balances(exchanged_items(start, start.replace(year=year + 1)))


def shipment_list(organisation: Organisation) -> QuerySet[Shipment]:
    """The library's shipments, both directions, newest first."""
    return (
        Shipment.objects.filter(Q(sender=organisation) | Q(recipient=organisation))
        .select_related("sender", "recipient")
        .prefetch_related("items__record")
        .annotate(copies=Sum("items__copies"))
        .order_by("-created_at", "-pk")
    )


def shipment_get(pk: int) -> Shipment:
    shipments = Shipment.objects.select_related(
        "sender__settlement__region__country", "recipient__settlement__region__country"
    ).prefetch_related("items__record")
    return get_object_or_404(shipments, pk=pk)


MAX_MATCHES = 1000


def records_with_words(query: str, *, organisation: Organisation | None = None) -> Any:
    """Ids of the newest MAX_MATCHES records whose title, authors or year have words that the
    query's words match, each by any of its forms as a prefix (search.analysis, as the site
    search): SQLite FTS5 or PostgreSQL full text over the records' analysed terms (migration
    0006). The cap keeps a search for a common word as fast as a rare one."""
    words = query_forms(query)
    if not words:  # punctuation or stop words only: no word to look for, so nothing is found
        return BibRecord.objects.none().values("pk")
    own, mine = ("", []) if organisation is None else (
        " AND organisation_id = %s", [organisation.pk])  # fmt: skip
    if connection.vendor == "postgresql":
        tsquery = " & ".join(f"({either})" for either in tsquery_words(words))
        return RawSQL(  # noqa: S611 - fixed text; the query's forms are parameters
            "SELECT id FROM exchange_bibrecord WHERE "  # noqa: S608
            f"to_tsvector('simple', terms) @@ to_tsquery('simple', %s){own} "
            "ORDER BY id DESC LIMIT %s", [tsquery, *mine, MAX_MATCHES],
        )  # fmt: skip
    # SQLite: FTS5 hands rowids over newest first without sorting, so the cap costs nothing.
    within = "" if organisation is None else (
        " AND rowid IN (SELECT id FROM exchange_bibrecord WHERE organisation_id = %s)")  # fmt: skip
    return RawSQL(  # noqa: S611 - fixed text; the query's forms are parameters
        "SELECT rowid FROM exchange_bibrecord_words WHERE exchange_bibrecord_words "  # noqa: S608
        f"MATCH %s{within} ORDER BY rowid DESC LIMIT %s",
        [" AND ".join(fts5_words(words)), *mine, MAX_MATCHES],
    )  # fmt: skip


class OfferResults:
    """Search results read in two steps: the page's offer ids from the offers table alone
    (narrow rows, sorted cheaply), then those offers with their records and libraries. Sliced
    and counted like a queryset, so Django's Paginator and the API's pagination take it."""

    def __init__(self, offers: QuerySet[Offer]) -> None:
        self.queryset = offers  # for counts and facets

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Offer]:
        ids = list(self.queryset.values_list("pk", flat=True)[index])
        found = Offer.objects.select_related("record__organisation").defer("record__marc")
        by_id = found.in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]


def search_offers(
    query: str = "", language: str = "", partner: str = "", decade: int | None = None
) -> OfferResults:
    """Open offers by title, author or ISBN (a query with an ISBN in it), language, partner and
    decade of publication, newest first."""
    found = Offer.objects.filter(is_open=True)
    query = query.strip()
    isbn = normalise_isbn(query) if any(ch.isdigit() for ch in query) else ""
    if isbn:
        found = found.filter(record__isbn=isbn)
    elif query:
        found = found.filter(record_id__in=records_with_words(query))
    if language:
        found = found.filter(record__language=language)
    if partner:
        found = found.filter(record__organisation__slug=partner)
    if decade:
        found = found.filter(record__year__gte=decade, record__year__lt=decade + 10)
    return OfferResults(found.order_by("-record_id", "-pk"))


# --- The API's reads of one record to act on ------------------------------------------------


def record_get(pk: int) -> BibRecord:
    return get_object_or_404(BibRecord.objects.select_related("organisation"), pk=pk)


def records_by_id(pks: list[int]) -> dict[int, BibRecord]:
    return BibRecord.objects.in_bulk(pks)


def offer_get(pk: int) -> Offer:
    return get_object_or_404(Offer.objects.select_related("record__organisation"), pk=pk)


def wish_get(pk: int) -> Wish:
    return get_object_or_404(Wish.objects.select_related("organisation"), pk=pk)


def wish_list(organisation: Organisation) -> QuerySet[Wish]:
    """The library's open wishes."""
    return organisation.wishes.filter(is_open=True)


def batch_get(pk: int) -> ImportBatch:
    return get_object_or_404(ImportBatch.objects.select_related("organisation"), pk=pk)


@dataclass(frozen=True)
class CatalogueFacets:
    language: list[dict[str, Any]]
    partner: list[dict[str, Any]]
    decades: list[tuple[int, int]]


def catalogue_facets(found: QuerySet[Offer]) -> CatalogueFacets:
    """The catalogue's facets, each counted over the offers found: languages, partners and
    decades of publication."""
    languages = found.values("record__language").annotate(n=Count("pk")).order_by("-n")[:12]
    partners = (
        found.values(
            "record__organisation__slug", "record__organisation__name_ru",
            "record__organisation__name_kk", "record__organisation__name_en",
        )
        .annotate(n=Count("pk"))
        .order_by("-n")[:20]
    )  # fmt: skip
    decades: dict[int, int] = {}
    for row in found.values("record__year").annotate(n=Count("pk")).order_by():
        if row["record__year"]:
            decade = row["record__year"] // 10 * 10
            decades[decade] = decades.get(decade, 0) + row["n"]
    return CatalogueFacets(
        [dict(row) for row in languages], [dict(row) for row in partners], sorted(decades.items())
    )
