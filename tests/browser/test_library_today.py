"""«My library today» on a phone: the Shemonaikha editor signs in and finds what waits — a
coming bridge with its registrations and places left, a shipment at their step, a draft — and
each link leads to the page where it is done; this year's report is their own library's."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from kopir.accounts.tests.factories import PASSWORD, EditorFactory
from kopir.core.audit import SYSTEM
from kopir.events.tests.factories import RegistrationFactory, bridge
from kopir.exchange.shipments import ItemInput, shipment_create
from kopir.exchange.tests.factories import BibRecordFactory
from kopir.heritage.tests.factories import item
from kopir.network.models import Organisation
from tests.browser.conftest import _guarded_page
from tests.browser.test_small_screens import PHONE, STICKING_OUT
from tests.browser.test_workspace_flow import sign_in

pytestmark = pytest.mark.browser


def test_the_editor_s_home_lists_what_waits_and_links_to_it(browser, demo_server) -> None:
    central = Organisation.objects.get(slug="shemonaikha-central-library")
    regional = Organisation.objects.get(slug="shishkov-library")
    EditorFactory(username="aigul", organisation=central)
    soon = bridge("bridge-next-week", timezone.now() + datetime.timedelta(days=6),
                  title_ru="Видеомост «Зимние сказки»", registration_open=True,
                  capacity=50)  # fmt: skip
    RegistrationFactory(event=soon, children=18, adults=2)
    book = BibRecordFactory(organisation=regional, title="Алтай в творчестве писателей")
    incoming = shipment_create(sender=regional, recipient=central, kind="gift", change=SYSTEM,
                               items=[ItemInput(book)])  # fmt: skip
    draft = item(central, publish=False, title={"ru": "Опись фонда клуба (черновик)"})

    context, page = _guarded_page(browser, demo_server, viewport=PHONE)
    sign_in(page, demo_server, "aigul", PASSWORD)
    page.goto(demo_server.url + "/ru/accounts/workspace/")
    assert page.locator("h1").inner_text() == "Моя библиотека сегодня"
    width, culprits = page.evaluate(STICKING_OUT)
    assert width <= PHONE["width"], culprits

    coming = page.locator("#coming-events")
    card = coming.locator("li", has_text="Зимние сказки")
    assert "1 заявка" in card.inner_text()
    assert "30 мест осталось" in card.inner_text()
    card.get_by_role("link", name="Записи").click()
    page.wait_for_url(re.compile(rf"/ru/events/{soon.slug}/registrations/$"))
    assert "Учитель" in page.content()
    page.go_back()

    step = page.locator("#shipments li", has_text="согласовать")
    step.get_by_role("link").click()
    page.wait_for_url(re.compile(rf"/ru/exchange/shipment/{incoming.pk}/$"))
    assert page.get_by_role("button", name="Согласиться").count() == 1
    page.go_back()

    page.locator("#drafts").get_by_role("link", name="Опись фонда клуба (черновик)").click()
    page.wait_for_url(re.compile(rf"/ru/collection/items/{draft.pk}/edit/$"))
    page.go_back()

    page.locator("#year-report").click()
    page.wait_for_url(re.compile(r"/ru/reports/view/\?"))
    assert "Шемонаихинская центральная районная библиотека" in page.locator("main").inner_text()
    assert page.locator("main").inner_text().count("Выдрихинская") == 0
    context.close()
