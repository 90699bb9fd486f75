"""Shipments between two libraries and who may move them on.

    draft ──(recipient agrees)──▶ agreed ──(sender sends)──▶ sent ──(recipient receives)──▶ received
    received ──(recipient sends back; loans)──▶ return_sent ──(sender receives back)──▶ returned
    draft: the sender may cancel; agreed: either side may cancel.

Each step is allowed only to the editors of the right side (the coordinator may cancel), is
dated, and leaves a version in the history with who did it.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kopir.core.audit import Change
from kopir.core.concurrency import save_versioned
from kopir.exchange.models import (
    BibRecord,
    ExchangeKind,
    ItemCondition,
    Shipment,
    ShipmentItem,
    ShipmentStatus,
)
from kopir.network.models import Organisation

SENDER, RECIPIENT, COORDINATOR = "sender", "recipient", "coordinator"
S = ShipmentStatus
# (from, to) → the sides that may take the step
STEPS: dict[tuple[str, str], set[str]] = {
    (S.DRAFT, S.AGREED): {RECIPIENT},
    (S.DRAFT, S.CANCELLED): {SENDER, COORDINATOR},
    (S.AGREED, S.SENT): {SENDER},
    (S.AGREED, S.CANCELLED): {SENDER, RECIPIENT, COORDINATOR},
    (S.SENT, S.RECEIVED): {RECIPIENT},
    (S.RECEIVED, S.RETURN_SENT): {RECIPIENT},
    (S.RETURN_SENT, S.RETURNED): {SENDER},
}
STAMPS = {
    S.AGREED: "agreed_at", S.SENT: "sent_at", S.RECEIVED: "received_at",
    S.RETURN_SENT: "return_sent_at", S.RETURNED: "returned_at", S.CANCELLED: "cancelled_at",
}  # fmt: skip

ERROR_STEP = _("A shipment cannot go from “%(old)s” to “%(new)s”.")
ERROR_SIDE = _("Only the other library can take this step.")
ERROR_ONLY_LOANS = _("Only a loan is sent back.")
ERROR_NOT_YOURS = _("Only books of the sending library can be sent.")
ERROR_NO_ITEMS = _("A shipment needs at least one book.")
ERROR_RETURN_DATE = _("A loan needs the date it is to be returned by.")


def sides_of(user: object, shipment: Shipment) -> set[str]:
    """Which sides of the shipment the user acts for."""
    sides = set()
    if getattr(user, "is_coordinator", False):
        sides.add(COORDINATOR)
    has_perm = getattr(user, "has_perm", lambda *a: False)
    if getattr(user, "is_editor", False):
        if has_perm("network.change_organisation", shipment.sender):
            sides.add(SENDER)
        if has_perm("network.change_organisation", shipment.recipient):
            sides.add(RECIPIENT)
    return sides


def next_steps(user: object, shipment: Shipment) -> list[str]:
    """The statuses this user may move the shipment to, in workflow order."""
    mine = sides_of(user, shipment)
    return [
        new for (old, new), allowed in STEPS.items()
        if old == shipment.status and allowed & mine
        and (new not in (S.RETURN_SENT, S.RETURNED) or shipment.kind == ExchangeKind.LOAN)
    ]  # fmt: skip


@dataclass(frozen=True)
class ItemInput:
    record: BibRecord
    copies: int = 1


@transaction.atomic
def shipment_create(
    *, sender: Organisation, recipient: Organisation, kind: str, items: Sequence[ItemInput],
    change: Change, return_due: datetime.date | None = None, note: str = "",
) -> Shipment:  # fmt: skip
    """A proposal from the sender: a draft that the recipient agrees to (or not)."""
    change.require("network.change_organisation", sender)
    if not items:
        raise ValidationError(ERROR_NO_ITEMS)
    if any(item.record.organisation_id != sender.pk for item in items):
        raise ValidationError(ERROR_NOT_YOURS)
    if kind == ExchangeKind.LOAN and return_due is None:
        raise ValidationError({"return_due": ERROR_RETURN_DATE})
    shipment = Shipment(sender=sender, recipient=recipient, kind=kind, return_due=return_due,
                        note=note)  # fmt: skip
    shipment.full_clean()
    change.mark(shipment)
    shipment.save()
    ShipmentItem.objects.bulk_create(
        ShipmentItem(shipment=shipment, record=item.record, copies=item.copies) for item in items
    )
    return shipment


@transaction.atomic
def shipment_move(
    shipment: Shipment, status: str, *, change: Change, expected_version: int | None = None,
    carrier: str = "", tracking_number: str = "",
    receipt: dict[int, tuple[str, str]] | None = None,
) -> Shipment:  # fmt: skip
    """Take one step of the workflow, as the side allowed to take it.

    Sending records the carrier and tracking number; receiving records each item's condition
    (item id → (received | damaged | missing, note)); items not named count as received."""
    old = ShipmentStatus(shipment.status)
    allowed = STEPS.get((old, status)) if status in ShipmentStatus.values else None
    if allowed is None:
        new = ShipmentStatus(status).label if status in ShipmentStatus.values else status
        labels = {"old": old.label, "new": new}
        raise ValidationError(ERROR_STEP, code="step", params=labels)
    if status in (S.RETURN_SENT, S.RETURNED) and shipment.kind != ExchangeKind.LOAN:
        raise ValidationError(ERROR_ONLY_LOANS, code="only_loans")
    if not change.is_system and not (allowed & sides_of(change.actor, shipment)):
        raise PermissionDenied(ERROR_SIDE)
    if status == S.SENT:
        shipment.carrier, shipment.tracking_number = carrier[:200], tracking_number[:100]
    if status == S.RECEIVED:
        _record_receipt(shipment, receipt or {})
    shipment.status = status
    setattr(shipment, STAMPS[ShipmentStatus(status)], timezone.now())
    change.mark(shipment)
    save_versioned(shipment, expected_version=shipment.version if expected_version is None
                   else expected_version)  # fmt: skip
    return shipment


def _record_receipt(shipment: Shipment, receipt: dict[int, tuple[str, str]]) -> None:
    for item in shipment.items.all():
        condition, note = receipt.get(item.pk, (ItemCondition.RECEIVED, ""))
        if condition not in (ItemCondition.RECEIVED, ItemCondition.DAMAGED, ItemCondition.MISSING):
            condition = ItemCondition.RECEIVED
        item.condition, item.receipt_note = condition, note[:300]
        item.save(update_fields=["condition", "receipt_note"])


@dataclass(frozen=True)
class Awaiting:
    """A shipment and its next step: the status it leads to and the library that takes it."""

    shipment: Shipment
    step: str
    by: Organisation


def shipments_awaiting(organisations: QuerySet[Organisation] | None) -> list[Awaiting]:
    """Shipments in motion that involve these organisations (None: the whole network), the
    oldest first, each with its next step (STEPS) and the side that takes it."""
    steps = {
        old: (new, RECIPIENT in sides)
        for (old, new), sides in STEPS.items()
        if new != ShipmentStatus.CANCELLED
    }
    # Only a loan goes on after "received".
    moving = Q(status__in=set(steps) - {ShipmentStatus.RECEIVED}) | Q(
        status=ShipmentStatus.RECEIVED, kind=ExchangeKind.LOAN
    )
    shipments = Shipment.objects.filter(moving).select_related("sender", "recipient")
    if organisations is not None:
        shipments = shipments.filter(Q(sender__in=organisations) | Q(recipient__in=organisations))
    awaiting = []
    for shipment in shipments.annotate(copies=Sum("items__copies")).order_by("updated_at", "pk"):
        new, recipient_acts = steps[shipment.status]
        by = shipment.recipient if recipient_acts else shipment.sender
        awaiting.append(Awaiting(shipment, new, by))
    return awaiting
