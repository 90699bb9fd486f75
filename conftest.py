"""Shared fixtures. Tests build their own data with the factories; the demo network is loaded
only for the tests that ask for it (`demo_network`), once per test database."""

from __future__ import annotations

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread


# One request at a time: the in-memory test database's single connection is shared with the
# server thread, and a threaded server's request threads would close it under each other.
# Django's non-threaded server answers "Connection: close", so browsers do not wait on it.
class _SequentialServer(WSGIServer):
    def __init__(
        self, *args: object, connections_override: object = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # the override is applied by LiveServerThread.run()


LiveServerThread.server_class = _SequentialServer


DEMO = "demo_network"
_demo = {"loaded": False}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that ask for the demo network run after those that build their own data, so
    each test database (one per xdist worker) loads the demo once, when it is first asked for."""
    items.sort(key=lambda item: DEMO in getattr(item, "fixturenames", ()))


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Each test starts with an empty cache: the database is rolled back after every test, and
    what was cached from it (the content version, OAI list sizes, pages) must go with it."""
    from django.core.cache import cache

    cache.clear()


def _load_demo() -> None:
    from kopir.core.management.commands.load_demo import load_demo

    load_demo(books=False)


@pytest.fixture(scope="session")
def load_demo():
    """The function that loads the demo network (for live-server tests, which start empty)."""
    return _load_demo


@pytest.fixture(scope="session")
def _demo_database(django_db_setup, django_db_blocker):
    """The demo network, committed to this worker's test database the first time a test asks."""
    with django_db_blocker.unblock():
        _load_demo()
    _demo["loaded"] = True


@pytest.fixture(autouse=True)
def _own_data_only(request):
    """A test that does not ask for the demo network must not find it: it builds its own data."""
    uses_db = {"db", "transactional_db"} & set(
        request.fixturenames
    ) or request.node.get_closest_marker("django_db")
    if DEMO not in request.fixturenames and _demo["loaded"] and uses_db:
        pytest.fail("the demo network is loaded but this test did not ask for it: run it "
                    "before the tests that do (see pytest_collection_modifyitems)")  # fmt: skip


@pytest.fixture
def demo_network(_demo_database, db):
    """The demo network (for browser and page-language tests; a test may change it, it is
    rolled back)."""
    from kopir.network.models import Organisation

    if not Organisation.objects.exists():  # a transactional test ran before and emptied it
        _load_demo()
    return {o.slug: o for o in Organisation.objects.all()}


@pytest.fixture
def coordinator(db):
    from kopir.accounts.tests.factories import CoordinatorFactory

    return CoordinatorFactory(username="coordinator")


@pytest.fixture
def network(db, django_capture_on_commit_callbacks):
    """A small network made by the factories, shaped like the real one: the district library in
    Shemonaikha (Kazakhstan, UTC+5) with a rural branch in Vydrikha, and a regional and a
    children's library in Barnaul (Russia, UTC+7); an agreement joins the district library and
    the children's library. Places and libraries carry the real slugs and names (a test may
    therefore not also load the demo).
    What is done on commit (the search index) is done, as it would be in production."""
    with django_capture_on_commit_callbacks(execute=True):
        return _network()


# The factory network's libraries: part → slug, type, settlement, name and short name (kk, ru, en).
LIBRARIES = {
    "central": ("shemonaikha-central-library", "district_library", "shemonaikha", (
        "Шемонаиха орталық аудандық кітапханасы", "Шемонаихинская центральная районная библиотека",
        "Shemonaikha Central District Library"), ("", "", "")),
    "branch": ("vydrikha-rural-library", "rural_library", "vydrikha", (
        "Выдриха ауылдық кітапханасы", "Выдрихинская сельская библиотека",
        "Vydrikha Rural Library"), ("", "", "")),
    "regional": ("shishkov-library", "regional_library", "barnaul", (
        "В. Я. Шишков атындағы Алтай өлкелік әмбебап ғылыми кітапханасы",
        "Алтайская краевая универсальная научная библиотека им. В. Я. Шишкова",
        "Altai Krai Universal Scientific Library named after V. Ya. Shishkov"),
        ("АӨӘҒК", "АКУНБ", "AKUNB")),
    "childrens": ("krupskaya-childrens-library", "childrens_library", "barnaul", (
        "Н. К. Крупская атындағы Алтай өлкелік балалар кітапханасы",
        "Алтайская краевая детская библиотека им. Н. К. Крупской",
        "Altai Krai Children's Library named after N. K. Krupskaya"), ("", "", "")),
}  # fmt: skip


def _network() -> dict:
    from decimal import Decimal

    from kopir.core.languages import CONTENT_LANGUAGES as LANGUAGES
    from kopir.network.tests.factories import (
        AgreementFactory,
        CountryFactory,
        OrganisationFactory,
        RegionFactory,
        SettlementFactory,
    )

    east_kazakhstan = RegionFactory(country=CountryFactory(code="KZ"), slug="east-kazakhstan",
                                    name_ru="Восточно-Казахстанская область")  # fmt: skip
    altai = RegionFactory(
        country=CountryFactory(code="RU", name_kk="Ресей Федерациясы", name_ru="Российская "
                               "Федерация", name_en="Russian Federation"),
        slug="altai-krai", name_ru="Алтайский край",
    )  # fmt: skip
    settlements = {
        "shemonaikha": SettlementFactory(
            region=east_kazakhstan, slug="shemonaikha", name_kk="Шемонаиха",
            name_ru="Шемонаиха", name_en="Shemonaikha", latitude=Decimal("50.628"),
            longitude=Decimal("81.912"), time_zone="Asia/Almaty",
        ),
        "vydrikha": SettlementFactory(region=east_kazakhstan, slug="vydrikha",
                                      name_ru="Выдриха", time_zone="Asia/Almaty"),
        "barnaul": SettlementFactory(
            region=altai, slug="barnaul", name_kk="Барнауыл", name_ru="Барнаул",
            name_en="Barnaul", latitude=Decimal("53.348"), longitude=Decimal("83.776"),
            time_zone="Asia/Barnaul",
        ),
    }  # fmt: skip
    made: dict = {}
    for part, (slug, kind, place, names, short) in LIBRARIES.items():
        made[part] = OrganisationFactory(
            slug=slug, type=kind, settlement=settlements[place],
            parent=made["central"] if part == "branch" else None,
            **{f"name_{lang}": name for lang, name in zip(LANGUAGES, names, strict=True)},
            **{f"short_name_{lang}": name for lang, name in zip(LANGUAGES, short, strict=True)},
        )  # fmt: skip
    made["agreement"] = AgreementFactory(parties=[made["central"], made["childrens"]])
    return made


@pytest.fixture
def libraries(request, db):
    """The four libraries a test acts on (keys as in `network`): the demo's in tests that use
    the demo network, the factory network's otherwise."""
    if DEMO in request.fixturenames:
        demo = request.getfixturevalue(DEMO)  # the same slugs as the factory network's
        return {part: demo[slug] for part, (slug, *_) in LIBRARIES.items()}
    return request.getfixturevalue("network")


@pytest.fixture
def editor(libraries):
    """The editor of the Kazakh district library (and so of its branch): the Shemonaikha
    central library in tests that use the demo network, the factory network's otherwise."""
    from kopir.accounts.tests.factories import EditorFactory

    return EditorFactory(username="editor", organisation=libraries["central"])


@pytest.fixture
def other_editor(libraries):
    """An editor of another organisation: the regional library in Russia (the Shishkov library
    in Barnaul in tests that use the demo network)."""
    from kopir.accounts.tests.factories import EditorFactory

    return EditorFactory(username="other", organisation=libraries["regional"])


@pytest.fixture
def signed_in(db):
    """signed_in(user) → a test client with that user's session (the site's pages)."""
    from django.test import Client

    def client_for(user):
        client = Client()
        client.force_login(user)
        return client

    return client_for


@pytest.fixture
def bearer(db):
    """bearer(user) → the Authorization header of a fresh API token of that user."""
    from kopir.accounts.services import api_token_create
    from kopir.core.audit import Change

    def header_for(user):
        secret = api_token_create(change=Change(user), name="test").secret
        return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    return header_for


@pytest.fixture
def two_libraries(network):
    """The factory network's library in Kazakhstan (UTC+5) and one in Russia (UTC+7), with an
    editor each."""
    from kopir.accounts.tests.factories import EditorFactory

    kazakh, russian = network["central"], network["regional"]
    return {
        "kz": kazakh,
        "ru": russian,
        "kz_editor": EditorFactory(organisation=kazakh),
        "ru_editor": EditorFactory(organisation=russian),
    }
