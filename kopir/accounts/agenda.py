"""«My library today»: what waits for a user's library, gathered from every domain's selectors.

An editor sees their own organisation and its branches; the coordinator sees the whole network
(and, when they belong to a library, that library's offers and wishes too). Each list is cut
at `SHOWN` entries with the number left over, so the page stays light however busy the year.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.db.models import QuerySet
from django.utils import timezone

from kopir.accounts import selectors as account_selectors
from kopir.accounts.models import Invitation, User
from kopir.events import selectors as event_selectors
from kopir.events.models import Event
from kopir.events.timeinfo import VenueTime, venue_times
from kopir.exchange import offers, shipments
from kopir.exchange import selectors as exchange_selectors
from kopir.exchange.models import Wish
from kopir.heritage import selectors as heritage_selectors
from kopir.heritage.models import Item, ProjectTask
from kopir.network.models import Organisation

SHOWN = 8
T = TypeVar("T")


@dataclass(frozen=True)
class Part(Generic[T]):
    """The first `SHOWN` entries of a list, and how many more there are."""

    entries: list[T]
    more: int = 0

    @classmethod
    def of(cls, rows: QuerySet[Any] | list[T]) -> Part[T]:
        if isinstance(rows, list):
            return cls(rows[:SHOWN], max(len(rows) - SHOWN, 0))
        entries = list(rows[: SHOWN + 1])
        more = rows.count() - SHOWN if len(entries) > SHOWN else 0
        return cls(entries[:SHOWN], more)

    @property
    def total(self) -> int:
        return len(self.entries) + self.more

    def __bool__(self) -> bool:
        return bool(self.entries)


@dataclass(frozen=True)
class UpcomingEvent:
    event: Event
    registered: int
    taken: int
    places_left: int | None
    times: list[VenueTime]


@dataclass(frozen=True)
class Agenda:
    """What is due for one user's library (or, for the coordinator, the network)."""

    organisation: Organisation | None
    network: bool
    events: Part[UpcomingEvent]
    to_report: Part[Event]
    our_steps: Part[shipments.Awaiting]
    their_steps: Part[shipments.Awaiting]
    offers_for_wishes: Part[offers.Match]
    wishes_for_offers: Part[offers.Match]
    requests: Part[Wish]
    drafts: Part[Item]
    tasks: Part[ProjectTask]
    invitations: Part[Invitation]
    year: int
    kept: list[Organisation] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        parts = (
            self.events, self.to_report, self.our_steps, self.their_steps, self.offers_for_wishes,
            self.wishes_for_offers, self.requests, self.drafts, self.tasks, self.invitations,
        )  # fmt: skip
        return not any(parts)


def agenda(user: User, now: datetime.datetime | None = None) -> Agenda:
    """Everything waiting for `user`'s library: the coming events with their registrations,
    past events to report, shipments at this side's step (and those at the partner's), offers
    that answer wishes both ways, books asked for, drafts, research tasks and invitations."""
    now = now or timezone.now()
    kept = account_selectors.kept_organisations(user)
    network = user.is_coordinator
    scope: QuerySet[Organisation] | None = None if network else kept
    own = user.organisation if user.organisation_id else None
    awaiting = shipments.shipments_awaiting(scope)
    mine = {o.pk for o in kept}
    ours = [a for a in awaiting if network or a.by.pk in mine]
    theirs = [a for a in awaiting if not network and a.by.pk not in mine]
    return Agenda(
        organisation=own,
        network=network,
        events=Part.of([_upcoming(e) for e in event_selectors.events_ahead(scope, now)]),
        to_report=Part.of(event_selectors.events_to_report(scope, now)),
        our_steps=Part.of(ours),
        their_steps=Part.of(theirs),
        offers_for_wishes=Part.of(offers.matches_for(own) if own else []),
        wishes_for_offers=Part.of(offers.wishes_answered_by(own) if own else []),
        requests=Part.of(exchange_selectors.requests_to(own) if own else []),
        drafts=Part.of(heritage_selectors.drafts_of(scope)),
        tasks=Part.of(heritage_selectors.open_tasks(scope)),
        invitations=Part.of(account_selectors.invitations_pending(scope)),
        year=timezone.localdate(now).year,
        kept=list(kept),
    )


def _upcoming(event: Event) -> UpcomingEvent:
    taken = getattr(event, "taken", None) or 0  # annotated by events_ahead
    registered = getattr(event, "registered", None) or 0
    left = event_selectors.places_left(event, taken)
    return UpcomingEvent(event, registered, taken, left, venue_times(event))
