"""The planner answers next to the time fields: after «check the time» the holiday warning and
the slots that suit both sides (each in its venue's own time) are on screen beside the date,
with htmx in place and, without JavaScript, on the page that comes back; saving a
time with warnings says why it did not save."""

from __future__ import annotations

import re

import pytest

from kopir.accounts.tests.factories import PASSWORD, EditorFactory
from kopir.events.models import Event
from kopir.network.models import Organisation
from tests.browser.conftest import _guarded_page
from tests.browser.test_small_screens import PHONE
from tests.browser.test_workspace_flow import sign_in

pytestmark = pytest.mark.browser
TITLE = "Видеомост «Наурыз-2030 в двух библиотеках»"


def fill_the_plan(page, server, title: str = TITLE) -> None:
    """A bridge hosted in Barnaul with Shemonaikha, on Nauryz 2030 at 11:00 Barnaul time."""
    page.goto(server.url + "/ru/events/plan/")
    page.get_by_label("Название — на русском").fill(title)
    page.get_by_label("Формат").select_option("video_bridge")
    page.get_by_label("Аудитория").select_option("children")
    page.get_by_label("Принимающая площадка (время ниже — её местное)").select_option(
        label="Алтайская краевая детская библиотека им. Н. К. Крупской"
    )
    page.get_by_label("Шемонаихинская центральная районная библиотека").check()
    page.get_by_label("Дата").fill("2030-03-22")  # Nauryz: a day off in Kazakhstan only
    page.get_by_label("Начало (местное время)").fill("11:00")


def near_the_time_field(page) -> None:
    """The warning is on screen together with the time field (the answer came in place).

    The answer takes the focus (autofocus after a reload, htmx's focus after a swap); the
    browser scrolls to it when it renders, which may be after the text is already there."""
    page.wait_for_function("document.activeElement && document.activeElement.id === 'check'")
    warning = page.locator("#check .warnings li").first
    assert "нерабочий день в пункте «Шемонаиха»" in warning.inner_text()
    assert warning.is_visible()
    viewport = page.viewport_size
    box = warning.bounding_box()
    assert 0 <= box["y"] < viewport["height"], "the warning is not on screen"
    time_box = page.get_by_label("Начало (местное время)").bounding_box()
    assert box["y"] - time_box["y"] < 600, "the warning is far from the time field"


DESKTOP = {"width": 1366, "height": 900}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_check_answers_next_to_the_fields_in_place(browser, demo_server, viewport) -> None:
    central = Organisation.objects.get(slug="shemonaikha-central-library")
    EditorFactory(username="aigul", organisation=central)
    context, page = _guarded_page(browser, demo_server, viewport=viewport)
    sign_in(page, demo_server, "aigul", PASSWORD)
    fill_the_plan(page, demo_server)
    page.evaluate("window.notReloaded = true")
    page.get_by_role("button", name="Проверить время").click()
    page.locator("#check .warnings").wait_for()
    assert page.evaluate("window.notReloaded === true"), "the page was reloaded"
    near_the_time_field(page)
    # Each suggested slot says whose time it is: both places with their offsets.
    first = page.locator("button[name=use_suggestion]").first.inner_text()
    assert re.search(r"Барнаул \d\d:\d\d \(UTC\+7\)", first), first
    assert re.search(r"Шемонаиха \d\d:\d\d \(UTC\+5\)", first), first
    # The fields keep what was typed.
    assert page.get_by_label("Название — на русском").input_value() == TITLE

    page.get_by_role("button", name="Сохранить мероприятие").click()
    page.wait_for_selector("text=Мероприятие ещё не сохранено")
    near_the_time_field(page)
    assert Event.objects.filter(title_ru=TITLE).count() == 0
    page.get_by_label("Оставить это время всё равно").check()
    page.get_by_role("button", name="Сохранить мероприятие").click()
    page.wait_for_url(re.compile(r"/ru/events/[-a-z0-9]+/$"))
    assert Event.objects.filter(title_ru=TITLE).count() == 1
    context.close()


def test_check_without_javascript_comes_back_at_the_answer(browser, demo_server) -> None:
    central = Organisation.objects.get(slug="shemonaikha-central-library")
    EditorFactory(username="aigul", organisation=central)
    context, page = _guarded_page(browser, demo_server, viewport=PHONE, java_script_enabled=False)
    sign_in(page, demo_server, "aigul", PASSWORD)
    fill_the_plan(page, demo_server)
    page.get_by_role("button", name="Проверить время").click()
    page.locator("#check .warnings").wait_for()
    near_the_time_field(page)
    context.close()
