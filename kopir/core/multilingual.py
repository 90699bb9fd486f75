"""Reading multilingual content fields (name_kk, name_ru, name_en) through one fallback order.

The order is settings.KOPIR_CONTENT_FALLBACK: kk → ru → en, ru → en → kk, en → ru → kk. A value
shown in a language other than the page's is marked with its own `lang` attribute and a visible
language tag, so a reader knows a translation is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Resolved:
    value: str
    language: str
    is_fallback: bool


def fallback_order(language: str | None = None) -> tuple[str, ...]:
    """The languages tried, in order, for a page in `language`."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return settings.KOPIR_CONTENT_FALLBACK.get(language, settings.KOPIR_CONTENT_FALLBACK["kk"])


def resolve(obj: object, field: str, language: str | None = None) -> Resolved:
    """The first non-empty translation of obj.<field> in the fallback order."""
    order = fallback_order(language)
    for lang in order:
        value = getattr(obj, f"{field}_{lang}", None)
        if value:
            return Resolved(str(value), lang, lang != order[0])
    return Resolved("", order[0], False)


def text(obj: object, field: str, language: str | None = None) -> str:
    """Plain text of a multilingual field, for attributes, sorting and feeds."""
    return resolve(obj, field, language).value


LANGUAGE_TAGS = {"kk": "ҚАЗ", "ru": "РУС", "en": "ENG"}


def render(obj: object, field: str, language: str | None = None) -> SafeString:
    """HTML for a multilingual field: a fallback value is wrapped in lang and tagged visibly."""
    resolved = resolve(obj, field, language)
    if not resolved.is_fallback:
        return format_html("{}", resolved.value)
    return format_html(
        '<span lang="{lang}" class="ml-fallback">{value}</span>'
        ' <small class="ml-tag" title="{title}">{tag}</small>',
        lang=resolved.language,
        value=resolved.value,
        title=_("No translation yet: shown in the original language"),
        tag=LANGUAGE_TAGS[resolved.language],
    )
