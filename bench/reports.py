"""Reports at the scale of a large network: ten years of 200 organisations with 20,000 events
(two venues each, with attendance) and 100,000 exchanged items, plus collection items and
publications.

Measures the time to produce the annual report of the last year, and of the whole decade,
in each format: the figures are read once (build) and each format rendered from them.

Targets (issue 8): the annual report as XLSX and DOCX ≤ 5 s, as PDF ≤ 15 s.
Run with `make bench` (or `.venv/bin/python bench/reports.py`).
"""

from __future__ import annotations

import datetime
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="kopir-bench-reports-"))
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "KOPIR_HTTPS": "false",
        "PYTHONTZPATH": "",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{WORK / 'bench.sqlite3'}"),
        "KOPIR_MEDIA_ROOT": str(WORK / "media"),
        "KOPIR_CACHE_DIR": str(WORK / "cache"),
    }
)
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import translation  # noqa: E402

from kopir.bibliography.models import Publication  # noqa: E402
from kopir.events.models import Attendance, Audience, Event, EventFormat, Venue  # noqa: E402
from kopir.exchange.models import BibRecord, Shipment, ShipmentItem  # noqa: E402
from kopir.heritage.models import Item  # noqa: E402
from kopir.network.models import Membership, Organisation, Settlement  # noqa: E402
from kopir.reports.params import ReportParams  # noqa: E402
from kopir.reports.registry import renderers, reports  # noqa: E402

UTC = datetime.UTC
FIRST_YEAR, YEARS = 2016, 10
ORGANISATIONS, EVENTS, EXCHANGED = 200, 20_000, 100_000
TARGETS = {"xlsx": 5.0, "docx": 5.0, "pdf": 15.0, "html": 5.0}


def _when(rng: random.Random) -> datetime.datetime:
    start = datetime.datetime(FIRST_YEAR, 1, 1, 3, tzinfo=UTC)
    return start + datetime.timedelta(hours=rng.randrange(0, 24 * 365 * YEARS))


def organisations(rng: random.Random) -> tuple[list[Organisation], list[Organisation]]:
    places = list(Settlement.objects.select_related("region__country"))
    kz = [s for s in places if s.region.country.code == "KZ"]
    ru = [s for s in places if s.region.country.code == "RU"]
    made = [
        Organisation(
            slug=f"bench-org-{n}",
            name_ru=f"Библиотека № {n}",
            name_kk=f"№ {n} кітапхана",
            type="rural_library",
            settlement=rng.choice(kz if n % 2 else ru),
            source="bench",
        )
        for n in range(ORGANISATIONS)
    ]
    Organisation.objects.bulk_create(made)
    made = list(
        Organisation.objects.filter(slug__startswith="bench-org-").select_related(
            "settlement__region__country"
        )
    )
    Membership.objects.bulk_create(
        Membership(organisation=o, year=y, source="bench")
        for o in made
        for y in range(FIRST_YEAR, FIRST_YEAR + YEARS)
    )
    sides = (
        [o for o in made if o.settlement.region.country.code == "KZ"],
        [o for o in made if o.settlement.region.country.code == "RU"],
    )
    return sides


def events(rng: random.Random, kz: list[Organisation], ru: list[Organisation]) -> None:
    made = []
    for n in range(EVENTS):
        when = _when(rng)
        made.append(
            Event(
                slug=f"bench-{n}",
                title_ru=f"Мероприятие {n}",
                title_kk=f"Іс-шара {n}",
                format=rng.choice(EventFormat.values),
                audience=rng.choice(Audience.values),
                starts_at=when,
                ends_at=when + datetime.timedelta(hours=2),
                status="reported",
                source="bench",
            )
        )
    Event.objects.bulk_create(made, batch_size=1000)
    venues, organisers = [], []
    through = Event.organisers.through
    for event in Event.objects.filter(slug__startswith="bench-").only("pk"):
        pair = (rng.choice(kz), rng.choice(ru))
        for order, organisation in enumerate(pair):
            venues.append(
                Venue(
                    event=event,
                    organisation=organisation,
                    order=order,
                    settlement=organisation.settlement,
                    time_zone=organisation.settlement.time_zone,
                )
            )
            organisers.append(through(event_id=event.pk, organisation_id=organisation.pk))
    Venue.objects.bulk_create(venues, batch_size=2000)
    through.objects.bulk_create(organisers, batch_size=2000)
    Attendance.objects.bulk_create(
        (
            Attendance(venue_id=pk, group=group, count=rng.randrange(5, 60))
            for pk in Venue.objects.filter(event__slug__startswith="bench-").values_list(
                "pk", flat=True
            )
            for group in rng.sample(Audience.values, 2)
        ),
        batch_size=5000,
    )


def exchange(rng: random.Random, kz: list[Organisation], ru: list[Organisation]) -> None:
    """Each library sends to five partners across the border, ten books a shipment."""
    everyone = kz + ru
    BibRecord.objects.bulk_create(
        (
            BibRecord(
                organisation=o,
                title=f"Книга {o.pk}-{n}",
                flavour="rusmarc",
                marc=b"",
                match_key=f"книга {o.pk}-{n}",
            )
            for o in everyone
            for n in range(50)
        ),
        batch_size=5000,
    )
    shelves: dict[int, list[int]] = {}
    for pk, owner in BibRecord.objects.values_list("pk", "organisation_id"):
        shelves.setdefault(owner, []).append(pk)
    partners = {o.pk: rng.sample(ru if o in kz else kz, 5) for o in everyone}
    shipments = []
    for _n in range(EXCHANGED // 10):
        sender = rng.choice(everyone)
        received = _when(rng)
        shipments.append(
            Shipment(
                sender=sender,
                recipient=rng.choice(partners[sender.pk]),
                kind=rng.choice(["gift", "swap"]),
                status="received",
                sent_at=received,
                received_at=received,
            )
        )
    Shipment.objects.bulk_create(shipments, batch_size=2000)
    ShipmentItem.objects.bulk_create(
        (
            ShipmentItem(shipment_id=pk, record_id=record, copies=rng.randrange(1, 4))
            for pk, sender in Shipment.objects.filter(
                sender__slug__startswith="bench-org-"
            ).values_list("pk", "sender_id")
            for record in rng.sample(shelves[sender], 10)
        ),
        batch_size=5000,
    )


def collection(rng: random.Random, everyone: list[Organisation]) -> None:
    Item.objects.bulk_create(
        (
            Item(
                organisation=rng.choice(everyone),
                kind="photograph",
                title_ru=f"Фото {n}",
                status="published",
                published_at=_when(rng),
                source="bench",
            )
            for n in range(2000)
        ),
        batch_size=1000,
    )
    Publication.objects.bulk_create(
        Publication(
            kind="article-newspaper",
            title=f"Заметка {n}",
            year=FIRST_YEAR + n % YEARS,
            language="rus",
            sort_key=f"Иванов заметка {n:04d}",
            source="bench",
            csl={
                "type": "article-newspaper",
                "title": f"Заметка о сотрудничестве {n}",
                "author": [{"family": "Иванов", "given": "Иван"}],
                "container-title": "Уба-Информ",
                "publisher-place": "Шемонаиха",
                "issued": {"date-parts": [[FIRST_YEAR + n % YEARS, 4, 17]]},
                "page": "3",
                "language": "ru",
            },
        )
        for n in range(300)
    )


def measure(slug: str, params: ReportParams, runs: int = 3) -> dict[str, float]:
    """Median seconds to build the report and render each format (build + render)."""
    out: dict[str, list[float]] = {}
    with translation.override(params.language):
        for _ in range(runs):
            started = time.perf_counter()
            document = reports[slug].build(params)
            built = time.perf_counter() - started
            out.setdefault("build", []).append(built)
            for renderer in renderers.values():
                started = time.perf_counter()
                renderer.render(document)
                out.setdefault(renderer.slug, []).append(built + time.perf_counter() - started)
    return {key: statistics.median(values) for key, values in out.items()}


def main() -> None:
    print(f"working in {WORK}")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    rng = random.Random(8)
    with transaction.atomic():
        kz, ru = organisations(rng)
        events(rng, kz, ru)
        exchange(rng, kz, ru)
        collection(rng, kz + ru)
    print(
        f"network: {Organisation.objects.count()} organisations, {Event.objects.count()} events, "
        f"{Venue.objects.count()} venues, {Attendance.objects.count()} attendance rows, "
        f"{ShipmentItem.objects.count()} exchanged items, {Item.objects.count()} collection "
        f"items, {Publication.objects.count()} publications "
        f"(made in {time.perf_counter() - started:.0f} s)"
    )
    last = FIRST_YEAR + YEARS - 1
    cases = [
        (f"annual report {last}", "annual", ReportParams.year(last, language="kk")),
        (
            f"annual report {FIRST_YEAR}–{last}",
            "annual",
            ReportParams(
                datetime.date(FIRST_YEAR, 1, 1), datetime.date(last, 12, 31), language="ru"
            ),
        ),
        (f"CIS section {last}", "cis", ReportParams.year(last, language="ru")),
        (
            f"year on year {FIRST_YEAR}–{last}",
            "year-on-year",
            ReportParams(
                datetime.date(FIRST_YEAR, 1, 1), datetime.date(last, 12, 31), language="ru"
            ),
        ),
    ]
    failed = False
    for title, slug, params in cases:
        times = measure(slug, params, runs=3 if slug == "annual" and "–" not in title else 1)
        cells = "  ".join(f"{k} {v:5.2f} s" for k, v in times.items())
        print(f"{title:32} {cells}")
        if title.startswith("annual report") and "–" not in title:
            for fmt, limit in TARGETS.items():
                ok = times[fmt] <= limit
                failed |= not ok
                print(f"  target {fmt} ≤ {limit:.0f} s: {'met' if ok else 'MISSED'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
