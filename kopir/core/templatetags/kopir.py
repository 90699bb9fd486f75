"""Template helpers: multilingual content, language switching, Kazakh dates."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import SafeString

from kopir.core import multilingual, zones

register = template.Library()


@register.simple_tag
def ml(obj: object, field: str) -> SafeString:
    """{% ml organisation "name" %}: the field in the page's language, marked when a fallback."""
    return multilingual.render(obj, field)


@register.simple_tag
def ml_text(obj: object, field: str) -> str:
    """{% ml_text organisation "name" %}: plain text, for attributes."""
    return multilingual.text(obj, field)


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict[str, str]]:
    """The current page in every language (same path and query), for the switcher."""
    request = context["request"]
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        links.append({"code": code, "name": name, "url": f"{url}?{query}" if query else url})
    return links


@register.filter
def is_unverified(record: object, field: str) -> bool:
    """True when the value shown for `field` is listed among the record's unverified fields."""
    listed = getattr(record, "unverified_fields", None) or []
    if field in listed:
        return True
    shown = multilingual.resolve(record, field)
    return f"{field}_{shown.language}" in listed


@register.filter
def utc_offset(zone: str) -> str:
    """A stored IANA zone as people read it: "UTC+5" (its offset today)."""
    return zones.offset_now(zone)
