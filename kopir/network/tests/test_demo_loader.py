"""The demo network: the real partners of the seed, loaded idempotently, with provenance."""

from __future__ import annotations

import datetime
import hashlib
import json

import pytest
from django.contrib.staticfiles import finders
from django.core import serializers
from django.core.management import call_command
from django.utils import translation

from kopir.network.demo.loader import load_demo_network
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

pytestmark = pytest.mark.django_db
MODELS = [Country, Region, District, Settlement, Organisation, Person, Agreement, Membership]


def snapshot() -> str:
    """A checksum of every demo row, all fields including update times."""
    with translation.override("kk"):  # modeltranslation's plain fields read the active language
        return _snapshot()


def _snapshot() -> str:
    rows = []
    for model in MODELS:
        rows.append(json.loads(serializers.serialize("json", model.objects.order_by("pk"))))
        if model is Agreement:
            rows.append(
                [sorted(a.parties.values_list("pk", flat=True)) for a in model.objects.all()]
            )
    return hashlib.sha256(json.dumps(rows, sort_keys=True, default=str).encode()).hexdigest()


def test_second_load_changes_nothing(demo_network) -> None:
    before = snapshot()
    report = load_demo_network()
    assert not report.changed
    assert snapshot() == before


def test_load_command_says_nothing_changed(demo_network, capsys) -> None:
    call_command("load_demo")  # the session loaded the network and events; this adds the books
    assert "created: 10 bibliographic record" in capsys.readouterr().out
    call_command("load_demo")
    assert "nothing changed" in capsys.readouterr().out


def test_load_repairs_an_edited_record(demo_network) -> None:
    Organisation.objects.filter(slug="shishkov-library").update(name_en="Edited")
    report = load_demo_network()
    assert report.updated == {"organisation": 1}
    assert Organisation.objects.get(slug="shishkov-library").name_en.startswith("Altai Krai")


def test_load_into_an_empty_database_creates_everything(demo_network) -> None:
    from kopir.events.models import Event
    from kopir.heritage.models import Item, Person, Place, Project

    Event.objects.all().delete()  # events and the collection refer to the organisations
    for collection in (Project, Item, Place, Person):
        collection.objects.all().delete()
    for model in reversed(MODELS):
        model.objects.all().delete()
    report = load_demo_network(today=datetime.date(2026, 11, 25))
    assert report.created["organisation"] == 19
    assert report.created["settlement"] == 11
    assert Membership.objects.filter(year=2011, role="partner").count() == 14


def test_the_seed_partners_are_there_on_both_sides(demo_network) -> None:
    by_slug = {
        o.slug: o for o in Organisation.objects.select_related("settlement__region__country")
    }
    expected = {
        "shishkov-library": ("RU", "Барнаул"),
        "krupskaya-childrens-library": ("RU", "Барнаул"),
        "novosibirsk-regional-library": ("RU", "Новосибирск"),
        "shemonaikha-central-library": ("KZ", "Шемонаиха"),
        "moshkovo-library-system": ("RU", "Мошково"),
        "ubinsky-central-library": ("RU", "Убинское"),
    }
    for slug, (country, settlement) in expected.items():
        organisation = by_slug[slug]
        assert organisation.settlement.region.country.code == country
        assert organisation.settlement.name_ru == settlement


def test_time_zones_are_the_venues_iana_zones(demo_network) -> None:
    zones = dict(Settlement.objects.values_list("slug", "time_zone"))
    assert zones["shemonaikha"] == "Asia/Almaty"
    assert zones["barnaul"] == "Asia/Barnaul"
    assert zones["novosibirsk"] == "Asia/Novosibirsk"


def test_every_record_keeps_its_source_and_invented_ones_are_fictional(demo_network) -> None:
    for model in (Country, Region, District, Settlement, Organisation, Person, Agreement):
        assert not model.objects.filter(source="").exists(), model
    fictional = set(Organisation.objects.filter(is_fictional=True).values_list("slug", flat=True))
    assert fictional == {
        "ust-talovka-rural-library", "vydrikha-rural-library", "verkh-uba-rural-library",
    }  # fmt: skip
    vydrikha = Settlement.objects.get(slug="vydrikha")
    assert vydrikha.confidence == "unverified"
    assert vydrikha.coordinate_precision == "approximate"


def test_the_2011_agreement(demo_network) -> None:
    agreement = Agreement.objects.get()
    assert agreement.signed_on.year == 2011
    assert agreement.signed_on_precision == "year"
    assert "20 лет Независимости" in agreement.occasion_ru
    assert "parties" in agreement.unverified_fields
    assert agreement.parties.count() == 4


def _inside(point: tuple[float, float], multipolygon: list) -> bool:
    """Even-odd ray casting over every ring of a GeoJSON MultiPolygon (holes count out)."""
    x, y = point
    inside = False
    for polygon in multipolygon:
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
                if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                    inside = not inside
    return inside


def test_the_vendored_map_outlines_hold_the_network_settlements(demo_network) -> None:
    path = finders.find("core/geo/borders.geojson")
    assert isinstance(path, str)
    with open(path, encoding="utf-8") as file:
        borders = json.load(file)
    regions = {
        f["properties"]["region"]: f for f in borders["features"] if "region" in f["properties"]
    }
    countries = {
        f["properties"]["iso"]: f for f in borders["features"] if "region" not in f["properties"]
    }
    assert set(regions) == {"east-kazakhstan", "altai-krai", "novosibirsk-oblast"}
    checked = 0
    for settlement in Settlement.objects.select_related("region__country"):
        point = (float(settlement.longitude), float(settlement.latitude))
        country = settlement.region.country.code
        if country in countries:
            assert _inside(point, countries[country]["geometry"]["coordinates"]), settlement.slug
        for slug, feature in regions.items():
            expected = settlement.region.slug == slug
            assert _inside(point, feature["geometry"]["coordinates"]) is expected, (
                settlement.slug,
                slug,
            )
            checked += expected
    assert checked >= 9
