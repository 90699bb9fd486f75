"""An editor plans a video bridge Barnaul–Shemonaikha on a day off in Kazakhstan, sees the
warning and a suggestion, takes it and saves; a reader sees both local times and registers a
class; the organiser records attendance."""

from __future__ import annotations

import re

import pytest

from kopir.accounts.tests.factories import PASSWORD, EditorFactory
from kopir.events.models import Attendance, Registration
from kopir.network.models import Organisation
from tests.browser.conftest import _guarded_page
from tests.browser.test_planner import fill_the_plan
from tests.browser.test_workspace_flow import sign_in

pytestmark = pytest.mark.browser


def test_plan_register_and_record_attendance(browser, demo_server) -> None:
    EditorFactory(
        username="aigul", organisation=Organisation.objects.get(slug="shemonaikha-central-library")
    )

    context, editor = _guarded_page(browser, demo_server)
    sign_in(editor, demo_server, "aigul", PASSWORD)
    fill_the_plan(editor, demo_server, "Видеомост «Растём с книгой — 2»")  # on Nauryz
    editor.get_by_label("Принимать записи").check()
    editor.get_by_label("Мест (пусто — без ограничения)").fill("40")
    editor.get_by_role("button", name="Сохранить мероприятие").click()
    warning = editor.locator(".warnings li").first
    assert "нерабочий день в пункте «Шемонаиха»" in warning.inner_text()
    editor.locator("button[name=use_suggestion]").first.click()
    editor.wait_for_selector("text=Это время подходит всем площадкам.")
    editor.get_by_role("button", name="Сохранить мероприятие").click()
    editor.wait_for_url(re.compile(r"/ru/events/[-a-z0-9]+/$"))
    event_url = editor.url
    context.close()

    context, reader = _guarded_page(browser, demo_server)
    reader.goto(event_url.replace("/ru/", "/kk/"))
    times = reader.locator(".venue-times").inner_text()
    assert re.search(r"Барнаул 11:00 \(UTC\+7\) · Шемонаиха 09:00 \(UTC\+5\)", times)
    assert "40 орынның 40" in reader.locator(".details").inner_text()  # places left
    reader.get_by_label("Шемонаиха: Шемонаиха орталық аудандық кітапханасы").check()
    reader.get_by_label("Атыңыз").fill("Гүлнар Асқарқызы")
    reader.get_by_label("Электрондық пошта").fill("gulnar@example.org")
    reader.get_by_label("Сынып немесе топ").fill("3 «А»")
    reader.get_by_label("Балалар", exact=True).fill("24")
    reader.get_by_role("button", name="Тіркелу").click()
    # the registration's own page: the confirmation, its places, the way to cancel; no form
    reader.wait_for_url(re.compile(r"/kk/events/registration/[^/]+/$"))
    reader.wait_for_selector("text=Сіз тіркелдіңіз.")
    assert reader.get_by_role("heading", name="Сіздің тіркелуіңіз").is_visible()
    assert "24 бала, 1 ересек" in reader.locator(".details").inner_text()
    assert reader.get_by_role("link", name="Тіркеуден бас тарту").is_visible()
    assert reader.locator("input[name=contact_name]").count() == 0
    assert Registration.objects.get(contact_email="gulnar@example.org").children == 24
    reader.goto(event_url.replace("/ru/", "/kk/"))
    assert "40 орынның 15" in reader.locator(".details").inner_text()
    assert reader.foreign_requests == []
    context.close()

    context, organiser = _guarded_page(browser, demo_server)
    sign_in(organiser, demo_server, "aigul", PASSWORD)
    organiser.goto(event_url + "attendance/")
    organiser.get_by_label("Шемонаиха: дети").fill("24")
    organiser.get_by_label("Барнаул: дети").fill("30")
    organiser.get_by_role("button", name="Сохранить").click()
    organiser.wait_for_selector("text=54 участника всего")
    slug = event_url.rstrip("/").rsplit("/", 1)[-1]
    recorded = Attendance.objects.filter(venue__event__slug=slug).values_list("count", flat=True)
    assert sum(recorded) == 54
    context.close()
