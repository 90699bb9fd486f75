"""Shared fixtures: the demo network is loaded once per test database and rolled back per test."""

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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from kopir.events.demo.loader import load_demo_events
    from kopir.network.demo.loader import load_demo_network

    with django_db_blocker.unblock():
        load_demo_network()
        load_demo_events()
        _load_collection()


def _load_collection() -> None:
    from kopir.heritage.demo.loader import load_demo_collection
    from kopir.search.index import rebuild

    load_demo_collection()
    rebuild()
    from kopir.bibliography.demo.loader import load_demo_publications

    load_demo_publications()


@pytest.fixture
def demo_network(db):
    """The demo network (already in the test database; a test may change it, it is rolled back)."""
    from kopir.network.demo.loader import load_demo_network
    from kopir.network.models import Organisation

    if not Organisation.objects.exists():  # a transactional test ran before and emptied it
        from kopir.events.demo.loader import load_demo_events

        load_demo_network()
        load_demo_events()
        _load_collection()
    return {o.slug: o for o in Organisation.objects.all()}


@pytest.fixture
def coordinator(db):
    from kopir.accounts.tests.factories import CoordinatorFactory

    return CoordinatorFactory(username="coordinator")


@pytest.fixture
def editor(demo_network):
    """The editor of the Shemonaikha central library (and so of its branches)."""
    from kopir.accounts.tests.factories import EditorFactory

    return EditorFactory(
        username="editor", organisation=demo_network["shemonaikha-central-library"]
    )


@pytest.fixture
def other_editor(demo_network):
    """An editor of another organisation: the Shishkov library in Barnaul."""
    from kopir.accounts.tests.factories import EditorFactory

    return EditorFactory(username="other", organisation=demo_network["shishkov-library"])


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
def two_libraries(db):
    """A library in Kazakhstan (UTC+5) and one in Russia (UTC+7), made by the factories, with
    an editor each: for tests that need no demo network."""
    from kopir.accounts.tests.factories import EditorFactory
    from kopir.network.tests.factories import (
        CountryFactory,
        OrganisationFactory,
        RegionFactory,
        SettlementFactory,
    )

    kz = SettlementFactory(region=RegionFactory(country=CountryFactory(code="KZ")),
                           time_zone="Asia/Almaty")  # fmt: skip
    ru = SettlementFactory(
        region=RegionFactory(country=CountryFactory(code="RU", name_ru="Россия")),
        time_zone="Asia/Barnaul",
    )
    kazakh, russian = OrganisationFactory(settlement=kz), OrganisationFactory(settlement=ru)
    return {
        "kz": kazakh,
        "ru": russian,
        "kz_editor": EditorFactory(organisation=kazakh),
        "ru_editor": EditorFactory(organisation=russian),
    }
