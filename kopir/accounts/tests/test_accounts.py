"""Accounts: invitations, sign-in and lockout, password reset, tokens, demo accounts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from kopir.accounts import services
from kopir.accounts.demo import ensure_demo_accounts
from kopir.accounts.models import ApiToken, Invitation, Role, User
from kopir.accounts.tests.factories import PASSWORD
from kopir.core.audit import Change

pytestmark = pytest.mark.django_db


def invite(coordinator, organisation, language: str = "kk", email: str = "new@example.org"):
    issued = services.invitation_create(
        change=Change(coordinator), email=email, organisation=organisation, language=language
    )
    return issued, issued.url.rsplit("/invitation/", 1)[1].strip("/")


def test_invitation_letter_is_in_the_chosen_language(
    coordinator, two_libraries, django_capture_on_commit_callbacks
) -> None:
    library = two_libraries["ru"]
    with django_capture_on_commit_callbacks(execute=True):
        invite(coordinator, library, language="ru")
    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.to == ["new@example.org"]
    assert "Köpir" in letter.subject
    assert "/ru/accounts/invitation/" in letter.body
    assert library.name_ru in letter.body


def test_an_invitation_works_once(coordinator, two_libraries) -> None:
    organisation = two_libraries["kz"]
    _issued, token = invite(coordinator, organisation)
    user = services.invitation_accept(
        token=token, username="aigul", password="a-long-pass-phrase-1"
    )
    assert user.role == Role.EDITOR and user.organisation == organisation
    assert user.check_password("a-long-pass-phrase-1")
    with pytest.raises(ValidationError):
        services.invitation_accept(token=token, username="again", password="a-long-pass-phrase-1")


def test_expired_and_withdrawn_invitations_are_refused(coordinator, two_libraries) -> None:
    issued, token = invite(coordinator, two_libraries["kz"])
    Invitation.objects.filter(pk=issued.invitation.pk).update(expires_at=timezone.now())
    with pytest.raises(ValidationError):
        services.invitation_get_open(token)
    issued, token = invite(coordinator, two_libraries["kz"], email="b@example.org")
    services.invitation_revoke(issued.invitation, change=Change(coordinator))
    response = Client().get(f"/kk/accounts/invitation/{token}/")
    assert response.status_code == 410


def test_weak_password_is_refused_and_nothing_is_created(coordinator, two_libraries) -> None:
    _issued, token = invite(coordinator, two_libraries["kz"])
    response = Client().post(
        f"/ru/accounts/invitation/{token}/",
        {"username": "weak", "password1": "12345", "password2": "12345"},
    )
    assert response.status_code == 400
    assert "Введённый пароль слишком короткий" in response.content.decode()
    assert not User.objects.filter(username="weak").exists()
    assert services.invitation_get_open(token)  # still usable


def test_only_the_coordinator_invites(editor, two_libraries) -> None:
    with pytest.raises(PermissionDenied):
        invite(editor, two_libraries["kz"])
    assert not Invitation.objects.exists()


def test_login_lands_in_the_preferred_language(editor) -> None:
    User.objects.filter(pk=editor.pk).update(preferred_language="ru")
    response = Client().post("/kk/accounts/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == "/ru/accounts/workspace/"


def test_repeated_failed_logins_lock_the_account(editor, settings) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/kk/accounts/login/", {"username": "editor", "password": "wrong"})
    response = client.post("/kk/accounts/login/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 429
    assert "Тым көп әрекет" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_working_link(editor, mailoutbox) -> None:
    Client().post("/en/accounts/password/reset/", {"email": editor.email})
    assert len(mailoutbox) == 1
    link = re.search(r"https?://[^/]+(/\S+)", mailoutbox[0].body).group(1)
    client = Client()
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-brand-new-passphrase-9", "new_password2": "a-brand-new-passphrase-9"},
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password("a-brand-new-passphrase-9")


def test_api_tokens_are_stored_as_hashes_and_can_be_revoked(editor) -> None:
    issued = services.api_token_create(change=Change(editor), name="sync")
    stored = ApiToken.objects.get()
    assert (
        issued.secret not in (stored.key_hash, stored.prefix) and stored.prefix == issued.secret[:8]
    )
    assert services.api_token_authenticate(issued.secret) == editor
    services.api_token_revoke(stored, change=Change(editor))
    assert services.api_token_authenticate(issued.secret) is None


def test_a_revoked_token_is_refused_by_the_api(editor) -> None:
    issued = services.api_token_create(change=Change(editor), name="sync")
    services.api_token_revoke(issued.token, change=Change(editor))
    response = Client().patch(
        f"/api/v1/network/organisations/{editor.organisation.slug}",
        '{"name_en": "x", "version": 1}', content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {issued.secret}",
    )  # fmt: skip
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_demo_accounts_keep_their_passwords(demo_network, tmp_path: Path) -> None:
    first = dict((a.username, p) for a, p in ensure_demo_accounts(tmp_path / "logins.json"))
    second = dict((a.username, p) for a, p in ensure_demo_accounts(tmp_path / "logins.json"))
    assert first == second and len(first) == 3
    barnaul = User.objects.get(username="editor.barnaul")
    assert barnaul.organisation.slug == "shishkov-library" and barnaul.check_password(
        first["editor.barnaul"]
    )
    assert User.objects.get(username="coordinator").is_coordinator


def test_a_superuser_coordinates_and_the_admin_follows_the_rules(editor) -> None:
    from kopir.accounts.tests.factories import UserFactory

    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    assert root.is_coordinator and root.has_perm("accounts.add_invitation")
    staff_editor = User.objects.get(pk=editor.pk)
    staff_editor.is_staff = True  # even a staff flag set by mistake does not open the admin
    staff_editor.save()
    client = Client()
    client.force_login(staff_editor)
    assert client.get("/en/admin/network/organisation/").status_code == 403
