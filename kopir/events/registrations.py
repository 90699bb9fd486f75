"""Every write to registrations: places and the waiting list, cancellation, erasure.

A cancellation link is a signed registration id (no secret is stored). Personal data are seen
only by the event's organisers and erased on request or after the retention period.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kopir.core.audit import Change
from kopir.events.models import Event, Registration, RegistrationKind, RegistrationStatus
from kopir.events.selectors import places_taken
from kopir.events.tasks import send_registration_letter

SALT = "kopir.events.registration.cancel"
ERROR_CLOSED = _("This event does not take registrations.")
ERROR_EMPTY_GROUP = _("A group needs at least one child.")
ERROR_LINK = _("This link is not valid.")
ERROR_OTHER_VENUE = _("Choose one of this event's venues.")


def cancel_token(registration: Registration) -> str:
    return signing.dumps(registration.pk, salt=SALT)


def cancel_url(registration: Registration, site_url: str) -> str:
    with translation.override(registration.language):
        path = reverse("events:registration-cancel", args=[cancel_token(registration)])
    return f"{site_url.rstrip('/')}{path}"


def registration_url(registration: Registration, site_url: str) -> str:
    """The registration's own page (signed as the cancellation link): its places, the link to
    join an online event, the way to cancel."""
    with translation.override(registration.language):
        path = reverse("events:registration", args=[cancel_token(registration)])
    return f"{site_url.rstrip('/')}{path}"


def _letter(registration: Registration, letter: str, site_url: str) -> None:
    cancel, page = cancel_url(registration, site_url), registration_url(registration, site_url)
    transaction.on_commit(
        lambda: send_registration_letter.enqueue(registration.pk, letter, cancel, page)
    )


@transaction.atomic
def registration_create(registration: Registration, *, site_url: str | None = None) -> Registration:
    """Take a place if there is one, else a place on the waiting list; send the letter."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    if not event.registration_open or event.status == "cancelled" or event.ends_at < timezone.now():
        raise ValidationError(ERROR_CLOSED, code="closed")
    if registration.kind == RegistrationKind.GROUP and registration.children < 1:
        raise ValidationError({"children": ERROR_EMPTY_GROUP})
    if registration.kind == RegistrationKind.PERSON:
        registration.children, registration.adults = 0, 1
    venues = list(event.venues.all())
    if registration.venue_id is None and len(venues) == 1:
        registration.venue = venues[0]
    elif registration.venue_id is not None and registration.venue_id not in {v.pk for v in venues}:
        raise ValidationError({"venue": ERROR_OTHER_VENUE})
    fits = event.capacity is None or places_taken(event) + registration.seats <= event.capacity
    registration.status = RegistrationStatus.CONFIRMED if fits else RegistrationStatus.WAITING
    registration.full_clean()
    registration.save()
    _letter(registration, "confirmed" if fits else "waiting", site_url or settings.KOPIR_SITE_URL)
    return registration


REMINDER_AHEAD = datetime.timedelta(hours=24)


@transaction.atomic
def reminders_send(*, now: datetime.datetime | None = None, site_url: str | None = None) -> int:
    """Queue the reminder letter for every confirmed registration whose event starts within the
    next 24 hours, once each (run hourly from cron; a late run still reminds before the start)."""
    now = now or timezone.now()
    due = (
        Registration.objects.select_for_update(of=("self",))
        .filter(
            status=RegistrationStatus.CONFIRMED, reminded_at__isnull=True, erased_at__isnull=True,
            event__starts_at__gt=now, event__starts_at__lte=now + REMINDER_AHEAD,
        )
        .exclude(event__status="cancelled")
        .select_related("event")
    )  # fmt: skip
    sent = 0
    for registration in due:
        registration.reminded_at = now
        registration.save(update_fields=["reminded_at", "updated_at"])
        _letter(registration, "reminder", site_url or settings.KOPIR_SITE_URL)
        sent += 1
    return sent


def registration_from_token(token: str) -> Registration:
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature as error:
        raise ValidationError(ERROR_LINK, code="bad_link") from error
    registration = Registration.objects.select_related("event").filter(pk=pk).first()
    if registration is None or registration.erased_at:
        raise ValidationError(ERROR_LINK, code="bad_link")
    return registration


@transaction.atomic
def registration_cancel(token: str, *, site_url: str | None = None) -> Registration:
    """Cancel by the link from the letter; the freed places go to the waiting list in order."""
    registration = registration_from_token(token)
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    if registration.status != RegistrationStatus.CANCELLED:
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status", "updated_at"])
        _letter(registration, "cancelled", site_url or settings.KOPIR_SITE_URL)
        _promote(event, site_url or settings.KOPIR_SITE_URL)
    return registration


def _promote(event: Event, site_url: str) -> None:
    for waiting in event.registrations.filter(status=RegistrationStatus.WAITING).order_by(
        "created_at", "pk"
    ):
        if event.capacity is not None and places_taken(event) + waiting.seats > event.capacity:
            continue
        waiting.status = RegistrationStatus.CONFIRMED
        waiting.save(update_fields=["status", "updated_at"])
        _letter(waiting, "promoted", site_url)


_ERASED = {
    "contact_name": "—",
    "contact_email": "erased@invalid",
    "contact_phone": "",
    "institution": "",
}


@transaction.atomic
def registration_erase(registration: Registration, *, change: Change) -> None:
    """Erase a registrant's personal data on request; the counts stay for the reports."""
    change.require("events.view_registrations", registration.event)
    _erase(Registration.objects.filter(pk=registration.pk))


def _erase(registrations) -> int:
    return registrations.filter(erased_at__isnull=True).update(**_ERASED, erased_at=timezone.now())


def registrations_purge(now: datetime.datetime | None = None) -> int:
    """Erase the personal data of registrations for events that ended over the retention period."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.KOPIR_REGISTRATION_RETENTION_DAYS)
    return _erase(Registration.objects.filter(event__ends_at__lt=cutoff))


def registrations_tell_cancelled(event: Event, *, site_url: str | None = None) -> int:
    """The event is cancelled: a letter to everyone who still holds a place or waits for one,
    in their language (the organisers need not write to each). Returns how many go out."""
    told = event.registrations.filter(
        status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING],
        erased_at__isnull=True,
    )
    for registration in told:
        _letter(registration, "event_cancelled", site_url or settings.KOPIR_SITE_URL)
    return len(told)
