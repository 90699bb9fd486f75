"""Report files over the API: asked for, followed and downloaded under the site's rules."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from docx import Document

from kopir.accounts.services import api_token_create
from kopir.core.audit import Change
from kopir.reports import services
from kopir.reports.models import ReportRun, RunStatus

pytestmark = pytest.mark.django_db


def _auth(user: Any) -> dict[str, str]:
    secret = api_token_create(change=Change(user), name="t").secret
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_a_report_is_asked_for_followed_and_downloaded(
    reporting, client: Client, coordinator, year
) -> None:
    auth = _auth(coordinator)
    body = {"report": "cis", "format": "docx", "language": "ru",
            "start": f"{year}-01-01", "end": f"{year}-12-31"}  # fmt: skip
    asked = client.post("/api/v1/reports/runs", body, content_type="application/json", **auth)
    assert asked.status_code == 201, asked.json()
    run = asked.json()
    assert run["status"] == RunStatus.QUEUED and run["download"] is None
    early = client.get(f"/api/v1/reports/runs/{run['id']}/file", **auth)
    assert early.status_code == 409 and early.json()["code"] == "not_ready"
    services.report_run_produce(run["id"])  # what the background worker does
    ready = client.get(f"/api/v1/reports/runs/{run['id']}", **auth).json()
    assert ready["status"] == RunStatus.READY and ready["progress"] == 100
    download = client.get(ready["download"], **auth)
    assert download.status_code == 200
    text = " ".join(
        p.text for p in Document(io.BytesIO(b"".join(download.streaming_content))).paragraphs
    )
    assert "Приграничное сотрудничество библиотек" in text
    listed = client.get("/api/v1/reports/runs", **auth).json()
    assert run["id"] in {r["id"] for r in listed["items"]}


def test_an_editor_reports_only_on_their_own_organisation(
    reporting, client: Client, editor, other_editor, year
) -> None:
    own, foreign = editor.organisation, other_editor.organisation
    body = {"report": "organisation", "format": "html", "start": f"{year}-01-01",
            "end": f"{year}-12-31"}  # fmt: skip
    refused = client.post(
        "/api/v1/reports/runs", {**body, "organisation": foreign.pk},
        content_type="application/json", **_auth(editor),
    )  # fmt: skip
    assert refused.status_code == 403 and not ReportRun.objects.exists()
    asked = client.post(
        "/api/v1/reports/runs", {**body, "organisation": own.pk},
        content_type="application/json", **_auth(editor),
    )  # fmt: skip
    assert asked.status_code == 201, asked.json()
    url = f"/api/v1/reports/runs/{asked.json()['id']}"
    assert client.get(url, **_auth(other_editor)).status_code == 404  # not theirs to see
    assert client.delete(url, **_auth(other_editor)).status_code == 404
    assert client.delete(url, **_auth(editor)).status_code == 204
    assert not ReportRun.objects.exists()


def test_bad_periods_are_refused_in_the_readers_language(
    reporting, client: Client, coordinator
) -> None:
    body = {"report": "cis", "format": "pdf", "start": "2024-12-31", "end": "2024-01-01"}
    refused = client.post(
        "/api/v1/reports/runs", body, content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="ru", **_auth(coordinator),
    )  # fmt: skip
    assert refused.status_code == 422
    assert "Период заканчивается раньше, чем начинается." in str(refused.json()["fields"])
