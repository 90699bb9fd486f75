"""Reads of the register: the public list with its filters, and what is about an organisation,
an event or a project, each in GOST list order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from kopir.bibliography.models import Publication
from kopir.bibliography.styles import PROFILES
from kopir.bibliography.styles.gost import describe
from kopir.bibliography.styles.record import InvalidItem, read
from kopir.core.text import printable_copy
from kopir.events.models import Event
from kopir.heritage.models import Item, ItemStatus, Project
from kopir.network.models import Organisation, Person


@dataclass
class PublicationFilter:
    year: int | None = None
    kind: str = ""
    language: str = ""
    organisation: str = ""  # slug


def publication_list(filters: PublicationFilter | None = None) -> QuerySet[Publication]:
    filters = filters or PublicationFilter()
    publications = Publication.objects.all()
    if filters.year:
        publications = publications.filter(year=filters.year)
    if filters.kind:
        publications = publications.filter(kind=filters.kind)
    if filters.language:
        publications = publications.filter(language=filters.language)
    if filters.organisation:
        publications = publications.filter(organisations__slug=filters.organisation)
    return publications.order_by("sort_key", "pk").distinct()


LINKED = ("organisations", "events", "projects", "items", "people")


def publication_feed(filters: PublicationFilter) -> QuerySet[Publication]:
    """The list with what each publication is about (the API)."""
    return publication_list(filters).select_related("organisation").prefetch_related(*LINKED)


def publication_get(pk: int) -> Publication:
    return get_object_or_404(Publication, pk=pk)


def publication_detail(pk: int) -> Publication:
    """One publication with what it is about (the API)."""
    return get_object_or_404(publication_feed(PublicationFilter()), pk=pk)


@dataclass(frozen=True)
class LinkTargets:
    """The records a publication is said to be about, found by their keys, and the keys that
    name nothing (per kind)."""

    found: dict[str, list[Any]]
    unknown: dict[str, list[str]]


def link_targets(
    *,
    organisations: list[str],
    events: list[str],
    projects: list[str],
    items: list[int],
    people: list[int],
) -> LinkTargets:
    """Organisations, events and projects by slug; published collection items and people of
    the network by id."""
    wanted: dict[str, tuple[Any, str, list[Any]]] = {
        "organisations": (Organisation.objects.all(), "slug", organisations),
        "events": (Event.objects.all(), "slug", events),
        "projects": (Project.objects.all(), "slug", projects),
        "items": (Item.objects.filter(status=ItemStatus.PUBLISHED), "pk", items),
        "people": (Person.objects.all(), "pk", people),
    }
    found: dict[str, list[Any]] = {}
    unknown: dict[str, list[str]] = {}
    for kind, (queryset, key, keys) in wanted.items():
        by_key = {getattr(o, key): o for o in queryset.filter(**{f"{key}__in": keys})}
        found[kind] = [by_key[k] for k in dict.fromkeys(keys) if k in by_key]
        missing = [str(k) for k in keys if k not in by_key]
        if missing:
            unknown[kind] = missing
    return LinkTargets(found, unknown)


def publication_years() -> list[int]:
    """The years the register has publications of, newest first (the list's filter)."""
    years = Publication.objects.exclude(year=None).values_list("year", flat=True)
    return [year for year in years.distinct().order_by("-year") if year is not None]


def publishing_organisations() -> QuerySet[Organisation]:
    """The organisations that publications are about (the list's filter)."""
    return Organisation.objects.filter(publications__isnull=False).distinct()


def formatted(
    publications: Any, profile: str = "gost-r-7.0.100-2018", *, html: bool = True
) -> list[tuple[Publication, str]]:
    """Each publication with its description in a profile (HTML by default)."""
    style = PROFILES[profile]
    out = []
    for publication in publications:
        try:
            text = describe(read(printable_copy(publication.csl)), style, html=html)
        except InvalidItem:  # stored before a rule changed: shown by title, never lost
            text = publication.title
        out.append((publication, text))
    return out


def about(obj: Any) -> list[tuple[Publication, str]]:
    """The publications about an organisation, event or research project, formatted."""
    return formatted(obj.publications.order_by("sort_key", "pk"))
