"""Every write to events: the event, its venues, its status."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kopir.core.audit import Change, forget_on_commit
from kopir.core.concurrency import save_versioned
from kopir.core.languages import CONTENT_LANGUAGES
from kopir.core.page_cache import content_changed
from kopir.core.text import strip_marks
from kopir.core.transliteration import to_latin
from kopir.core.uploads import photo_renditions
from kopir.events import bridges
from kopir.events.models import Event, EventFormat, EventLink, EventPhoto, EventStatus, Venue
from kopir.network.models import Organisation, Settlement

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
    base = slugify(strip_marks(to_latin(title)))[:60].strip("-") or "event"
    slug = f"{base}-{day:%Y-%m-%d}"
    candidate, n = slug, 2
    while Event.objects.filter(slug=candidate).exists():
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


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
def event_set_status(event: Event, status: str, *, change: Change) -> Event:
    """Move the event along planned → confirmed → held → reported (or cancelled)."""
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
    save_versioned(event, expected_version=event.version)
    return event


@transaction.atomic
def photo_add(
    event: Event,
    upload: File,
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
    change.mark(link)
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def link_delete(link: EventLink, *, change: Change) -> None:
    change.require("events.change_event", link.event)
    change.mark(link)
    link.delete()
