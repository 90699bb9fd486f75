"""The coordinator's admin for the network (editors get site forms in a later issue)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

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
from kopir.network.services import organisation_save


@admin.register(Country, Region, District)
class PlaceAdmin(TranslationAdmin):
    list_display = ("__str__", "confidence")


@admin.register(Settlement)
class SettlementAdmin(TranslationAdmin):
    list_display = ("__str__", "region", "time_zone", "coordinate_precision", "confidence")
    list_filter = ("region__country", "region")
    search_fields = ("name_kk", "name_ru", "name_en")


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ("__str__", "type", "settlement", "confidence", "is_fictional")
    list_filter = ("type", "settlement__region__country", "is_fictional", "confidence")
    search_fields = ("name_kk", "name_ru", "name_en", "short_name_ru")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("parent",)

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        organisation_save(obj, actor=request.user)


@admin.register(Person)
class PersonAdmin(TranslationAdmin):
    list_display = ("__str__", "role", "affiliation", "consent_public", "is_fictional")
    list_filter = ("role", "consent_public")
    search_fields = ("name_kk", "name_ru", "name_en")


@admin.register(Agreement)
class AgreementAdmin(TranslationAdmin):
    list_display = ("__str__", "signed_on", "status")
    list_filter = ("status",)
    filter_horizontal = ("parties",)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("organisation", "year", "role", "confidence")
    list_filter = ("year", "role")
