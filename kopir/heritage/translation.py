"""Multilingual columns (kk/ru/en) for the collection."""

from modeltranslation.translator import TranslationOptions, register

from kopir.core.audit import translate_history
from kopir.heritage.models import Item, Person, Place, Project, ProjectTask, Subject


@register(Item)
class ItemTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "description", "results")


@register(ProjectTask)
class ProjectTaskTranslation(TranslationOptions):
    fields = ("title",)


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Place)
class PlaceTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Subject)
class SubjectTranslation(TranslationOptions):
    fields = ("name",)


translate_history(Item, ItemTranslation)
translate_history(Project, ProjectTranslation)
translate_history(Person, PersonTranslation)
translate_history(Place, PlaceTranslation)
translate_history(Subject, SubjectTranslation)
