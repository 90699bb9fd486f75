"""Every workspace page renders in kk and ru with no untranslated interface text."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from kopir.network.tests.test_pages import ENGLISH, visible_text_in_page_language

pytestmark = pytest.mark.django_db


def pages(world: dict) -> list[str]:
    own, person, agreement = world["own"], world["person"], world["agreement"]
    return [
        "/{lang}/accounts/login/",
        "/{lang}/accounts/password/reset/",
        "/{lang}/accounts/workspace/",
        "/{lang}/accounts/profile/",
        "/{lang}/accounts/tokens/",
        "/{lang}/accounts/password/",
        f"/{{lang}}/workspace/organisations/{own.slug}/",
        f"/{{lang}}/workspace/organisations/{own.slug}/edit/",
        f"/{{lang}}/workspace/organisations/{own.slug}/branches/new/",
        f"/{{lang}}/workspace/organisations/{own.slug}/people/new/",
        f"/{{lang}}/workspace/people/{person.pk}/edit/",
        f"/{{lang}}/workspace/people/{person.pk}/delete/",
        "/{lang}/workspace/agreements/new/",
        "/{lang}/events/plan/",
        "/{lang}/events/video-bridge-2022-growing-up-with-a-book/attendance/",
        "/{lang}/events/video-bridge-2022-growing-up-with-a-book/registrations/",
        f"/{{lang}}/workspace/agreements/{agreement.pk}/edit/",
        "/{lang}/accounts/invitations/",
        "/{lang}/accounts/users/",
        f"/{{lang}}/accounts/history/organisation/{own.pk}/",
        "/{lang}/events/video-bridge-2022-growing-up-with-a-book/edit/",
        "/{lang}/events/video-bridge-2022-growing-up-with-a-book/media/",
        f"/{{lang}}/exchange/books/{own.slug}/",
        f"/{{lang}}/exchange/books/{own.slug}/import/",
        f"/{{lang}}/exchange/books/{own.slug}/export/",
        f"/{{lang}}/exchange/books/{own.slug}/duplicates/",
        f"/{{lang}}/exchange/imports/{world['batch'].pk}/",
        f"/{{lang}}/exchange/wishes/{own.slug}/",
        f"/{{lang}}/exchange/shipments/{own.slug}/",
        f"/{{lang}}/exchange/shipments/{own.slug}/new/",
        f"/{{lang}}/exchange/shipment/{world['shipment'].pk}/",
        "/{lang}/exchange/balance/",
        f"/{{lang}}/collection/workspace/{own.slug}/",
        f"/{{lang}}/collection/workspace/{own.slug}/new/",
        f"/{{lang}}/collection/items/{world['item'].pk}/edit/",
        "/{lang}/collection/projects/new/",
        "/{lang}/collection/projects/uba-valley-settlement/edit/",
        "/{lang}/collection/projects/uba-valley-settlement/tasks/new/",
        "/{lang}/publications/new/",
        "/{lang}/publications/paste/",
        "/{lang}/publications/import/",
        f"/{{lang}}/publications/{world['publication'].pk}/edit/",
    ]


@pytest.fixture
def world(demo_network):
    import io

    from kopir.core.audit import SYSTEM
    from kopir.exchange.imports import marc_import
    from kopir.exchange.models import BibRecord
    from kopir.exchange.shipments import ItemInput, shipment_create
    from kopir.exchange.tests import fixtures
    from kopir.network.tests.factories import AgreementFactory, PersonFactory

    own = demo_network["shemonaikha-central-library"]
    batch = marc_import(io.BytesIO(fixtures.mixed_file() + b"12X45\x1d"), organisation=own,
                        change=SYSTEM)  # fmt: skip
    marc_import(io.BytesIO(fixtures.mixed_file()), organisation=own, change=SYSTEM)
    shipment = shipment_create(
        sender=own, recipient=demo_network["shishkov-library"], kind="gift", change=SYSTEM,
        items=[ItemInput(BibRecord.objects.filter(organisation=own).first())],
    )  # fmt: skip
    from kopir.bibliography.models import Publication
    from kopir.heritage.models import Item

    return {
        "own": own,
        "item": Item.objects.get(identifier="DEMO-HC-07"),
        "publication": Publication.objects.get(csl__id="gorkovaya-2021"),
        "batch": batch,
        "shipment": shipment,
        "person": PersonFactory(affiliation=own, name_kk="Адам", name_ru="Человек"),
        "agreement": AgreementFactory(parties=[own, demo_network["shishkov-library"]]),
    }


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_workspace_pages_have_no_english(world, coordinator, lang: str) -> None:
    client = Client()
    client.force_login(coordinator)
    for template in pages(world):
        url = template.format(lang=lang)
        if "/login/" in url or "/password/reset/" in url:
            response = Client().get(url)
        else:
            response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text_in_page_language(response.content.decode())
        stray = [m for m in ENGLISH if re.search(rf"(?<!\w){re.escape(m)}(?!\w)", text)]
        assert stray == [], f"{url}: {stray}"
