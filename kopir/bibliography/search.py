"""Publications in the site search (kopir/search): registered like any other source,
re-indexed when a publication or what it is about changes."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kopir.search.signals import queue
from kopir.search.sources import Document, HitView, SearchSource, facet, register


def _names(csl: dict[str, Any]) -> list[str]:
    return [
        n.get("literal") or f"{n.get('family', '')} {n.get('given', '')}"
        for role in ("author", "editor", "compiler", "translator")
        for n in csl.get(role) or []
    ]


class PublicationSource(SearchSource):
    kind = "publication"
    label = _("publications")

    @property
    def model(self) -> type[Model]:  # type: ignore[override]
        from kopir.bibliography.models import Publication

        return Publication

    def public(self) -> QuerySet[Any]:
        from kopir.bibliography.models import Publication

        return Publication.objects.prefetch_related("organisations")

    def document(self, publication: Any) -> Document:
        csl = publication.csl or {}
        body = [
            str(csl.get(key, ""))
            for key in (
                "container-title",
                "genre",
                "publisher",
                "publisher-place",
                "collection-title",
            )
        ]
        body += _names(csl)
        facets = [facet("kind", "publication")]
        facets += [facet("org", o.pk) for o in publication.organisations.all()]
        if publication.year:
            facets.append(facet("decade", publication.year // 10 * 10))
        if publication.language:
            facets.append(facet("lang", publication.language))
        return Document(
            publication.pk, [publication.title], body, facets, sort_title=publication.title[:200]
        )

    def view(self, publication: Any) -> HitView:
        url = reverse("bibliography:list") + (
            f"?year={publication.year}" if publication.year else ""
        )
        meta = [str(publication.get_kind_display())]
        if publication.year:
            meta.append(str(publication.year))
        return HitView(
            publication.title,
            f"{url}#publication-{publication.pk}",
            str((publication.csl or {}).get("container-title", "")),
            "",
            meta,
        )


def _refresh(sender: Any, instance: Any, **kwargs: Any) -> None:
    queue("publication", [instance.pk])


def connect() -> None:
    from kopir.bibliography.models import Publication

    register(PublicationSource())
    for signal in (post_save, post_delete):
        signal.connect(_refresh, sender=Publication, dispatch_uid=f"search-publication-{signal}")
    m2m_changed.connect(
        _refresh,
        sender=Publication.organisations.through,
        dispatch_uid="search-publication-organisations",
    )
