"""The languages content is kept in: one column per language for every multilingual field
(django-modeltranslation), in this order. Interface languages are settings.LANGUAGES."""

from __future__ import annotations

CONTENT_LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
