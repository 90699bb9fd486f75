"""Every write to the network domain."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from kopir.core.text import search_document
from kopir.network.models import Organisation


def organisation_search_text(organisation: Organisation) -> str:
    """The folded names of an organisation in every language and script, for search."""
    return search_document(
        *(
            getattr(organisation, f"{field}_{lang}") or ""
            for field in ("name", "short_name")
            for lang in ("kk", "ru", "en")
        ),
        organisation.isil,
    )


@transaction.atomic
def organisation_save(
    organisation: Organisation, *, actor: AbstractBaseUser | None
) -> Organisation:
    """Validate and store an organisation, keeping its search text current.

    `actor` is who makes the change (None for the system, e.g. the demo loader).
    """
    organisation.search_text = organisation_search_text(organisation)
    organisation.full_clean()
    organisation.save()
    return organisation
