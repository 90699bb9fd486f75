"""The collection API does what the workspace does: files, projects and their tasks."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from kopir.core.audit import SYSTEM
from kopir.heritage import services
from kopir.heritage.models import Item, Project, ProjectTask
from kopir.heritage.tests.factories import item as make_item

pytestmark = pytest.mark.django_db


def jpeg() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), "olive").save(buffer, "JPEG")
    return SimpleUploadedFile("scan.jpg", buffer.getvalue(), "image/jpeg")


def test_an_item_gets_its_file_checked_by_content(client: Client, two_libraries, bearer) -> None:
    item = make_item(two_libraries["kz"], publish=False, kind="photograph")
    url = f"/api/v1/heritage/items/{item.pk}/file"
    auth = bearer(two_libraries["kz_editor"])
    page = SimpleUploadedFile("scan.jpg", b"<html><script>alert(1)</script></html>")
    refused = client.post(url, {"file": page, "version": item.version}, **auth)
    assert refused.status_code == 422 and not Item.objects.get(pk=item.pk).file
    other = bearer(two_libraries["ru_editor"])
    assert client.post(url, {"file": jpeg(), "version": item.version}, **other).status_code == 403
    stored = client.post(url, {"file": jpeg(), "version": item.version}, **auth)
    assert stored.status_code == 200, stored.json()
    item.refresh_from_db()
    assert item.file.name.endswith(".jpg") and item.thumbnail and item.media_type == "image/jpeg"
    stale = client.post(url, {"file": jpeg(), "version": 1}, **auth)
    assert stale.status_code == 409


def test_the_lead_changes_the_project_and_gives_tasks_the_participant_ticks(
    client: Client, two_libraries, bearer
) -> None:
    kz, ru = two_libraries["kz"], two_libraries["ru"]
    project = services.project_save(
        Project(title_ru="Летопись сёл", lead=kz), organisations=[kz, ru], change=SYSTEM
    )
    lead, participant = bearer(two_libraries["kz_editor"]), bearer(two_libraries["ru_editor"])
    url = f"/api/v1/heritage/projects/{project.slug}"
    body = {"version": project.version, "results": {"ru": "Собрано 40 воспоминаний"}}
    denied = client.patch(url, body, content_type="application/json", **participant)
    assert denied.status_code == 403
    changed = client.patch(url, body, content_type="application/json", **lead)
    assert changed.status_code == 200 and changed.json()["results_ru"] == body["results"]["ru"]
    assert changed.json()["title_ru"] == "Летопись сёл"  # left out, kept
    task = {"title": {"ru": "Записать воспоминания"}, "organisation": ru.slug}
    given = client.post(f"{url}/tasks", task, content_type="application/json", **lead)
    assert given.status_code == 201 and given.json()["done"] is False
    ticked = client.post(f"/api/v1/heritage/tasks/{given.json()['id']}/toggle", **participant)
    assert ticked.status_code == 200 and ticked.json()["done"] is True
    assert ProjectTask.objects.get(pk=given.json()["id"]).done_at is not None
    listed = client.get(f"{url}/tasks").json()
    assert [t["title_ru"] for t in listed] == ["Записать воспоминания"]


def test_an_item_leaves_a_project_through_the_api(client: Client, two_libraries, bearer) -> None:
    kz = two_libraries["kz"]
    project = services.project_save(
        Project(title_ru="Проект", lead=kz), organisations=[kz], change=SYSTEM
    )
    item = make_item(kz)
    services.project_add_item(project, item, change=SYSTEM)
    url = f"/api/v1/heritage/projects/{project.slug}/items/{item.pk}"
    left = client.delete(url, **bearer(two_libraries["kz_editor"]))
    assert left.status_code == 200 and left.json()["items"] == []
