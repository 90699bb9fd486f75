"""Schemathesis generates requests from the OpenAPI schema, as a reader and as an editor:
no server error, no status code the schema does not document, responses as documented."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kopir.core.audit import Change

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


# Loading the schema reads /api/v1/openapi.json through the WSGI app; it needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Requests go through the bare WSGI app, whose request signals would close the database
    connection that holds the test's transaction; Django's test client detaches them the same
    way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def records(network) -> None:
    """Something of every kind for the operations to find: the factory network with an event,
    a published collection item and a publication."""
    import datetime

    from django.utils import timezone

    from kopir.bibliography.tests.factories import publication
    from kopir.events.tests.factories import event
    from kopir.heritage.tests.factories import item

    central, childrens = network["central"], network["childrens"]
    event([central, childrens], starts=timezone.now() + datetime.timedelta(days=7))
    item(central)
    publication(central)


@pytest.fixture
def editor_token(editor, records) -> str:
    from kopir.accounts.services import api_token_create

    return api_token_create(change=Change(editor), name="schemathesis").secret


def _without_host(case) -> None:
    """Schemathesis may send a Host header of its own making: that is the web server's to
    check (Django refuses one that is not a host name before the API is reached, with the
    API's JSON shape, tests/security/test_requests.py), not an operation's documented answer."""
    if case.headers:
        case.headers = {k: v for k, v in case.headers.items() if k.lower() != "host"}


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_api_as_a_reader(case, records) -> None:
    _without_host(case)
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@pytest.mark.django_db
def test_api_as_an_editor(case, editor_token) -> None:
    _without_host(case)
    case.call_and_validate(headers={"Authorization": f"Bearer {editor_token}"}, checks=CHECKS)
