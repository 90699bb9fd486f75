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


class ReaderAuth(ApiTokenAuth):
    """Every operation that is not a write: open to all, and a token, when one is sent, says
    who asks (a draft for its editors) just as on the writes; a wrong token is refused (401)
    rather than read as nobody. Without a token, the reader is whoever the site's session says."""

    def __call__(self, request: HttpRequest) -> Any:
        if "Authorization" not in request.headers:
            return True
        return super().__call__(request)


token_auth = ApiTokenAuth()
reader_auth = ReaderAuth()
