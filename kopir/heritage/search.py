"""The collection's items in the site search (kopir.search): what is indexed of an item, how a
hit is shown, and the changes that re-index it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kopir.core import multilingual
from kopir.heritage.models import Item, ItemStatus, Project
from kopir.search.signals import queue
from kopir.search.sources import Document, HitView, SearchSource, decades, facet, ml, register


class ItemSource(SearchSource):
    kind = "item"
    label = _("collection items")

    model = Item

    def public(self) -> QuerySet[Any]:
        return (
            Item.objects.filter(status=ItemStatus.PUBLISHED)
            .select_related("organisation")
            .prefetch_related("places", "persons", "subjects", "projects")
        )

    def document(self, item: Any) -> Document:
        places, persons, subjects = item.places.all(), item.persons.all(), item.subjects.all()
        body = [
            *ml(item, "description"),
            item.creator,
            item.contributor,
            item.publisher,
            item.identifier,
            item.coverage,
            item.date_text,
            item.source,
            item.extracted_text,
        ]
        for related in (*places, *persons, *subjects):
            body.extend(ml(related, "name"))
        facets = [
            facet("kind", "item"),
            facet("type", item.kind),
            facet("org", item.organisation_id),
            facet("lang", item.language),
        ]
        facets += [facet("place", p.pk) for p in places]
        facets += [facet("subject", s.pk) for s in subjects]
        facets += [facet("person", p.pk) for p in persons]
        facets += [facet("project", p.pk) for p in item.projects.all()]
        facets += [facet("decade", d) for d in decades(item.date_start, item.date_end)]
        return Document(
            item.pk,
            ml(item, "title"),
            body,
            facets,
            sort_title=multilingual.text(item, "title", "ru")[:200],
            sort_date=item.date_start,
        )

    def view(self, item: Any) -> HitView:
        meta = (
            [item.get_kind_display(), item.date_text]
            if item.date_text
            else [item.get_kind_display()]
        )
        return HitView(
            multilingual.render(item, "title"),
            reverse("heritage:item", args=[item.pk]),
            multilingual.text(item, "description"),
            item.preview.url if item.preview else "",
            meta,
        )

    def objects(self, ids: list[int]) -> dict[int, Any]:
        items = Item.objects.filter(pk__in=ids, status=ItemStatus.PUBLISHED)
        return {item.pk: item for item in items}


def _item_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    queue("item", [instance.pk])


def _item_relations(
    sender: Any, instance: Any, action: str, pk_set: Any, model: Any, reverse: bool, **kwargs: Any
) -> None:
    if not action.startswith("post_"):
        return
    if model is Item:  # project.items.add(…): the items' project facet changes
        queue("item", list(pk_set or []))
    elif isinstance(instance, Item):
        queue("item", [instance.pk])


def connect() -> None:
    """Register the source and keep the index current (HeritageConfig.ready)."""
    register(ItemSource())
    for signal in (post_save, post_delete):
        signal.connect(_item_changed, sender=Item, dispatch_uid=f"search-item-{signal}")
    for through in (
        Item.places.through,
        Item.persons.through,
        Item.subjects.through,
        Project.items.through,
    ):
        m2m_changed.connect(_item_relations, sender=through, dispatch_uid=f"search-{through}")
