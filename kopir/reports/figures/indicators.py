"""The key indicators of the network's work: one set for a period and scope, read by the
dashboard, the year-on-year comparison, the annual report's summary and the CIS section."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.db.models import Sum
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kopir.events.models import Attendance, EventFormat
from kopir.reports.figures import collection, events, exchange, network
from kopir.reports.params import ReportParams


@dataclass(frozen=True)
class Indicators:
    events: int
    joint_events: int
    video_bridges: int
    participants: int
    institutions: int
    copies_exchanged: int
    items_added: int
    projects: int
    publications: int
    partners: int
    agreements: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


LABELS: dict[str, Promise] = {
    "events": _("Joint events"),
    "joint_events": _("of them held on both sides at once"),
    "video_bridges": _("Video bridges"),
    "participants": _("Participants"),
    "institutions": _("Institutions that took part in events"),
    "copies_exchanged": _("Books exchanged (copies)"),
    "items_added": _("Local-history items added"),
    "projects": _("Research projects under way"),
    "publications": _("Publications"),
    "partners": _("Partner organisations"),
    "agreements": _("Agreements in force"),
}


def indicators(params: ReportParams) -> Indicators:
    found = events.events(params)
    people = Attendance.objects.filter(venue__event__in=found.values("pk")).aggregate(
        n=Sum("count")
    )["n"]
    return Indicators(
        events=found.count(),
        joint_events=events.joint(found),
        video_bridges=found.filter(format=EventFormat.VIDEO_BRIDGE).count(),
        participants=people or 0,
        institutions=events.institutions(found).count(),
        copies_exchanged=exchange.copies(params),
        items_added=collection.items_added(params).count(),
        projects=collection.projects(params).count(),
        publications=collection.publications(params).count(),
        partners=network.partner_count(params),
        agreements=network.agreements_in_force(params).count(),
    )


def change(current: int, previous: int) -> str:
    """The change as a signed percentage, or an empty string when there is nothing to compare."""
    if not previous:
        return ""
    percent = round((current - previous) * 100 / previous)
    return f"{percent:+d} %"
