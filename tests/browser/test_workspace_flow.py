"""The coordinator invites an editor; the editor sets a password, edits their own organisation
in Kazakh, and is refused on another organisation."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from kopir.accounts.tests.factories import PASSWORD, CoordinatorFactory
from tests.browser.conftest import _guarded_page, serious_accessibility_violations

pytestmark = pytest.mark.browser


def sign_in(page, server, username: str, password: str) -> None:
    page.goto(server.url + "/kk/accounts/login/")
    page.locator("#id_username").fill(username)  # Django's own Kazakh label
    page.get_by_label("Құпиясөз").fill(password)
    page.get_by_role("button", name="Кіру").click()
    page.wait_for_url(re.compile(r"/accounts/workspace/$"))


def test_invite_accept_edit_and_refusal(browser, demo_server) -> None:
    CoordinatorFactory(username="coordinator")

    context, coordinator = _guarded_page(browser, demo_server)
    sign_in(coordinator, demo_server, "coordinator", PASSWORD)
    coordinator.get_by_role("link", name="Редакторларды шақыру").click()
    coordinator.get_by_label("Жаңа редактордың электрондық поштасы").fill("aigul@example.org")
    coordinator.get_by_label("Ұйым").select_option(label="Шемонаиха орталық аудандық кітапханасы")
    coordinator.get_by_role("button", name="Шақыруды жіберу").click()
    coordinator.wait_for_selector("text=Шақыру aigul@example.org мекенжайына жіберілді.")
    context.close()

    letter = mail.outbox[-1]
    assert letter.to == ["aigul@example.org"]
    link = re.search(r"https?://\S+/invitation/\S+/", letter.body).group(0)

    context, editor = _guarded_page(browser, demo_server)
    editor.goto(link)
    editor.get_by_label("Кіру аты").fill("aigul")
    editor.locator("#id_password1").fill("Uba-valley-2011-library")
    editor.get_by_label("Құпиясөзді қайталаңыз").fill("Uba-valley-2011-library")
    editor.get_by_role("button", name="Тіркелгімді жасау").click()
    editor.wait_for_url(re.compile(r"/kk/accounts/workspace/$"))

    editor.locator('a[href$="/workspace/organisations/shemonaikha-central-library/edit/"]').click()
    editor.wait_for_url(re.compile(r"/workspace/organisations/shemonaikha-central-library/edit/$"))
    name = editor.get_by_label("Атауы — қазақша", exact=True)
    name.fill("Шемонаиха орталық аудандық кітапханасы — Үбі жағасы")
    editor.get_by_role("button", name="Сақтау").click()
    editor.wait_for_selector("text=Сақталды.")
    editor.goto(demo_server.url + "/kk/partners/shemonaikha-central-library/")
    assert "Үбі жағасы" in editor.locator("h1").inner_text()

    refused = editor.goto(demo_server.url + "/kk/workspace/organisations/shishkov-library/edit/")
    assert refused.status == 403
    assert editor.locator("h1").inner_text() == "Рұқсат жоқ"
    assert editor.foreign_requests == []
    context.close()


@pytest.mark.parametrize(
    "path",
    ["/kk/accounts/workspace/", "/kk/workspace/organisations/shemonaikha-central-library/edit/",
     "/ru/accounts/invitations/", "/ru/workspace/agreements/new/",
     "/kk/collection/workspace/shemonaikha-central-library/new/", "/ru/collection/projects/new/",
     "/ru/events/plan/", "/kk/events/video-bridge-2022-growing-up-with-a-book/registrations/",
     "/ru/collection/search/?q=библиотека", "/kk/map/"],
)  # fmt: skip
def test_workspace_pages_have_no_serious_accessibility_violations(
    audit_page, demo_server, path
) -> None:
    CoordinatorFactory(username="coordinator")
    sign_in(audit_page, demo_server, "coordinator", PASSWORD)
    audit_page.goto(demo_server.url + path)
    assert serious_accessibility_violations(audit_page) == []
