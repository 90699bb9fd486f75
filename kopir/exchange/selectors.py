"""Reads of the book exchange records, with their visibility rules."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from typing import Any

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
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
# PostgreSQL's vector of the terms' sections (marc.prepare.SECTIONS), each word behind the letter
# of its section: t(itle), p(erson), s(ubject), o(ther). A weight would say the same, but the
# GIN index does not keep weights, so every row a weighted query finds would be read again to
# check them; lettered words are found, or not, by the index alone. Migration 0009 stores it
# in the column TERMS_VECTOR, with a GIN index.
TERMS_VECTOR = "terms_vector"
# The one way each database asks its word index, with the query as the parameter: a
# condition on exchange_bibrecord (PostgreSQL), the matching ids (SQLite's FTS5 table).
WORD_MATCH = f"{TERMS_VECTOR} @@ to_tsquery('simple', %s)"
WORD_INDEX = "exchange_bibrecord_words"  # SQLite's FTS5 table, a column per section
FTS_MATCHES = f"SELECT rowid FROM {WORD_INDEX} WHERE {WORD_INDEX} MATCH %s"  # noqa: S608
SECTION_MARKS = "tpso"
VECTOR = " || ".join(
    f"to_tsvector('simple', regexp_replace(split_part(terms, chr(31), {n}), '(\\S+)', "
    f"'{mark}\\1', 'g'))"
    for n, mark in enumerate(SECTION_MARKS, start=1)
)


def records_with_words(query: str, *, organisation: Organisation | None = None) -> Any:
    """Ids of the newest MAX_MATCHES records whose words (titles, persons, subjects, year,
    ISBN, publisher and place) the query's words match, each by any of its forms as a prefix
    (search.analysis, as the site search): SQLite FTS5 or PostgreSQL full text over the
    records' analysed terms (migration 0009). The cap keeps a search for a common word as
    fast as a rare one."""
    words = query_forms(query)
    if not words:  # punctuation or stop words only: no word to look for, so nothing is found
        return BibRecord.objects.none().values("pk")
    own, mine = ("", []) if organisation is None else (
        " AND organisation_id = %s", [organisation.pk])  # fmt: skip
    if connection.vendor == "postgresql":
        tsquery = " & ".join(f"({either})" for either in tsquery_words(words, SECTION_MARKS))
        return RawSQL(  # noqa: S611 - fixed text; the query's forms are parameters
            f"SELECT id FROM exchange_bibrecord WHERE {WORD_MATCH}{own} "  # noqa: S608
            "ORDER BY id DESC LIMIT %s", [tsquery, *mine, MAX_MATCHES],
        )  # fmt: skip
    # SQLite: FTS5 hands rowids over newest first without sorting, so the cap costs nothing.
    within = "" if organisation is None else (
        " AND rowid IN (SELECT id FROM exchange_bibrecord WHERE organisation_id = %s)")  # fmt: skip
    return RawSQL(  # noqa: S611 - fixed text; the query's forms are parameters
        f"{FTS_MATCHES}{within} ORDER BY rowid DESC LIMIT %s",
        [" AND ".join(fts5_words(words)), *mine, MAX_MATCHES],
    )  # fmt: skip


class _Results:
    """Search results read in two steps: the page's ids from one narrow table (sorted
    cheaply), then those rows with what a page shows. Sliced and counted like a queryset, so
    Django's Paginator and the API's pagination take it."""

    def __init__(self, queryset: QuerySet[Any]) -> None:
        self.queryset = queryset  # for counts and facets

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[Any]:
        ids = list(self.queryset.values_list("pk", flat=True)[index])
        by_id = self._rows(ids)
        return [by_id[pk] for pk in ids if pk in by_id]

    def _rows(self, ids: list[int]) -> dict[int, Any]:
        raise NotImplementedError


class OfferResults(_Results):
    """Open offers, each with its record and library."""

    def _rows(self, ids: list[int]) -> dict[int, Any]:
        found = Offer.objects.select_related("record__organisation").defer("record__marc")
        return found.in_bulk(ids)


class BookResults(_Results):
    """The union catalogue's records, each with its library and the copies on offer now."""

    def _rows(self, ids: list[int]) -> dict[int, Any]:
        on_offer = Sum("offers__copies", filter=Q(offers__is_open=True))
        found = BibRecord.objects.select_related("organisation").defer("marc", "terms")
        return found.filter(pk__in=ids).annotate(on_offer=on_offer).in_bulk()


def _narrowed(
    found: QuerySet[Any], record: str, query: str, language: str, partner: str,
    decade: int | None,
) -> QuerySet[Any]:  # fmt: skip
    """`found` (records, or offers when `record` is "record__") by an ISBN in the query or
    else its words, language, library and decade of publication."""
    query = query.strip()
    isbn = normalise_isbn(query) if any(ch.isdigit() for ch in query) else ""
    if isbn:
        found = found.filter(**{f"{record}isbn": isbn})
    elif query:
        found = found.filter(
            **{f"{record}pk__in" if record else "pk__in": records_with_words(query)}
        )
    if language:
        found = found.filter(**{f"{record}language": language})
    if partner:
        found = found.filter(**{f"{record}organisation__slug": partner})
    if decade:
        found = found.filter(**{f"{record}year__gte": decade, f"{record}year__lt": decade + 10})
    return found


def search_offers(
    query: str = "", language: str = "", partner: str = "", decade: int | None = None
) -> OfferResults:
    """Open offers by title, author or ISBN (a query with an ISBN in it), language, partner and
    decade of publication, newest first."""
    found = _narrowed(Offer.objects.filter(is_open=True), "record__", query, language, partner,
                      decade)  # fmt: skip
    return OfferResults(found.order_by("-record_id", "-pk"))


def search_books(
    query: str = "", language: str = "", partner: str = "", decade: int | None = None,
    on_offer: bool = False,
) -> BookResults:  # fmt: skip
    """The union catalogue: every partner's records by title, set, series, person, subject,
    year or ISBN (a query with an ISBN in it), language, library and decade, newest first;
    `on_offer` keeps the books open for exchange."""
    found = _narrowed(BibRecord.objects.all(), "", query, language, partner, decade)
    if on_offer:
        found = found.filter(Exists(Offer.objects.filter(record=OuterRef("pk"), is_open=True)))
    return BookResults(found.order_by("-pk"))


def years_held() -> tuple[int, int] | None:
    """The earliest and the latest year of publication the catalogue holds (two look-ups of
    the year's index), or None when no record has a year."""
    known = BibRecord.objects.filter(year__isnull=False).values_list("year", flat=True)
    first, last = known.order_by("year").first(), known.order_by("-year").first()
    return None if first is None or last is None else (first, last)


def book_get(pk: int) -> BibRecord:
    """One book of the union catalogue for its public page, with the copies on offer now."""
    on_offer = Sum("offers__copies", filter=Q(offers__is_open=True))
    found = BibRecord.objects.select_related("organisation").defer("marc", "terms")
    return get_object_or_404(found.annotate(on_offer=on_offer), pk=pk)


MAX_VOLUMES = 200


def set_volumes(record: BibRecord) -> list[BibRecord]:
    """The other volumes of the record's multi-volume set that the partners hold (the same
    title of the set, RUSMARC 461 / MARC 21 773), in the order of their numbers."""
    if not record.set_title:
        return []
    found = (
        BibRecord.objects.filter(set_title=record.set_title)
        .exclude(pk=record.pk)
        .select_related("organisation")
        .defer("marc", "terms")[:MAX_VOLUMES]
    )
    return sorted(found, key=lambda r: (_natural(r.volume or r.title), r.pk))


def _natural(text: str) -> list[tuple[int, int | str]]:
    """«Вып. 9» before «Вып. 13»: numbers compared as numbers."""
    return [(0, int(part)) if part.isdigit() else (1, part.lower())
            for part in re.split(r"(\d+)", text) if part]  # fmt: skip


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


def requests_to(organisation: Organisation) -> QuerySet[Wish]:
    """Open requests of other libraries for this library's books (from the union catalogue)."""
    return (
        Wish.objects.filter(record__organisation=organisation, is_open=True)
        .select_related("organisation", "record")
        .order_by("-created_at", "-pk")
    )


def batch_get(pk: int) -> ImportBatch:
    return get_object_or_404(ImportBatch.objects.select_related("organisation"), pk=pk)


@dataclass(frozen=True)
class CatalogueFacets:
    language: list[dict[str, Any]]
    partner: list[dict[str, Any]]
    decades: list[tuple[int, int]]


def catalogue_facets(found: QuerySet[Any]) -> CatalogueFacets:
    """The catalogue's facets, each counted over what was found (records, or offers of
    records): languages, libraries and decades of publication. Rows: {"language", "n"};
    {"slug", "name_kk", "name_ru", "name_en", "n"}."""
    record = "record__" if found.model is Offer else ""
    language = f"{record}language"
    languages = found.values(language).annotate(n=Count("pk")).order_by("-n")[:12]
    names = ("slug", "name_ru", "name_kk", "name_en")
    partners = (
        found.values(*(f"{record}organisation__{n}" for n in names))
        .annotate(n=Count("pk"))
        .order_by("-n")[:20]
    )
    decades: dict[int, int] = {}
    for row in found.values(f"{record}year").annotate(n=Count("pk")).order_by():
        if row[f"{record}year"]:
            decade = row[f"{record}year"] // 10 * 10
            decades[decade] = decades.get(decade, 0) + row["n"]
    return CatalogueFacets(
        [{"language": row[language], "n": row["n"]} for row in languages],
        [{**{n: row[f"{record}organisation__{n}"] for n in names}, "n": row["n"]}
         for row in partners],
        sorted(decades.items()),
    )  # fmt: skip
