"""The collection's pages and API as readers and editors use them."""

import json

import pytest
from django.test import Client

from kopir.accounts.services import api_token_create
from kopir.core.audit import Change
from kopir.heritage.models import Item, ItemStatus
from kopir.heritage.tests.factories import item, jpeg_with_gps, project

pytestmark = pytest.mark.django_db


def test_readers_see_published_items_a_tombstone_for_withdrawn_and_no_drafts(
    client: Client, demo_network
) -> None:
    published = Item.objects.get(identifier="DEMO-HC-03")
    page = client.get(f"/ru/collection/items/{published.pk}/")
    assert page.status_code == 200 and published.title_ru in page.content.decode()
    withdrawn = Item.objects.get(identifier="DEMO-HC-37")
    page = client.get(f"/ru/collection/items/{withdrawn.pk}/")
    assert page.status_code == 410 and "снят с публикации" in page.content.decode()
    draft = Item.objects.get(identifier="DEMO-HC-36")
    assert client.get(f"/ru/collection/items/{draft.pk}/").status_code == 404


def test_the_editor_sees_the_draft(client: Client, editor, other_editor) -> None:
    draft = item(editor.organisation, publish=False)
    client.force_login(other_editor)
    assert client.get(f"/ru/collection/items/{draft.pk}/").status_code == 404
    client.force_login(editor)
    assert client.get(f"/ru/collection/items/{draft.pk}/").status_code == 200


def test_search_page_works_without_javascript(client: Client, demo_network) -> None:
    page = client.get("/kk/collection/search/", {"q": "kitaphana", "kind": "item"}).content.decode()
    assert "<mark>" in page and "Кітапханалар" in page  # a facet value in Kazakh
    assert "?q=kitaphana&amp;kind=item&amp;type=" in page  # facets are plain links


def test_timeline_and_places_link_to_their_items(client: Client, demo_network) -> None:
    timeline = client.get("/ru/collection/timeline/").content.decode()
    assert "decade=1950" in timeline and "<svg" in timeline
    places = client.get("/ru/collection/places/").content.decode()
    assert "Шемонаиха" in places and "collection-places" in places


def test_an_editor_adds_a_photograph_through_the_form(client: Client, editor) -> None:
    client.force_login(editor)
    response = client.post(
        f"/ru/collection/workspace/{editor.organisation.slug}/new/",
        {
            "kind": "photograph",
            "title_kk": "Кітапхана ауласы",
            "language": "zxx",
            "date_text": "1960-е",
            "new_places": "Урочище Кедровое",
            "upload": jpeg_with_gps(),
        },
    )
    assert response.status_code == 302
    item = Item.objects.get(title_kk="Кітапхана ауласы")
    assert item.status == ItemStatus.DRAFT and item.thumbnail and item.date_start.year == 1960
    assert [p.name_ru for p in item.places.all()] == ["Урочище Кедровое"]
    response = client.post(f"/ru/collection/items/{item.pk}/status/", {"action": "publish"})
    item.refresh_from_db()
    assert item.status == ItemStatus.PUBLISHED


def test_the_item_form_puts_the_essentials_first_and_shows_the_picture(
    client: Client, editor
) -> None:
    import lxml.html

    client.force_login(editor)
    new = client.get(f"/kk/collection/workspace/{editor.organisation.slug}/new/").content
    form = lxml.html.fromstring(new).xpath('//form[contains(@class, "item-form")]')[0]
    hidden = {"csrfmiddlewaretoken", "version"}
    names = [e.get("name") for e in form.xpath(".//*[@name]") if e.get("name") not in hidden]
    essentials = names[: names.index("description_en") + 1]
    assert essentials[:5] == ["kind", "title_kk", "title_ru", "title_en", "upload"]
    assert {"date_text", "creator", "new_places", "new_persons"} <= set(essentials)
    # The rest of Dublin Core waits behind «more details», closed.
    more = form.xpath('.//details[@class="more-details"]')[0]
    assert more.get("open") is None
    assert {"publisher", "rights", "relation", "coverage", "language"} <= {
        e.get("name") for e in more.xpath(".//*[@name]")
    }
    # A new item's language is the interface's.
    assert form.xpath('.//select[@name="language"]/option[@selected]')[0].get("value") == "kk"

    client.post(f"/ru/collection/workspace/{editor.organisation.slug}/new/", {
        "kind": "photograph", "title_ru": "Двор библиотеки", "language": "zxx",
        "upload": jpeg_with_gps(),
    })  # fmt: skip
    photo = Item.objects.get(title_ru="Двор библиотеки")
    edit = client.get(f"/ru/collection/items/{photo.pk}/edit/").content.decode()
    assert f'src="{photo.thumbnail_url}"' in edit
    assert "Сейчас файл:" in edit and "image/jpeg</a>" not in edit


def test_an_error_behind_more_details_opens_it(client: Client, editor) -> None:
    client.force_login(editor)
    response = client.post(
        f"/ru/collection/workspace/{editor.organisation.slug}/new/",
        {"kind": "document", "title_ru": "Протокол", "language": "xx"},
    )
    assert response.status_code == 400
    assert '<details class="more-details" open>' in response.content.decode()


def test_a_bad_date_keeps_the_form_and_says_why_in_kazakh(client: Client, editor) -> None:
    client.force_login(editor)
    before = Item.objects.count()
    response = client.post(
        f"/kk/collection/workspace/{editor.organisation.slug}/new/",
        {
            "kind": "document",
            "title_ru": "Протокол",
            "language": "ru",
            "date_text": "көктемде",
        },
    )
    assert response.status_code == 400
    assert "күнін оқу мүмкін емес" in response.content.decode()
    assert 'value="Протокол"' in response.content.decode()  # nothing typed is lost
    assert Item.objects.count() == before


def test_the_old_search_address_redirects_with_its_query(client: Client) -> None:
    moved = client.get("/api/v1/heritage/search", {"q": "Шемонаиха", "kind": "item"})
    assert moved.status_code == 301
    assert moved["Location"].startswith("/api/v1/search?q=")
    assert "kind=item" in moved["Location"]


def test_api_search_and_item_reads(client: Client, demo_network) -> None:
    found = client.get("/api/v1/search", {"q": "Şemonaiha", "kind": "item"}).json()
    assert found["total"] >= 10 and found["facets"]["kind"] == {"item": found["total"]}
    assert all(hit["kind"] == "item" for hit in found["hits"])
    draft = Item.objects.get(identifier="DEMO-HC-36")
    assert client.get(f"/api/v1/heritage/items/{draft.pk}").status_code == 404
    withdrawn = Item.objects.get(identifier="DEMO-HC-37")
    assert client.get(f"/api/v1/heritage/items/{withdrawn.pk}").json()["status"] == "withdrawn"


def test_api_creates_a_draft_with_a_clear_error_for_a_bad_date(client: Client, editor) -> None:
    secret = api_token_create(change=Change(editor), name="t").secret
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    body = {
        "organisation": editor.organisation.slug,
        "kind": "memoir",
        "title": {"kk": "Естелік"},
        "date_text": "1950-е",
    }
    created = client.post(
        "/api/v1/heritage/items", json.dumps(body), content_type="application/json", **headers
    )
    assert created.status_code == 201 and created.json()["date_start"] == "1950-01-01"
    bad = client.post(
        "/api/v1/heritage/items",
        json.dumps({**body, "date_text": "давно"}),
        content_type="application/json",
        **headers,
    )
    assert bad.status_code == 422 and "date_text" in bad.json()["fields"]


def test_the_api_lists_no_draft_among_a_projects_items(client: Client, editor) -> None:
    from kopir.core.audit import SYSTEM
    from kopir.heritage import services

    joint = project(editor.organisation)
    draft, published = item(editor.organisation, publish=False), item(editor.organisation)
    for member in (draft, published):
        services.project_add_item(joint, member, change=SYSTEM)
    one = client.get(f"/api/v1/heritage/projects/{joint.slug}").json()
    assert one["items"] == [published.pk]
    listed = client.get("/api/v1/heritage/projects?limit=100").json()["items"]
    assert all(draft.pk not in p["items"] for p in listed)
    page = client.get(f"/ru/collection/projects/{joint.slug}/").content.decode()
    assert f"/collection/items/{draft.pk}/" not in page
