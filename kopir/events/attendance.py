"""Recording what happened: attendance per venue and audience group, and a short report."""

from __future__ import annotations

from django.db import transaction

from kopir.core.audit import Change
from kopir.core.concurrency import save_versioned
from kopir.events.models import Attendance, Audience, Event, Venue


def attendance_grid(event: Event) -> list[tuple[Venue, list[tuple[str, str, int | None]]]]:
    """For the form and the page: each venue with (group, label, count) for every group."""
    counts = {(a.venue_id, a.group): a.count for a in Attendance.objects.filter(venue__event=event)}
    return [
        (
            venue,
            [
                (value, str(label), counts.get((venue.pk, value)))
                for value, label in Audience.choices
            ],
        )
        for venue in event.venues.all()  # prefetched with their settlements by the selector
    ]


@transaction.atomic
def attendance_record(
    event: Event,
    counts: dict[tuple[int, str], int | None],
    *,
    report: dict[str, str],
    change: Change,
) -> None:
    """Store the counts (None or 0 removes a group) and the report, as the organisers' change."""
    change.require("events.view_registrations", event)
    venues = {v.pk for v in event.venues.all()}
    for (venue_id, group), count in counts.items():
        if venue_id not in venues or group not in Audience.values:
            continue
        if count:
            Attendance.objects.update_or_create(
                venue_id=venue_id, group=group, defaults={"count": count}
            )
        else:
            Attendance.objects.filter(venue_id=venue_id, group=group).delete()
    for lang, text in report.items():
        setattr(event, f"report_{lang}", text)
    change.mark(event)
    save_versioned(event, expected_version=event.version)
