"""Multilingual columns (kk/ru/en) for events."""

from modeltranslation.translator import TranslationOptions, register

from kopir.core.audit import translate_history
from kopir.events.models import Event, HolidayOverride, Venue


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "report", "provenance_note")


@register(Venue)
class VenueTranslation(TranslationOptions):
    fields = ("name",)


@register(HolidayOverride)
class HolidayOverrideTranslation(TranslationOptions):
    fields = ("name",)


translate_history(Event, EventTranslation)
translate_history(HolidayOverride, HolidayOverrideTranslation)
