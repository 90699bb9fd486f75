"""The anonymous page cache: pages served from it, emptied by any change, never personal."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kopir.core.audit import SYSTEM
from kopir.core.script import SCRIPT_COOKIE
from kopir.events.tests.factories import bridge
from kopir.network.models import Organisation
from kopir.network.services import organisation_save

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.KOPIR_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_a_second_anonymous_reader_is_served_from_the_cache_without_queries(network) -> None:
    first = Client().get("/ru/partners/")
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = Client().get("/ru/partners/")
    assert second["X-Page-Cache"] == "hit" and len(queries) == 0
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Content-Language"] == "ru"


def test_any_change_empties_the_cache(network) -> None:
    url = "/ru/partners/shemonaikha-central-library/"
    Client().get(url)
    organisation = Organisation.objects.get(slug="shemonaikha-central-library")
    organisation.name_ru = "Переименованная библиотека"
    organisation_save(organisation, change=SYSTEM, expected_version=organisation.version)
    response = Client().get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Переименованная библиотека" in response.content.decode()


def test_the_script_and_the_query_are_part_of_the_key(network) -> None:
    cyrillic = Client().get("/kk/partners/")
    latin_client = Client()
    latin_client.cookies[SCRIPT_COOKIE] = "latn"
    latin = latin_client.get("/kk/partners/")
    assert latin["X-Page-Cache"] == "miss" and latin.content != cyrillic.content
    assert Client().get("/kk/partners/?country=RU")["X-Page-Cache"] == "miss"


def test_signed_in_readers_and_pages_with_forms_are_never_cached(network, editor) -> None:
    signed_in = Client()
    signed_in.force_login(editor)
    for _ in range(2):
        assert not signed_in.get("/ru/partners/").has_header("X-Page-Cache")
    # An event that takes registrations has a form with the reader's CSRF token: not stored.
    event = bridge("soon", timezone.now() + datetime.timedelta(days=5), registration_open=True)
    reader = Client(enforce_csrf_checks=True)
    reader.get(f"/ru/events/{event.slug}/")
    again = reader.get(f"/ru/events/{event.slug}/")
    assert again.get("X-Page-Cache") != "hit"
    assert 'name="csrfmiddlewaretoken"' in again.content.decode()


def test_the_script_toggle_works_without_a_token(network) -> None:
    reader = Client(enforce_csrf_checks=True)
    response = reader.post("/kk/script/", {"script": "latn", "next": "/kk/partners/"})
    assert response.status_code == 302 and reader.cookies[SCRIPT_COOKIE].value == "latn"


def test_collection_and_exchange_changes_empty_the_cache_too(
    network, django_capture_on_commit_callbacks
) -> None:
    from kopir.heritage import services
    from kopir.heritage.tests.factories import item as make_item

    with django_capture_on_commit_callbacks(execute=True):
        item = make_item(network["central"], title={"ru": "Самовар выдрихинской школы"})
    url = "/ru/collection/search/?q=самовар"
    first = Client().get(url)
    link = f"/ru/collection/items/{item.pk}/"
    assert first["X-Page-Cache"] == "miss" and link in first.content.decode()
    assert Client().get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.item_withdraw(item, note="", change=SYSTEM)
    response = Client().get(url)
    assert response["X-Page-Cache"] == "miss"
    assert link not in response.content.decode()


def test_a_parameter_no_view_reads_neither_misses_nor_fills_the_cache(network) -> None:
    """`?_=1`, `?_=2` … are the same page: keyed on the parameters the view reads, so nobody
    can flush the cache or fill the disk with them (issue 19). (The partners' filter form is
    bound when there is any parameter at all, «request.GET or None»: their number is read.)"""
    first = Client().get("/ru/partners/?_=0")
    assert first["X-Page-Cache"] == "miss"
    for n in range(1, 6):
        again = Client().get(f"/ru/partners/?_={n}")
        assert again["X-Page-Cache"] == "hit", n
        assert again.content == first.content
    stored = [k for k in _keys() if k.startswith("kopir:page:")]
    assert len(stored) == 1


def test_a_parameter_the_view_reads_is_its_own_page(network) -> None:
    russian = Client().get("/ru/partners/?country=RU")
    assert russian["X-Page-Cache"] == "miss"
    assert Client().get("/ru/partners/?_=7&country=RU")["X-Page-Cache"] == "miss"  # two now
    assert Client().get("/ru/partners/?country=RU&_=8")["X-Page-Cache"] == "hit"
    kazakh = Client().get("/ru/partners/?country=KZ")
    assert kazakh["X-Page-Cache"] == "miss" and kazakh.content != russian.content
    # A page whose view reads a parameter only when another has a value is still found right:
    # the key holds the names read and their values.
    search = Client().get("/ru/collection/?q=Шемонаиха")
    assert search["X-Page-Cache"] == "miss"
    assert Client().get("/ru/collection/?q=Шемонаиха")["X-Page-Cache"] == "hit"
    other = Client().get("/ru/collection/?q=Барнаул")
    assert other["X-Page-Cache"] == "miss" and other.content != search.content


def test_at_most_so_many_pages_are_stored_for_one_path(network, monkeypatch) -> None:
    from kopir.core import page_cache

    monkeypatch.setattr(page_cache, "MAX_VARIANTS", 3)
    answers = [Client().get(f"/ru/partners/?country=X{n}") for n in range(6)]
    assert [a.get("X-Page-Cache") for a in answers] == ["miss"] * 3 + [None] * 3
    assert all(a.status_code == 200 for a in answers)  # served, only not stored


def test_what_a_view_reads_from_its_query_is_noted() -> None:
    from django.test import RequestFactory

    from kopir.core.page_cache import _ALL, _COUNT, _tracked

    query = _tracked(RequestFactory().get("/?q=a&page=2&_=1"))
    assert query.get("q") == "a" and "sort" not in query and query.getlist("kind") == []
    copy = query.copy()
    copy.pop("page")
    assert copy.urlencode() == "q=a&_=1"  # writing a link is not reading
    assert bool(query)
    assert query.reads == {"q", "sort", "kind", _COUNT}
    dict(query.items())
    assert _ALL in query.reads


def _keys() -> list[str]:
    """The keys in the test cache (locmem in the test settings)."""
    return [key.split(":", 2)[-1] for key in cache._cache]  # type: ignore[attr-defined]
