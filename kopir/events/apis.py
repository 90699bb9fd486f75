"""The events API: events and venues for everyone; registrations for the organisers only."""

import datetime
import zoneinfo

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from kopir.api.auth import token_auth
from kopir.api.errors import LIST_ERRORS, READ_ERRORS, error_responses
from kopir.api.schemas import Slug, Text
from kopir.events import registrations, selectors
from kopir.events.models import Event, Registration
from kopir.events.timeinfo import offset_label

router = Router(tags=["events"])


class VenueOut(Schema):
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
    if not registrations.may_see_registrations(request.user, event):
        raise PermissionDenied
    return event.registrations.order_by("created_at", "pk")
