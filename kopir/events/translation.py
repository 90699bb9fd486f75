"""Multilingual columns (kk/ru/en) for events."""

from modeltranslation.translator import TranslationOptions, register

from kopir.core.audit import translate_history
from kopir.events.models import Event, EventLink, EventPhoto, HolidayOverride, Venue


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "report", "provenance_note")


@register(Venue)
class VenueTranslation(TranslationOptions):
    fields = ("name",)


@register(HolidayOverride)
class HolidayOverrideTranslation(TranslationOptions):
    fields = ("name",)


@register(EventPhoto)
class EventPhotoTranslation(TranslationOptions):
    fields = ("caption",)


@register(EventLink)
class EventLinkTranslation(TranslationOptions):
    fields = ("title",)


translate_history(Event, EventTranslation)
translate_history(EventPhoto, EventPhotoTranslation)
translate_history(EventLink, EventLinkTranslation)
translate_history(HolidayOverride, HolidayOverrideTranslation)
