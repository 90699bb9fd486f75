"""The languages content is kept in: one column per language for every multilingual field
(django-modeltranslation), in this order. Interface languages are settings.LANGUAGES."""

from __future__ import annotations

import os

CONTENT_LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")


def environment_language() -> str:
    """The language a management command reports in when not told: kk or ru when the shell's
    locale is Kazakh or Russian (LANG=ru_RU.UTF-8), else en."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return value[:2] if value[:2] in ("kk", "ru") else "en"
    return "en"
