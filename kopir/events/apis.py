"""The events API: events and venues for everyone; registrations for the organisers only."""

import dataclasses
import datetime
from typing import Annotated

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from kopir.api.auth import token_auth
from kopir.api.errors import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, error_responses
from kopir.api.schemas import Id, Slug, Text
from kopir.core.audit import Change, Origin
from kopir.core.languages import CONTENT_LANGUAGES
from kopir.events import attendance, registrations, selectors, services
from kopir.events.api_schemas import (
    EventIn,
    EventOut,
    EventPatch,
    LinkIn,
    LinkOut,
    PhotoIn,
    PhotoOut,
    StatusIn,
)
from kopir.events.models import Audience, Event, EventLink, EventPhoto, Registration
from kopir.network import selectors as network_selectors
from kopir.network.models import Organisation

router = Router(tags=["events"])
ERROR_UNKNOWN_VENUE = _("These venues are not venues of this event: %(ids)s.")
ERROR_UNKNOWN_ORGANISATION = _("These are not organisations of the network: %(slugs)s.")


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


# --- writes: the same services and permissions as the workspace ------------------------------


def _organisations(slugs: list[str], field: str) -> list[Organisation]:
    """The organisations named, in the order given; an unknown one is refused by name."""
    found = {o.slug: o for o in network_selectors.organisations_named(set(slugs))}
    unknown = [slug for slug in slugs if slug not in found]
    if unknown:
        raise ValidationError({field: [ERROR_UNKNOWN_ORGANISATION % {"slugs": ", ".join(unknown)}]})
    return [found[slug] for slug in dict.fromkeys(slugs)]


@router.post(
    "/events",
    auth=token_auth,
    response={201: EventOut, **WRITE_ERRORS},
    summary="Plan an event (an editor for their own organisation, or the coordinator)",
)
def create_event(request: HttpRequest, data: EventIn) -> Status:
    """The slot is checked at every venue in both countries' calendars: a holiday or a time
    outside working hours is refused (422, `fields.time`) unless `accept_warnings` is true."""
    host = _organisations([data.host], "host")[0]
    plan = services.EventPlan(
        host=host, partners=_organisations(data.partners, "partners"), day=data.day,
        time=data.time, minutes=data.minutes, format=data.format.value,
        audience=data.audience.value,
        texts={name: getattr(data, name) or "" for name in services.PLAN_TEXTS},
        provider=data.provider, registration_open=data.registration_open,
        capacity=data.capacity, accept_warnings=data.accept_warnings,
    )  # fmt: skip
    event = services.event_plan_save(None, plan, change=Change.from_request(request, Origin.API))
    return Status(201, selectors.event_get(event.slug))


@router.patch(
    "/events/{slug}",
    auth=token_auth,
    response={200: EventOut, **WRITE_ERRORS},
    summary="Change an event (its organisers' editors, the coordinator)",
)
def update_event(request: HttpRequest, slug: Slug, data: EventPatch) -> Event:
    """Fields left out keep their values; a new day, time or length is checked again."""
    event = selectors.event_get(slug)
    given = data.dict(exclude_unset=True)
    now = services.plan_of(event)
    partners = now.partners
    if data.partners is not None:
        partners = _organisations(data.partners, "partners")
    plan = dataclasses.replace(
        now,
        partners=partners,
        day=data.day or now.day, time=data.time or now.time, minutes=data.minutes or now.minutes,
        format=data.format or now.format, audience=data.audience or now.audience,
        texts={name: given[name] or "" for name in services.PLAN_TEXTS if name in given},
        provider=now.provider if data.provider is None else data.provider,
        registration_open=given.get("registration_open", now.registration_open),
        capacity=given.get("capacity", now.capacity),
        accept_warnings=data.accept_warnings,
        moved=bool({"day", "time", "minutes"} & set(given)),
    )  # fmt: skip
    services.event_plan_save(
        event, plan, change=Change.from_request(request, Origin.API), expected_version=data.version
    )
    return selectors.event_get(slug)


@router.post(
    "/events/{slug}/status",
    auth=token_auth,
    response={200: EventOut, **WRITE_ERRORS},
    summary="Move an event to its next status (confirmed, held, reported or cancelled)",
)
def set_event_status(request: HttpRequest, slug: Slug, data: StatusIn) -> Event:
    event = selectors.event_get(slug)
    services.event_set_status(
        event, data.status.value, change=Change.from_request(request, Origin.API),
        expected_version=data.version,
    )  # fmt: skip
    return selectors.event_get(slug)


@router.delete(
    "/events/{slug}/registrations/{pk}",
    auth=token_auth,
    response={204: None, **WRITE_ERRORS},
    summary="Erase a registrant's personal data (the organisers; the counts stay)",
)
def erase_registration(request: HttpRequest, slug: Slug, pk: Id) -> Status:
    registration = selectors.registration_get(slug, pk)
    registrations.registration_erase(registration, change=Change.from_request(request, Origin.API))
    return Status(204, None)


@router.get(
    "/events/{slug}/photos",
    response={200: list[PhotoOut], **READ_ERRORS},
    summary="Photos of an event",
)
def list_photos(request: HttpRequest, slug: Slug) -> list[EventPhoto]:
    return list(selectors.event_get(slug).photos.all())


@router.post(
    "/events/{slug}/photos",
    auth=token_auth,
    response={201: PhotoOut, **WRITE_ERRORS},
    summary="Add a photo (JPEG, PNG or WebP; stored without its metadata)",
)
def add_photo(
    request: HttpRequest,
    slug: Slug,
    image: File[UploadedFile],
    data: Form[PhotoIn],
) -> Status:
    photo = services.photo_add(
        selectors.event_get(slug), image,
        caption={"kk": data.caption_kk, "ru": data.caption_ru, "en": data.caption_en},
        credit=data.credit,
        change=Change.from_request(request, Origin.API),
    )  # fmt: skip
    return Status(201, photo)


@router.delete(
    "/events/{slug}/photos/{pk}",
    auth=token_auth,
    response={204: None, **WRITE_ERRORS},
    summary="Delete a photo",
)
def delete_photo(request: HttpRequest, slug: Slug, pk: Id) -> Status:
    services.photo_delete(
        selectors.photo_get(slug, pk), change=Change.from_request(request, Origin.API)
    )
    return Status(204, None)


@router.get(
    "/events/{slug}/links",
    response={200: list[LinkOut], **READ_ERRORS},
    summary="Press items, recordings and other links of an event",
)
def list_links(request: HttpRequest, slug: Slug) -> list[EventLink]:
    return list(selectors.event_get(slug).links.all())


@router.post(
    "/events/{slug}/links",
    auth=token_auth,
    response={201: LinkOut, **WRITE_ERRORS},
    summary="Add a press item, recording or other link",
)
def add_link(request: HttpRequest, slug: Slug, data: LinkIn) -> Status:
    fields = {name: "" if value is None else value for name, value in data.dict().items()}
    fields["published_on"] = data.published_on
    link = EventLink(event=selectors.event_get(slug), **fields)
    services.link_save(link, change=Change.from_request(request, Origin.API))
    return Status(201, link)


@router.delete(
    "/events/{slug}/links/{pk}",
    auth=token_auth,
    response={204: None, **WRITE_ERRORS},
    summary="Delete a link",
)
def delete_link(request: HttpRequest, slug: Slug, pk: Id) -> Status:
    services.link_delete(
        selectors.link_get(slug, pk), change=Change.from_request(request, Origin.API)
    )
    return Status(204, None)
