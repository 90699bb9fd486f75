"""Shared fixtures: the demo network is loaded once per test database and rolled back per test."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    from kopir.events.demo.loader import load_demo_events
    from kopir.network.demo.loader import load_demo_network

    with django_db_blocker.unblock():
        load_demo_network()
        load_demo_events()


@pytest.fixture
def demo_network(db):  # type: ignore[no-untyped-def]
    """The demo network (already in the test database; a test may change it, it is rolled back)."""
    from kopir.network.demo.loader import load_demo_network
    from kopir.network.models import Organisation

    if not Organisation.objects.exists():  # a transactional test ran before and emptied it
        from kopir.events.demo.loader import load_demo_events

        load_demo_network()
        load_demo_events()
    return {o.slug: o for o in Organisation.objects.all()}


@pytest.fixture
def coordinator(db):  # type: ignore[no-untyped-def]
    from kopir.accounts.tests.factories import CoordinatorFactory

    return CoordinatorFactory(username="coordinator")


@pytest.fixture
def editor(demo_network):  # type: ignore[no-untyped-def]
    """The editor of the Shemonaikha central library (and so of its branches)."""
    from kopir.accounts.tests.factories import EditorFactory

    return EditorFactory(
        username="editor", organisation=demo_network["shemonaikha-central-library"]
    )


@pytest.fixture
def other_editor(demo_network):  # type: ignore[no-untyped-def]
    """An editor of another organisation: the Shishkov library in Barnaul."""
    from kopir.accounts.tests.factories import EditorFactory

    return EditorFactory(username="other", organisation=demo_network["shishkov-library"])
