"""Public pages of the collection: search across all public content, items, projects, and
browsing by place (map), period (timeline), subject and project. All work without JavaScript."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kopir.bibliography import selectors as bibliography_selectors
from kopir.core import multilingual
from kopir.heritage import selectors
from kopir.heritage.models import (
    ItemStatus,
)
from kopir.search import engine, highlight
from kopir.search.sources import REGISTRY, elsewhere, resolve

PER_PAGE = 20
SORT_LABELS = {
    "relevance": _("relevance"),
    "-date": _("newest first"),
    "date": _("oldest first"),
    "title": _("title"),
}
FACET_LABELS = {
    "kind": _("What"),
    "type": _("Type"),
    "place": _("Place"),
    "decade": _("Period"),
    "org": _("Organisation"),
    "lang": _("Language"),
    "subject": _("Subject"),
    "project": _("Project"),
    "person": _("Person"),
}


def _query(request: HttpRequest) -> engine.SearchQuery:
    filters = {
        name: [v for v in request.GET.getlist(name) if v.isalnum()][:5] for name in engine.FACETS
    }
    sort = request.GET.get("sort", "relevance")
    page = request.GET.get("page", "1")
    number = int(page) if page.isdigit() and 0 < int(page) <= 500 else 1
    return engine.SearchQuery(
        text=request.GET.get("q", "")[:200],
        filters={k: v for k, v in filters.items() if v},
        sort=sort if sort in engine.SORTS else "relevance",
        offset=(number - 1) * PER_PAGE,
        limit=PER_PAGE,
    )


def _hits(page: engine.SearchPage) -> list[dict[str, Any]]:
    hits = []
    for kind, obj in resolve(page.entries):
        view = REGISTRY[kind].view(obj)
        hits.append(
            {
                "kind": kind,
                "kind_label": REGISTRY[kind].label,
                "view": view,
                "obj": obj,
                "title": _marked_title(obj, REGISTRY[kind].title_field, page.words),
                "snippet": highlight.snippet(view.text, page.words),
                "is_fictional": getattr(obj, "is_fictional", False),
            }
        )
    return hits


def _marked_title(obj: object, field: str, wanted: list[list[str]]) -> SafeString:
    """The title in the reader's language (or its fallback, marked as such), hits in <mark>."""
    if not hasattr(obj, f"{field}_ru"):  # a field in one language (a publication's title)
        return highlight.marked(str(getattr(obj, field, "")), wanted)
    resolved = multilingual.resolve(obj, field)
    title = highlight.marked(resolved.value, wanted)
    if not resolved.is_fallback:
        return title
    return format_html(
        '<span lang="{}" class="ml-fallback">{}</span> <small class="ml-tag">{}</small>',
        resolved.language,
        title,
        multilingual.LANGUAGE_TAGS[resolved.language],
    )


def _facet_rows(
    request: HttpRequest, query: engine.SearchQuery, page: engine.SearchPage
) -> list[dict[str, Any]]:
    rows = []
    for name in engine.FACETS:
        counts = page.facets[name]
        if not counts:
            continue
        names = selectors.facet_value_names(name, list(counts))
        chosen = query.filters.get(name, [])
        values = []
        for value, count in counts.most_common(12 if name != "decade" else 40):
            params = request.GET.copy()
            params.pop("page", None)
            selected = value in chosen
            if selected:
                params.setlist(name, [v for v in chosen if v != value])
            else:
                params.appendlist(name, value)
            values.append(
                {
                    "value": value,
                    "label": names.get(value, value),
                    "count": count,
                    "selected": selected,
                    "url": "?" + params.urlencode(),
                }
            )
        if name == "decade":
            values.sort(key=lambda v: str(v["value"]))
        rows.append({"name": name, "label": FACET_LABELS[name], "values": values})
    return rows


def search(request: HttpRequest) -> HttpResponse:
    """Search the collection, the partners and the events in any language and either script,
    and show what the partners' book catalogue holds for the same words."""
    query = _query(request)
    page = engine.search(query)
    number = query.offset // PER_PAGE + 1
    pages = max(1, -(-page.total // PER_PAGE))
    params = request.GET.copy()
    params.pop("page", None)
    sorts = []
    for value, label in SORT_LABELS.items():
        sort_params = params.copy()
        sort_params["sort"] = value
        sorts.append({"value": value, "label": label, "url": "?" + sort_params.urlencode()})
    return render(
        request,
        "heritage/search.html",
        {
            "query": query,
            "page": page,
            "hits": _hits(page),
            # catalogues searched beside the index (the books): on the first page, unfiltered
            "elsewhere": elsewhere(query.text) if number == 1 and not query.filters else [],
            "facets": _facet_rows(request, query, page),
            "number": number,
            "pages": pages,
            "sorts": sorts,
            "base": params.urlencode(),
            "previous": number - 1 if number > 1 else None,
            "next": number + 1 if number < pages else None,
        },
    )


def collection_home(request: HttpRequest) -> HttpResponse:
    """The collection's front page: search, latest items, projects, subjects, places, periods."""
    latest = selectors.latest_items()
    rows = _timeline()
    return render(
        request,
        "heritage/home.html",
        {
            "latest": latest,
            "projects": selectors.project_list()[:6],
            "subjects": selectors.subject_counts(),
            "timeline": rows,
            "timeline_height": len(rows) * 26 + 4,
            "places": selectors.place_counts(),
        },
    )


def _timeline() -> list[dict[str, Any]]:
    counts = selectors.decade_counts()
    top = max((n for _, n in counts), default=1)
    return [
        {"decade": d, "count": n, "width": max(2, round(300 * n / top)), "y": i * 26}
        for i, (d, n) in enumerate(counts)
    ]


def timeline(request: HttpRequest) -> HttpResponse:
    """Browse by period: the decades items date from, each a link to its items."""
    rows = _timeline()
    return render(
        request, "heritage/timeline.html", {"timeline": rows, "height": len(rows) * 26 + 4}
    )


def places(request: HttpRequest) -> HttpResponse:
    """Browse by place: a map (with JavaScript) over a list of places (always)."""
    rows = selectors.place_counts()
    points = [
        {
            "id": place.pk,
            "name": multilingual.text(place, "name"),
            "count": count,
            "items": ngettext("%(count)s item", "%(count)s items", count) % {"count": count},
            "lat": place.point[0],
            "lng": place.point[1],
        }
        for place, count in rows
        if place.point
    ]
    return render(
        request,
        "heritage/places.html",
        {
            "rows": rows,
            "points": points,
            "tile_url": settings.KOPIR_MAP_TILE_URL,
            "tile_attribution": settings.KOPIR_MAP_TILE_ATTRIBUTION,
        },
    )


def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One item; a withdrawn one answers 410 Gone with its tombstone."""
    item = selectors.item_get(pk, user=request.user)
    status = 410 if item.status == ItemStatus.WITHDRAWN else 200
    can_edit = request.user.has_perm("heritage.change_item", item)
    context = {"item": item, "can_edit": can_edit,
               "publications": bibliography_selectors.about(item)}  # fmt: skip
    return render(request, "heritage/item.html", context, status=status)


def project_list(request: HttpRequest) -> HttpResponse:
    return render(request, "heritage/projects.html", {"projects": selectors.project_list()})


def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A joint research project: topic, partners, contributors, items, tasks and results."""
    project = selectors.project_get(slug)
    return render(
        request,
        "heritage/project.html",
        {
            "project": project,
            "can_edit": request.user.has_perm("heritage.change_project", project),
            "can_contribute": request.user.has_perm("heritage.contribute_project", project),
            "publications": bibliography_selectors.about(project),
        },
    )
