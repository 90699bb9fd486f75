"""The register of publications over the API: the same service and rules as the site."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kopir.accounts.services import api_token_create
from kopir.bibliography.models import Publication
from kopir.core.audit import Change

pytestmark = pytest.mark.django_db

# ГОСТ Р 7.0.100-2018, Приложение А: a monograph by one author.
BOOK = {
    "type": "book",
    "title": "Шемонаихинский район: страницы истории",
    "author": [{"family": "Иванов", "given": "Пётр Сергеевич"}],
    "publisher-place": "Усть-Каменогорск",
    "publisher": "Медиа-Альянс",
    "issued": {"date-parts": [[2019]]},
    "number-of-pages": "212",
    "language": "ru",
}


def _send(client: Client, user: Any, method: str, url: str, body: Any = None) -> Any:
    secret = api_token_create(change=Change(user), name="t").secret
    call = getattr(client, method)
    return call(url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_an_editor_adds_a_publication_and_reads_its_gost_reference(client: Client, editor) -> None:
    body = {"csl": BOOK, "organisations": ["shemonaikha-central-library"]}
    created = _send(client, editor, "post", "/api/v1/publications", body)
    assert created.status_code == 201, created.json()
    data = created.json()
    assert data["organisation"] == "shemonaikha-central-library"  # added by the editor's own
    assert data["organisations"] == ["shemonaikha-central-library"]
    assert data["reference"] == (
        "Иванов, П. С. Шемонаихинский район : страницы истории / П. С. Иванов. – "
        "Усть-Каменогорск : Медиа-Альянс, 2019. – 212 с. – Текст : непосредственный."
    )
    listed = client.get("/api/v1/publications?year=2019&limit=100").json()
    assert data["id"] in {p["id"] for p in listed["items"]}


def test_what_cannot_be_described_or_linked_is_refused_and_nothing_is_saved(
    client: Client, editor
) -> None:
    before = Publication.objects.count()
    untitled = _send(client, editor, "post", "/api/v1/publications", {"csl": {"type": "book"}})
    assert untitled.status_code == 422 and "csl" in untitled.json()["fields"]
    unknown = _send(
        client, editor, "post", "/api/v1/publications",
        {"csl": BOOK, "events": ["no-such-event"]},
    )  # fmt: skip
    assert unknown.status_code == 422
    assert "no-such-event" in unknown.json()["fields"]["events"][0]
    assert Publication.objects.count() == before


def test_only_the_adding_organisation_changes_it_and_a_stale_version_is_refused(
    client: Client, editor, other_editor
) -> None:
    created = _send(client, editor, "post", "/api/v1/publications", {"csl": BOOK}).json()
    url = f"/api/v1/publications/{created['id']}"
    changed = {"csl": {**BOOK, "number-of-pages": "214"}, "version": created["version"]}
    assert _send(client, other_editor, "put", url, changed).status_code == 403
    assert _send(client, other_editor, "delete", url).status_code == 403
    replaced = _send(client, editor, "put", url, changed)
    assert replaced.status_code == 200 and "– 214 с. –" in replaced.json()["reference"]
    assert _send(client, editor, "put", url, changed).status_code == 409
    assert _send(client, editor, "delete", url).status_code == 204
    assert not Publication.objects.filter(pk=created["id"]).exists()
