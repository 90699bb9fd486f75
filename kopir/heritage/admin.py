"""The coordinator keeps the collection's shared authority records here: subjects, places and
persons (merging spellings, adding coordinates). Items and projects are edited in the workspace,
where the services check dates, files and permissions."""

from django.contrib import admin

from kopir.heritage.models import Person, Place, Subject
from kopir.network.admin import AuditedTranslationAdmin


@admin.register(Subject)
class SubjectAdmin(AuditedTranslationAdmin):
    list_display = ("__str__", "slug")
    search_fields = ("name_kk", "name_ru", "name_en", "slug")


@admin.register(Place)
class PlaceAdmin(AuditedTranslationAdmin):
    list_display = ("__str__", "settlement", "latitude", "longitude", "is_fictional")
    search_fields = ("name_kk", "name_ru", "name_en")
    autocomplete_fields = ("settlement",)


@admin.register(Person)
class PersonAdmin(AuditedTranslationAdmin):
    list_display = ("__str__", "life_dates", "is_fictional")
    search_fields = ("name_kk", "name_ru", "name_en")
