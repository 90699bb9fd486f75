"""factory_boy factories for the network domain."""

from __future__ import annotations

from decimal import Decimal

import factory

from kopir.core.audit import SYSTEM
from kopir.network.models import (
    Agreement,
    Country,
    District,
    Organisation,
    OrganisationType,
    Person,
    PersonRole,
    Region,
    Settlement,
)
from kopir.network.services import organisation_save


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = "KZ"
    name_kk = "Қазақстан Республикасы"
    name_ru = "Республика Казахстан"
    name_en = "Republic of Kazakhstan"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    country = factory.SubFactory(CountryFactory)
    slug = factory.Sequence(lambda n: f"test-region-{n}")
    name_ru = factory.Sequence(lambda n: f"Тестовая область {n}")
    name_kk = factory.Sequence(lambda n: f"Сынақ облысы {n}")
    name_en = factory.Sequence(lambda n: f"Test Region {n}")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    region = factory.SubFactory(RegionFactory)
    slug = factory.Sequence(lambda n: f"test-district-{n}")
    name_ru = factory.Sequence(lambda n: f"Тестовый район {n}")


class SettlementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Settlement

    region = factory.SubFactory(RegionFactory)
    slug = factory.Sequence(lambda n: f"test-settlement-{n}")
    name_ru = factory.Sequence(lambda n: f"Посёлок {n}")
    name_kk = factory.Sequence(lambda n: f"Кент {n}")
    name_en = factory.Sequence(lambda n: f"Village {n}")
    latitude = Decimal("50.5")
    longitude = Decimal("82.0")
    time_zone = "Asia/Almaty"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    slug = factory.Sequence(lambda n: f"test-organisation-{n}")
    name_ru = factory.Sequence(lambda n: f"Тестовая библиотека {n}")
    name_kk = factory.Sequence(lambda n: f"Сынақ кітапханасы {n}")
    name_en = factory.Sequence(lambda n: f"Test Library {n}")
    type = OrganisationType.RURAL_LIBRARY
    settlement = factory.SubFactory(SettlementFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Through the real write path, so the search text is what production stores.
        return organisation_save(model_class(*args, **kwargs), change=SYSTEM)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name_ru = factory.Sequence(lambda n: f"Человек {n}")
    name_kk = factory.Sequence(lambda n: f"Адам {n}")
    role = PersonRole.LIBRARIAN
    affiliation = factory.SubFactory(OrganisationFactory)


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    title_ru = factory.Sequence(lambda n: f"Соглашение {n}")

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create and extracted:
            self.parties.set(extracted)
