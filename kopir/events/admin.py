from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from kopir.core.admin import AuditedAdmin
from kopir.events.models import Event, HolidayOverride, Venue


class VenueInline(TranslationTabularInline):
    model = Venue
    extra = 0


@admin.register(Event)
class EventAdmin(AuditedAdmin, TranslationAdmin):  # type: ignore[misc]  # both set formfield_overrides; ours wins
    list_display = ("__str__", "starts_at", "format", "status", "is_fictional")
    list_filter = ("format", "status", "audience", "is_fictional")
    search_fields = ("title_kk", "title_ru", "title_en")
    inlines = [VenueInline]
    filter_horizontal = ("organisers",)


@admin.register(HolidayOverride)
class HolidayOverrideAdmin(AuditedAdmin, TranslationAdmin):  # type: ignore[misc]
    list_display = ("date", "country", "is_working_day", "name")
    list_filter = ("country", "is_working_day")
