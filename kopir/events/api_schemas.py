"""The events API's types: what is read and what organisers may write."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Annotated, Any

from ninja import Schema
from pydantic import Field

from kopir.api.schemas import Slug, Text
from kopir.core.zones import offset_label
from kopir.events.models import Audience, Event, EventFormat, EventStatus, LinkKind

Title = Annotated[Text, Field(max_length=300)]
Description = Annotated[Text, Field(max_length=10000)]
Link = Annotated[Text, Field(max_length=200, pattern=r"^https?://")]
Version = Annotated[int, Field(ge=1, le=2**31, description="The version the change is based on.")]


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
    capacity: int | None
    provider: str
    description_kk: str | None
    description_ru: str | None
    description_en: str | None
    is_fictional: bool
    version: int

    @staticmethod
    def resolve_online_link(obj: Event, context: dict[str, Any] | None = None) -> str:
        """The link to join, for those who may see the registrations (the organisers), as on
        the event's page: participants get it in their letter, and a children's room is not
        published."""
        user = getattr((context or {}).get("request"), "user", None)
        allowed = user is not None and user.has_perm("events.view_registrations", obj)
        return obj.online_link if allowed else ""

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


class EventTexts(Schema):
    """An event's texts and links (services.PLAN_TEXTS); a title in one language is enough."""

    title_kk: Title | None = None
    title_ru: Title | None = None
    title_en: Title | None = None
    description_kk: Description | None = None
    description_ru: Description | None = None
    description_en: Description | None = None
    online_link: Link | None = None
    recording_link: Link | None = None


class EventIn(EventTexts):
    """The plan of an event. `day` and `time` are local at the host (the first organisation)."""

    format: EventFormat
    audience: Audience
    provider: Annotated[Text, Field(max_length=20)] = ""
    host: Slug = Field(description="The organisation that hosts it; the time is local there.")
    partners: list[Slug] = Field(default_factory=list, max_length=30)
    day: datetime.date
    time: datetime.time
    minutes: int = Field(60, ge=15, le=12 * 60)
    registration_open: bool = False
    capacity: int | None = Field(None, ge=1, le=100000)
    accept_warnings: bool = Field(
        False, description="Keep a time that falls on a holiday or outside working hours."
    )


class EventPatch(EventTexts):
    """What to change; what is left out stays. The time is local at the host venue."""

    version: Version
    format: EventFormat | None = None
    audience: Audience | None = None
    provider: Annotated[Text, Field(max_length=20)] | None = None
    partners: list[Slug] | None = Field(None, max_length=30)
    day: datetime.date | None = None
    time: datetime.time | None = None
    minutes: int | None = Field(None, ge=15, le=12 * 60)
    registration_open: bool | None = None
    capacity: int | None = Field(None, ge=1, le=100000)
    accept_warnings: bool = False


class StatusIn(Schema):
    status: EventStatus
    version: Version | None = Field(None, description="Left out: the current version.")


class PhotoIn(Schema):
    """A photo's texts, sent as form fields beside the file."""

    caption_kk: Title = ""
    caption_ru: Title = ""
    caption_en: Title = ""
    credit: Annotated[Text, Field(max_length=200)] = ""


class PhotoOut(Schema):
    id: int
    url: str
    thumbnail_url: str
    width: int
    height: int
    caption_kk: str | None
    caption_ru: str | None
    caption_en: str | None
    credit: str

    @staticmethod
    def resolve_url(obj: object) -> str:
        return obj.image.url  # type: ignore[attr-defined]

    @staticmethod
    def resolve_thumbnail_url(obj: object) -> str:
        return obj.thumbnail.url  # type: ignore[attr-defined]


class LinkIn(Schema):
    kind: LinkKind
    title_kk: Title | None = None
    title_ru: Title | None = None
    title_en: Title | None = None
    url: Annotated[Text, Field(max_length=500, pattern=r"^https?://")]
    source: Annotated[Text, Field(max_length=200)] = ""
    published_on: datetime.date | None = None


class LinkOut(LinkIn):
    id: int
