"""Every public page in every language: the right lang, no stray English, nothing from elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import polib
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.test import Client

from kopir.core.script import LATIN, SCRIPT_COOKIE

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/partners/",
    "/{lang}/partners/?country=RU&type=regional_library",
    "/{lang}/partners/?q=zzz-nothing",
    "/{lang}/partners/shemonaikha-central-library/",
    "/{lang}/partners/vydrikha-rural-library/",
    "/{lang}/partners/almanac-publishers/",
    "/{lang}/agreements/",
    "/{lang}/agreements/{agreement}/",
    "/{lang}/map/",
    "/{lang}/events/",
    "/{lang}/events/?period=past",
    "/{lang}/events/video-bridge-2022-growing-up-with-a-book/",
    "/{lang}/events/conference-2011-independence-20/",
    "/{lang}/events/?view=month&month=2022-02",
    "/{lang}/exchange/catalogue/",
    "/{lang}/collection/",
    "/{lang}/collection/search/?q=кітапхана",
    "/{lang}/collection/search/?q=Shemonaikha&kind=item&type=photograph&sort=-date",
    "/{lang}/collection/search/?q=zzz-nothing",
    "/{lang}/collection/timeline/",
    "/{lang}/collection/places/",
    "/{lang}/collection/projects/",
    "/{lang}/collection/projects/uba-valley-settlement/",
    "/{lang}/collection/items/{item}/",
    "/{lang}/publications/",
    "/{lang}/publications/?year=2021&kind=article-journal&profile=gost-7.1-2003",
    "/{lang}/reports/dashboard/",
]
PAGE_WEIGHT_LIMIT = 150 * 1024
CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "kk" / "LC_MESSAGES" / "django.po"


def english_interface_messages() -> list[str]:
    """Our interface messages whose Kazakh differs from the English: none may show untranslated."""
    messages = []
    for entry in polib.pofile(str(CATALOGUE)):
        text = entry.msgid
        translated = entry.msgstr or (entry.msgstr_plural or {}).get(0, "")
        if len(text) >= 4 and "%" not in text and translated != text and re.search("[a-z]", text):
            messages.append(text)
    return messages


ENGLISH = english_interface_messages()


def visible_text_in_page_language(html: str) -> str:
    """Text a reader sees, leaving out fragments marked as another language (lang=…)."""
    document = lxml.html.document_fromstring(html)
    page_lang = document.get("lang")
    for element in document.xpath("//script|//style|//*[@lang]"):
        if element.tag in ("script", "style") or element.get("lang") != page_lang:
            element.drop_tree() if element is not document else None
    parts = [document.text_content()]
    parts += document.xpath("//@title|//@alt|//@aria-label|//@placeholder")
    return " ".join(" ".join(parts).split())


def pages(lang: str) -> list[str]:
    from kopir.heritage.models import Item
    from kopir.network.models import Agreement

    agreement = Agreement.objects.get().pk
    item = Item.objects.get(identifier="DEMO-HC-03").pk
    return [page.format(lang=lang, agreement=agreement, item=item) for page in PUBLIC_PAGES]


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_public_page_renders_with_its_lang(client: Client, demo_network, lang: str) -> None:
    for url in pages(lang):
        response = client.get(url)
        assert response.status_code == 200, url
        document = lxml.html.document_fromstring(response.content)
        assert document.get("lang") == lang, url
        assert document.findtext(".//h1").strip(), url


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_english_interface_text_on_kazakh_and_russian_pages(
    client: Client, demo_network, lang: str
) -> None:
    assert len(ENGLISH) > 100
    for url in pages(lang):
        text = visible_text_in_page_language(client.get(url).content.decode())
        stray = [m for m in ENGLISH if re.search(rf"(?<!\w){re.escape(m)}(?!\w)", text)]
        assert stray == [], f"{url}: {stray}"


def test_the_check_finds_english_when_a_translation_is_missing(
    client: Client, demo_network
) -> None:
    html = client.get("/kk/").content.decode().replace("Серіктестер", "Partners", 1)
    text = visible_text_in_page_language(html)
    assert "Partners" in [m for m in ENGLISH if re.search(rf"(?<!\w){m}(?!\w)", text)]


def test_fallback_content_is_marked_with_its_language(client: Client, demo_network) -> None:
    from kopir.network.models import Organisation

    Organisation.objects.filter(slug="shishkov-library").update(name_kk="")
    document = lxml.html.document_fromstring(client.get("/kk/partners/shishkov-library/").content)
    heading = document.find(".//h1/span[@lang]")
    assert heading.get("lang") == "ru"
    assert heading.text.startswith("Алтайская краевая универсальная")


def test_root_redirects_by_browser_preference_and_defaults_to_kazakh(client: Client, db) -> None:
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9").url == "/ru/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB").url == "/en/"
    assert Client().get("/", HTTP_ACCEPT_LANGUAGE="de").url == "/kk/"


def test_a_chosen_language_is_remembered_for_the_root(client: Client, db) -> None:
    client.get("/ru/")
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en").url == "/ru/"


def test_language_switcher_keeps_the_page_and_query(client: Client, demo_network) -> None:
    html = client.get("/kk/partners/?country=RU").content
    document = lxml.html.document_fromstring(html)
    links = {a.get("hreflang"): a.get("href") for a in document.xpath("//header//a[@hreflang]")}
    assert links == {
        "kk": "/kk/partners/?country=RU",
        "ru": "/ru/partners/?country=RU",
        "en": "/en/partners/?country=RU",
    }


def test_latin_script_toggle(client: Client, demo_network) -> None:
    response = client.post("/kk/script/", {"script": LATIN, "next": "/kk/partners/"})
    assert response.status_code == 302 and response.url == "/kk/partners/"
    document = lxml.html.document_fromstring(client.get("/kk/partners/").content)
    assert document.get("lang") == "kk-Latn"
    assert document.findtext(".//h1") == "Jelınıñ serıktesterı"
    assert not re.search("[ӘәҒғҚқҢңӨөҰұҮүІі]", document.find(".//main").text_content())
    # Russian pages are never transliterated.
    assert "Партнёры сети" in client.get("/ru/partners/").content.decode()


def test_script_toggle_refuses_to_redirect_elsewhere(client: Client, db) -> None:
    response = client.post("/kk/script/", {"script": LATIN, "next": "https://evil.example/"})
    assert response.url == "/kk/"
    assert client.cookies[SCRIPT_COOKIE].value == LATIN


def test_unknown_pages_answer_404_in_the_page_language(client: Client, db) -> None:
    assert client.get("/en/agreements/999999/").status_code == 404
    response = client.get("/kk/partners/no-such-library/")
    assert response.status_code == 404
    document = lxml.html.document_fromstring(response.content)
    assert document.get("lang") == "kk"
    assert document.findtext(".//h1") == "Бет табылмады"


def test_a_logo_is_shown_with_the_organisation_name_as_text(client: Client, demo_network) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kopir.core.tests.test_uploads import png_bytes
    from kopir.network.models import Organisation

    organisation = Organisation.objects.get(slug="shishkov-library")
    organisation.logo = SimpleUploadedFile("logo.png", png_bytes())
    organisation.save()
    document = lxml.html.document_fromstring(client.get("/ru/partners/shishkov-library/").content)
    logo = document.find(".//img[@class='logo']")
    assert logo.get("src").startswith("/media/logos/")
    assert logo.get("alt").startswith("Алтайская краевая универсальная")


def test_bad_filter_values_do_not_crash(client: Client, demo_network) -> None:
    response = client.get("/ru/partners/?country=XX&type=<script>&page=abc")
    assert response.status_code == 200
    assert b"<script>&" not in response.content


def local_resources(html: str) -> list[str]:
    document = lxml.html.document_fromstring(html)
    return document.xpath("//script/@src|//link[@rel='stylesheet']/@href|//img/@src")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_pages_request_nothing_from_another_host(client: Client, demo_network, lang: str) -> None:
    for url in pages(lang):
        for resource in local_resources(client.get(url).content.decode()):
            assert resource.startswith("/"), f"{url} loads {resource}"
            assert not resource.startswith("//"), f"{url} loads {resource}"


def page_weight(client: Client, url: str) -> int:
    html = client.get(url).content
    total = len(html)
    for resource in local_resources(html.decode()):
        if resource.startswith(settings.MEDIA_URL):  # uploads: thumbnails of collection items
            total += default_storage.size(resource.removeprefix(settings.MEDIA_URL))
            continue
        path = finders.find(resource.removeprefix(settings.STATIC_URL))
        assert path, resource
        total += Path(path).stat().st_size
    return total


def test_pages_without_the_map_weigh_at_most_150_kb(client: Client, demo_network) -> None:
    for url in pages("kk"):
        if "/map/" in url or "/collection/places/" in url:  # the maps load Leaflet
            continue
        assert page_weight(client, url) <= PAGE_WEIGHT_LIMIT, url


def test_security_headers(client: Client, db) -> None:
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_book_page_and_the_search_with_books_have_no_english_either(
    client: Client, demo_network, lang: str
) -> None:
    from kopir.exchange.tests.factories import BibRecordFactory
    from kopir.network.models import Organisation

    library = Organisation.objects.get(slug="shemonaikha-central-library")
    volumes = [
        BibRecordFactory(
            organisation=library, title=f"Вып. {n}", set_title="Задачи и этюды",
            volume=f"Вып. {n}", authors=["Иванов, И. И."], year=2001, extent="63 с.",
            contributors=[{"name": "Титов, Ф.", "role": "340", "body": False}],
            subjects=["Шахматные задачи"], series=["Библиотечка шахматиста ; 3"],
            parts=["Этюды"], isbn_as_written="5-85803-210-9", language="rus", udc="794.1",
        )
        for n in (1, 2)
    ]  # fmt: skip
    for url in (f"/{lang}/exchange/catalogue/{volumes[0].pk}/",
                f"/{lang}/collection/search/?q=этюды"):  # fmt: skip
        text = visible_text_in_page_language(client.get(url).content.decode())
        stray = [m for m in ENGLISH if re.search(rf"(?<!\w){re.escape(m)}(?!\w)", text)]
        assert stray == [], f"{url}: {stray}"
        assert "Задачи и этюды" in text


def test_public_pages_give_times_as_offsets_not_zone_names(client, demo_network) -> None:
    """People's words: «UTC+5», never the zone's name in the tz database («Asia/Almaty»)."""
    from kopir.events.models import Event

    event = Event.objects.filter(venues__isnull=False).order_by("pk").first()
    pages = {
        "/ru/partners/shemonaikha-central-library/": "UTC+5",
        "/kk/map/": "UTC+7",
        f"/ru/events/{event.slug}/": "",
    }
    for path, offset in pages.items():
        text = client.get(path).content.decode()
        assert "Asia/" not in text, path
        assert offset in text, path


def test_the_home_page_does_not_grow_with_the_network(client: Client, network) -> None:
    """A few partners of each country and how many there are, and the next events — not every
    partner (187 KB at the network ×100; issue 19)."""
    import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from kopir.events.tests.factories import bridge
    from kopir.network.models import Organisation
    from kopir.network.selectors import HOME_PARTNERS
    from kopir.network.tests.factories import OrganisationFactory

    town = network["central"].settlement
    OrganisationFactory.create_batch(30, settlement=town)
    soon = bridge("soon", timezone.now() + datetime.timedelta(days=3))
    with CaptureQueriesContext(connection) as queries:
        page = lxml.html.document_fromstring(client.get("/ru/").content)
    kazakhstan = Organisation.objects.filter(settlement__region__country__code="KZ").count()
    groups = page.xpath("//section[@aria-labelledby='who-heading']//div[@class='columns']/div")
    listed = [len(g.xpath(".//li")) for g in groups]
    assert max(listed) == HOME_PARTNERS and sum(listed) < Organisation.objects.count()
    assert page.xpath(f"//a[contains(., 'Все {kazakhstan} партн')]/@href") == [
        "/ru/partners/?country=KZ"
    ]
    assert page.xpath(
        f"//section[@aria-labelledby='next-heading']//a[contains(@href, '{soon.slug}')]"
    )
    before = len(queries)
    OrganisationFactory.create_batch(30, settlement=town)
    with CaptureQueriesContext(connection) as more:
        client.get("/ru/")
    assert len(more) == before  # the same queries with twice the partners
