"""Reads of the network: filters, name search in any language and script, the map's GeoJSON."""

from __future__ import annotations

import pytest

from kopir.network import selectors
from kopir.network.models import AgreementStatus, OrganisationType
from kopir.network.selectors import OrganisationFilter
from kopir.network.tests.factories import (
    AgreementFactory,
    OrganisationFactory,
    PersonFactory,
    RegionFactory,
    SettlementFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(network) -> None:
    """The factory network (named as the real libraries are, on both sides) with two libraries
    in Novosibirsk, a publisher without a place, agreements in force and expired, and people
    with and without consent to be listed."""
    novosibirsk = SettlementFactory(
        region=RegionFactory(country=network["regional"].settlement.region.country,
                             slug="novosibirsk-oblast"),
        time_zone="Asia/Novosibirsk",
    )  # fmt: skip
    OrganisationFactory(slug="novosibirsk-regional-library", settlement=novosibirsk,
                        type=OrganisationType.REGIONAL_LIBRARY)  # fmt: skip
    OrganisationFactory(slug="novosibirsk-school", settlement=novosibirsk,
                        type=OrganisationType.SCHOOL_LIBRARY)  # fmt: skip
    OrganisationFactory(slug="almanac-publishers", settlement=None, type=OrganisationType.PUBLISHER)
    central, shishkov = network["central"], network["regional"]
    AgreementFactory(parties=[central, network["childrens"], shishkov],
                     status=AgreementStatus.ACTIVE)  # fmt: skip
    AgreementFactory(parties=[central, shishkov], status=AgreementStatus.EXPIRED)
    PersonFactory(affiliation=central, name_ru="Учитель литературы", consent_public=True)
    PersonFactory(affiliation=central, name_ru="Горьковая С. А.", consent_public=False)


def slugs(filters: OrganisationFilter) -> set[str]:
    return set(selectors.organisation_list(filters).values_list("slug", flat=True))


def test_filter_by_country_separates_the_two_sides(partners) -> None:
    kazakh = slugs(OrganisationFilter(country="KZ"))
    russian = slugs(OrganisationFilter(country="RU"))
    assert "shemonaikha-central-library" in kazakh
    assert {"shishkov-library", "krupskaya-childrens-library"} <= russian
    assert not kazakh & russian


def test_filter_by_region_and_type(partners) -> None:
    found = slugs(OrganisationFilter(region="novosibirsk-oblast", type="regional_library"))
    assert found == {"novosibirsk-regional-library"}


@pytest.mark.parametrize(
    "query",
    [
        "Шишков",  # Russian
        "шишкова",  # lower case Cyrillic (SQLite's LIKE does not fold it)
        "Шишков атындағы",  # Kazakh
        "Shishkov",  # English
        "АКУНБ",  # short name
    ],
)
def test_name_search_in_any_language(partners, query: str) -> None:
    assert "shishkov-library" in slugs(OrganisationFilter(query=query))


@pytest.mark.parametrize("query", ["Şemonaiha", "semonaiha", "ШЕМОНАИХА", "шемонаиха орталық"])
def test_name_search_in_kazakh_latin_and_without_diacritics(partners, query: str) -> None:
    assert "shemonaikha-central-library" in slugs(OrganisationFilter(query=query))


def test_yo_and_ye_are_one_letter_in_search(db) -> None:
    OrganisationFactory(slug="yolka", name_ru="Библиотека «Ёлочка»")
    assert "yolka" in slugs(OrganisationFilter(query="елочка"))


def test_search_with_no_match(partners) -> None:
    assert slugs(OrganisationFilter(query="Хогвартс")) == set()


def test_geojson_has_points_on_both_sides_of_the_border(partners) -> None:
    collection = selectors.organisations_geojson("ru")
    assert collection["type"] == "FeatureCollection"
    countries = {f["properties"]["country"] for f in collection["features"]}
    assert countries == {"KZ", "RU"}
    shemonaikha = next(
        f for f in collection["features"] if f["id"] == "shemonaikha-central-library"
    )
    lon, lat = shemonaikha["geometry"]["coordinates"]
    assert (lon, lat) == (81.912, 50.628)  # RFC 7946: longitude first
    assert shemonaikha["properties"]["name"] == "Шемонаихинская центральная районная библиотека"
    assert shemonaikha["properties"]["time_zone"] == "Asia/Almaty"


def test_geojson_leaves_out_organisations_without_coordinates(partners) -> None:
    OrganisationFactory(slug="nowhere", settlement=SettlementFactory(latitude=None, longitude=None))
    ids = {f["id"] for f in selectors.organisations_geojson()["features"]}
    assert "nowhere" not in ids
    assert "almanac-publishers" not in ids  # its place is not known


def test_summary_counts(partners) -> None:
    summary = selectors.network_summary()
    by_country = {row.country.code: row.organisations for row in summary.by_country}
    assert summary.founded == 2011
    assert summary.organisations == sum(by_country.values()) + 1  # the almanac has no place
    assert by_country == {"KZ": 2, "RU": 4}  # Shemonaikha and Vydrikha; Barnaul and Novosibirsk
    assert summary.agreements_in_force == 1


def test_public_people_are_only_those_who_consented(partners) -> None:
    organisation = selectors.organisation_get("shemonaikha-central-library")
    names = {p.name_ru for p in organisation.people.all()}
    assert names == {"Учитель литературы"}
    assert "Горьковая С. А." not in {p.name_ru for p in selectors.public_people()}
