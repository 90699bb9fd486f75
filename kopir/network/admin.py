"""The coordinator's admin for the network; every change is audited (kopir.core.admin)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from kopir.core.admin import AuditedAdmin
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


class AuditedTranslationAdmin(AuditedAdmin, TranslationAdmin):  # type: ignore[misc]  # both set formfield_overrides; ours wins
    pass


@admin.register(Country, Region, District)
class PlaceAdmin(AuditedTranslationAdmin):
    list_display = ("__str__", "confidence")


@admin.register(Settlement)
class SettlementAdmin(AuditedTranslationAdmin):
    list_display = ("__str__", "region", "time_zone", "coordinate_precision", "confidence")
    list_filter = ("region__country", "region")
    search_fields = ("name_kk", "name_ru", "name_en")


@admin.register(Organisation)
class OrganisationAdmin(AuditedTranslationAdmin):
    list_display = ("__str__", "type", "settlement", "confidence", "is_fictional")
    list_filter = ("type", "settlement__region__country", "is_fictional", "confidence")
    search_fields = ("name_kk", "name_ru", "name_en", "short_name_ru")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("parent",)


@admin.register(Person)
class PersonAdmin(AuditedTranslationAdmin):
    list_display = ("__str__", "role", "affiliation", "consent_public", "is_fictional")
    list_filter = ("role", "consent_public")
    search_fields = ("name_kk", "name_ru", "name_en")


@admin.register(Agreement)
class AgreementAdmin(AuditedTranslationAdmin):
    list_display = ("__str__", "signed_on", "status")
    list_filter = ("status",)
    filter_horizontal = ("parties",)


@admin.register(Membership)
class MembershipAdmin(AuditedTranslationAdmin):
    list_display = ("organisation", "year", "role", "confidence")
    list_filter = ("year", "role")
