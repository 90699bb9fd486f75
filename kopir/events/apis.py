"""The events API: events and venues for everyone; registrations for the organisers only."""

import datetime
import zoneinfo
from typing import Annotated

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from kopir.api.auth import token_auth
from kopir.api.errors import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, error_responses
from kopir.api.schemas import Id, Slug, Text
from kopir.core.audit import Change, Origin
from kopir.core.languages import CONTENT_LANGUAGES
from kopir.events import attendance, selectors
from kopir.events.models import Audience, Event, Registration
from kopir.events.timeinfo import offset_label

router = Router(tags=["events"])
ERROR_UNKNOWN_VENUE = _("These venues are not venues of this event: %(ids)s.")


class VenueOut(Schema):
    id: int
    settlement: str
    organisation: str | None
    time_zone: str
    local_start: str
    utc_offset: str


class EventOut(Schema):
    slug: str
    title_kk: str | None
    title_ru: str | None
    title_en: str | None
    format: str
    audience: str
    status: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    date_precision: str
    time_known: bool
    organisers: list[str]
    venues: list[VenueOut]
    online_link: str
    recording_link: str
    registration_open: bool
    is_fictional: bool

    @staticmethod
    def resolve_organisers(obj: Event) -> list[str]:
        return [o.slug for o in obj.organisers.all()]

    @staticmethod
    def resolve_venues(obj: Event) -> list[dict]:
        result = []
        for venue in obj.venues.all():
            local = obj.starts_at.astimezone(zoneinfo.ZoneInfo(venue.time_zone))
            result.append({
                "id": venue.pk,
                "settlement": venue.settlement.slug,
                "organisation": venue.organisation.slug if venue.organisation else None,
                "time_zone": venue.time_zone,
                "local_start": local.isoformat(),
                "utc_offset": offset_label(local),
            })  # fmt: skip
        return result


class EventQuery(Schema):
    format: Text = ""
    audience: Text = ""
    country: Text = ""
    organisation: Text = ""
    period: Text = "all"


@router.get("/events", response={200: list[EventOut], **LIST_ERRORS}, summary="Events")
@paginate
def list_events(request: HttpRequest, filters: Query[EventQuery]) -> QuerySet[Event]:
    """Events of the network; `period` is upcoming, past or all."""
    period = filters.period if filters.period in ("upcoming", "past", "all") else "all"
    return selectors.event_list(
        selectors.EventFilter(
            format=filters.format, audience=filters.audience, country=filters.country,
            organisation=filters.organisation, period=period,
        )
    )  # fmt: skip


@router.get("/events/{slug}", response={200: EventOut, **READ_ERRORS}, summary="One event")
def get_event(request: HttpRequest, slug: Slug) -> Event:
    return selectors.event_get(slug)


class RegistrationOut(Schema):
    id: int
    kind: str
    status: str
    contact_name: str
    contact_email: str
    institution: str
    group_name: str
    children: int
    adults: int
    language: str
    created_at: datetime.datetime


@router.get(
    "/events/{slug}/registrations",
    auth=token_auth,
    response={200: list[RegistrationOut], **error_responses(401, 403, 404, 422)},
    summary="Registrations of an event (its organisers only)",
)
@paginate
def list_registrations(request: HttpRequest, slug: Slug) -> QuerySet[Registration]:
    event = selectors.event_get(slug)
    if not request.user.has_perm("events.view_registrations", event):
        raise PermissionDenied
    return selectors.registration_list(event)


Report = Annotated[Text, Field(max_length=5000)]


class AttendanceRow(Schema):
    venue: Id = Field(description="The venue's id, from the event's `venues`.")
    group: Audience
    count: int = Field(ge=0, le=100000, description="0 removes the group's count.")


class AttendanceOut(Schema):
    rows: list[AttendanceRow]
    report_kk: str
    report_ru: str
    report_en: str
    total: int


class AttendanceIn(Schema):
    rows: list[AttendanceRow] = Field(max_length=200)
    report_kk: Report | None = None
    report_ru: Report | None = None
    report_en: Report | None = None


def _attendance(event: Event) -> dict:
    rows = [
        {"venue": venue.pk, "group": group, "count": count}
        for venue, cells in attendance.attendance_grid(event)
        for group, _label, count in cells
        if count is not None
    ]
    return {
        "rows": rows,
        **{f"report_{lang}": getattr(event, f"report_{lang}") or "" for lang in CONTENT_LANGUAGES},
        "total": sum(row["count"] for row in rows),
    }


@router.get(
    "/events/{slug}/attendance",
    response={200: AttendanceOut, **READ_ERRORS},
    summary="Attendance per venue and audience group, and the short report",
)
def get_attendance(request: HttpRequest, slug: Slug) -> dict:
    return _attendance(selectors.event_get(slug))


@router.put(
    "/events/{slug}/attendance",
    auth=token_auth,
    response={200: AttendanceOut, **WRITE_ERRORS},
    summary="Record attendance (the event's organisers only)",
)
def put_attendance(request: HttpRequest, slug: Slug, data: AttendanceIn) -> dict:
    """The rows given replace those counts; a report left out (null) stays as it is."""
    event = selectors.event_get(slug)
    venues = {venue.pk for venue in event.venues.all()}
    unknown = [row.venue for row in data.rows if row.venue not in venues]
    if unknown:
        raise ValidationError({"rows": [ERROR_UNKNOWN_VENUE % {"ids": unknown}]})
    counts: dict[tuple[int, str], int | None] = {
        (row.venue, row.group.value): row.count for row in data.rows
    }
    report = {
        lang: text
        for lang, text in (("kk", data.report_kk), ("ru", data.report_ru), ("en", data.report_en))
        if text is not None
    }
    change = Change.from_request(request, Origin.API)
    attendance.attendance_record(event, counts, report=report, change=change)
    return _attendance(selectors.event_get(slug))
