"""The partners in the site search (kopir.search): what is indexed of an organisation, how a hit
is shown, and the changes that re-index it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kopir.core import multilingual
from kopir.network.models import Organisation
from kopir.search.signals import queue
from kopir.search.sources import Document, HitView, SearchSource, facet, ml, place_ids, register


class OrganisationSource(SearchSource):
    kind = "organisation"
    label = _("partners")
    title_field = "name"

    model = Organisation

    def public(self) -> QuerySet[Any]:
        return Organisation.objects.select_related("settlement__heritage_place")

    def document(self, org: Any) -> Document:
        body = [*ml(org, "description"), *ml(org, "address")]
        if org.settlement_id:
            body += ml(org.settlement, "name")
        facets = [facet("kind", "organisation"), facet("org", org.pk)]
        facets += [facet("place", pk) for pk in place_ids([org.settlement])]
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


def _organisation_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    queue("organisation", [instance.pk])


def connect() -> None:
    """Register the source and keep the index current (NetworkConfig.ready)."""
    register(OrganisationSource())
    for signal in (post_save, post_delete):
        signal.connect(
            _organisation_changed, sender=Organisation, dispatch_uid=f"search-org-{signal}"
        )
