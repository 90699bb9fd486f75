"""The network's read API and the GeoJSON behind the map."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

KAZAKHSTAN = {"lon": (46.0, 88.0), "lat": (40.0, 56.0)}
RUSSIA_NEAR = {"lon": (30.0, 90.0), "lat": (51.5, 60.0)}


def test_geojson_endpoint(client: Client, network) -> None:
    response = client.get("/api/v1/network/organisations.geojson?lang=en")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    features = data["features"]
    kz = [f for f in features if f["properties"]["country"] == "KZ"]
    ru = [f for f in features if f["properties"]["country"] == "RU"]
    assert kz and ru
    for feature in kz:
        lon, lat = feature["geometry"]["coordinates"]
        assert KAZAKHSTAN["lon"][0] < lon < KAZAKHSTAN["lon"][1]
        assert KAZAKHSTAN["lat"][0] < lat < KAZAKHSTAN["lat"][1]
    for feature in ru:
        lon, lat = feature["geometry"]["coordinates"]
        assert RUSSIA_NEAR["lon"][0] < lon < RUSSIA_NEAR["lon"][1]
        assert RUSSIA_NEAR["lat"][0] < lat < RUSSIA_NEAR["lat"][1]
    names = {f["properties"]["name"] for f in features}
    assert "Altai Krai Universal Scientific Library named after V. Ya. Shishkov" in names


def test_geojson_names_follow_the_language(client: Client, network) -> None:
    data = client.get("/api/v1/network/organisations.geojson?lang=kk").json()
    names = {f["properties"]["name"] for f in data["features"]}
    assert "Шемонаиха орталық аудандық кітапханасы" in names


def test_organisation_list_is_paginated_and_filtered(client: Client, network) -> None:
    data = client.get("/api/v1/network/organisations?country=KZ&limit=1").json()
    assert data["count"] == 2  # the district library and its branch
    assert len(data["items"]) == 1
    assert {item["country"] for item in data["items"]} == {"KZ"}


def test_openapi_schema_lists_the_endpoints(client: Client, db) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/network/organisations.geojson" in schema["paths"]
    assert "/api/v1/network/organisations" in schema["paths"]
