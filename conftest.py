"""Shared fixtures: the demo network is loaded once per test database and rolled back per test."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    from kopir.network.demo.loader import load_demo_network

    with django_db_blocker.unblock():
        load_demo_network()


@pytest.fixture
def demo_network(db):  # type: ignore[no-untyped-def]
    """The demo network (already in the test database; a test may change it, it is rolled back)."""
    from kopir.network.models import Organisation

    return {o.slug: o for o in Organisation.objects.all()}
