"""The exchange through the pages: offer, propose, agree, send, receive; the catalogue."""

from __future__ import annotations

import lxml.html
import pytest
from django.test import Client

from kopir.exchange.models import Offer, Shipment, Wish
from kopir.exchange.tests.conftest import login
from kopir.exchange.tests.factories import BibRecordFactory

pytestmark = pytest.mark.django_db


def test_from_offer_to_received(stocked, other_editor, network) -> None:
    assert Offer.objects.filter(is_open=True).count() == 3
    shishkov = network["regional"]
    response = stocked.post("/ru/exchange/shipments/shemonaikha-central-library/new/", {
        "recipient": shishkov.pk, "kind": "gift", "offers": list(Offer.objects.values_list("pk", flat=True)),
    })  # fmt: skip
    shipment = Shipment.objects.get()
    assert response.url == f"/ru/exchange/shipment/{shipment.pk}/"
    barnaul = login(other_editor)
    page = barnaul.get(response.url).content.decode()
    assert "Согласиться" in page and "Отметить как отправленное" not in page
    barnaul.post(f"{response.url}move/", {"status": "agreed", "version": shipment.version})
    shipment.refresh_from_db()
    stocked.post(f"{response.url}move/", {"status": "sent", "version": shipment.version,
                                          "carrier": "Казпочта", "tracking_number": "RR1KZ"})  # fmt: skip
    shipment.refresh_from_db()
    first = shipment.items.first()
    barnaul.post(f"{response.url}move/", {"status": "received", "version": shipment.version,
                                          f"condition-{first.pk}": "damaged"})  # fmt: skip
    shipment.refresh_from_db()
    assert shipment.status == "received" and shipment.carrier == "Казпочта"
    assert shipment.items.get(pk=first.pk).condition == "damaged"
    balance = stocked.get("/ru/exchange/balance/").content.decode()
    assert "<td>6</td>" in balance  # three books, two copies each, all arrived


def test_a_stale_page_cannot_move_the_shipment_twice(stocked, other_editor, network) -> None:
    stocked.post("/ru/exchange/shipments/shemonaikha-central-library/new/", {
        "recipient": network["regional"].pk, "kind": "gift",
        "offers": list(Offer.objects.values_list("pk", flat=True))[:1],
    })  # fmt: skip
    shipment = Shipment.objects.get()
    barnaul = login(other_editor)
    url = f"/ru/exchange/shipment/{shipment.pk}/move/"
    barnaul.post(url, {"status": "agreed", "version": shipment.version})
    page = barnaul.post(url, {"status": "agreed", "version": shipment.version}, follow=True)
    assert "не может перейти" in page.content.decode()


def test_the_catalogue_searches_and_counts_facets(stocked) -> None:
    public = Client()
    page = public.get("/kk/exchange/catalogue/?q=рудный").content.decode()
    document = lxml.html.document_fromstring(page)
    titles = document.xpath("//li[@class='event-card']/h2")
    assert [h.text_content().strip() for h in titles] == ["Рудный Алтай"]
    prefix = public.get("/kk/exchange/catalogue/?q=ӨЛКЕ казак").content.decode()
    assert "Шығыс Қазақстан өлкетануы" in prefix and "Рудный Алтай" not in prefix
    # the site search's analysis: Latin without marks, and an inflected form, find the book
    for query in ("shygys qazaqstan", "Қазақстандағы", "rudnyi"):
        found = public.get("/kk/exchange/catalogue/", {"q": query}).content.decode()
        assert found.count('class="event-card"') == 1, query
    # Query syntax typed by a reader is only words to us: no error, no operator.
    hostile = public.get('/kk/exchange/catalogue/?q=рудн"* OR (')
    assert hostile.status_code == 200 and "Рудный Алтай" not in hostile.content.decode()
    punctuation = public.get("/kk/exchange/catalogue/?q=,./;'[]-=<>?:{}|_+!@#$%^*()~")
    assert punctuation.status_code == 200 and "Рудный Алтай" not in punctuation.content.decode()
    quoted = public.get('/kk/exchange/catalogue/?q="рудн"*')
    assert "Рудный Алтай" in quoted.content.decode()
    by_isbn = public.get("/ru/exchange/catalogue/?q=5-900776-31-х").content.decode()
    assert "История Алтайского края" in by_isbn and "Рудный Алтай" not in by_isbn
    kazakh = public.get("/en/exchange/catalogue/?language=kaz").content.decode()
    assert "Шығыс Қазақстан өлкетануы" in kazakh and "Рудный Алтай" not in kazakh
    everything = public.get("/ru/exchange/catalogue/").content.decode()
    assert "3 книги в фондах партнёров" in everything and "русский</a> (2)" in everything
    assert "қазақ тілі</a> (1)" in public.get("/kk/exchange/catalogue/").content.decode()


def test_wishes_show_their_matches(stocked, other_editor, network) -> None:
    barnaul = login(other_editor)
    barnaul.post("/ru/exchange/wishes/shishkov-library/", {"title": "рудный  алтай"})
    page = barnaul.get("/ru/exchange/wishes/shishkov-library/").content.decode()
    assert "«Рудный Алтай»" in page and "то же заглавие" in page
    bad = barnaul.post("/ru/exchange/wishes/shishkov-library/", {"title": "x", "isbn": "123"})
    assert bad.status_code == 400 and "Это не действительный ISBN." in bad.content.decode()


def test_the_union_catalogue_lists_every_holding_and_filters_the_offers(stocked, network) -> None:
    kept = BibRecordFactory(organisation=network["regional"], title="Барнаул: страницы истории",
                            year=1980)  # fmt: skip
    public = Client()
    every = public.get("/ru/exchange/catalogue/", {"q": "барнаул"}).content.decode()
    assert "Барнаул: страницы истории" in every and "в фонде библиотеки" in every
    offered = public.get("/ru/exchange/catalogue/", {"q": "барнаул", "offered": "on"})
    assert "Барнаул: страницы истории" not in offered.content.decode()
    page = public.get("/ru/exchange/catalogue/", {"offered": "on"}).content.decode()
    assert "3 предлагаемые книги" in page and "предложено: 2 экземпляра" in page
    assert "offered=on&amp;language=" in page  # the facets keep the filter
    by_library = public.get("/kk/exchange/catalogue/", {"partner": kept.organisation.slug})
    assert by_library.content.decode().count('class="event-card"') == 1


def test_a_partner_asks_a_library_for_any_book_of_the_catalogue(
    stocked, other_editor, network
) -> None:
    held = BibRecordFactory(organisation=network["central"], title="Летопись Убы", year=2001,
                            authors=["Петров, П."])  # fmt: skip
    barnaul = login(other_editor)
    card = barnaul.get("/ru/exchange/catalogue/", {"q": "летопись убы"}).content.decode()
    url = f"/ru/exchange/wishes/{network['regional'].slug}/ask/{held.pk}/"
    assert f'action="{url}"' in card and "Попросить книгу у библиотеки" in card
    for _ in range(2):  # asking twice keeps one request
        barnaul.post(url, {"note": "Для выставки"})
    wish = Wish.objects.get(record=held)
    assert (wish.organisation, wish.title, wish.author) == (
        network["regional"],
        "Летопись Убы",
        "Петров, П.",
    )
    asked = stocked.get(f"/ru/exchange/wishes/{network['central'].slug}/")
    page = asked.content.decode()
    assert "Партнёры просят ваши книги" in page and "«Летопись Убы» — Для выставки" in page
    own = stocked.post(f"/ru/exchange/wishes/{network['central'].slug}/ask/{held.pk}/", follow=True)
    assert "Эта книга есть в фонде вашей библиотеки." in own.content.decode()
    assert Wish.objects.filter(record=held).count() == 1


def test_a_book_has_its_public_page_with_its_set_and_its_record(network, other_editor) -> None:
    central, regional = network["central"], network["regional"]
    volumes = [
        BibRecordFactory(organisation=central if n % 2 else regional, title=f"Вып. {n}",
                         set_title="Задачи и этюды", volume=f"Вып. {n}", year=1990 + n,
                         subjects=["Шахматные задачи"], isbn_as_written="5-85803-210-9")
        for n in (13, 2, 9)
    ]  # fmt: skip
    BibRecordFactory(organisation=central, title="Рудный Алтай")  # no volume of the set
    book = volumes[0]
    page = Client().get(f"/ru/exchange/catalogue/{book.pk}/").content.decode()
    document = lxml.html.document_fromstring(page)
    assert document.findtext(".//h1").strip() == "Задачи и этюды. Вып. 13"
    others = [a.text_content() for a in document.xpath("//h2/following-sibling::ul[1]//a")]
    assert others == ["Задачи и этюды. Вып. 2", "Задачи и этюды. Вып. 9"]  # by number
    assert "5-85803-210-9" in page and "Шахматные задачи" in page
    marcxml = document.xpath("//a[@rel='alternate'][1]/@href")[0]
    record = Client().get(marcxml).content.decode()
    assert "<srw:numberOfRecords>1</srw:numberOfRecords>" in record and "Вып. 13" in record
    # another library's editor may ask for it from here; the public may not
    assert "Попросить книгу" not in page
    asking = login(other_editor).get(f"/ru/exchange/catalogue/{book.pk}/").content.decode()
    assert f"/exchange/wishes/{network['regional'].slug}/ask/{book.pk}/" in asking
    assert Client().get("/ru/exchange/catalogue/999999/").status_code == 404
    catalogue = Client().get("/ru/exchange/catalogue/?q=задачи").content.decode()
    assert f'href="/ru/exchange/catalogue/{book.pk}/"' in catalogue


def test_the_site_search_shows_the_books_of_the_catalogue_too(network) -> None:
    book = BibRecordFactory(organisation=network["central"], title="Летопись Шемонаихи",
                            authors=["Иванов, И. И."], year=2011)  # fmt: skip
    page = Client().get("/ru/collection/search/", {"q": "летописи"}).content.decode()
    document = lxml.html.document_fromstring(page)
    section = document.xpath("//section[@class='elsewhere']")
    assert len(section) == 1
    assert "1" in section[0].findtext("h2")
    assert section[0].xpath(".//a/@href")[0] == f"/ru/exchange/catalogue/{book.pk}/"
    assert (
        section[0].xpath(".//a/@href")[-1]
        == "/ru/exchange/catalogue/?q=%D0%BB%D0%B5%D1%82%D0%BE%D0%BF%D0%B8%D1%81%D0%B8"
    )
    nothing = Client().get("/ru/collection/search/", {"q": "самовар"}).content.decode()
    assert 'class="elsewhere"' not in nothing
    filtered = Client().get("/ru/collection/search/", {"q": "летописи", "kind": "item"})
    assert 'class="elsewhere"' not in filtered.content.decode()  # the facets are the index's
