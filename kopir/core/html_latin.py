"""Render a Kazakh HTML page in Latin script: text and human-readable attributes of every element
whose language is Kazakh; Russian or English fragments (marked with lang) are left alone."""

from __future__ import annotations

import lxml.html
from lxml import etree

from kopir.core.text import printable
from kopir.core.transliteration import to_latin

_SKIPPED_TAGS = {"script", "style", "code", "pre", "textarea"}
_TEXT_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label", "content")


def _is_kazakh(lang: str) -> bool:
    return lang.lower().startswith("kk")


def _walk(element: etree._Element, inherited_lang: str) -> None:
    lang = element.get("lang") or inherited_lang
    if _is_kazakh(lang) and element.tag not in _SKIPPED_TAGS:
        if element.text:
            element.text = to_latin(element.text)
        for attribute in _TEXT_ATTRIBUTES:
            value = element.get(attribute)
            if value and (attribute != "content" or element.tag == "meta"):
                element.set(attribute, to_latin(value))
        if element.tag == "input" and element.get("type") in {"submit", "button"}:
            element.set("value", to_latin(element.get("value", "")))
    for child in element:
        if not isinstance(child.tag, str):  # comments and processing instructions
            continue
        _walk(child, lang)
        # The tail is text after the child, in this element's language.
        if child.tail and _is_kazakh(lang):
            child.tail = to_latin(child.tail)


def page_to_latin(html: str) -> str:
    """The whole page with its Kazakh parts in Latin script and <html lang="kk-Latn">."""
    document = lxml.html.document_fromstring(printable(html))
    _walk(document, document.get("lang", ""))
    if _is_kazakh(document.get("lang", "")):
        document.set("lang", "kk-Latn")
    return str(lxml.html.tostring(document, encoding="unicode", doctype="<!DOCTYPE html>"))
