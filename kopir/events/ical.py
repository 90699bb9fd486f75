"""iCalendar (RFC 5545) for events: one VEVENT per event, times in the first venue's zone with
its VTIMEZONE (so Asia/Almaty carries the 2024-03-01 change), a stable UID, the event's page
(not the link to join: participants get that in their letter)."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar
from icalendar import Event as VEvent

from kopir.core import multilingual
from kopir.core.text import printable

PRODID = "-//Köpir//cross-border library events//EN"
FIRST_DATE = datetime.date(2010, 1, 1)  # VTIMEZONE rules from here: covers 2011 onwards
LAST_DATE = datetime.date(2038, 1, 1)


def uid(event: Any) -> str:
    """Stable across downloads and languages: the event's slug at our host name."""
    host = settings.KOPIR_SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return f"{event.slug}@{host or 'kopir'}"


def _vevent(event: Any, language: str) -> VEvent:
    venues = list(event.venues.all())
    zone = zoneinfo.ZoneInfo(venues[0].time_zone) if venues else datetime.UTC
    component = VEvent()
    component.add("uid", uid(event))
    component.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
    component.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    component.add("summary", printable(multilingual.text(event, "title", language)))
    component.add("dtstart", event.starts_at.astimezone(zone))
    component.add("dtend", event.ends_at.astimezone(zone))
    places = printable(
        " · ".join(multilingual.text(v.settlement, "name", language) for v in venues)
    )
    if places:
        component.add("location", places)
    page = reverse("events:event-detail", args=[event.slug])  # calendar_bytes's language
    component.add("url", settings.KOPIR_SITE_URL.rstrip("/") + page)
    description = printable(multilingual.text(event, "description", language))
    if description:
        component.add("description", description)
    component.add("status", "CANCELLED" if event.status == "cancelled" else "CONFIRMED")
    component.add("categories", [event.format])
    return component


def calendar_bytes(events: Iterable[Any], *, language: str, name: str) -> bytes:
    """A calendar of the events (venues prefetched), with every VTIMEZONE it uses."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", printable(name))
    with translation.override(language):
        for event in events:
            calendar.add_component(_vevent(event, language))
    calendar.add_missing_timezones(first_date=FIRST_DATE, last_date=LAST_DATE)
    return calendar.to_ical()
