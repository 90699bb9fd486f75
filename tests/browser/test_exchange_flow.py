"""An editor in Shemonaikha uploads a MARC file, resolves a duplicate and offers books; an
editor in Barnaul agrees to the shipment; it goes through to received; the act downloads."""

from __future__ import annotations

import re

import pytest
from docx import Document

from kopir.accounts.tests.factories import PASSWORD, EditorFactory
from kopir.exchange.models import BibRecord, Shipment
from kopir.exchange.tests import fixtures
from kopir.network.models import Organisation
from tests.browser.conftest import _guarded_page
from tests.browser.test_workspace_flow import sign_in

pytestmark = pytest.mark.browser
BOOKS = "/ru/exchange/books/shemonaikha-central-library/"


def test_import_offer_ship_receive_and_download_the_act(browser, demo_server, tmp_path) -> None:
    EditorFactory(
        username="aigul", organisation=Organisation.objects.get(slug="shemonaikha-central-library")
    )
    EditorFactory(
        username="olga", organisation=Organisation.objects.get(slug="krupskaya-childrens-library")
    )
    marc = tmp_path / "irbis.iso"
    marc.write_bytes(fixtures.mixed_file())
    again = tmp_path / "again.iso"
    again.write_bytes(
        fixtures.utf8_file(fixtures.marc21_record("Рудный Алтай", "Иванов, И. И.", "2011"))
    )

    context, editor = _guarded_page(browser, demo_server, accept_downloads=True)
    sign_in(editor, demo_server, "aigul", PASSWORD)
    editor.goto(demo_server.url + BOOKS + "import/")
    editor.get_by_label("Файл MARC").set_input_files(str(marc))
    editor.get_by_role("button", name="Импортировать", exact=True).click()
    editor.wait_for_selector("text=Импортировано записей: 3 из 3.")
    # The same book once more: flagged, and the editor deletes the new copy of the record.
    editor.goto(demo_server.url + BOOKS + "import/")
    editor.get_by_label("Файл MARC").set_input_files(str(again))
    editor.get_by_role("button", name="Импортировать", exact=True).click()
    editor.get_by_role("link", name="Решить судьбу вероятных дубликатов").click()
    editor.get_by_role("button", name="Удалить новую запись").click()
    editor.wait_for_selector("text=Решать нечего.")
    assert BibRecord.objects.count() == 3

    editor.goto(demo_server.url + BOOKS)
    for _ in range(2):  # offer the first two books as gifts
        editor.get_by_role("button", name="Предложить").first.click()
        editor.wait_for_selector("text=Сохранено.")
    editor.goto(demo_server.url + "/ru/exchange/shipments/shemonaikha-central-library/new/")
    editor.get_by_label("Кому").select_option(
        label="Алтайская краевая детская библиотека им. Н. К. Крупской"
    )
    editor.get_by_label("Вид").select_option("gift")
    for box in editor.locator('input[name="offers"]').all():
        box.check()
    editor.get_by_role("button", name="Предложить", exact=True).click()
    editor.wait_for_url(re.compile(r"/ru/exchange/shipment/\d+/$"))
    shipment_url = editor.url

    context_b, barnaul = _guarded_page(browser, demo_server)
    sign_in(barnaul, demo_server, "olga", PASSWORD)
    barnaul.goto(shipment_url)
    barnaul.get_by_role("button", name="Согласиться").click()
    barnaul.wait_for_selector("text=Согласовано")

    editor.goto(shipment_url)
    editor.get_by_label("Перевозчик").fill("Казпочта")
    editor.get_by_label("Трек-номер").fill("RR123456789KZ")
    editor.get_by_role("button", name="Отметить как отправленное").click()
    editor.wait_for_selector("text=RR123456789KZ")

    barnaul.goto(shipment_url)
    barnaul.locator("select[name^='condition-']").first.select_option("damaged")
    barnaul.get_by_role("button", name="Подтвердить получение").click()
    barnaul.wait_for_selector("text=повреждено")
    assert Shipment.objects.get().status == "received"
    context_b.close()

    editor.goto(shipment_url)
    with editor.expect_download() as download:
        editor.get_by_role("link", name="акт приёма-передачи (DOCX)").click()
    path = download.value.path()
    text = "\n".join(p.text for p in Document(path).paragraphs)
    assert "Акт приёма-передачи документов" in text and "Всего экземпляров: 2" in text
    context.close()
