"""Time zones as people read them: the offset from UTC ("UTC+5"), never the IANA name
(Asia/Almaty) that the records keep beside each venue."""

from __future__ import annotations

import datetime
import zoneinfo

from django.utils import timezone


def offset_label(moment: datetime.datetime) -> str:
    """ "UTC+5", "UTC+7", "UTC+5:30", "UTC" for an aware datetime."""
    offset = moment.utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def offset_now(zone: str) -> str:
    """The zone's offset today ("" for a name that is no zone)."""
    try:
        return offset_label(timezone.now().astimezone(zoneinfo.ZoneInfo(zone)))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return ""
