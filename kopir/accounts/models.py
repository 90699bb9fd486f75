"""Users of Köpir, their role in the network, invitations and personal API tokens."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kopir.network.models import validate_time_zone


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("network coordinator")
    EDITOR = "editor", _("editor of an organisation")
    READER = "reader", _("reader")


class User(AbstractUser):
    """A person who signs in. Editors belong to one partner organisation."""

    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.READER)
    organisation = models.ForeignKey(
        "network.Organisation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="editors",
        verbose_name=_("organisation"),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=settings.LANGUAGES, default="kk"
    )
    time_zone = models.CharField(
        _("your time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("Events then show their time in your zone too, beside each venue's."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="editor") | models.Q(organisation__isnull=False),
                name="editor_has_organisation",
            )
        ]

    @property
    def is_coordinator(self) -> bool:
        # A superuser (the first account, from createsuperuser) coordinates too.
        return self.is_active and (self.role == Role.COORDINATOR or self.is_superuser)

    @property
    def is_editor(self) -> bool:
        return self.is_active and self.role == Role.EDITOR and self.organisation_id is not None


def invitation_expiry() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=settings.KOPIR_INVITATION_DAYS)


class Invitation(models.Model):
    """A coordinator's invitation by e-mail to become an organisation's editor."""

    email = models.EmailField(_("e-mail"))
    organisation = models.ForeignKey(
        "network.Organisation", models.CASCADE, verbose_name=_("organisation")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    language = models.CharField(
        _("language of the letter"), max_length=2, choices=settings.LANGUAGES, default="kk"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class ApiToken(models.Model):
    """A personal token for the API. Only its hash is kept; the secret is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
