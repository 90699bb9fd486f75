"""Fixtures of the exchange tests."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kopir.exchange.models import BibRecord
from kopir.exchange.tests import fixtures


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def stocked(editor, network) -> Client:
    client = login(editor)
    client.post("/ru/exchange/books/shemonaikha-central-library/import/",
                {"file": SimpleUploadedFile("a.iso", fixtures.mixed_file())})  # fmt: skip
    for record in BibRecord.objects.all():
        client.post(f"/ru/exchange/records/{record.pk}/offer/", {"kind": "gift", "copies": 2})
    return client
