"""The site search for other systems: `GET /api/v1/search`, over every registered source."""

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from kopir.api.errors import LIST_ERRORS
from kopir.api.schemas import Id, Text
from kopir.search import engine
from kopir.search.highlight import snippet
from kopir.search.sources import REGISTRY, resolve

router = Router(tags=["search"])


class SearchQueryIn(Schema):
    q: Annotated[Text, Field(max_length=200)] = ""
    kind: list[Annotated[str, Field(pattern=r"^[a-z]+$", max_length=20)]] = Field(
        default_factory=list
    )
    type: list[Annotated[str, Field(pattern=r"^[a-z]+$", max_length=20)]] = Field(
        default_factory=list
    )
    place: list[Id] = Field(default_factory=list)
    decade: list[Annotated[int, Field(ge=1000, le=2100)]] = Field(default_factory=list)
    org: list[Id] = Field(default_factory=list)
    person: list[Id] = Field(default_factory=list)
    subject: list[Id] = Field(default_factory=list)
    lang: list[Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]] = Field(default_factory=list)
    sort: Annotated[str, Field(pattern=r"^(relevance|date|-date|title)$")] = "relevance"
    offset: Annotated[int, Field(ge=0, le=10000)] = 0
    limit: Annotated[int, Field(ge=1, le=100)] = 20


class HitOut(Schema):
    kind: str
    id: int
    title: str
    url: str
    snippet: str


class SearchOut(Schema):
    total: int
    capped: bool  # more matched than were ranked and counted: narrow the query
    hits: list[HitOut]
    facets: dict[str, dict[str, int]]


@router.get(
    "/search",
    response={200: SearchOut, **LIST_ERRORS},
    summary="Search everything public",
    url_name="search",
)
def search(request: HttpRequest, query: Query[SearchQueryIn]) -> dict[str, Any]:
    """Collection items, partners, events and publications, in any language and either Kazakh
    script; the facet counts cover every match."""
    filters = {
        name: [str(v) for v in getattr(query, name)]
        for name in ("kind", "type", "place", "decade", "org", "lang", "person", "subject")
        if getattr(query, name)
    }
    page = engine.search(
        engine.SearchQuery(query.q, filters, query.sort, query.offset, query.limit)
    )
    hits = []
    for kind, obj in resolve(page.entries):  # one query per kind, not per hit
        view = REGISTRY[kind].view(obj)
        hits.append(
            {
                "kind": kind,
                "id": obj.pk,
                "title": str(view.title),
                "url": view.url,
                "snippet": str(snippet(view.text, page.words)),
            }
        )
    return {
        "total": page.total,
        "capped": page.capped,
        "hits": hits,
        "facets": {name: dict(counts) for name, counts in page.facets.items() if counts},
    }
