"""Books exchanged in the period: copies of gifts and swaps received (the exchange's own
definition, `kopir.exchange.selectors.exchanged_items`), between each pair and by direction."""

from __future__ import annotations

from django.db.models import Count, F, QuerySet, Sum

from kopir.exchange.models import ShipmentItem
from kopir.exchange.selectors import PairBalance, exchanged_items, pair_balances
from kopir.reports.params import ReportParams, bounds, organisation_filter


def items(params: ReportParams) -> QuerySet[ShipmentItem]:
    """Items received in the period by or from an organisation in scope."""
    found = exchanged_items(*bounds(params))
    if params.is_scoped:
        found = found.filter(
            organisation_filter(params, "shipment__sender__")
            | organisation_filter(params, "shipment__recipient__")
        )
    return found


def copies(params: ReportParams) -> int:
    return items(params).aggregate(n=Sum("copies"))["n"] or 0


def titles(params: ReportParams) -> int:
    return items(params).aggregate(n=Count("record", distinct=True))["n"] or 0


def pairs(params: ReportParams) -> list[PairBalance]:
    return pair_balances(items(params))


def by_direction(params: ReportParams) -> dict[tuple[str, str], int]:
    """Copies by (sender's country, recipient's country)."""
    rows = (
        items(params)
        .order_by()
        .annotate(
            sender=F("shipment__sender__settlement__region__country__code"),
            recipient=F("shipment__recipient__settlement__region__country__code"),
        )
        .values("sender", "recipient")  # after annotate(): group by these alone
        .annotate(n=Sum("copies"))
    )
    return {(row["sender"] or "", row["recipient"] or ""): row["n"] for row in rows}


def sent_by_country(params: ReportParams) -> dict[str, int]:
    out: dict[str, int] = {}
    for (sender, _recipient), n in by_direction(params).items():
        out[sender] = out.get(sender, 0) + n
    return out
