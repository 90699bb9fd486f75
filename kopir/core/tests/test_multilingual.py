"""The one fallback order for content fields, and how a fallback is shown."""

from __future__ import annotations

from types import SimpleNamespace

import lxml.html
from django.utils import translation

from kopir.core import multilingual


def record(**names: str) -> SimpleNamespace:
    return SimpleNamespace(**{f"name_{lang}": names.get(lang, "") for lang in ("kk", "ru", "en")})


def test_each_language_has_its_own_order() -> None:
    assert multilingual.fallback_order("kk") == ("kk", "ru", "en")
    assert multilingual.fallback_order("ru") == ("ru", "en", "kk")
    assert multilingual.fallback_order("en") == ("en", "ru", "kk")


def test_value_in_the_page_language_is_not_a_fallback() -> None:
    resolved = multilingual.resolve(record(kk="Кітапхана", ru="Библиотека"), "name", "kk")
    assert resolved == multilingual.Resolved("Кітапхана", "kk", False)


def test_missing_kazakh_falls_back_to_russian() -> None:
    resolved = multilingual.resolve(record(ru="Библиотека", en="Library"), "name", "kk")
    assert resolved == multilingual.Resolved("Библиотека", "ru", True)


def test_missing_russian_falls_back_to_english_before_kazakh() -> None:
    resolved = multilingual.resolve(record(kk="Кітапхана", en="Library"), "name", "ru")
    assert resolved.language == "en"


def test_fallback_is_marked_with_lang_and_a_visible_tag() -> None:
    with translation.override("kk"):
        html = multilingual.render(record(ru="Библиотека <б>"), "name")
    fragment = lxml.html.fragment_fromstring(f"<div>{html}</div>")
    span = fragment.find("span")
    assert span.get("lang") == "ru"
    assert span.text == "Библиотека <б>"  # escaped in HTML, intact as text
    assert fragment.find("small").text == "РУС"


def test_value_in_page_language_is_plain_escaped_text() -> None:
    with translation.override("ru"):
        assert multilingual.render(record(ru="A & B"), "name") == "A &amp; B"


def test_the_content_languages_are_the_translated_columns() -> None:
    from django.conf import settings

    from kopir.core.languages import CONTENT_LANGUAGES

    assert tuple(settings.MODELTRANSLATION_LANGUAGES) == CONTENT_LANGUAGES
    assert set(CONTENT_LANGUAGES) == {code for code, _ in settings.LANGUAGES}
