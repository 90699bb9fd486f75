"""The demo register: the seed's references (network-facts §4), linked to the organisations and
events they are about. Idempotent: each is known by its CSL id."""

from __future__ import annotations

from django.db import transaction

from kopir.bibliography.demo.seed import SEED
from kopir.bibliography.models import Publication
from kopir.bibliography.services import Links, publication_save
from kopir.core.audit import SYSTEM
from kopir.events.models import Event
from kopir.network.models import Organisation

SOURCE = "../shared/seed/network-facts.md §4"
# CSL id → (organisations it is about, events it is about)
LINKS = {
    "cis-report-2020": (["shemonaikha-central-library", "krupskaya-childrens-library"], []),
    "gorkovaya-2021": (["shemonaikha-central-library"], []),
    "uba-inform-2019": ([], ["telebridge-2019-barnaul-shemonaikha"]),
    "video-bridge-2022": (
        ["krupskaya-childrens-library", "shemonaikha-central-library"],
        ["video-bridge-2022-growing-up-with-a-book"],
    ),
    "shemlibrary-cooperation": (["shemonaikha-central-library"], []),
    "akunb-common-home": (["shishkov-library"], []),
}


@transaction.atomic
def load_demo_publications() -> int:
    """Add the seed's references that are missing; returns how many were added."""
    known = set(Publication.objects.values_list("csl__id", flat=True))
    created = 0
    for item, text in SEED:
        if item["id"] in known:
            continue
        organisations, events = LINKS.get(item["id"], ([], []))
        event_list = list(Event.objects.filter(slug__in=events))
        organisation_list = list(Organisation.objects.filter(slug__in=organisations))
        for event in event_list:  # an event's organisers are what it is about too
            organisation_list += [o for o in event.organisers.all() if o not in organisation_list]
        placeholder = "ДД.ММ.ГГГГ" in text or "[" in text
        publication = Publication(
            source=SOURCE, confidence="unverified" if placeholder else "medium",
            provenance_note="Access dates and bracketed parts are placeholders in the seed."
            if placeholder else "",
        )  # fmt: skip
        publication_save(publication, csl=item, change=SYSTEM,
                         links=Links(organisations=organisation_list, events=event_list))  # fmt: skip
        created += 1
    return created
