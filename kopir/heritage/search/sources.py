"""What the search index holds: a registry of sources, one per kind of public content.

A source says which objects are public, what text and facet values each contributes, and how a
hit is shown. The collection's items, the organisations and the events register here exactly as
a later kind (the publications) will: `register(MySource())`.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kopir.core import multilingual
from kopir.core.languages import CONTENT_LANGUAGES

LANGUAGES = CONTENT_LANGUAGES


@dataclass
class Document:
    """The searchable content of one public object."""

    object_id: int
    titles: list[str]
    body: list[str]
    facets: list[str]
    sort_title: str = ""
    sort_date: datetime.date | None = None


@dataclass
class HitView:
    """How one hit is shown in the results."""

    title: Any
    url: str
    text: str = ""
    thumbnail: str = ""
    meta: list[str] = field(default_factory=list)


def facet(name: str, value: object) -> str:
    """One facet value as an index token (letters and digits only: FTS5 and tsvector keep it)."""
    return "f" + name + "".join(ch for ch in str(value).lower() if ch.isalnum())


def ml(obj: object, name: str) -> list[str]:
    return [getattr(obj, f"{name}_{lang}", "") or "" for lang in LANGUAGES]


def decades(start: datetime.date | None, end: datetime.date | None) -> list[int]:
    if start is None:
        return []
    last = (end or start).year // 10 * 10
    return list(range(start.year // 10 * 10, last + 1, 10))[:20]


class SearchSource:
    """The contract: subclass, set `kind`, `label` and `model`, implement the three methods."""

    kind: ClassVar[str]
    label: ClassVar[Any]
    model: ClassVar[type[Model]]
    title_field: ClassVar[str] = "title"  # the multilingual field a hit is titled by

    def public(self) -> QuerySet[Any]:
        raise NotImplementedError

    def document(self, obj: Any) -> Document:
        raise NotImplementedError

    def view(self, obj: Any) -> HitView:
        raise NotImplementedError

    def documents(self, ids: Iterable[int] | None = None) -> Iterator[Document]:
        objects = self.public()
        if ids is not None:
            objects = objects.filter(pk__in=list(ids))
        for obj in objects.iterator(chunk_size=500):
            yield self.document(obj)

    def objects(self, ids: list[int]) -> dict[int, Any]:
        return {obj.pk: obj for obj in self.public().filter(pk__in=ids)}


REGISTRY: dict[str, SearchSource] = {}


def register(source: SearchSource) -> SearchSource:
    REGISTRY[source.kind] = source
    return source


def resolve(entries: list[tuple[str, int]]) -> list[tuple[str, Any]]:
    """The objects behind a page of hits, one query per kind, in the hits' order; an object
    changed since it was indexed (no longer public) is left out."""
    by_kind: dict[str, list[int]] = {}
    for kind, object_id in entries:
        by_kind.setdefault(kind, []).append(object_id)
    found = {kind: REGISTRY[kind].objects(ids) for kind, ids in by_kind.items()}
    return [(kind, found[kind][pk]) for kind, pk in entries if pk in found[kind]]


def source_for(model: type[Model]) -> SearchSource | None:
    return next((s for s in REGISTRY.values() if s.model is model), None)


def _place_ids(settlements: Iterable[Any]) -> list[int]:
    """The collection's places of settlements, read with them (settlement__heritage_place)."""
    places = (getattr(s, "heritage_place", None) for s in settlements if s is not None)
    return [place.pk for place in places if place is not None]


class ItemSource(SearchSource):
    kind = "item"
    label = _("collection items")

    @property
    def model(self) -> type[Model]:  # type: ignore[override]
        from kopir.heritage.models import Item

        return Item

    def public(self) -> QuerySet[Any]:
        from kopir.heritage.models import Item, ItemStatus

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
        from kopir.heritage.models import Item, ItemStatus

        items = Item.objects.filter(pk__in=ids, status=ItemStatus.PUBLISHED)
        return {item.pk: item for item in items}


class OrganisationSource(SearchSource):
    kind = "organisation"
    label = _("partners")
    title_field = "name"

    @property
    def model(self) -> type[Model]:  # type: ignore[override]
        from kopir.network.models import Organisation

        return Organisation

    def public(self) -> QuerySet[Any]:
        from kopir.network.models import Organisation

        return Organisation.objects.select_related("settlement__heritage_place")

    def document(self, org: Any) -> Document:
        body = [*ml(org, "description"), *ml(org, "address")]
        if org.settlement_id:
            body += ml(org.settlement, "name")
        facets = [facet("kind", "organisation"), facet("org", org.pk)]
        facets += [facet("place", pk) for pk in _place_ids([org.settlement])]
        titles = [*ml(org, "name"), *ml(org, "short_name")]
        return Document(
            org.pk, titles, body, facets, sort_title=multilingual.text(org, "name", "ru")[:200]
        )

    def view(self, org: Any) -> HitView:
        meta = [str(multilingual.text(org.settlement, "name"))] if org.settlement_id else []
        return HitView(
            multilingual.render(org, "name"),
            reverse("network:organisation-detail", args=[org.slug]),
            multilingual.text(org, "description"),
            "",
            meta,
        )


class EventSource(SearchSource):
    kind = "event"
    label = _("events")

    @property
    def model(self) -> type[Model]:  # type: ignore[override]
        from kopir.events.models import Event

        return Event

    def public(self) -> QuerySet[Any]:
        from kopir.events.models import Event

        return Event.objects.prefetch_related("organisers", "venues__settlement__heritage_place")

    def document(self, event: Any) -> Document:
        venues = list(event.venues.all())
        body = [*ml(event, "description"), *ml(event, "report")]
        for venue in venues:
            body += [*ml(venue, "name"), *ml(venue.settlement, "name")]
        day = event.starts_at.date()
        facets = [facet("kind", "event"), facet("decade", day.year // 10 * 10)]
        facets += [facet("org", org.pk) for org in event.organisers.all()]
        facets += [facet("place", pk) for pk in _place_ids(v.settlement for v in venues)]
        return Document(
            event.pk,
            ml(event, "title"),
            body,
            facets,
            sort_title=multilingual.text(event, "title", "ru")[:200],
            sort_date=day,
        )

    def view(self, event: Any) -> HitView:
        return HitView(
            multilingual.render(event, "title"),
            reverse("events:event-detail", args=[event.slug]),
            multilingual.text(event, "description"),
            "",
            [event.get_format_display()],
        )


for _source in (ItemSource(), OrganisationSource(), EventSource()):
    register(_source)
