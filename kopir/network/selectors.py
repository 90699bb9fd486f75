"""Every read of the network domain, with what a public reader may see."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from kopir.core import multilingual
from kopir.core.zones import offset_now
from kopir.network.models import (
    Agreement,
    AgreementStatus,
    Country,
    District,
    Membership,
    Organisation,
    OrganisationType,
    Person,
    Region,
    Settlement,
)
from kopir.search.analysis import query_forms

NETWORK_FOUNDED = 2011


@dataclass(frozen=True)
class OrganisationFilter:
    country: str = ""
    region: str = ""
    type: str = ""
    query: str = ""
    mapped: bool = False  # only those whose settlement has coordinates


def organisation_list(filters: OrganisationFilter | None = None) -> QuerySet[Organisation]:
    """Organisations of the network, filtered by country code, region slug, type and name (and
    to those with a place on the map)."""
    filters = filters or OrganisationFilter()
    organisations = Organisation.objects.select_related(
        "settlement__region__country", "parent"
    ).order_by(F("settlement__region__country__code").asc(nulls_last=True), "name_ru")
    if filters.country:
        organisations = organisations.filter(settlement__region__country__code=filters.country)
    if filters.region:
        organisations = organisations.filter(settlement__region__slug=filters.region)
    if filters.type:
        organisations = organisations.filter(type=filters.type)
    if filters.mapped:
        organisations = organisations.filter(settlement__latitude__isnull=False)
    for forms in query_forms(filters.query):  # every word, by any of its forms, as a prefix
        either = Q()
        for form in forms:
            either |= Q(search_text__contains=f" {form}")
        organisations = organisations.filter(either)
    return organisations


def public_people(*, organisation: str = "") -> QuerySet[Person]:
    """The people who consented to be listed (of one organisation, by its slug)."""
    people = Person.objects.filter(consent_public=True).select_related("affiliation")
    people = people.order_by("name_ru")
    if organisation:
        people = people.filter(affiliation__slug=organisation)
    return people


def organisation_get(slug: str) -> Organisation:
    """One organisation with its branches, agreements and the people who consented."""
    queryset = Organisation.objects.select_related(
        "settlement__region__country", "settlement__district", "parent"
    ).prefetch_related(
        Prefetch("branches", Organisation.objects.select_related("settlement")),
        Prefetch("agreements", Agreement.objects.order_by("-signed_on")),
        Prefetch("people", public_people()),
        Prefetch("memberships", Membership.objects.order_by("year")),
    )
    return get_object_or_404(queryset, slug=slug)


@dataclass(frozen=True)
class MembershipSpan:
    first: int
    last: int
    latest: Membership


def membership_span(organisation: Organisation) -> MembershipSpan | None:
    """The first and last year of an organisation in the network (from prefetched rows)."""
    years = list(organisation.memberships.all())
    if not years:
        return None
    return MembershipSpan(first=years[0].year, last=years[-1].year, latest=years[-1])


def agreement_list() -> QuerySet[Agreement]:
    return Agreement.objects.prefetch_related(
        Prefetch("parties", Organisation.objects.select_related("settlement__region__country"))
    ).order_by("-signed_on", "pk")


def agreement_get(pk: int) -> Agreement:
    return get_object_or_404(agreement_list(), pk=pk)


def country_choices() -> list[Country]:
    return list(Country.objects.order_by("code"))


def region_choices() -> list[Region]:
    return list(
        Region.objects.select_related("country")
        .annotate(n=Count("settlements__organisations"))
        .filter(n__gt=0)
        .order_by("country__code", "name_ru")
    )


def type_choices() -> list[tuple[str, str]]:
    used = set(Organisation.objects.values_list("type", flat=True).distinct())
    return [(value, str(label)) for value, label in OrganisationType.choices if value in used]


@dataclass(frozen=True)
class CountryCount:
    country: Country
    organisations: int


@dataclass(frozen=True)
class NetworkSummary:
    founded: int
    years: int
    organisations: int
    by_country: list[CountryCount]
    settlements: int
    agreements_in_force: int
    partners_this_year: int


HOME_PARTNERS = 8  # per country on the home page; the partner list has them all


@dataclass
class PartnerGroup:
    country: Country | None  # None: organisations whose place is not known
    organisations: list[Organisation]
    total: int


def home_partners(per_country: int = HOME_PARTNERS) -> list[PartnerGroup]:
    """A few organisations of each country and how many there are: the home page does not
    grow with the network (issue 19). One query per country, each reading `per_country`."""
    groups = []
    for country in [*country_choices(), None]:
        found = organisation_list().filter(settlement__region__country=country) if country else (
            organisation_list().filter(settlement__isnull=True))  # fmt: skip
        first = list(found[: per_country + 1])
        total = len(first) if len(first) <= per_country else found.count()
        if first:
            groups.append(PartnerGroup(country, first[:per_country], total))
    return groups


def network_summary(today: datetime.date | None = None) -> NetworkSummary:
    """The network in numbers, for the home page."""
    today = today or datetime.date.today()
    counts = dict(
        Organisation.objects.order_by()  # no default ordering in the GROUP BY
        .values("settlement__region__country_id")
        .annotate(n=Count("pk"))
        .values_list("settlement__region__country_id", "n")
    )
    countries = country_choices()
    return NetworkSummary(
        founded=NETWORK_FOUNDED,
        years=today.year - NETWORK_FOUNDED,
        organisations=Organisation.objects.count(),
        by_country=[CountryCount(c, counts.get(c.pk, 0)) for c in countries],
        settlements=Settlement.objects.filter(organisations__isnull=False).distinct().count(),
        agreements_in_force=Agreement.objects.filter(status=AgreementStatus.ACTIVE).count(),
        partners_this_year=Membership.objects.filter(year=today.year).count(),
    )


def organisations_geojson(language: str | None = None) -> dict[str, Any]:
    """The organisations that have coordinates, as a GeoJSON FeatureCollection (RFC 7946)."""
    features = []
    for organisation in organisation_list().filter(settlement__latitude__isnull=False):
        settlement = organisation.settlement
        if settlement is None or settlement.latitude is None or settlement.longitude is None:
            continue  # excluded by the filter already; this keeps the types exact
        features.append(
            {
                "type": "Feature",
                "id": organisation.slug,
                "geometry": {
                    "type": "Point",
                    # RFC 7946 §3.1.1: longitude first.
                    "coordinates": [float(settlement.longitude), float(settlement.latitude)],
                },
                "properties": {
                    "slug": organisation.slug,
                    "name": multilingual.text(organisation, "name", language),
                    "type": organisation.type,
                    "country": settlement.region.country.code,
                    "settlement": multilingual.text(settlement, "name", language),
                    "time_zone": settlement.time_zone,
                    "utc_offset": offset_now(settlement.time_zone),
                    "coordinate_precision": settlement.coordinate_precision,
                    "is_fictional": organisation.is_fictional,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


# --- The API's reads: places and records in their stable order -----------------------------


def country_list() -> QuerySet[Country]:
    return Country.objects.order_by("code")


def region_list(*, country: str = "") -> QuerySet[Region]:
    regions = Region.objects.select_related("country").order_by("slug")
    return regions.filter(country__code=country) if country else regions


def district_list(*, region: str = "") -> QuerySet[District]:
    districts = District.objects.select_related("region").order_by("slug")
    return districts.filter(region__slug=region) if region else districts


def settlement_list(*, country: str = "", region: str = "") -> QuerySet[Settlement]:
    settlements = Settlement.objects.select_related("region__country").order_by("slug")
    if country:
        settlements = settlements.filter(region__country__code=country)
    if region:
        settlements = settlements.filter(region__slug=region)
    return settlements


def settlement_get(slug: str) -> Settlement:
    return get_object_or_404(Settlement, slug=slug)


def organisation_detail(slug: str) -> Organisation:
    """One organisation with its place and parent (the API's detail)."""
    queryset = Organisation.objects.select_related("settlement__region__country", "parent")
    return get_object_or_404(queryset, slug=slug)


def organisations_named(slugs: set[str]) -> list[Organisation]:
    return list(Organisation.objects.filter(slug__in=slugs))


def person_get(pk: int) -> Person:
    return get_object_or_404(Person.objects.select_related("affiliation"), pk=pk)


def agreements_with_party_slugs() -> QuerySet[Agreement]:
    """Agreements, newest first, their parties in the order of their slugs."""
    return Agreement.objects.prefetch_related(
        Prefetch("parties", Organisation.objects.order_by("slug"))
    ).order_by("-signed_on", "pk")


def membership_list(*, year: int | None = None, organisation: str = "") -> QuerySet[Membership]:
    memberships = Membership.objects.select_related("organisation").order_by("year", "pk")
    if year is not None:
        memberships = memberships.filter(year=year)
    if organisation:
        memberships = memberships.filter(organisation__slug=organisation)
    return memberships


# --- The workspace's reads of one record to change --------------------------------------------


def organisation_for_change(slug: str) -> Organisation:
    """An organisation to write to, with its place (the service checks who may)."""
    return get_object_or_404(Organisation.objects.select_related("settlement"), slug=slug)


@dataclass(frozen=True)
class OrganisationWorkspace:
    organisation: Organisation
    branches: QuerySet[Organisation]
    people: QuerySet[Person]
    agreements: QuerySet[Agreement]


def organisation_workspace(organisation: Organisation) -> OrganisationWorkspace:
    """What an editor keeps for an organisation: its branches, people and agreements."""
    return OrganisationWorkspace(
        organisation=organisation,
        branches=organisation.branches.order_by("name_ru"),
        people=Person.objects.filter(affiliation=organisation).order_by("name_ru"),
        agreements=organisation.agreements.order_by("-signed_on"),
    )


def agreement_for_change(pk: int) -> Agreement:
    return get_object_or_404(Agreement, pk=pk)
