"""The network's API types: what is read and what may be written."""

from __future__ import annotations

import datetime

from ninja import Schema
from pydantic import Field

from kopir.api.schemas import Id, Slug, Text
from kopir.core import multilingual
from kopir.network.models import (
    AgreementStatus,
    DatePrecision,
    Organisation,
    OrganisationType,
    PersonRole,
)


class NamedOut(Schema):
    name_kk: str | None
    name_ru: str | None
    name_en: str | None


class CountryOut(NamedOut):
    code: str


class RegionOut(NamedOut):
    slug: str
    country: str = Field(alias="country.code")


class DistrictOut(NamedOut):
    slug: str
    region: str = Field(alias="region.slug")


class SettlementOut(NamedOut):
    slug: str
    region: str = Field(alias="region.slug")
    latitude: float | None
    longitude: float | None
    coordinate_precision: str
    time_zone: str


class OrganisationOut(NamedOut):
    slug: str
    type: str
    parent: str | None
    country: str | None
    settlement: str | None
    time_zone: str | None
    latitude: float | None
    longitude: float | None
    website: str
    isil: str
    is_fictional: bool
    confidence: str
    version: int

    @staticmethod
    def resolve_parent(obj: Organisation) -> str | None:
        return obj.parent.slug if obj.parent else None

    @staticmethod
    def resolve_country(obj: Organisation) -> str | None:
        return obj.settlement.region.country.code if obj.settlement else None

    @staticmethod
    def resolve_settlement(obj: Organisation) -> str | None:
        return multilingual.text(obj.settlement, "name") if obj.settlement else None

    @staticmethod
    def resolve_time_zone(obj: Organisation) -> str | None:
        return obj.settlement.time_zone if obj.settlement else None

    @staticmethod
    def resolve_latitude(obj: Organisation) -> float | None:
        s = obj.settlement
        return float(s.latitude) if s and s.latitude is not None else None

    @staticmethod
    def resolve_longitude(obj: Organisation) -> float | None:
        s = obj.settlement
        return float(s.longitude) if s and s.longitude is not None else None


class OrganisationDetailOut(OrganisationOut):
    short_name_kk: str | None
    short_name_ru: str | None
    short_name_en: str | None
    address_kk: str | None
    address_ru: str | None
    address_en: str | None
    description_kk: str | None
    description_ru: str | None
    description_en: str | None


class OrganisationIn(Schema):
    """Fields an editor may change; all optional in a PATCH."""

    name_kk: Text | None = Field(None, max_length=300)
    name_ru: Text | None = Field(None, max_length=300)
    name_en: Text | None = Field(None, max_length=300)
    short_name_kk: Text | None = Field(None, max_length=120)
    short_name_ru: Text | None = Field(None, max_length=120)
    short_name_en: Text | None = Field(None, max_length=120)
    address_kk: Text | None = Field(None, max_length=300)
    address_ru: Text | None = Field(None, max_length=300)
    address_en: Text | None = Field(None, max_length=300)
    description_kk: Text | None = None
    description_ru: Text | None = None
    description_en: Text | None = None
    website: Text | None = Field(None, max_length=200)
    isil: Text | None = Field(None, max_length=16)


class OrganisationPatch(OrganisationIn):
    version: int = Field(ge=1, le=2**31, description="The version the change is based on.")


class OrganisationCreate(OrganisationIn):
    slug: Slug
    type: OrganisationType
    settlement: Slug | None = None
    parent: Slug | None = Field(None, description="Editors may only add branches of their own.")


class PersonOut(Schema):
    id: int
    name_kk: str | None
    name_ru: str | None
    name_en: str | None
    role: str
    affiliation: str | None = Field(None, alias="affiliation.slug")
    email: str | None
    phone: str | None
    version: int

    @staticmethod
    def resolve_email(obj: object) -> str | None:
        return obj.email if obj.consent_contacts else None  # type: ignore[attr-defined]

    @staticmethod
    def resolve_phone(obj: object) -> str | None:
        return obj.phone if obj.consent_contacts else None  # type: ignore[attr-defined]


class PersonIn(Schema):
    name_kk: Text | None = Field(None, max_length=200)
    name_ru: Text | None = Field(None, max_length=200)
    name_en: Text | None = Field(None, max_length=200)
    position_kk: Text | None = Field(None, max_length=200)
    position_ru: Text | None = Field(None, max_length=200)
    position_en: Text | None = Field(None, max_length=200)
    role: PersonRole | None = None
    email: Text | None = Field(None, max_length=254)
    phone: Text | None = Field(None, max_length=40)
    consent_public: bool | None = None
    consent_contacts: bool | None = None


class PersonCreate(PersonIn):
    affiliation: Slug
    role: PersonRole


class PersonPatch(PersonIn):
    version: int = Field(ge=1, le=2**31)


class AgreementOut(Schema):
    id: int
    title_kk: str | None
    title_ru: str | None
    title_en: str | None
    status: str
    signed_on: datetime.date | None
    signed_on_precision: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    parties: list[str]
    version: int

    @staticmethod
    def resolve_parties(obj: object) -> list[str]:
        return [p.slug for p in obj.parties.all()]  # type: ignore[attr-defined]


class AgreementIn(Schema):
    title_kk: Text | None = Field(None, max_length=400)
    title_ru: Text | None = Field(None, max_length=400)
    title_en: Text | None = Field(None, max_length=400)
    occasion_kk: Text | None = Field(None, max_length=400)
    occasion_ru: Text | None = Field(None, max_length=400)
    occasion_en: Text | None = Field(None, max_length=400)
    status: AgreementStatus | None = None
    signed_on: datetime.date | None = None
    signed_on_precision: DatePrecision | None = None
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    parties: list[Slug] | None = Field(None, max_length=100)


class AgreementCreate(AgreementIn):
    parties: list[Slug] = Field(min_length=2, max_length=100)


class AgreementPatch(AgreementIn):
    version: int = Field(ge=1, le=2**31)


class MembershipOut(Schema):
    organisation: str = Field(alias="organisation.slug")
    year: int
    role: str
    confidence: str


__all__ = ["Id", "Slug"]
