"""Events made through the service, as organisers make them, and registrations."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import factory

from kopir.core.audit import SYSTEM
from kopir.events.models import Event, EventFormat, Registration, RegistrationStatus
from kopir.events.services import VenueInput, event_save
from kopir.network.models import Organisation, Settlement


def event(
    organisers: Sequence[Organisation],
    *,
    starts: datetime.datetime,
    minutes: int = 60,
    format: str = EventFormat.ROUND_TABLE,
    audience: str = "adults",
    **fields: object,
) -> Event:
    """An event of `organisers`, held at each of their settlements (the first one hosts)."""
    made = Event(
        format=format, audience=audience, starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=minutes),
        title_ru=str(fields.pop("title_ru", "Встреча читателей")), **fields,
    )  # fmt: skip
    venues = [VenueInput(o.settlement, o) for o in organisers if o.settlement is not None]
    return event_save(made, organisers=list(organisers), venues=venues, change=SYSTEM)


def bridge(slug: str, starts: datetime.datetime, **fields: object) -> Event:
    """A video bridge of the district library in Shemonaikha with the children's library in
    Barnaul (the factory network's or the demo's), hosted in Barnaul."""
    central = Organisation.objects.get(settlement__slug="shemonaikha", type="district_library")
    childrens = Organisation.objects.get(settlement__slug="barnaul", type="childrens_library")
    made = Event(
        slug=slug, title_ru=fields.pop("title_ru", "Видеомост"),
        title_kk=fields.pop("title_kk", "Бейнекөпір"), format=EventFormat.VIDEO_BRIDGE,
        audience="children", starts_at=starts, ends_at=starts + datetime.timedelta(hours=1),
        **fields,
    )  # fmt: skip
    venues = [
        VenueInput(Settlement.objects.get(slug="barnaul"), childrens),
        VenueInput(Settlement.objects.get(slug="shemonaikha"), central),
    ]
    return event_save(made, organisers=[central], venues=venues, change=SYSTEM)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    kind = "group"
    status = RegistrationStatus.CONFIRMED
    contact_name = factory.Sequence(lambda n: f"Учитель {n}")
    contact_email = factory.Sequence(lambda n: f"teacher{n}@example.org")
    children = 12
    adults = 1
    language = "ru"
