"""Reads of accounts."""

from __future__ import annotations

from django.db.models import QuerySet

from kopir.accounts.models import ApiToken, Invitation, User


def invitation_list() -> QuerySet[Invitation]:
    return Invitation.objects.select_related("organisation", "invited_by").order_by("-created_at")


def api_token_list(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def user_list() -> QuerySet[User]:
    return User.objects.select_related("organisation").order_by("username")
