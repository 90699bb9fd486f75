"""Where the repository's records come from: a registry of sources, each a kind of record with
its own identifiers, sets and metadata formats. The collection's items are the built-in
source; the exchange registers the union catalogue's books exactly as an add-on would.

The provider merges the sources into one list ordered by (datestamp, source order, id) — the
`Key` a resumption token carries — so one harvest, and one token, walk them all, each source
read page by page from its own (datestamp, id) index.
"""

from __future__ import annotations

import datetime
import heapq
import itertools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import connection
from django.db.models import Exists, Min, OuterRef, Prefetch, Q, QuerySet
from lxml import etree

from kopir.core.registry import Registry
from kopir.heritage.models import Item, ItemKind, ItemStatus, Person, Place, Project, Subject
from kopir.heritage.oai import formats
from kopir.network.models import Organisation

Writer = Callable[[Any, etree._Element], None]  # (record, <metadata>) → appends the metadata


@dataclass(frozen=True, order=True)
class Key:
    """A place in the merged order: the last record sent."""

    stamp: datetime.datetime
    order: int  # the source's order: records of one datestamp come source by source
    pk: int


START = Key(datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC), 0, 0)  # before every record


@dataclass(frozen=True)
class Window:
    """What a list asks for: a set ("" for all) and datestamps from `since`, before `until`."""

    set_spec: str = ""
    since: datetime.datetime | None = None
    until: datetime.datetime | None = None

    def dates(self, field: str) -> Q:
        condition = Q()
        if self.since is not None:
            condition &= Q(**{f"{field}__gte": self.since})
        if self.until is not None:
            condition &= Q(**{f"{field}__lt": self.until})
        return condition


@dataclass(frozen=True)
class Entry:
    """One record of a list: its header, and what a format writes its metadata from."""

    source: Source
    pk: int
    stamp: datetime.datetime
    set_specs: tuple[str, ...]
    record: Any = None  # None: a deleted record, a header only

    @property
    def key(self) -> Key:
        return Key(self.stamp, self.source.order, self.pk)

    @property
    def deleted(self) -> bool:
        return self.record is None


class Source(Protocol):
    """A kind of record in the repository."""

    path: str  # its identifiers are oai:<repository>:<path>/<id>
    order: int  # its place among records of the same datestamp, and in ListSets
    writers: Mapping[str, Writer]  # metadata prefix → writer; every source writes oai_dc

    def sets(self) -> list[tuple[str, str]]:
        """(setSpec, setName) of its sets."""

    def entries(self, window: Window, after: Key, limit: int, *, full: bool) -> list[Entry]:
        """Up to `limit` records in the window after `after`, in key order; `full`: with what
        the writers need (else headers only). None of its own in the window's set: []."""

    def count(self, window: Window, cap: int) -> int:
        """How many records `entries` walks through in the window, counted up to `cap` + 1
        (a list's size is optional in OAI-PMH; counting a million rows is not worth it)."""

    def get(self, pk: int) -> Entry | None:
        """One record, deleted or not; None when it never existed or is not public."""

    def earliest(self) -> datetime.datetime | None:
        """The earliest datestamp."""


def merged(lists: Iterable[Iterable[Entry]], limit: int) -> list[Entry]:
    """The first `limit` entries of lists each in key order, in key order."""
    return list(itertools.islice(heapq.merge(*lists, key=lambda entry: entry.key), limit))


REGISTRY: Registry[Source] = Registry("OAI-PMH record source", key="path")
register = REGISTRY.register


def following(rows: QuerySet[Any], field: str, order: int, after: Key) -> QuerySet[Any]:
    """The rows of one table after `after` in (datestamp, order, id) order, in that order.

    For the source the key is in, a row-value comparison, which its (datestamp, id) index
    serves directly: an OR of two conditions would make the database scan, and without a
    bound the planner may sort the whole table."""
    if order != after.order:  # a datestamp later (another source's key) or not earlier
        lookup = "gt" if order < after.order else "gte"
        return rows.filter(**{f"{field}__{lookup}": after.stamp}).order_by(field, "pk")
    meta = rows.model._meta
    table, column, pk = meta.db_table, meta.get_field(field).column, meta.pk.column
    rows = rows.extra(  # noqa: S610 (names from the model's meta; values are parameters)
        where=[f'("{table}"."{column}", "{table}"."{pk}") > (%s, %s)'],
        params=[connection.ops.adapt_datetimefield_value(after.stamp), after.pk],
    )
    return rows.order_by(field, "pk")


class Items:
    """The collection's published items; withdrawn ones stay as deleted records."""

    path = "item"
    order = 0
    writers: Mapping[str, Writer] = {"oai_dc": formats.write_oai_dc}
    SCOPE = Q(status__in=[ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN])
    RELATED = (
        Prefetch("places", Place.objects.only("id", "name_kk", "name_ru", "name_en")),
        Prefetch("persons", Person.objects.only("id", "name_kk", "name_ru", "name_en")),
        Prefetch("subjects", Subject.objects.only("id", "name_kk", "name_ru", "name_en")),
        Prefetch("projects", Project.objects.only("id", "slug")),
    )

    def _scope(self) -> QuerySet[Item]:
        return Item.objects.filter(self.SCOPE)

    def sets(self) -> list[tuple[str, str]]:
        """Items by organisation and by type, each under its parent set."""
        out = [("org", "Items by contributing organisation"), ("type", "Items by type")]
        held = Exists(self._scope().filter(organisation=OuterRef("pk")))
        orgs = Organisation.objects.filter(held).order_by("slug")
        out += [(f"org:{o.slug}", o.name_ru or o.name) for o in orgs]  # type: ignore[attr-defined]
        out += [(f"type:{value}", str(label)) for value, label in ItemKind.choices]
        return out

    def _set(self, spec: str) -> Q | None:
        if spec in ("", "org", "type"):
            return Q()
        group, _, value = spec.partition(":")
        if group == "org" and value and Organisation.objects.filter(slug=value).exists():
            return Q(organisation__slug=value)
        if group == "type" and value in ItemKind.values:
            return Q(kind=value)
        return None

    def _matching(self, window: Window) -> QuerySet[Item] | None:
        chosen = self._set(window.set_spec)
        return None if chosen is None else self._scope().filter(chosen, window.dates("updated_at"))

    def _entry(self, item: Item) -> Entry:
        specs = (f"org:{item.organisation.slug}", f"type:{item.kind}")
        shown = item if item.status != ItemStatus.WITHDRAWN else None
        return Entry(self, item.pk, item.updated_at, specs, shown)

    def entries(self, window: Window, after: Key, limit: int, *, full: bool) -> list[Entry]:
        items = self._matching(window)
        if items is None:
            return []
        items = following(items, "updated_at", self.order, after)
        items = items.defer("extracted_text").select_related("organisation")
        if full:
            items = items.prefetch_related(*self.RELATED)
        return [self._entry(item) for item in items[:limit]]

    def count(self, window: Window, cap: int) -> int:
        items = self._matching(window)
        return 0 if items is None else items.order_by()[: cap + 1].count()

    def get(self, pk: int) -> Entry | None:
        item = (
            self._scope().filter(pk=pk).select_related("organisation")
            .prefetch_related(*self.RELATED).first()
        )  # fmt: skip
        return None if item is None else self._entry(item)

    def earliest(self) -> datetime.datetime | None:
        first: datetime.datetime | None = self._scope().aggregate(first=Min("updated_at"))["first"]
        return first


register(Items())
