"""Every read of the collection, with its visibility rules: readers see published items (and a
tombstone for withdrawn ones); an organisation's editors see its drafts too."""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from kopir.core import multilingual
from kopir.heritage.models import (
    Item,
    ItemKind,
    ItemLanguage,
    ItemStatus,
    Person,
    Place,
    Project,
    ProjectTask,
    Subject,
)
from kopir.network.models import Organisation
from kopir.search.sources import REGISTRY, decades

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


def latest_items(count: int = 8) -> QuerySet[Item]:
    """The items published last, the newest first (the collection's front page)."""
    return published_items().order_by("-published_at", "-pk")[:count]


def linkable_items() -> QuerySet[Item]:
    """Published items by title: what a publication may be about."""
    return published_items().order_by("title")


def item_feed(*, organisation: str | None = None, kind: str | None = None) -> QuerySet[Item]:
    """Published items with their places, persons and subjects, in a stable order (the API)."""
    items = published_items().prefetch_related("places", "persons", "subjects")
    if organisation:
        items = items.filter(organisation__slug=organisation)
    if kind:
        items = items.filter(kind=kind)
    return items.order_by("pk")


def project_list(*, by_slug: bool = False) -> QuerySet[Project]:
    """Every project, with its published items only (a draft is its editors' alone); in the
    model's order, or by address for the API's stable pages."""
    projects = (
        Project.objects.select_related("lead")
        .prefetch_related(
            "organisations__settlement__region__country",
            Prefetch("items", Item.objects.filter(PUBLIC).order_by("date_start", "pk")),
        )
        .annotate(item_count=Count("items", filter=Q(items__status=ItemStatus.PUBLISHED)))
    )
    return projects.order_by("slug") if by_slug else projects


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
    return [(place, place.count) for place in places]


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


def projects_open_to(item: Item, user: Any) -> list[Project]:
    """The projects `item` could be gathered into by `user`: those its organisation takes part
    in and the user may bring it to."""
    projects = (
        Project.objects.filter(organisations=item.organisation)
        .distinct()
        .select_related("lead")
        .prefetch_related("organisations")  # the permission check reads them per project
    )
    return [p for p in projects if user.has_perm("heritage.move_project_item", (p, item))]


def task_get(pk: int) -> ProjectTask:
    return get_object_or_404(ProjectTask.objects.select_related("project", "organisation"), pk=pk)


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


def facet_value_names(name: str, values: list[str]) -> dict[str, str]:
    """Readable names of facet values, in the reader's language."""
    ids = [int(v) for v in values if v.isdigit()]
    if name == "kind":
        return {kind: str(source.label) for kind, source in REGISTRY.items()}
    if name == "type":
        return {value.replace("_", ""): str(label) for value, label in ItemKind.choices}
    if name == "lang":
        return {value: str(label) for value, label in ItemLanguage.choices}
    if name == "decade":
        return {v: f"{v}–{int(v) + 9}" for v in values if v.isdigit()}
    models: dict[str, Any] = {
        "place": Place,
        "org": Organisation,
        "subject": Subject,
        "person": Person,
    }
    if name in models:
        found = models[name]._default_manager.filter(pk__in=ids)
        return {str(o.pk): multilingual.text(o, "name") for o in found}
    if name == "project":
        return {
            str(p.pk): multilingual.text(p, "title") for p in Project.objects.filter(pk__in=ids)
        }
    return {}


def drafts_of(organisations: QuerySet[Organisation] | None) -> QuerySet[Item]:
    """Collection items of these organisations (None: all) still in draft, the oldest
    untouched first: what waits to be published."""
    drafts = Item.objects.filter(status=ItemStatus.DRAFT).select_related("organisation")
    if organisations is not None:
        drafts = drafts.filter(organisation__in=organisations)
    return drafts.order_by("updated_at", "pk")


def open_tasks(organisations: QuerySet[Organisation] | None) -> QuerySet[ProjectTask]:
    """Research tasks not done yet that these organisations (None: any) took on, the
    earliest due first (those without a date last)."""
    tasks = ProjectTask.objects.filter(done_at__isnull=True).select_related("project")
    if organisations is not None:
        tasks = tasks.filter(organisation__in=organisations)
    return tasks.order_by(F("due_on").asc(nulls_last=True), "pk")
