"""The calendar under load: 5,000 events, served by gunicorn as in production.

Measures the calendar (list and month views) and an event page against a bare Django view
served the same way (gunicorn, production settings, the same SQLite database), and counts the
SQL queries of each page with 100 and with 5,000 events.

Targets (issue 4): page rate / bare rate >= 0.5; queries per page constant and <= 15.
Run with `make bench` (or `.venv/bin/python bench/events_calendar.py [--events N]`).
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="kopir-bench-"))
PORT = int(os.environ.get("BENCH_PORT", "8799"))
os.environ.update({
    "DJANGO_SETTINGS_MODULE": "bench.settings", "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1,testserver", "KOPIR_HTTPS": "false", "PYTHONTZPATH": "",
    "DATABASE_URL": f"sqlite:///{WORK / 'bench.sqlite3'}",
    "KOPIR_STATIC_ROOT": str(WORK / "static"), "KOPIR_MEDIA_ROOT": str(WORK / "media"),
    "KOPIR_CACHE_DIR": str(WORK / "cache"),
    "KOPIR_PAGE_CACHE_SECONDS": "0",  # in this process: the query counts are of real renders
})  # fmt: skip
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from kopir.core.page_cache import content_changed  # noqa: E402
from kopir.events.models import Audience, Event, EventFormat, Venue  # noqa: E402
from kopir.network.models import Organisation  # noqa: E402

UTC = datetime.UTC
MONTH = "2026-11"


def fill(count: int) -> None:
    """Add fictional events (bulk: the bench measures reading, not writing) up to `count`."""
    rng = random.Random(4)
    partners = list(
        Organisation.objects.filter(settlement__isnull=False).select_related("settlement")
    )
    start = datetime.datetime(2016, 1, 1, 3, 0, tzinfo=UTC)
    missing = count - Event.objects.count()
    first = Event.objects.filter(slug__startswith="bench-").count()
    events = []
    for n in range(first, first + missing):
        when = start + datetime.timedelta(hours=rng.randrange(0, 24 * 365 * 11))
        events.append(Event(
            slug=f"bench-{n}", title_ru=f"Мероприятие {n}", title_kk=f"Іс-шара {n}",
            format=rng.choice(EventFormat.values), audience=rng.choice(Audience.values),
            starts_at=when, ends_at=when + datetime.timedelta(hours=2), is_fictional=True,
            source="bench",
        ))  # fmt: skip
    Event.objects.bulk_create(events, batch_size=500)
    created = Event.objects.filter(slug__startswith="bench-").exclude(venues__isnull=False)
    venues, through = [], Event.organisers.through
    links = []
    for event in created:
        pair = rng.sample(partners, 2)
        for order, organisation in enumerate(pair):
            venues.append(Venue(event=event, organisation=organisation, order=order,
                                settlement=organisation.settlement,
                                time_zone=organisation.settlement.time_zone))  # fmt: skip
            links.append(through(event_id=event.pk, organisation_id=organisation.pk))
    Venue.objects.bulk_create(venues, batch_size=1000)
    through.objects.bulk_create(links, batch_size=1000, ignore_conflicts=True)
    content_changed()  # bulk writes send no signals: empty the page cache by hand


def pages() -> dict[str, str]:
    sample = Event.objects.filter(slug__startswith="bench-").order_by("pk").first()
    slug = sample.slug if sample else Event.objects.first().slug
    return {
        "calendar (list, all)": "/ru/events/?period=all",
        "calendar (list, page 50)": "/ru/events/?period=all&page=50",
        "calendar (month)": f"/ru/events/?view=month&month={MONTH}",
        "event page": f"/ru/events/{slug}/",
        "organisation page": "/ru/partners/shemonaikha-central-library/",
    }


def queries() -> dict[str, int]:
    client = Client()
    counts = {}
    for name, url in pages().items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[name] = len(captured.captured_queries)
    return counts


def rate(url: str, seconds: float) -> float:
    """Sequential requests per second over one keep-alive-less connection each (as browsers)."""
    done, deadline, timings = 0, time.perf_counter() + seconds, []
    while time.perf_counter() < deadline:
        began = time.perf_counter()
        connection_ = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        connection_.request("GET", url, headers={"Accept-Encoding": "gzip"})
        response = connection_.getresponse()
        response.read()
        connection_.close()
        assert response.status == 200, (url, response.status)
        timings.append(time.perf_counter() - began)
        done += 1
    return done / sum(timings) if timings else 0.0


def serve(cache_seconds: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi",
         "--bind", f"127.0.0.1:{PORT}", "--workers", "1", "--log-level", "warning"],
        cwd=ROOT, env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings",
                       "KOPIR_PAGE_CACHE_SECONDS": str(cache_seconds)},
    )  # fmt: skip
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/bench/bare")
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    fill(100)
    small = queries()
    fill(args.events)
    large = queries()
    print(
        f"SQL queries per page (100 events → {Event.objects.count()} events; target: equal, ≤ 15)"
    )
    for name in small:
        flag = "ok" if small[name] == large[name] <= 15 else "MISSED"
        print(f"  {name:28} {small[name]:3} → {large[name]:3}  {flag}")
    try:
        for cache_seconds, label in ((60, "as served (anonymous page cache on, warm)"),
                                     (0, "page cache off (every request renders)")):  # fmt: skip
            measure(cache_seconds, label, args.seconds)
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


def measure(cache_seconds: int, label: str, seconds: float) -> None:
    server = serve(cache_seconds)
    try:
        for url in ["/bench/bare", *pages().values()]:
            rate(url, 0.5)  # warm up
        bare = statistics.median(rate("/bench/bare", seconds / 2) for _ in range(3))
        print(f"\nRequests per second, {label}; one gunicorn worker, sequential")
        print(f"  bare view: {bare:.0f}/s; target: page rate / bare rate ≥ 0.5")
        for name, url in pages().items():
            page = statistics.median(rate(url, seconds / 2) for _ in range(3))
            ratio = page / bare
            verdict = "ok" if ratio >= 0.5 else "MISSED"
            print(f"  {name:28} {page:7.1f}/s  ratio {ratio:.2f}  {verdict}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
