"""Metadata formats the provider disseminates (OAI-PMH §3.4): a registry, with oai_dc built in.
Each record source (sources.py) says which of them it writes, and how.

oai_dc (§5): the fifteen DC elements. Title, description and subjects are repeated per language
with xml:lang; dc:language is the ISO 639-1 code ("kk", "ru"), the same codes as xml:lang;
dc:type is the DCMI Type Vocabulary term; dc:date is ISO 8601 (a year, a day, or start/end for a
decade, an approximate date or a span); dc:identifier is the item's public address.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from lxml import etree

from kopir.core.languages import CONTENT_LANGUAGES
from kopir.core.registry import Registry
from kopir.core.text import printable
from kopir.heritage.models import DCMI_TYPES, Item

XML = "http://www.w3.org/XML/1998/namespace"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
DC = "http://purl.org/dc/elements/1.1/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
LANGUAGES = CONTENT_LANGUAGES


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str


REGISTRY: Registry[MetadataFormat] = Registry("OAI-PMH metadata format", key="prefix")
register = REGISTRY.register


def clean(value: str) -> str:
    """Text XML 1.0 can hold: control characters (pasted from Word files) are dropped."""
    return printable(value).strip()


def _site(path: str) -> str:
    return settings.KOPIR_SITE_URL.rstrip("/") + path


def _date(item: Item) -> str:
    if item.date_start is None or item.date_end is None:
        return ""
    if item.date_precision == "day":
        return item.date_start.isoformat()
    if item.date_precision == "month":
        return item.date_start.isoformat()[:7]
    if item.date_start.year == item.date_end.year:
        return str(item.date_start.year)
    return f"{item.date_start.year}/{item.date_end.year}"


def _elements(item: Item) -> list[tuple[str, str, str]]:
    """(element, value, xml:lang) in DC order; empty values are left out."""
    out: list[tuple[str, str, str]] = []
    out += [("title", getattr(item, f"title_{lang}") or "", lang) for lang in LANGUAGES]
    out.append(("creator", item.creator, ""))
    for subject in item.subjects.all():
        out += [("subject", getattr(subject, f"name_{lang}") or "", lang) for lang in LANGUAGES]
    out += [
        ("subject", person.name_ru or person.name_kk or person.name_en or "", "")  # type: ignore[attr-defined]
        for person in item.persons.all()
    ]
    out += [("description", getattr(item, f"description_{lang}") or "", lang) for lang in LANGUAGES]
    out.append(("publisher", item.publisher, ""))
    out.append(("contributor", item.contributor, ""))
    out += [
        ("contributor", getattr(item.organisation, f"name_{lang}") or "", lang)
        for lang in LANGUAGES
    ]
    out.append(("date", _date(item), ""))
    out.append(("type", DCMI_TYPES.get(item.kind, "Text"), ""))
    out.append(("format", item.format or item.media_type, ""))
    with translation.override("ru"):
        out.append(("identifier", _site(reverse("heritage:item", args=[item.pk])), ""))
        out += [
            ("relation", _site(reverse("heritage:project", args=[p.slug])), "")
            for p in item.projects.all()
        ]
    out.append(("identifier", item.identifier, ""))
    out.append(("source", item.source, ""))
    out.append(("language", "" if item.language in ("zxx", "mul") else item.language, ""))
    out.append(("relation", item.relation, ""))
    for place in item.places.all():
        out += [("coverage", getattr(place, f"name_{lang}") or "", lang) for lang in LANGUAGES]
    out.append(("coverage", item.coverage, ""))
    out.append(("rights", item.rights, ""))
    return [(name, clean(value), lang) for name, value, lang in out if value and clean(value)]


def write_oai_dc(item: Item, parent: Any) -> None:
    root = etree.SubElement(
        parent, f"{{{OAI_DC}}}dc", nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI}
    )
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")
    for name, value, lang in _elements(item):
        element = etree.SubElement(root, f"{{{DC}}}{name}")
        element.text = value
        if lang:
            element.set(f"{{{XML}}}lang", lang)


register(
    MetadataFormat(
        "oai_dc",
        "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
        OAI_DC,
    )
)
