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
