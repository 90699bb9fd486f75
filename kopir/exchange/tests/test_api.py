"""The exchange API: the catalogue for everyone; a shipment moved through by its two sides."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from kopir.accounts.services import api_token_create
from kopir.core.audit import Change
from kopir.exchange.models import BibRecord, Shipment
from kopir.exchange.tests import fixtures

pytestmark = pytest.mark.django_db


def call(user, method: str, url: str, body: dict | None = None):
    secret = api_token_create(change=Change(user), name="t").secret
    return getattr(Client(), method)(url, json.dumps(body) if body is not None else None,
                                     content_type="application/json",
                                     HTTP_AUTHORIZATION=f"Bearer {secret}")  # fmt: skip


def test_the_catalogue_and_a_shipment_through_the_api(
    stocked, editor, other_editor, network
) -> None:
    offers = Client().get("/api/v1/exchange/offers?q=рудный").json()
    assert offers["count"] == 1 and offers["items"][0]["record"]["title"] == "Рудный Алтай"
    assert Client().get("/api/v1/exchange/offers?language=kaz").json()["count"] == 1
    records = call(
        editor, "get", "/api/v1/exchange/records?organisation=shemonaikha-central-library"
    )
    assert records.json()["count"] == 3
    assert (
        call(
            other_editor, "get", "/api/v1/exchange/records?organisation=shemonaikha-central-library"
        ).status_code
        == 403
    )
    book = BibRecord.objects.get(title="Рудный Алтай")
    created = call(editor, "post", "/api/v1/exchange/shipments", {
        "sender": "shemonaikha-central-library", "recipient": "shishkov-library", "kind": "loan",
        "return_due": "2027-06-01", "items": [{"record": book.pk, "copies": 2}]})  # fmt: skip
    assert created.status_code == 201, created.content
    shipment = created.json()
    url = f"/api/v1/exchange/shipments/{shipment['id']}/transitions"
    agreed = call(other_editor, "post", url, {"status": "agreed", "version": shipment["version"]})
    assert agreed.json()["status"] == "agreed"
    stale = call(editor, "post", url, {"status": "sent", "version": shipment["version"]})
    assert stale.status_code == 409
    sent = call(editor, "post", url, {"status": "sent", "version": agreed.json()["version"],
                                      "carrier": "СДЭК", "tracking_number": "1234"})  # fmt: skip
    item = sent.json()["items"][0]["id"]
    received = call(other_editor, "post", url, {
        "status": "received", "version": sent.json()["version"],
        "receipt": [{"item": item, "condition": "damaged", "note": "порван корешок"}]})  # fmt: skip
    assert received.json()["items"][0]["condition"] == "damaged"
    wrong_side = call(
        editor, "post", url, {"status": "return_sent", "version": received.json()["version"]}
    )
    assert wrong_side.status_code == 403
    assert Shipment.objects.get().status == "received"


def test_a_marc_file_is_imported_whole_or_refused_with_a_report(
    client: Client, two_libraries, bearer
) -> None:
    library, auth = two_libraries["kz"], bearer(two_libraries["kz_editor"])
    good = SimpleUploadedFile("fond.mrc", fixtures.mixed_file())
    done = client.post(
        "/api/v1/exchange/imports", {"file": good, "organisation": library.slug}, **auth
    )
    assert done.status_code == 201, done.json()
    assert (done.json()["status"], done.json()["imported"]) == ("imported", 3)
    assert BibRecord.objects.filter(organisation=library).count() == 3

    broken = fixtures.utf8_file(fixtures.marc21_record("Целая", "Автор, А.", "2001"))
    broken += fixtures.mixed_file()[:-40]  # the last record cut short
    refused = client.post(
        "/api/v1/exchange/imports",
        {"file": SimpleUploadedFile("cut.mrc", broken), "organisation": library.slug},
        **auth,
    ).json()
    assert refused["status"] == "refused" and refused["problems"] and refused["awaiting_decision"]
    assert BibRecord.objects.filter(organisation=library).count() == 3  # nothing half-saved
    other = bearer(two_libraries["ru_editor"])
    assert client.get(f"/api/v1/exchange/imports/{refused['id']}", **other).status_code == 403
    decided = client.post(
        f"/api/v1/exchange/imports/{refused['id']}/decision", {"decision": "readable"},
        content_type="application/json", **auth,
    )  # fmt: skip
    assert decided.status_code == 200 and decided.json()["imported"] >= 1
    assert BibRecord.objects.filter(organisation=library, title="Целая").exists()

    word = SimpleUploadedFile("fond.mrc", b"PK\x03\x04 a Word file named .mrc")
    not_marc = client.post(
        "/api/v1/exchange/imports", {"file": word, "organisation": library.slug}, **auth
    )
    assert not_marc.status_code == 422 and "file" in not_marc.json()["fields"]
