"""Publications made through the service, as editors add them."""

from __future__ import annotations

from typing import Any

from kopir.bibliography.models import Publication
from kopir.bibliography.services import Links, publication_save
from kopir.core.audit import SYSTEM
from kopir.network.models import Organisation


def publication(
    organisation: Organisation | None, *, links: Links | None = None, **csl: Any
) -> Publication:
    """A book (by default) added by `organisation`; `csl` overrides the CSL-JSON fields."""
    record = {"type": "book", "title": "Летопись Убы", "issued": {"date-parts": [[2019]]}, **csl}
    return publication_save(
        Publication(organisation=organisation), csl=record, links=links or Links(), change=SYSTEM
    )
