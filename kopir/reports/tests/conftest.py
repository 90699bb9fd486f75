"""A year of the network to report on: its events (held, with attendance), shipments that
arrived (and some that must not count) and items added to the collection. Built by the
factories; the document tests run it on the demo network, whose last year is already full."""

from __future__ import annotations

import datetime
import io
import os
import shutil
import subprocess
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Sum
from django.utils import timezone

from kopir.events.models import Attendance, Event, EventFormat, EventStatus
from kopir.events.tests.factories import event
from kopir.exchange.tests.factories import ShipmentFactory, ShipmentItemFactory
from kopir.heritage.models import Item, ItemStatus
from kopir.heritage.tests.factories import item

ALMATY = ZoneInfo("Asia/Almaty")


@pytest.fixture
def year() -> int:
    return timezone.localdate().year - 1


@pytest.fixture
def exchanged(libraries, year):
    """15 copies exchanged in `year`; four shipments that must not count."""
    she, shi, kru = libraries["central"], libraries["regional"], libraries["childrens"]
    at = datetime.datetime(year, 5, 10, 6, tzinfo=datetime.UTC)
    gift = ShipmentFactory(sender=she, recipient=shi, received_at=at)
    ShipmentItemFactory.create_batch(3, shipment=gift, copies=2)
    ShipmentItemFactory(
        shipment=ShipmentFactory(sender=shi, recipient=she, kind="swap", received_at=at), copies=4
    )
    ShipmentItemFactory(
        shipment=ShipmentFactory(sender=kru, recipient=she, received_at=at), copies=5
    )
    # Not exchanged in the year: a missing copy, a loan, an earlier gift, one still on its way.
    ShipmentItemFactory(
        shipment=ShipmentFactory(sender=she, recipient=kru, received_at=at),
        copies=7,
        condition="missing",
    )
    ShipmentItemFactory(
        shipment=ShipmentFactory(
            sender=she,
            recipient=kru,
            kind="loan",
            return_due=datetime.date(year, 9, 1),
            received_at=at,
        ),
        copies=3,
    )
    earlier = datetime.datetime(year - 1, 6, 1, tzinfo=datetime.UTC)
    ShipmentItemFactory(
        shipment=ShipmentFactory(sender=she, recipient=kru, received_at=earlier), copies=9
    )
    ShipmentItemFactory(
        shipment=ShipmentFactory(sender=she, recipient=kru, status="sent", received_at=None),
        copies=8,
    )
    return 15


@pytest.fixture
def reporting(request, libraries, exchanged, year):
    """`year` in the network: its exchange and five collection items added in it; outside the
    demo network (whose events of last year are all held, with attendance) also four events of
    `year`, one a video bridge across the border and one cancelled. Returns the libraries."""
    if "demo_network" not in request.fixturenames:
        _events_of(year, libraries)
        for n in range(5):
            item(libraries["central"], title={"ru": f"Опись {n}"})
    published = Item.objects.filter(status=ItemStatus.PUBLISHED).order_by("pk")
    added = list(published.values_list("pk", flat=True)[:5])
    Item.objects.filter(pk__in=added).update(
        published_at=datetime.datetime(year, 3, 1, 6, tzinfo=datetime.UTC)
    )
    return libraries


def _events_of(year: int, libraries) -> None:
    central, regional, childrens = (
        libraries["central"],
        libraries["regional"],
        libraries["childrens"],
    )
    plans = [
        ([central, childrens], 3, EventFormat.VIDEO_BRIDGE, EventStatus.REPORTED),
        ([central], 5, EventFormat.ROUND_TABLE, EventStatus.HELD),
        ([regional], 9, EventFormat.MASTER_CLASS, EventStatus.HELD),
        ([central], 11, EventFormat.ROUND_TABLE, EventStatus.CANCELLED),
    ]
    for organisers, month, kind, status in plans:
        held = event(organisers, starts=datetime.datetime(year, month, 14, 5, tzinfo=datetime.UTC),
                     format=kind, audience="children", status=status)  # fmt: skip
        if status != EventStatus.CANCELLED:
            for n, venue in enumerate(held.venues.all()):
                Attendance.objects.create(venue=venue, group="children", count=20 + 5 * n)
                Attendance.objects.create(venue=venue, group="adults", count=3)


def db_counts(year: int) -> dict[str, int]:
    """The year's figures read straight from the tables, as the reports must show them."""
    start = datetime.datetime(year, 1, 1, tzinfo=ALMATY)
    end = datetime.datetime(year + 1, 1, 1, tzinfo=ALMATY)
    events = Event.objects.filter(starts_at__gte=start, starts_at__lt=end).exclude(
        status=EventStatus.CANCELLED
    )
    people = Attendance.objects.filter(venue__event__in=events).aggregate(n=Sum("count"))["n"]
    return {
        "events": events.count(),
        "video_bridges": events.filter(format="video_bridge").count(),
        "participants": people or 0,
        "items_added": Item.objects.filter(
            status=ItemStatus.PUBLISHED, published_at__gte=start, published_at__lt=end
        ).count(),
    }


def pdf_text(data: bytes, tmp_path) -> str:
    """The text of a PDF as pdftotext (poppler) reads it. CI installs poppler-utils and must
    use it; elsewhere, without it, pypdf reads the text instead."""
    if shutil.which("pdftotext") is None:
        if os.environ.get("KOPIR_REQUIRE_BROWSER") == "1":
            pytest.fail("pdftotext not found in CI: `apt-get install -y poppler-utils`")
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text(extraction_mode="layout") for page in reader.pages)
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
