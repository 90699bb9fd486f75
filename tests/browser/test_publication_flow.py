"""An editor pastes a GOST reference, finds it read into its fields, adds the editor the title
page names (with its role), links it to an event, and downloads the network's list of
publications as DOCX."""

from __future__ import annotations

import io

import pytest
from docx import Document

from kopir.accounts.tests.factories import PASSWORD, EditorFactory
from kopir.bibliography.models import Publication
from kopir.events.models import Event
from kopir.network.models import Organisation
from tests.browser.conftest import _guarded_page
from tests.browser.test_workspace_flow import sign_in

pytestmark = pytest.mark.browser
PASTED = (
    "Иванов, И. И. Летопись Убы : очерки / И. И. Иванов. – Шемонаиха : Уба, 2019. – 120 с. – "
    "(Библиотека краеведа)."
)
EXPECTED = (
    "Иванов, И. И. Летопись Убы : очерки / И. И. Иванов ; ответственный редактор "
    "Е. Е. Егорова. – Шемонаиха : Уба, 2019. – 120 с. – (Библиотека краеведа). – Текст : "
    "непосредственный."
)


def test_paste_correct_link_and_download_the_list(browser, demo_server) -> None:
    EditorFactory(
        username="aigerim",
        organisation=Organisation.objects.get(slug="shemonaikha-central-library"),
    )
    event = Event.objects.get(slug="telebridge-2019-barnaul-shemonaikha")
    context, page = _guarded_page(browser, demo_server, accept_downloads=True)
    sign_in(page, demo_server, "aigerim", PASSWORD)
    page.goto(demo_server.url + "/ru/publications/paste/")
    page.get_by_label("Ссылка").fill(PASTED)
    page.get_by_role("button", name="Распознать").click()
    # Every area was read into its field: nothing is left to place by hand.
    assert page.locator('[name="title"]').input_value() == "Летопись Убы"
    assert page.locator('[name="genre"]').input_value() == "очерки"
    assert page.locator('[name="publisher"]').input_value() == "Уба"
    assert page.locator('[name="series"]').input_value() == "Библиотека краеведа"
    assert page.get_by_role("alert").count() == 0
    # The section holding the series opened by itself; the editor adds the editor by role.
    assert page.locator('[name="series"]').is_visible()
    page.get_by_label("Редакторы", exact=True).fill("Егорова, Е. Е.")
    page.get_by_label("Как редакторы названы на титульном листе").select_option(
        label="«ответственный редактор»"
    )
    page.locator('[name="events"]').select_option(str(event.pk))
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_selector("text=Сохранено.")

    publication = Publication.objects.get(title="Летопись Убы")
    assert list(publication.events.all()) == [event]
    page.goto(demo_server.url + f"/ru/events/{event.slug}/")
    assert page.get_by_text("Летопись Убы : очерки").is_visible()

    page.goto(demo_server.url + "/ru/publications/")
    with page.expect_download() as download:
        page.get_by_role("link", name="DOCX").click()
    document = Document(io.BytesIO(open(download.value.path(), "rb").read()))  # noqa: SIM115
    text = "\n".join(p.text for p in document.paragraphs)
    assert EXPECTED in text
    assert page.foreign_requests == []
    context.close()
