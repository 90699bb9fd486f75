"""Multilingual columns (kk/ru/en) for the network's content fields."""

from modeltranslation.translator import TranslationOptions, register

from kopir.core.audit import translate_history
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

_PROVENANCE = ("provenance_note",)


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name", *_PROVENANCE)


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name", *_PROVENANCE)


@register(District)
class DistrictTranslation(TranslationOptions):
    fields = ("name", *_PROVENANCE)


@register(Settlement)
class SettlementTranslation(TranslationOptions):
    fields = ("name", "kind", *_PROVENANCE)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "short_name", "address", "description", *_PROVENANCE)


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "position", *_PROVENANCE)


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title", "occasion", "areas", *_PROVENANCE)


@register(Membership)
class MembershipTranslation(TranslationOptions):
    fields = _PROVENANCE


# The versions kept by django-simple-history carry the same language columns.
for _model, _options in [
    (Country, CountryTranslation),
    (Region, RegionTranslation),
    (District, DistrictTranslation),
    (Settlement, SettlementTranslation),
    (Organisation, OrganisationTranslation),
    (Person, PersonTranslation),
    (Agreement, AgreementTranslation),
    (Membership, MembershipTranslation),
]:
    translate_history(_model, _options)
