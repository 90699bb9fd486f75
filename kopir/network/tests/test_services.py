"""Writes to the network validate everything and store nothing when refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kopir.core.audit import SYSTEM
from kopir.network.models import Organisation, OrganisationType, Settlement
from kopir.network.selectors import OrganisationFilter, organisation_list
from kopir.network.services import organisation_save
from kopir.network.tests.factories import OrganisationFactory, SettlementFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    ["Өскемен", "өскемендегі", "оскемен", "Öskemen", "oskemen", "ÖSKEMEN KITAPHANA", "Oskem"],
)
def test_name_search_finds_a_name_in_every_script(query: str) -> None:
    found = OrganisationFactory(name_kk="Өскемен кітапханасы", name_ru="", name_en="")
    OrganisationFactory(name_kk="Семей кітапханасы", name_ru="", name_en="")
    assert list(organisation_list(OrganisationFilter(query=query))) == [found]


@pytest.mark.parametrize("query", ["Шемонаиха", "шемонаихинской", "Shemonaikha", "semonaiha"])
def test_name_search_reads_russian_inflection_and_latin_without_marks(query: str) -> None:
    found = OrganisationFactory(name_ru="Шемонаихинская библиотека", name_kk="", name_en="")
    OrganisationFactory(name_ru="Семипалатинская библиотека", name_kk="", name_en="")
    assert list(organisation_list(OrganisationFilter(query=query))) == [found]


def test_name_search_needs_every_word() -> None:
    OrganisationFactory(name_ru="Шемонаихинская библиотека", name_kk="", name_en="")
    assert not organisation_list(OrganisationFilter(query="шемонаиха музей")).exists()
    # stop words and punctuation are no words to look for: the list is not narrowed
    assert organisation_list(OrganisationFilter(query="и , ?")).count() == 1


def test_invalid_isil_is_refused_and_nothing_is_stored() -> None:
    settlement = SettlementFactory()
    organisation = Organisation(
        slug="bad-isil", name_ru="Библиотека", type=OrganisationType.OTHER, settlement=settlement,
        isil="not an isil",
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        organisation_save(organisation, change=SYSTEM)
    assert "isil" in error.value.message_dict
    assert not Organisation.objects.filter(slug="bad-isil").exists()


def test_update_that_fails_validation_keeps_the_stored_record() -> None:
    organisation = OrganisationFactory(website="https://example.org/")
    organisation.website = "not a url"
    with pytest.raises(ValidationError):
        organisation_save(organisation, change=SYSTEM)
    organisation.refresh_from_db()
    assert organisation.website == "https://example.org/"


def test_settlement_time_zone_must_be_iana() -> None:
    settlement = SettlementFactory.build(time_zone="UTC+6")
    with pytest.raises(ValidationError) as error:
        settlement.full_clean(exclude=["region"])
    assert "time_zone" in error.value.message_dict
    assert not Settlement.objects.filter(time_zone="UTC+6").exists()
