"""The network's API: reads for everyone (people only with consent); writes with a token,
under exactly the permissions of the site (kopir/accounts/rules.py)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from kopir.api.auth import token_auth
from kopir.api.errors import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS
from kopir.api.schemas import Id, Slug, Text
from kopir.core.audit import Change, Origin
from kopir.core.languages import CONTENT_LANGUAGES
from kopir.network import selectors, services
from kopir.network.api_schemas import (
    AgreementCreate,
    AgreementOut,
    AgreementPatch,
    CountryOut,
    DistrictOut,
    MembershipOut,
    OrganisationCreate,
    OrganisationDetailOut,
    OrganisationOut,
    OrganisationPatch,
    PersonCreate,
    PersonOut,
    PersonPatch,
    RegionOut,
    SettlementOut,
)
from kopir.network.models import (
    Agreement,
    Country,
    District,
    Membership,
    Organisation,
    Person,
    Region,
    Settlement,
)

router = Router(tags=["network"])
ERROR_UNKNOWN_PARTY = _("One of the parties is not an organisation of the network.")
LANGUAGE_CODES = CONTENT_LANGUAGES


def _apply(instance: Any, data: Schema, *, skip: tuple[str, ...] = ()) -> None:
    """Copy the fields the client sent; null clears a text field and empties any other."""
    for name, value in data.dict(exclude_unset=True).items():
        if name in skip or name == "version":
            continue
        is_text = isinstance(instance._meta.get_field(name), models.CharField | models.TextField)
        setattr(instance, name, "" if value is None and is_text else value)


# --- places --------------------------------------------------------------------------------


class PlaceFilter(Schema):
    country: Text | None = None
    region: Text | None = None


@router.get("/countries", response={200: list[CountryOut], **LIST_ERRORS}, summary="Countries")
@paginate
def list_countries(request: HttpRequest) -> QuerySet[Country]:
    return selectors.country_list()


@router.get("/regions", response={200: list[RegionOut], **LIST_ERRORS}, summary="Regions")
@paginate
def list_regions(request: HttpRequest, filters: Query[PlaceFilter]) -> QuerySet[Region]:
    return selectors.region_list(country=filters.country or "")


@router.get("/districts", response={200: list[DistrictOut], **LIST_ERRORS}, summary="Districts")
@paginate
def list_districts(request: HttpRequest, filters: Query[PlaceFilter]) -> QuerySet[District]:
    return selectors.district_list(region=filters.region or "")


@router.get(
    "/settlements", response={200: list[SettlementOut], **LIST_ERRORS}, summary="Settlements"
)
@paginate
def list_settlements(request: HttpRequest, filters: Query[PlaceFilter]) -> QuerySet[Settlement]:
    return selectors.settlement_list(country=filters.country or "", region=filters.region or "")


# --- organisations -------------------------------------------------------------------------


class OrganisationQuery(Schema):
    country: Text = ""
    region: Text = ""
    type: Text = ""
    q: Text = ""


@router.get(
    "/organisations",
    response={200: list[OrganisationOut], **LIST_ERRORS},
    summary="List organisations",
)
@paginate
def list_organisations(
    request: HttpRequest, filters: Query[OrganisationQuery]
) -> QuerySet[Organisation]:
    """Organisations of the network, filtered like the public partner list."""
    return selectors.organisation_list(
        selectors.OrganisationFilter(
            country=filters.country, region=filters.region, type=filters.type, query=filters.q
        )
    )


@router.get(
    "/organisations.geojson",
    summary="Organisations as GeoJSON",
    response={200: dict, **LIST_ERRORS},
    openapi_extra={
        "responses": {200: {"content": {"application/geo+json": {"schema": {"type": "object"}}}}}
    },
)
def organisations_geojson(request: HttpRequest, lang: Text = "") -> JsonResponse:
    """A GeoJSON FeatureCollection (RFC 7946) of the organisations that have coordinates.

    Names are in `lang` (kk, ru or en) with the site's fallback order; by default Kazakh.
    """
    language = lang if lang in LANGUAGE_CODES else "kk"
    with translation.override(language):
        data = selectors.organisations_geojson(language)
    return JsonResponse(data, content_type="application/geo+json")


def _organisation(slug: str) -> Organisation:
    return selectors.organisation_detail(slug)


@router.get(
    "/organisations/{slug}",
    response={200: OrganisationDetailOut, **READ_ERRORS},
    summary="One organisation",
)
def get_organisation(request: HttpRequest, slug: Slug) -> Organisation:
    return _organisation(slug)


@router.post(
    "/organisations",
    auth=token_auth,
    response={201: OrganisationDetailOut, **WRITE_ERRORS},
    summary="Add an organisation (coordinator) or a branch of your own (editor)",
)
def create_organisation(request: HttpRequest, data: OrganisationCreate) -> Status:
    organisation = Organisation(slug=data.slug, type=data.type)
    if data.settlement:
        organisation.settlement = selectors.settlement_get(data.settlement)
    if data.parent:
        organisation.parent = selectors.organisation_detail(data.parent)
    _apply(organisation, data, skip=("slug", "type", "settlement", "parent"))
    services.organisation_save(organisation, change=Change.from_request(request, Origin.API))
    return Status(201, _organisation(organisation.slug))


@router.patch(
    "/organisations/{slug}",
    auth=token_auth,
    response={200: OrganisationDetailOut, **WRITE_ERRORS},
    summary="Change an organisation",
)
def update_organisation(request: HttpRequest, slug: Slug, data: OrganisationPatch) -> Any:
    organisation = _organisation(slug)
    _apply(organisation, data)
    services.organisation_save(
        organisation, change=Change.from_request(request, Origin.API), expected_version=data.version
    )
    return _organisation(slug)


@router.delete(
    "/organisations/{slug}",
    auth=token_auth,
    response={204: None, **WRITE_ERRORS},
    summary="Delete an organisation (coordinator)",
)
def delete_organisation(request: HttpRequest, slug: Slug) -> Status:
    services.organisation_delete(
        _organisation(slug), change=Change.from_request(request, Origin.API)
    )
    return Status(204, None)


# --- people --------------------------------------------------------------------------------


class PeopleQuery(Schema):
    organisation: Text = ""


@router.get(
    "/people",
    response={200: list[PersonOut], **LIST_ERRORS},
    summary="People who consented to be listed",
)
@paginate
def list_people(request: HttpRequest, filters: Query[PeopleQuery]) -> QuerySet[Person]:
    return selectors.public_people(organisation=filters.organisation or "")


def _person(pk: int) -> Person:
    return selectors.person_get(pk)


@router.post(
    "/people",
    auth=token_auth,
    response={201: PersonOut, **WRITE_ERRORS},
    summary="Add a person to your organisation",
)
def create_person(request: HttpRequest, data: PersonCreate) -> Status:
    person = Person(affiliation=selectors.organisation_detail(data.affiliation))
    _apply(person, data, skip=("affiliation",))
    services.person_save(person, change=Change.from_request(request, Origin.API))
    return Status(201, _person(person.pk))


@router.patch(
    "/people/{pk}", auth=token_auth, response={200: PersonOut, **WRITE_ERRORS},
    summary="Change a person",
)  # fmt: skip
def update_person(request: HttpRequest, pk: Id, data: PersonPatch) -> Person:
    person = _person(pk)
    _apply(person, data)
    services.person_save(
        person, change=Change.from_request(request, Origin.API), expected_version=data.version
    )
    return _person(pk)


@router.delete(
    "/people/{pk}", auth=token_auth, response={204: None, **WRITE_ERRORS},
    summary="Delete a person",
)  # fmt: skip
def delete_person(request: HttpRequest, pk: Id) -> Status:
    services.person_delete(_person(pk), change=Change.from_request(request, Origin.API))
    return Status(204, None)


# --- agreements and memberships ------------------------------------------------------------


def _agreements() -> QuerySet[Agreement]:
    return selectors.agreements_with_party_slugs()


@router.get("/agreements", response={200: list[AgreementOut], **LIST_ERRORS}, summary="Agreements")
@paginate
def list_agreements(request: HttpRequest) -> QuerySet[Agreement]:
    return _agreements()


@router.get(
    "/agreements/{pk}", response={200: AgreementOut, **READ_ERRORS}, summary="One agreement"
)
def get_agreement(request: HttpRequest, pk: Id) -> Agreement:
    return get_object_or_404(_agreements(), pk=pk)


@router.post(
    "/agreements", auth=token_auth, response={201: AgreementOut, **WRITE_ERRORS},
    summary="Add an agreement your organisation is a party to",
)  # fmt: skip
def create_agreement(request: HttpRequest, data: AgreementCreate) -> Status:
    agreement = Agreement()
    _apply(agreement, data, skip=("parties",))
    parties = _existing_parties(data.parties)
    services.agreement_save(
        agreement, parties=parties, change=Change.from_request(request, Origin.API)
    )
    return Status(201, get_object_or_404(_agreements(), pk=agreement.pk))


@router.patch(
    "/agreements/{pk}", auth=token_auth, response={200: AgreementOut, **WRITE_ERRORS},
    summary="Change an agreement",
)  # fmt: skip
def update_agreement(request: HttpRequest, pk: Id, data: AgreementPatch) -> Agreement:
    agreement = get_object_or_404(_agreements(), pk=pk)
    parties = (
        _existing_parties(data.parties)
        if data.parties is not None
        else list(agreement.parties.all())
    )
    _apply(agreement, data, skip=("parties",))
    services.agreement_save(
        agreement,
        parties=parties,
        change=Change.from_request(request, Origin.API),
        expected_version=data.version,
    )
    return get_object_or_404(_agreements(), pk=pk)


@router.delete(
    "/agreements/{pk}", auth=token_auth, response={204: None, **WRITE_ERRORS},
    summary="Delete an agreement",
)  # fmt: skip
def delete_agreement(request: HttpRequest, pk: Id) -> Status:
    services.agreement_delete(
        get_object_or_404(_agreements(), pk=pk), change=Change.from_request(request, Origin.API)
    )
    return Status(204, None)


def _existing_parties(slugs: list[str]) -> list[Organisation]:
    found = selectors.organisations_named(set(slugs))
    if len(found) != len(set(slugs)):
        raise ValidationError({"parties": [ERROR_UNKNOWN_PARTY]})
    return found


class MembershipQuery(Schema):
    year: int | None = None
    organisation: Text = ""


@router.get(
    "/memberships", response={200: list[MembershipOut], **LIST_ERRORS}, summary="Membership by year"
)
@paginate
def list_memberships(request: HttpRequest, filters: Query[MembershipQuery]) -> QuerySet[Membership]:
    return selectors.membership_list(year=filters.year, organisation=filters.organisation)
