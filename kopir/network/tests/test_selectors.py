"""Reads of the network: filters, name search in any language and script, the map's GeoJSON."""

from __future__ import annotations

import pytest

from kopir.network import selectors
from kopir.network.selectors import OrganisationFilter
from kopir.network.tests.factories import OrganisationFactory, SettlementFactory

pytestmark = pytest.mark.django_db


def slugs(filters: OrganisationFilter) -> set[str]:
    return set(selectors.organisation_list(filters).values_list("slug", flat=True))


def test_filter_by_country_separates_the_two_sides(demo_network) -> None:
    kazakh = slugs(OrganisationFilter(country="KZ"))
    russian = slugs(OrganisationFilter(country="RU"))
    assert "shemonaikha-central-library" in kazakh
    assert {"shishkov-library", "krupskaya-childrens-library"} <= russian
    assert not kazakh & russian


def test_filter_by_region_and_type(demo_network) -> None:
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
def test_name_search_in_any_language(demo_network, query: str) -> None:
    assert "shishkov-library" in slugs(OrganisationFilter(query=query))


@pytest.mark.parametrize("query", ["Şemonaiha", "semonaiha", "ШЕМОНАИХА", "шемонаиха орталық"])
def test_name_search_in_kazakh_latin_and_without_diacritics(demo_network, query: str) -> None:
    assert "shemonaikha-central-library" in slugs(OrganisationFilter(query=query))


def test_yo_and_ye_are_one_letter_in_search(demo_network) -> None:
    OrganisationFactory(slug="yolka", name_ru="Библиотека «Ёлочка»")
    assert "yolka" in slugs(OrganisationFilter(query="елочка"))


def test_search_with_no_match(demo_network) -> None:
    assert slugs(OrganisationFilter(query="Хогвартс")) == set()


def test_geojson_has_points_on_both_sides_of_the_border(demo_network) -> None:
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


def test_geojson_leaves_out_organisations_without_coordinates(demo_network) -> None:
    OrganisationFactory(slug="nowhere", settlement=SettlementFactory(latitude=None, longitude=None))
    ids = {f["id"] for f in selectors.organisations_geojson()["features"]}
    assert "nowhere" not in ids
    assert "almanac-publishers" not in ids  # its place is not known


def test_summary_counts(demo_network) -> None:
    summary = selectors.network_summary()
    by_country = {row.country.code: row.organisations for row in summary.by_country}
    assert summary.founded == 2011
    assert summary.organisations == sum(by_country.values()) + 1  # the almanac has no place
    assert by_country["KZ"] >= 8 and by_country["RU"] >= 9
    assert summary.agreements_in_force == 1


def test_public_people_are_only_those_who_consented(demo_network) -> None:
    organisation = selectors.organisation_get("shemonaikha-central-library")
    names = {p.name_ru for p in organisation.people.all()}
    assert names == {"Демо: учитель литературы"}
    assert "Горьковая С. А." not in {p.name_ru for p in selectors.public_people()}
