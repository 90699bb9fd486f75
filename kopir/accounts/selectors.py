"""Reads of accounts."""

from __future__ import annotations

from django.db import models
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from kopir.accounts.models import ApiToken, Invitation, User
from kopir.network.models import Organisation


def invitation_list() -> QuerySet[Invitation]:
    return Invitation.objects.select_related("organisation", "invited_by").order_by("-created_at")


def api_token_list(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def user_list() -> QuerySet[User]:
    return User.objects.select_related("organisation").order_by("username")


def api_token_get(user: User, pk: int) -> ApiToken:
    """One of the user's own tokens (another's is not found)."""
    return get_object_or_404(api_token_list(user), pk=pk)


def invitation_get(pk: int) -> Invitation:
    return get_object_or_404(Invitation, pk=pk)


def user_get(pk: int) -> User:
    return get_object_or_404(User, pk=pk)


def kept_organisations(user: User) -> QuerySet[Organisation]:
    """The organisations whose records `user` keeps: every one for the coordinator, the own
    one and its branches for an editor, none for anyone else."""
    organisations = Organisation.objects.select_related("settlement__region__country")
    if user.is_coordinator:
        return organisations.order_by("name_ru")
    if user.is_editor:
        own = user.organisation_id
        return organisations.filter(Q(pk=own) | Q(parent_id=own)).order_by("name_ru")
    return organisations.none()


def current_version(model: type[models.Model], pk: int) -> models.Model | None:
    """The record as it is now, or None when it was deleted (its history stays)."""
    return model._default_manager.filter(pk=pk).first()


def invitations_pending(organisations: QuerySet[Organisation] | None) -> QuerySet[Invitation]:
    """Invitations to these organisations (None: any) neither accepted nor revoked, expired
    ones included: the coordinator sends those again."""
    pending = Invitation.objects.filter(accepted_at__isnull=True, revoked_at__isnull=True)
    if organisations is not None:
        pending = pending.filter(organisation__in=organisations)
    return pending.select_related("organisation").order_by("expires_at", "pk")
