"""The one write path: who the change is, what it may do, and files deleted only on commit."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.db import transaction
from django.test import RequestFactory

from kopir.core.audit import SYSTEM, Change, Origin, forget_on_commit

pytestmark = pytest.mark.django_db


def test_a_file_is_deleted_only_when_the_change_commits(
    django_capture_on_commit_callbacks,
) -> None:
    storage = InMemoryStorage()
    kept = storage.save("kept.txt", ContentFile(b"old"))
    gone = storage.save("gone.txt", ContentFile(b"old"))
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            forget_on_commit([kept], storage)
            raise RuntimeError("the save failed")  # rolled back: its deletions are dropped
        with transaction.atomic():
            forget_on_commit([gone], storage)
        assert storage.exists(gone)  # not before the (test's) commit
    assert storage.exists(kept) and not storage.exists(gone)


def test_the_change_is_read_from_the_request_once(editor) -> None:
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    request.user = editor
    change = Change.from_request(request, Origin.API)
    assert (change.actor, change.user, change.origin, change.ip_address) == (
        editor, editor, Origin.API, "203.0.113.9",
    )  # fmt: skip
    assert change.may("network.change_organisation", editor.organisation)
    assert not change.may("accounts.add_invitation")
    with pytest.raises(PermissionDenied):
        change.require("accounts.add_invitation")


def test_the_operators_tools_pass_and_nobody_else_does() -> None:
    assert SYSTEM.may("accounts.add_invitation") and SYSTEM.user is None
    anonymous = Change(actor=None, origin=Origin.SITE)
    assert not anonymous.may("events.add_event")
