"""Personal API tokens: `Authorization: Bearer <token>`."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from kopir.accounts.services import api_token_authenticate


class ApiTokenAuth(HttpBearer):
    openapi_description = "A personal token created in the workspace (Profile → API tokens)."

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        if "\x00" in token or len(token) > 200:
            return None
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


token_auth = ApiTokenAuth()
