"""A book's Dublin Core description (DCMES 1.1), written once for the two protocols that send
it: SRU's dc schema (sru/records.py) and OAI-PMH's oai_dc (oai.py)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from kopir.core.text import printable
from kopir.exchange.languages import ISO_639_1
from kopir.exchange.models import BibRecord
from kopir.network.models import Organisation


def holder(organisation: Organisation) -> str:
    """The holding library's name, as the catalogue names it to other systems."""
    return organisation.name_ru or organisation.name  # type: ignore[attr-defined]


def elements(record: BibRecord) -> list[tuple[str, str]]:
    """(element, value) in DCMES order; empty values are left out."""
    with translation.override("ru"):  # the page's address in the catalogue's main language
        page = settings.KOPIR_SITE_URL.rstrip("/") + reverse("exchange:book", args=[record.pk])
    values = [
        ("title", record.display_title),
        *(("creator", name) for name in record.authors if isinstance(name, str)),
        *(("subject", s) for s in record.subjects if isinstance(s, str)),
        ("publisher", ", ".join(p for p in (record.place, record.publisher) if p)),
        *(("contributor", c.get("name", "")) for c in record.contributors
          if isinstance(c, dict)),
        ("contributor", holder(record.organisation)),  # the library holding it
        ("date", str(record.year or "")),
        ("type", "Text"),
        ("format", record.extent),
        ("identifier", f"urn:isbn:{record.isbn}" if record.isbn else ""),  # stored as ISBN-13
        ("identifier", page),
        ("language", ISO_639_1.get(record.language, record.language)),
        *(("relation", s) for s in record.series if isinstance(s, str)),
    ]  # fmt: skip
    cleaned = [(name, printable(value or "").strip()) for name, value in values]
    return [(name, value) for name, value in cleaned if value]
