"""Factories of exchange records: books on a library's shelf and shipments that arrived."""

from __future__ import annotations

import factory
from django.utils import timezone

from kopir.exchange.marc import prepare
from kopir.exchange.marc.model import BibData
from kopir.exchange.models import BibRecord, Shipment, ShipmentItem, ShipmentStatus


def _described(r: factory.builder.Resolver) -> BibData:
    return BibData(
        title=r.title, authors=r.authors, year=r.year, set_title=r.set_title, volume=r.volume,
        series=r.series, parts=r.parts, contributors=r.contributors, subjects=r.subjects,
        publisher=r.publisher, place=r.place, isbn=r.isbn,
    )  # fmt: skip


class BibRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BibRecord

    title = factory.Sequence(lambda n: f"Өлкетану жинағы {n}")
    flavour = "rusmarc"
    marc = b""
    authors = factory.LazyFunction(list)
    year = None
    publisher = ""
    place = ""
    isbn = ""
    set_title = ""
    volume = ""
    series = factory.LazyFunction(list)
    parts = factory.LazyFunction(list)
    contributors = factory.LazyFunction(list)
    subjects = factory.LazyFunction(list)
    match_key = factory.LazyAttribute(lambda r: prepare.keys(_described(r))[0])
    terms = factory.LazyAttribute(lambda r: prepare.keys(_described(r))[1])


class ShipmentFactory(factory.django.DjangoModelFactory):
    """A gift that arrived (received at `received_at`)."""

    class Meta:
        model = Shipment

    kind = "gift"
    status = ShipmentStatus.RECEIVED
    received_at = factory.LazyFunction(timezone.now)
    sent_at = factory.LazyFunction(timezone.now)


class ShipmentItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShipmentItem

    shipment = factory.SubFactory(ShipmentFactory)
    record = factory.SubFactory(
        BibRecordFactory,
        organisation=factory.SelfAttribute("..shipment.sender"),
    )
    copies = 1
