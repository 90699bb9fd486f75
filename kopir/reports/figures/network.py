"""Partners of the period (by their yearly membership) and the agreements in force."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from kopir.core import multilingual
from kopir.network.models import Agreement, AgreementStatus, Membership, Organisation
from kopir.reports.params import ReportParams, organisation_filter


@dataclass(frozen=True)
class Partner:
    organisation: Organisation
    role: str  # the role of the latest year in the period


def _memberships(params: ReportParams) -> QuerySet[Membership]:
    return Membership.objects.filter(
        organisation_filter(params, "organisation__"),
        year__gte=params.start.year,
        year__lte=params.end.year,
    )


def partner_count(params: ReportParams) -> int:
    """How many organisations were members in some year of the period (counted in the database,
    for the indicators that need no list)."""
    return _memberships(params).values("organisation").distinct().count()


def partners(params: ReportParams) -> list[Partner]:
    memberships = (
        _memberships(params)
        .select_related("organisation__settlement__region__country")
        .order_by("organisation_id", "year")
    )
    latest: dict[int, Membership] = {}
    for membership in memberships:
        latest[membership.organisation_id] = membership
    found = [Partner(m.organisation, m.role) for m in latest.values()]

    def order(partner: Partner) -> tuple[str, str]:
        settlement = partner.organisation.settlement
        country = settlement.region.country.code if settlement else ""
        return (country, multilingual.text(partner.organisation, "name", "ru"))

    return sorted(found, key=order)


def agreements_in_force(params: ReportParams) -> QuerySet[Agreement]:
    """Agreements in force at some time in the period: active or since expired, signed and valid
    within it. A terminated agreement's end is not recorded, so it is left out."""
    found = Agreement.objects.filter(
        status__in=[AgreementStatus.ACTIVE, AgreementStatus.EXPIRED]
    ).filter(
        Q(signed_on=None) | Q(signed_on__lte=params.end),
        Q(valid_from=None) | Q(valid_from__lte=params.end),
        Q(valid_to=None) | Q(valid_to__gte=params.start),
    )
    if params.is_scoped:
        parties = Agreement.objects.filter(organisation_filter(params, "parties__")).values("pk")
        found = found.filter(pk__in=parties)
    return found.prefetch_related("parties").order_by("signed_on", "pk")
