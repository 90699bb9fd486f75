"""Every write to events: the event, its venues, its status."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kopir.core.audit import Change, forget_on_commit
from kopir.core.concurrency import save_versioned
from kopir.core.languages import CONTENT_LANGUAGES
from kopir.core.page_cache import content_changed
from kopir.core.text import free_slug
from kopir.core.uploads import photo_renditions
from kopir.events import bridges
from kopir.events.models import Event, EventFormat, EventLink, EventPhoto, EventStatus, Venue
from kopir.events.planning import check_plan
from kopir.events.registrations import registrations_tell_cancelled
from kopir.network.models import DatePrecision, Organisation, Settlement

ERROR_BRIDGE_NEEDS_TWO_SIDES = _("A video bridge needs at least two venues, one on each side.")
ERROR_ORGANISER_NOT_YOURS = _("Your organisation must be one of the organisers.")
ERROR_NO_VENUE = _("An event needs at least one venue.")

# Who may move an event from one status to the next.
TRANSITIONS = {
    EventStatus.PLANNED: {EventStatus.CONFIRMED, EventStatus.CANCELLED},
    EventStatus.CONFIRMED: {EventStatus.HELD, EventStatus.CANCELLED, EventStatus.PLANNED},
    EventStatus.HELD: {EventStatus.REPORTED},
    EventStatus.REPORTED: set(),
    EventStatus.CANCELLED: {EventStatus.PLANNED},
}
ERROR_TRANSITION = _("An event cannot go from “%(old)s” to “%(new)s”.")


@dataclass(frozen=True)
class VenueInput:
    settlement: Settlement
    organisation: Organisation | None = None
    name: str = ""


def event_slug(title: str, day: datetime.date) -> str:
    """A free address for a new event: its title in Latin letters and its day."""
    return free_slug(
        title, lambda slug: Event.objects.filter(slug=slug).exists(),
        fallback="event", suffix=f"-{day:%Y-%m-%d}",
    )  # fmt: skip


@transaction.atomic
def event_save(
    event: Event,
    *,
    organisers: Sequence[Organisation],
    venues: Sequence[VenueInput],
    change: Change,
    expected_version: int | None = None,
) -> Event:
    """Store an event with its organisers and venues (each venue in its settlement's zone)."""
    if event._state.adding:
        change.require("events.add_event")
    else:  # as stored: the organisers it has now decide, not the edited fields
        change.require("events.change_event", Event.objects.get(pk=event.pk))
    if not change.may("network.change_one_of", list(organisers)):
        raise ValidationError({"organisers": ERROR_ORGANISER_NOT_YOURS})
    if not venues:
        raise ValidationError({"venues": ERROR_NO_VENUE})
    if event.format == EventFormat.VIDEO_BRIDGE:
        countries = {v.settlement.region.country_id for v in venues}
        if len(venues) < 2 or len(countries) < 2:
            raise ValidationError({"venues": ERROR_BRIDGE_NEEDS_TWO_SIDES})
    provider = bridges.get(event.provider) if event.provider else None
    if not event.slug and event.starts_at is not None:
        title = event.title_en or event.title_ru or event.title_kk  # type: ignore[attr-defined]
        event.slug = event_slug(title, event.starts_at.date())
    change.save(event, expected_version=expected_version)
    if provider is not None and not event.online_link:
        link = provider.make_link(event)
        if link:
            Event.objects.filter(pk=event.pk).update(online_link=link)
            event.online_link = link
            content_changed()  # an update() sends no signal
    event.organisers.set(organisers)
    _sync_venues(event, venues)
    return event


# The texts and links of an event an organiser may give; the plan's other fields are below.
PLAN_TEXTS = (
    *(f"title_{lang}" for lang in CONTENT_LANGUAGES),
    *(f"description_{lang}" for lang in CONTENT_LANGUAGES),
    "online_link",
    "recording_link",
)
ERROR_NO_TITLE = _("Give the title in at least one language.")
ERROR_NO_SETTLEMENT = _("%(name)s has no settlement recorded, so it cannot be a venue.")
ERROR_SLOT_WARNINGS = _(
    "The time does not suit every venue; change it, or keep it knowingly (accept the warnings)."
)


@dataclass(frozen=True)
class EventPlan:
    """An event as its organisers plan it: the time is local at the host (or the first place)."""

    host: Organisation | None
    partners: list[Organisation]
    day: datetime.date
    time: datetime.time
    minutes: int
    format: str
    audience: str
    texts: dict[str, str]  # of PLAN_TEXTS; a name left out keeps what the event has
    provider: str = ""
    registration_open: bool = False
    capacity: int | None = None
    places: Sequence[Venue] = ()  # venues that are places, not partner organisations
    accept_warnings: bool = False
    moved: bool = True  # the day, time or host was given anew: the time is known to the minute


def plan_of(event: Event) -> EventPlan:
    """The event's plan as it stands: its texts, its host (the first organisation's venue) and
    partners, its venues that are places, and its time as it is at the host (or the first
    place); nothing is moved until the plan changes."""
    venues = list(event.venues.all())
    hosted = [v for v in venues if v.organisation is not None]
    places = [v for v in venues if v.organisation is None]
    reference = next(iter(hosted or places), None)
    organisations = [v.organisation for v in hosted if v.organisation is not None]
    zone = zoneinfo.ZoneInfo(reference.time_zone if reference else "UTC")
    local = event.starts_at.astimezone(zone)
    minutes = int((event.ends_at - event.starts_at).total_seconds() // 60)
    return EventPlan(
        host=organisations[0] if organisations else None,
        partners=organisations[1:],
        day=local.date(),
        time=local.time().replace(second=0, microsecond=0),
        minutes=max(15, min(12 * 60, minutes)),
        format=event.format,
        audience=event.audience,
        texts={name: getattr(event, name) or "" for name in PLAN_TEXTS},
        provider=event.provider,
        registration_open=event.registration_open,
        capacity=event.capacity,
        places=places,
        moved=False,
    )


@transaction.atomic
def event_plan_save(
    event: Event | None,
    plan: EventPlan,
    *,
    change: Change,
    expected_version: int | None = None,
) -> Event:
    """Plan a new event or change one: the slot is checked at every venue in both calendars
    (kopir.events.planning), and a slot with warnings is kept only when they are accepted."""
    if event is None:
        change.require("events.add_event")
    else:
        change.require("events.change_event", event)
    if plan.host is None and not plan.places:
        raise ValidationError({"host": ERROR_NO_VENUE})
    organisations = list(dict.fromkeys(o for o in [plan.host, *plan.partners] if o is not None))
    placed = [(o, o.settlement) for o in organisations if o.settlement is not None]
    if len(placed) < len(organisations):
        unplaced = next(o for o in organisations if o.settlement is None)
        raise ValidationError({"partners": ERROR_NO_SETTLEMENT % {"name": unplaced}})
    duration = datetime.timedelta(minutes=plan.minutes)
    check = check_plan(plan.host, plan.partners, plan.day, plan.time, duration, plan.places)
    if check.warnings and not plan.accept_warnings:
        warnings = [ERROR_SLOT_WARNINGS, *(w.message for w in check.warnings)]
        raise ValidationError({"time": warnings})
    adding = event is None
    event = event or Event()
    for name in PLAN_TEXTS:
        if name in plan.texts:
            setattr(event, name, (plan.texts[name] or "").strip())
    if not any(getattr(event, f"title_{lang}") for lang in CONTENT_LANGUAGES):
        raise ValidationError({"title_ru": ERROR_NO_TITLE})
    event.format, event.audience, event.provider = plan.format, plan.audience, plan.provider
    event.registration_open, event.capacity = plan.registration_open, plan.capacity
    if not adding and plan.moved:
        event.time_known, event.date_precision = True, DatePrecision.DAY
    event.starts_at, event.ends_at = check.starts, check.ends
    return event_save(
        event,
        organisers=organisations if adding else list(event.organisers.all()),
        venues=[
            *(VenueInput(settlement, o) for o, settlement in placed),
            *(VenueInput(v.settlement, None, v.name) for v in plan.places),
        ],
        change=change,
        expected_version=expected_version,
    )


def _sync_venues(event: Event, venues: Sequence[VenueInput]) -> None:
    """Keep the venues that stay (with their recorded attendance), add new ones, drop the rest."""
    wanted = {
        (v.settlement.pk, v.organisation.pk if v.organisation else None): (order, v)
        for order, v in enumerate(venues)
    }
    existing = {(v.settlement_id, v.organisation_id): v for v in event.venues.all()}
    event.venues.exclude(pk__in=[v.pk for key, v in existing.items() if key in wanted]).delete()
    for key, (order, venue) in wanted.items():
        zone = venue.settlement.time_zone
        current = existing.get(key)
        if current is None:
            Venue.objects.create(
                event=event, settlement=venue.settlement, organisation=venue.organisation,
                name=venue.name, time_zone=zone, order=order,
            )  # fmt: skip
        elif (current.order, current.name, current.time_zone) != (order, venue.name, zone):
            current.order, current.name, current.time_zone = order, venue.name, zone
            current.save(update_fields=["order", "name", "time_zone", "updated_at"])


@transaction.atomic
def event_set_status(
    event: Event, status: str, *, change: Change, expected_version: int | None = None
) -> Event:
    """Move the event along planned → confirmed → held → reported (or cancelled), from the
    version the writer saw (the current one when None)."""
    change.require("events.change_event", event)
    if status not in TRANSITIONS[EventStatus(event.status)]:
        raise ValidationError(
            ERROR_TRANSITION,
            code="transition",
            params={"old": event.get_status_display(), "new": EventStatus(status).label},
        )
    event.status = status
    event.status_changed_at = timezone.now()
    event.status_changed_by = change.user
    change.mark(event)
    version = event.version if expected_version is None else expected_version
    save_versioned(event, expected_version=version)
    if status == EventStatus.CANCELLED:
        registrations_tell_cancelled(event)
    return event


@transaction.atomic
def photo_add(
    event: Event,
    upload: File[Any],
    *,
    caption: dict[str, str],
    credit: str,
    change: Change,
) -> EventPhoto:
    """Keep a photo of the event: re-encoded without its metadata, with a thumbnail."""
    change.require("events.change_event", event)
    full, thumbnail = photo_renditions(upload)
    photo = EventPhoto(event=event, credit=credit[:200])
    for lang in CONTENT_LANGUAGES:
        setattr(photo, f"caption_{lang}", caption.get(lang, "")[:300])
    photo.uploaded_by = change.user
    photo.image.save(full.name or "photo.jpg", full, save=False)
    photo.thumbnail.save(thumbnail.name or "thumbnail.jpg", thumbnail, save=False)
    change.mark(photo)
    photo.full_clean()  # the captions and credit as any text field (kopir.core.text)
    photo.save()
    return photo


@transaction.atomic
def photo_delete(photo: EventPhoto, *, change: Change) -> None:
    change.require("events.change_event", photo.event)
    files = [photo.image.name, photo.thumbnail.name]
    change.mark(photo)
    photo.delete()
    forget_on_commit(files, photo.image.storage)


@transaction.atomic
def link_save(link: EventLink, *, change: Change) -> EventLink:
    """Add or change a press item, recording or other link of an event."""
    change.require("events.change_event", link.event)
    if not any(getattr(link, f"title_{lang}") for lang in CONTENT_LANGUAGES):
        raise ValidationError({"title_ru": ERROR_NO_TITLE})
    change.mark(link)
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def link_delete(link: EventLink, *, change: Change) -> None:
    change.require("events.change_event", link.event)
    change.mark(link)
    link.delete()
