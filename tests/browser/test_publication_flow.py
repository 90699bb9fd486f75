"""An editor pastes a GOST reference, corrects what the parser missed, links it to an event, and
downloads the network's list of publications as DOCX."""

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
    "Иванов, И. И. Летопись Убы : очерки / И. И. Иванов. – Шемонаиха : Уба, 2019. – 120 с. – "
    "(Библиотека краеведа). – Текст : непосредственный."
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
    # The parser placed the heading, title, place, publisher, year and extent; not the series.
    assert page.locator('[name="title"]').input_value() == "Летопись Убы: очерки"
    assert page.locator('[name="publisher"]').input_value() == "Уба"
    assert page.get_by_role("alert").inner_text().count("Библиотека краеведа") == 1
    page.locator('[name="series"]').fill("Библиотека краеведа")
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
