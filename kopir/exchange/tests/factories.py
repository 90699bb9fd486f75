"""Factories of exchange records: books on a library's shelf and shipments that arrived."""

from __future__ import annotations

import factory
from django.utils import timezone

from kopir.exchange import imports
from kopir.exchange.models import BibRecord, Shipment, ShipmentItem, ShipmentStatus


class BibRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BibRecord

    title = factory.Sequence(lambda n: f"Өлкетану жинағы {n}")
    flavour = "rusmarc"
    marc = b""
    authors = factory.LazyFunction(list)
    year = None
    match_key = factory.LazyAttribute(lambda r: imports.match_key(r.title, r.authors, r.year))
    terms = factory.LazyAttribute(lambda r: imports.record_terms(r.title, r.authors, r.year))


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
