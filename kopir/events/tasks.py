"""Background work for events: letters to registrants, in their own language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from kopir.events.models import Registration

LETTERS = ("confirmed", "waiting", "promoted", "reminder", "cancelled", "event_cancelled")


@task()
def send_registration_letter(
    registration_id: int, letter: str, cancel_url: str = "", registration_url: str = ""
) -> None:
    """Render and send one letter about a registration, in the registrant's language."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or registration.erased_at or letter not in LETTERS:
        return
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": registration.event,
            "cancel_url": cancel_url,
            "registration_url": registration_url,
        }
        subject = render_to_string(f"events/email/{letter}_subject.txt", context).strip()
        body = render_to_string(f"events/email/{letter}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [registration.contact_email])
