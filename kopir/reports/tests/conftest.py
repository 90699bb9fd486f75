"""A year of the network to report on: last year's demo events (all held, with attendance),
shipments that arrived (and some that must not count) and items added to the collection."""

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

from kopir.events.models import Attendance, Event, EventStatus
from kopir.exchange.tests.factories import ShipmentFactory, ShipmentItemFactory
from kopir.heritage.models import Item, ItemStatus

ALMATY = ZoneInfo("Asia/Almaty")


@pytest.fixture
def year() -> int:
    return timezone.localdate().year - 1


@pytest.fixture
def exchanged(demo_network, year):
    """15 copies exchanged in `year`; four shipments that must not count."""
    she = demo_network["shemonaikha-central-library"]
    shi = demo_network["shishkov-library"]
    kru = demo_network["krupskaya-childrens-library"]
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
def reporting(demo_network, exchanged, year):
    """The demo network with last year's exchange and five collection items added in it."""
    published = Item.objects.filter(status=ItemStatus.PUBLISHED).order_by("pk")
    added = list(published.values_list("pk", flat=True)[:5])
    Item.objects.filter(pk__in=added).update(
        published_at=datetime.datetime(year, 3, 1, 6, tzinfo=datetime.UTC)
    )
    return demo_network


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
