"""The register of publications over the API: the same service and rules as the site."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kopir.bibliography.models import Publication

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


@pytest.fixture
def send(client: Client, bearer):
    def call(user: Any, method: str, url: str, body: Any = None) -> Any:
        return getattr(client, method)(url, body, content_type="application/json", **bearer(user))

    return call


def test_an_editor_adds_a_publication_and_reads_its_gost_reference(
    client: Client, send, two_libraries
) -> None:
    library = two_libraries["kz"]
    body = {"csl": BOOK, "organisations": [library.slug]}
    created = send(two_libraries["kz_editor"], "post", "/api/v1/publications", body)
    assert created.status_code == 201, created.json()
    data = created.json()
    assert data["organisation"] == library.slug  # added by the editor's own
    assert data["organisations"] == [library.slug]
    assert data["reference"] == (
        "Иванов, П. С. Шемонаихинский район : страницы истории / П. С. Иванов. – "
        "Усть-Каменогорск : Медиа-Альянс, 2019. – 212 с. – Текст : непосредственный."
    )
    listed = client.get("/api/v1/publications?year=2019&limit=100").json()
    assert data["id"] in {p["id"] for p in listed["items"]}


def test_what_cannot_be_described_or_linked_is_refused_and_nothing_is_saved(
    send, two_libraries
) -> None:
    editor = two_libraries["kz_editor"]
    before = Publication.objects.count()
    untitled = send(editor, "post", "/api/v1/publications", {"csl": {"type": "book"}})
    assert untitled.status_code == 422 and "csl" in untitled.json()["fields"]
    unknown = send(editor, "post", "/api/v1/publications", {"csl": BOOK, "events": ["no-such"]})
    assert unknown.status_code == 422
    assert "no-such" in unknown.json()["fields"]["events"][0]
    assert Publication.objects.count() == before


def test_only_the_adding_organisation_changes_it_and_a_stale_version_is_refused(
    send, two_libraries
) -> None:
    editor, other_editor = two_libraries["kz_editor"], two_libraries["ru_editor"]
    created = send(editor, "post", "/api/v1/publications", {"csl": BOOK}).json()
    url = f"/api/v1/publications/{created['id']}"
    changed = {"csl": {**BOOK, "number-of-pages": "214"}, "version": created["version"]}
    assert send(other_editor, "put", url, changed).status_code == 403
    assert send(other_editor, "delete", url).status_code == 403
    replaced = send(editor, "put", url, changed)
    assert replaced.status_code == 200 and "– 214 с. –" in replaced.json()["reference"]
    assert send(editor, "put", url, changed).status_code == 409
    assert send(editor, "delete", url).status_code == 204
    assert not Publication.objects.filter(pk=created["id"]).exists()
