"""Writes to the network validate everything and store nothing when refused."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kopir.core.audit import SYSTEM
from kopir.network.models import Organisation, OrganisationType, Settlement
from kopir.network.services import organisation_save
from kopir.network.tests.factories import OrganisationFactory, SettlementFactory

pytestmark = pytest.mark.django_db


def test_save_keeps_search_text_in_every_script() -> None:
    organisation = OrganisationFactory(name_kk="Өскемен кітапханасы", name_ru="", name_en="")
    assert "өскемен" in organisation.search_text
    assert "öskemen" in organisation.search_text
    assert "oskemen" in organisation.search_text


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
