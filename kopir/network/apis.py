"""Read API of the network: organisations as JSON and as GeoJSON for the map."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.utils import translation
from ninja import Router, Schema
from ninja.pagination import paginate

from kopir.core import multilingual
from kopir.network import selectors
from kopir.network.models import Organisation

router = Router(tags=["network"])

LANGUAGE_CODES = ("kk", "ru", "en")


class OrganisationOut(Schema):
    slug: str
    name_kk: str
    name_ru: str
    name_en: str
    type: str
    country: str | None
    settlement: str | None
    time_zone: str | None
    latitude: float | None
    longitude: float | None
    website: str
    isil: str
    is_fictional: bool
    confidence: str

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


@router.get("/organisations", response=list[OrganisationOut], summary="List organisations")
@paginate
def list_organisations(
    request: HttpRequest, country: str = "", region: str = "", type: str = "", q: str = ""
):  # type: ignore[no-untyped-def]  # ninja's paginate wraps the return type
    """Organisations of the network, filtered like the public partner list."""
    return selectors.organisation_list(
        selectors.OrganisationFilter(country=country, region=region, type=type, query=q)
    )


@router.get(
    "/organisations.geojson",
    summary="Organisations as GeoJSON",
    response={200: dict},
    openapi_extra={
        "responses": {200: {"content": {"application/geo+json": {"schema": {"type": "object"}}}}}
    },
)
def organisations_geojson(request: HttpRequest, lang: str = "") -> JsonResponse:
    """A GeoJSON FeatureCollection (RFC 7946) of the organisations that have coordinates.

    Names are in `lang` (kk, ru or en) with the site's fallback order; by default Kazakh.
    """
    language = lang if lang in LANGUAGE_CODES else "kk"
    with translation.override(language):
        data = selectors.organisations_geojson(language)
    return JsonResponse(data, content_type="application/geo+json")
