"""Template helpers for events: an event's time in the signed-in reader's own zone."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django import template

from kopir.events.timeinfo import VenueTime
from kopir.network.models import time_zone_names

register = template.Library()


@register.simple_tag
def reader_time(event: Any, user: Any) -> VenueTime | None:
    """The event in the user's own zone (profile setting); None when unset or signed out."""
    zone_name = getattr(user, "time_zone", "") if getattr(user, "is_authenticated", False) else ""
    if not zone_name or zone_name not in time_zone_names():
        return None
    zone = zoneinfo.ZoneInfo(zone_name)
    return VenueTime(
        zone_name, zone_name, event.starts_at.astimezone(zone), event.ends_at.astimezone(zone)
    )
