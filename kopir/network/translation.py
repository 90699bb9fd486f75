"""Multilingual columns (kk/ru/en) for the network's content fields."""

from modeltranslation.translator import TranslationOptions, register

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
    historical = _model.history.model  # type: ignore[attr-defined]  # added by simple-history
    register(historical)(type(f"Historical{_options.__name__}", (_options,), {}))
    # simple-history fixed its list of tracked fields before the language columns existed;
    # without this, diffs (what changed) would not see name_kk, name_ru, name_en.
    _kept = {field.name for field in historical._meta.fields}
    historical.tracked_fields = [f for f in _model._meta.fields if f.name in _kept]
