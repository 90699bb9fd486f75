"""Every read of the collection, with its visibility rules: readers see published items (and a
tombstone for withdrawn ones); an organisation's editors see its drafts too."""

from __future__ import annotations

import datetime
from collections import Counter

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from kopir.heritage.models import (
    Item,
    ItemStatus,
    Person,
    Place,
    Project,
    ProjectTask,
    Subject,
)
from kopir.heritage.search.sources import decades
from kopir.network.models import Organisation

PUBLIC = Q(status=ItemStatus.PUBLISHED)
_ITEM_RELATED = ("places__settlement", "persons", "subjects", "projects")


def item_get(pk: int, *, user: object = None) -> Item:
    """An item as a reader sees it: published, or withdrawn (shown as a tombstone); drafts only
    for those who may edit them."""
    queryset = Item.objects.select_related("organisation").prefetch_related(*_ITEM_RELATED)
    item = queryset.filter(pk=pk).first()
    if item is None:
        raise Http404
    if item.status == ItemStatus.DRAFT and not (
        user is not None and user.has_perm("heritage.change_item", item)  # type: ignore[attr-defined]
    ):
        raise Http404
    return item


def organisation_items(organisation: Organisation) -> QuerySet[Item]:
    """All items of an organisation, drafts included, for its editors."""
    return (
        Item.objects.filter(organisation=organisation)
        .prefetch_related("projects")
        .order_by("-updated_at", "-pk")
    )


def published_items() -> QuerySet[Item]:
    return Item.objects.filter(PUBLIC).select_related("organisation")


def project_list() -> QuerySet[Project]:
    """Every project, with its published items only (a draft is its editors' alone)."""
    return (
        Project.objects.select_related("lead")
        .prefetch_related(
            "organisations__settlement__region__country",
            Prefetch("items", Item.objects.filter(PUBLIC).order_by("date_start", "pk")),
        )
        .annotate(item_count=Count("items", filter=Q(items__status=ItemStatus.PUBLISHED)))
    )


def project_get(slug: str) -> Project:
    queryset = Project.objects.select_related("lead").prefetch_related(
        "organisations__settlement__region__country",
        "contributors",
        Prefetch("items", Item.objects.filter(PUBLIC).order_by("date_start", "pk")),
        Prefetch("tasks", ProjectTask.objects.select_related("organisation")),
    )
    project = queryset.filter(slug=slug).first()
    if project is None:
        raise Http404
    return project


def place_counts() -> list[tuple[Place, int]]:
    """Places with published items, for the map and the list of places."""
    places = (
        Place.objects.select_related("settlement")
        .annotate(count=Count("items", filter=Q(items__status=ItemStatus.PUBLISHED)))
        .filter(count__gt=0)
        .order_by("name")
    )
    return [(place, place.count) for place in places]  # type: ignore[attr-defined]


def decade_counts() -> list[tuple[int, int]]:
    """Published items per decade their dates touch, for the timeline, earliest first."""
    counts: Counter[int] = Counter()
    # One row per (first year, last year) pair, counted by the database: a handful of rows
    # however large the collection, instead of every item's dates.
    spans = (
        published_items()
        .exclude(date_start=None)
        .order_by()
        .values("date_start__year", "date_end__year")
        .annotate(n=Count("pk"))
    )
    for span in spans:
        first = datetime.date(span["date_start__year"], 1, 1)
        last = datetime.date(span["date_end__year"] or span["date_start__year"], 1, 1)
        for decade in decades(first, last):
            counts[decade] += span["n"]
    return sorted(counts.items())


def subject_counts() -> QuerySet[Subject]:
    return (
        Subject.objects.annotate(count=Count("items", filter=Q(items__status=ItemStatus.PUBLISHED)))
        .filter(count__gt=0)
        .order_by("name")
    )


# --- The API's reads ------------------------------------------------------------------------


def item_for_change(pk: int) -> Item:
    """An item to write to, whatever its status (the service checks who may)."""
    return get_object_or_404(Item.objects.select_related("organisation"), pk=pk)


def project_for_change(slug: str) -> Project:
    return get_object_or_404(Project, slug=slug)


def authorities(
    *, places: list[int], persons: list[int], subjects: list[str]
) -> tuple[list[Place], list[Person], list[Subject]]:
    """The places, persons and subjects an item is described with, from their keys."""
    return (
        list(Place.objects.filter(pk__in=places)),
        list(Person.objects.filter(pk__in=persons)),
        list(Subject.objects.filter(slug__in=subjects)),
    )


def person_list() -> QuerySet[Person]:
    return Person.objects.order_by("pk")


def place_list() -> QuerySet[Place]:
    return Place.objects.select_related("settlement").order_by("pk")
