"""Every write to accounts: invitations, accepting them, API tokens, preferences."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kopir.accounts.models import ApiToken, Invitation, Role, User, hash_secret, new_secret
from kopir.core.audit import Change
from kopir.network.models import Organisation

ERROR_INVITATION_INVALID = _(
    "This invitation link is not valid: it was used, withdrawn or expired."
)
ERROR_EMAIL_TAKEN = _("An account with this e-mail address exists already.")
ERROR_USERNAME_TAKEN = _("This login name is taken; choose another.")


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    url: str


def _accept_url(token: str, language: str, site_url: str) -> str:
    with translation.override(language):
        path = reverse("accounts:invitation-accept", kwargs={"token": token})
    return f"{site_url.rstrip('/')}{path}"


@transaction.atomic
def invitation_create(
    *,
    change: Change,
    email: str,
    organisation: Organisation,
    language: str,
    site_url: str | None = None,
) -> IssuedInvitation:
    """Invite `email` to edit `organisation` and send the link in `language`.

    `site_url` is where the link points (the site the coordinator uses; KOPIR_SITE_URL else).
    """
    change.require("accounts.add_invitation")
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": ERROR_EMAIL_TAKEN})
    token = new_secret()
    invitation = Invitation(
        email=email.strip().lower(),
        organisation=organisation,
        invited_by=change.user,
        language=language,
        token_hash=hash_secret(token),
    )
    invitation.full_clean()
    invitation.save()
    url = _accept_url(token, language, site_url or settings.KOPIR_SITE_URL)
    with translation.override(language):
        context = {"invitation": invitation, "url": url, "days": settings.KOPIR_INVITATION_DAYS}
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation_body.txt", context)
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
    )
    return IssuedInvitation(invitation, url)


def invitation_get_open(token: str) -> Invitation:
    """The open invitation behind a link, or ValidationError."""
    invitation = (
        Invitation.objects.select_related("organisation")
        .filter(token_hash=hash_secret(token))
        .first()
    )
    if invitation is None or not invitation.is_open:
        raise ValidationError(ERROR_INVITATION_INVALID, code="invalid_invitation")
    return invitation


@transaction.atomic
def invitation_accept(
    *, token: str, username: str, password: str, first_name: str = "", last_name: str = ""
) -> User:
    """Create the editor's account from an open invitation; the link works once."""
    invitation = invitation_get_open(token)
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not locked.is_open:
        raise ValidationError(ERROR_INVITATION_INVALID, code="invalid_invitation")
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": ERROR_USERNAME_TAKEN})
    user = User(
        username=username,
        email=locked.email,
        first_name=first_name,
        last_name=last_name,
        role=Role.EDITOR,
        organisation=locked.organisation,
        preferred_language=locked.language,
    )
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["accepted_at"])
    return user


@transaction.atomic
def invitation_revoke(invitation: Invitation, *, change: Change) -> None:
    change.require("accounts.add_invitation")
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str


def api_token_create(*, change: Change, name: str) -> IssuedToken:
    """A new personal API token of the change's user; the secret is returned once and only its
    hash is stored."""
    change.require("accounts.add_apitoken")
    if change.user is None:  # the operator's tools have no account to give a token to
        raise PermissionDenied
    secret = new_secret()
    token = ApiToken(
        user=change.user, name=name.strip(), prefix=secret[:8], key_hash=hash_secret(secret)
    )
    token.full_clean()
    token.save()
    return IssuedToken(token, secret)


def api_token_revoke(token: ApiToken, *, change: Change) -> None:
    change.require("accounts.delete_apitoken", token)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def api_token_authenticate(secret: str) -> User | None:
    """The active user behind a token secret, or None; records when it was last used."""
    token = (
        ApiToken.objects.select_related("user", "user__organisation")
        .filter(key_hash=hash_secret(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def user_update_profile(
    user: User,
    *,
    change: Change,
    first_name: str,
    last_name: str,
    preferred_language: str,
    time_zone: str = "",
) -> User:
    change.require("accounts.change_user", user)
    user.first_name, user.last_name = first_name, last_name
    user.preferred_language = preferred_language
    user.time_zone = time_zone
    user.full_clean()
    user.save(update_fields=["first_name", "last_name", "preferred_language", "time_zone"])
    return user
