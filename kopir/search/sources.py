"""What the search index holds: a registry of sources, one per kind of public content.

A source says which objects are public, what text and facet values each contributes, and how a
hit is shown. Each domain app registers its own source in its `ready()` (`register(MySource())`)
and queues its changed objects for re-indexing (kopir.search.signals.queue): the collection's
items, the partners, the events and the publications, exactly as an add-on would.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.db.models import Model, QuerySet

from kopir.core.languages import CONTENT_LANGUAGES
from kopir.core.registry import Registry

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


def count_tokens(rows: Iterable[str]) -> Counter[str]:
    """How many of these entries' facet strings carry each token."""
    tokens: Counter[str] = Counter()
    for row in rows:
        tokens.update(row.split())
    return tokens


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


REGISTRY: Registry[SearchSource] = Registry("search source", key="kind")
register = REGISTRY.register


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


def place_ids(settlements: Iterable[Any]) -> list[int]:
    """The collection's places of settlements, read with them (settlement__heritage_place)."""
    places = (getattr(s, "heritage_place", None) for s in settlements if s is not None)
    return [place.pk for place in places if place is not None]


@dataclass
class Elsewhere:
    """What a catalogue searched beside the index found: how many, the first few, and the
    address of them all in the catalogue's own pages."""

    label: Any
    total: int
    capped: bool  # more matched than the catalogue counts exactly: `total` is a lower bound
    hits: list[HitView]
    url: str


class Catalogue:
    """The contract of a catalogue the site search asks beside its own index: one too large to
    copy into it (the union catalogue of a million books), with its own word index built by
    the same analysis. Subclass, set `kind`, implement `find`."""

    kind: ClassVar[str]

    def find(self, text: str, limit: int) -> Elsewhere | None:
        """What `text` finds (None: nothing), with at most `limit` hits shown."""
        raise NotImplementedError


CATALOGUES: Registry[Catalogue] = Registry("searched catalogue", key="kind")


def elsewhere(text: str, limit: int = 3) -> list[Elsewhere]:
    """What each registered catalogue finds for the words `text`, in registry order."""
    if not text.strip():
        return []
    found = (catalogue.find(text, limit) for catalogue in CATALOGUES.values())
    return [result for result in found if result is not None and result.total]
