"""The demo register: the seed's references (network-facts §4), linked to the organisations and
events they are about. Idempotent: each is known by its CSL id."""

from __future__ import annotations

from typing import Any

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


# What the seed leaves to be filled in («replace ДД.ММ.ГГГГ with the real access date», and
# the 2022 video bridge's host and address): a reader never sees a placeholder as if it were
# the reference, so the demo leaves those parts out until an editor checks the link.
PLACEHOLDERS = {"ДД.ММ.ГГГГ", "[Название видеохостинга]", "[не установлен]"}


def _confirmed(item: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The reference without the seed's placeholders, and the CSL variables left out."""
    left_out = [
        key for key, value in item.items()
        if (isinstance(value, str) and value in PLACEHOLDERS)
        or (isinstance(value, dict) and value.get("literal") in PLACEHOLDERS)
    ]  # fmt: skip
    return {k: v for k, v in item.items() if k not in left_out}, left_out


@transaction.atomic
def load_demo_publications() -> int:
    """Add the seed's references that are missing; returns how many were added."""
    known = set(Publication.objects.values_list("csl__id", flat=True))
    created = 0
    for item, _text in SEED:
        if item["id"] in known:
            continue
        organisations, events = LINKS.get(item["id"], ([], []))
        event_list = list(Event.objects.filter(slug__in=events))
        organisation_list = list(Organisation.objects.filter(slug__in=organisations))
        for event in event_list:  # an event's organisers are what it is about too
            organisation_list += [o for o in event.organisers.all() if o not in organisation_list]
        known_only, left_out = _confirmed(item)
        publication = Publication(
            source=SOURCE, confidence="unverified" if left_out else "medium",
            provenance_note=f"Not yet confirmed, so left out: {', '.join(left_out)} (the seed "
            "has placeholders there)." if left_out else "",
        )  # fmt: skip
        publication_save(publication, csl=known_only, change=SYSTEM,
                         links=Links(organisations=organisation_list, events=event_list))  # fmt: skip
        created += 1
    return created
