"""The Latin-script view of Kazakh pages."""

from __future__ import annotations

import lxml.html

from kopir.core.html_latin import page_to_latin

PAGE = """<!DOCTYPE html><html lang="kk"><head><title>Серіктестер</title>
<meta name="description" content="Кітапханалар"></head><body>
<h1 title="Желі">Шемонаиха <span lang="ru">Шемонаихинская библиотека</span> кітапханасы</h1>
<a lang="ru" href="/ru/">Русский</a><script>var x = "Қазақ";</script>
<input type="submit" value="Көрсету"><img alt="Карта" src="/x.png"></body></html>"""


def test_kazakh_text_and_attributes_are_transliterated() -> None:
    document = lxml.html.document_fromstring(page_to_latin(PAGE))
    assert document.get("lang") == "kk-Latn"
    assert document.findtext(".//title") == "Serıktester"
    h1 = document.find(".//h1")
    assert h1.get("title") == "Jelı"
    assert h1.text.strip() == "Şemonaiha"
    assert h1.find("span").tail.strip() == "kıtaphanasy"
    assert document.find(".//input").get("value") == "Körsetu"
    assert document.find(".//img").get("alt") == "Karta"
    assert document.find(".//meta").get("content") == "Kıtaphanalar"


def test_russian_fragments_and_scripts_are_left_alone() -> None:
    document = lxml.html.document_fromstring(page_to_latin(PAGE))
    assert document.find(".//h1/span").text == "Шемонаихинская библиотека"
    assert document.find(".//a").text == "Русский"
    assert "Қазақ" in document.findtext(".//script")


def test_non_kazakh_pages_are_not_touched() -> None:
    page = PAGE.replace('lang="kk"', 'lang="ru"')
    document = lxml.html.document_fromstring(page_to_latin(page))
    assert document.get("lang") == "ru"
    assert document.findtext(".//title") == "Серіктестер"
