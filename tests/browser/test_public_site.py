"""The public site in a real browser: language, filters, organisation page, map, accessibility."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import _guarded_page, serious_accessibility_violations

pytestmark = pytest.mark.browser


def test_home_page_opens_in_kazakh_and_switches_language(page, demo_server) -> None:
    page.goto(demo_server.url + "/")
    assert re.search(r"/kk/$", page.url)
    assert page.locator("html").get_attribute("lang") == "kk"
    assert "Шемонаиха" in page.locator("h1").inner_text()
    page.get_by_role("link", name="Русский").click()
    page.wait_for_url(re.compile(r"/ru/$"))
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("h1").inner_text().startswith("Библиотеки Шемонаихинского района")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/$"))
    assert "Who takes part" in page.content()
    assert page.foreign_requests == []


def test_filter_partners_by_country_and_open_an_organisation(page, demo_server) -> None:
    page.goto(demo_server.url + "/en/partners/")
    rows = page.locator("table.listing tbody tr")
    everyone = rows.count()
    page.get_by_label("Country").select_option("RU")
    page.wait_for_url(re.compile(r"country=RU"))  # htmx pushes the filtered URL
    page.wait_for_function(
        f"document.querySelectorAll('table.listing tbody tr').length < {everyone}"
    )
    names = rows.locator("td:first-child").all_inner_texts()
    assert any("Shishkov" in name for name in names)
    assert not any("Shemonaikha" in name for name in names)
    page.get_by_role("link", name=re.compile("Shishkov")).click()
    page.wait_for_url(re.compile(r"/en/partners/shishkov-library/$"))
    assert "5 Molodyozhnaya Street, Barnaul" in page.locator("main").inner_text()
    assert page.foreign_requests == []


def test_filters_work_without_javascript(browser, demo_server) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server.url + "/ru/partners/")
    page.get_by_label("Страна").select_option("KZ")
    page.get_by_role("button", name="Показать").click()
    page.wait_for_url(re.compile(r"country=KZ"))
    names = page.locator("table.listing tbody td:first-child").all_inner_texts()
    assert any("Шемонаихинская центральная" in name for name in names)
    assert not any("Барнаул" in name or "Шишкова" in name for name in names)
    context.close()


def test_map_shows_markers_on_both_sides_of_the_border(page, demo_server) -> None:
    page.goto(demo_server.url + "/en/map/")
    page.wait_for_selector("#network-map[data-markers]")
    assert page.locator("#network-map .map-marker-kz").count() >= 3
    assert page.locator("#network-map .map-marker-ru").count() >= 5
    assert page.locator("#network-map path.leaflet-interactive, #network-map svg path").count() > 0
    # One marker per town, its number on it: Barnaul's partners are not stacked on one spot.
    barnaul = page.locator("#network-map .map-marker-many[title^='Barnaul']")
    assert barnaul.count() == 1
    partners = int(barnaul.inner_text())
    assert partners >= 4
    assert page.locator("#network-map .map-label", has_text="Barnaul").is_visible()
    barnaul.focus()  # markers are reachable by keyboard
    page.keyboard.press("Enter")
    assert page.locator(".leaflet-popup-content a").count() == partners
    assert page.locator(".leaflet-popup-content").inner_text().count("UTC+7") == 1
    assert page.locator(".map-legend li").count() == 3
    assert page.foreign_requests == []


def test_latin_script_toggle_in_the_browser(page, demo_server) -> None:
    page.goto(demo_server.url + "/kk/partners/")
    page.get_by_role("button", name="Латын әліпбиі").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "kk-Latn"
    assert page.locator("h1").inner_text() == "Jelınıñ serıktesterı"
    page.get_by_role("button", name="Kirill älıpbiı").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Желінің серіктестері"


@pytest.mark.parametrize(
    "path",
    ["/kk/", "/ru/partners/", "/en/partners/shemonaikha-central-library/", "/kk/agreements/",
     "/en/map/", "/kk/collection/", "/kk/collection/search/?q=kitaphana",
     "/ru/collection/places/", "/ru/collection/timeline/",
     "/kk/collection/projects/uba-valley-settlement/", "/kk/reports/dashboard/"],
)  # fmt: skip
def test_no_serious_accessibility_violations(audit_page, demo_server, path: str) -> None:
    audit_page.goto(demo_server.url + path)
    if path.endswith("/map/"):
        audit_page.wait_for_selector("#network-map[data-markers]")
    if path.endswith("/places/"):
        audit_page.wait_for_selector("#collection-map[data-markers]")
    assert serious_accessibility_violations(audit_page) == []


def test_api_docs_render_from_our_own_static_files(page, demo_server) -> None:
    page.goto(demo_server.url + "/api/v1/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert "organisations.geojson" in page.locator(".swagger-ui").inner_text()
    assert page.foreign_requests == []


def test_event_page_with_registration_form_is_accessible(audit_page, demo_server) -> None:
    from kopir.events.models import Event

    event = Event.objects.filter(is_fictional=True).first()
    Event.objects.filter(pk=event.pk).update(registration_open=True)
    audit_page.goto(demo_server.url + f"/kk/events/{event.slug}/")
    assert serious_accessibility_violations(audit_page) == []
    audit_page.goto(demo_server.url + "/ru/events/?period=all")
    assert serious_accessibility_violations(audit_page) == []


def test_the_union_catalogue_and_a_book_fit_a_phone(browser, demo_server) -> None:
    """At 360 px: the catalogue, a book's page and the site search with its books block show
    no sideways scrolling, and the book's page has no serious accessibility violation."""
    from kopir.exchange.tests.factories import BibRecordFactory
    from kopir.network.models import Organisation

    library = Organisation.objects.get(slug="shemonaikha-central-library")
    book, *_ = [
        BibRecordFactory(
            organisation=library, title=f"Вып. {n}", set_title="Шемонаихинский историко-"
            "краеведческий сборник материалов по истории Рудного Алтая", volume=f"Вып. {n}",
            authors=["Константинопольский-Преображенский, Вениамин Александрович"],
            subjects=["Краеведение — Восточно-Казахстанская область — Шемонаихинский район"],
            isbn_as_written="978-601-7044-12-1", year=2011,
        )
        for n in (1, 2)
    ]  # fmt: skip
    word = "краеведческий"
    context, phone = _guarded_page(browser, demo_server, viewport={"width": 360, "height": 740},
                                   bypass_csp=True)  # fmt: skip
    try:
        for path in (f"/ru/exchange/catalogue/?q={word}", f"/kk/exchange/catalogue/{book.pk}/",
                     f"/ru/collection/search/?q={word}"):  # fmt: skip
            phone.goto(demo_server.url + path)
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, (path, width)
        phone.goto(demo_server.url + f"/ru/collection/search/?q={word}")
        assert (
            phone.locator("section.elsewhere a")
            .first.get_attribute("href")
            .startswith("/ru/exchange/catalogue/")
        )
        phone.goto(demo_server.url + f"/kk/exchange/catalogue/{book.pk}/")
        assert serious_accessibility_violations(phone) == []
        assert phone.foreign_requests == []
    finally:
        context.close()


def test_search_results_come_before_the_filters_on_a_phone(browser, demo_server) -> None:
    from tests.browser.test_small_screens import PHONE

    context, page = _guarded_page(browser, demo_server, viewport=PHONE)
    page.goto(demo_server.url + "/ru/collection/search/?q=библиотека")
    first = page.locator("li.hit").first.bounding_box()
    facets = page.locator("#facets").bounding_box()
    assert first["y"] < facets["y"]  # results first
    assert first["y"] < 2 * PHONE["height"]
    page.get_by_role("link", name="Уточнить поиск ↓").click()  # the filters, one tap away
    assert page.url.endswith("#facets")
    context.close()
