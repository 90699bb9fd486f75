"""An editor in Barnaul adds a photograph to a joint project; a reader in Shemonaikha finds it
by a Kazakh query and by a Latin-script one, and sees it on the map and on the timeline."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from kopir.accounts.tests.factories import PASSWORD, EditorFactory
from kopir.heritage.models import Item, ItemStatus, Project
from kopir.network.models import Organisation
from tests.browser.conftest import _guarded_page
from tests.browser.test_workspace_flow import sign_in

pytestmark = pytest.mark.browser


def test_add_a_photograph_then_find_it_in_kazakh_and_latin_on_map_and_timeline(
    browser, demo_server, tmp_path
) -> None:
    EditorFactory(username="marina", organisation=Organisation.objects.get(slug="shishkov-library"))
    photo = tmp_path / "mill.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), "sienna").save(buffer, "JPEG")
    photo.write_bytes(buffer.getvalue())

    context, editor = _guarded_page(browser, demo_server)
    sign_in(editor, demo_server, "marina", PASSWORD)
    editor.goto(demo_server.url + "/ru/collection/workspace/shishkov-library/new/")
    editor.locator('[name="kind"]').select_option("photograph")
    editor.locator('[name="title_kk"]').fill("Алтай ауылындағы су диірмені")
    editor.locator('[name="title_ru"]').fill("Водяная мельница в алтайском селе")
    editor.locator('[name="description_ru"]').fill(
        "Мельница на речке у Барнаула, снимок из семейного альбома."
    )
    editor.locator('[name="date_text"]').fill("1930-е")
    # a photograph's language is «none» by itself (its field waits behind «more details»)
    editor.get_by_label("Барнаул", exact=True).check()
    editor.locator('[name="upload"]').set_input_files(str(photo))
    editor.get_by_role("button", name="Сохранить").click()
    editor.wait_for_selector("text=Сохранено.")
    editor.get_by_role("button", name="Опубликовать").click()
    editor.wait_for_selector("text=Опубликовано")
    editor.get_by_label("Добавить в исследовательский проект").select_option(
        "uba-valley-settlement"
    )
    editor.get_by_role("button", name="Добавить", exact=True).click()
    editor.wait_for_selector("text=Материал добавлен в проект.")
    context.close()

    item = Item.objects.get(title_ru="Водяная мельница в алтайском селе")
    assert item.status == ItemStatus.PUBLISHED and item.thumbnail and item.language == "zxx"
    assert Project.objects.get(slug="uba-valley-settlement").items.filter(pk=item.pk).exists()

    context, reader = _guarded_page(browser, demo_server)
    title = re.compile("Алтай ауылындағы су диірмені")
    for query in ("диірмендер", "diırmen", "diirmen"):  # Kazakh; Kazakh Latin; without marks
        reader.goto(demo_server.url + f"/kk/collection/search/?q={query}")
        assert reader.get_by_role("link", name=title).is_visible(), query
        assert reader.locator("mark").first.is_visible()

    reader.goto(demo_server.url + "/kk/collection/places/")
    reader.wait_for_selector("#collection-map[data-markers]")
    reader.locator('.leaflet-marker-icon[title^="Барнаул"]').click()
    reader.locator(".leaflet-popup-content a").click()
    reader.wait_for_url(re.compile(r"place="))
    assert reader.get_by_role("link", name=title).is_visible()

    reader.goto(demo_server.url + "/kk/collection/timeline/")
    reader.get_by_role("link", name="1930–1939").first.click()
    reader.wait_for_url(re.compile(r"decade=1930"))
    assert reader.get_by_role("link", name=title).is_visible()

    reader.goto(demo_server.url + "/kk/collection/projects/uba-valley-settlement/")
    assert reader.get_by_role("link", name=title).is_visible()
    assert not reader.foreign_requests
    context.close()
