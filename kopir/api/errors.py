"""One error shape for the whole API, with the status codes every write documents.

{"code": "permission_denied", "message": "…", "fields": {"name_ru": ["…"]}}
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.db import DataError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from kopir.api import schema_messages
from kopir.core.concurrency import ConcurrentEditError

MESSAGES = {
    "not_authenticated": _("Send a valid personal API token as “Authorization: Bearer …”."),
    "permission_denied": _("Your account may not do this."),
    "not_found": _("No such record."),
    "conflict": ConcurrentEditError.message,
    "invalid": _("The data are not valid."),
    "server_error": _("Something went wrong on the server. Please try again in a few minutes."),
    "too_large": _(
        "The request is larger than the server accepts (10 MB): send fewer or shorter items."
    ),
}
API_PREFIX = "/api/"


class ErrorOut(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] | None = None


def error_responses(*codes: int) -> dict[int, type[ErrorOut]]:
    return dict.fromkeys(codes, ErrorOut)


# 401 everywhere: a read may carry a token (it says who asks), and a wrong one is refused.
LIST_ERRORS = error_responses(401, 422)
READ_ERRORS = error_responses(401, 404, 422)
# 400: a body that is not JSON at all; 422: JSON that does not fit the schema or the rules.
# 413: a body over DATA_UPLOAD_MAX_MEMORY_SIZE (10 MB).
WRITE_ERRORS = error_responses(400, 401, 403, 404, 409, 413, 422)


def _reply(
    api: NinjaAPI, request: HttpRequest, status: int, code: str, fields=None
) -> HttpResponse:
    body = {"code": code, "message": str(MESSAGES[code]), "fields": fields}
    return api.create_response(request, body, status=status)


def install(api: NinjaAPI) -> None:
    """Register the handlers that turn exceptions into the documented error shape."""

    @api.exception_handler(AuthenticationError)
    def _unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
        return _reply(api, request, 401, "not_authenticated")

    @api.exception_handler(PermissionDenied)
    def _denied(request: HttpRequest, exc: Exception) -> HttpResponse:
        return _reply(api, request, 403, "permission_denied")

    @api.exception_handler(Http404)
    def _missing(request: HttpRequest, exc: Exception) -> HttpResponse:
        return _reply(api, request, 404, "not_found")

    @api.exception_handler(ConcurrentEditError)
    def _conflict(request: HttpRequest, exc: Exception) -> HttpResponse:
        return _reply(api, request, 409, "conflict")

    @api.exception_handler(ValidationError)
    def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return _refused(request, exc)

    def _refused(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        fields = (
            {k: [str(m) for m in v.messages] if hasattr(v, "messages") else [str(m) for m in v]
             for k, v in exc.message_dict.items()}
            if hasattr(exc, "error_dict") else {"__all__": [str(m) for m in exc.messages]}
        )  # fmt: skip
        return _reply(api, request, 422, "invalid", fields)

    @api.exception_handler(NinjaValidationError)
    def _schema_invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        fields: dict[str, list[str]] = {}
        for error in exc.errors:
            where = ".".join(str(part) for part in error.get("loc", [])[1:]) or "__all__"
            fields.setdefault(where, []).append(schema_messages.message(error))
        return _reply(api, request, 422, "invalid", fields)

    @api.exception_handler(DataError)
    def _data(request: HttpRequest, exc: Exception) -> HttpResponse:
        # A value the database cannot hold (an id beyond bigint, say): invalid input, not a fault.
        return _reply(api, request, 422, "invalid")

    @api.exception_handler(HttpError)
    def _http(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc.__cause__, ValidationError):  # the body parser's own check
            return _refused(request, exc.__cause__)
        code = {401: "not_authenticated", 403: "permission_denied", 404: "not_found"}.get(
            exc.status_code, "invalid"
        )
        return _reply(api, request, exc.status_code, code)


# Django's own error pages, for what fails before the API is reached (a Host header that is not
# a host name, a request too large to read) or after (a fault): an API client gets the same
# JSON shape as from the API itself, a reader the site's pages.


def _django_error(request: HttpRequest, status: int, code: str) -> HttpResponse | None:
    if not request.path.startswith(API_PREFIX):
        return None
    body = {"code": code, "message": str(MESSAGES[code]), "fields": None}
    return JsonResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Any) -> HttpResponse:
    if isinstance(exception, RequestDataTooBig):  # DATA_UPLOAD_MAX_MEMORY_SIZE: 413, said so
        return _django_error(request, 413, "too_large") or defaults.bad_request(request, exception)
    return _django_error(request, 400, "invalid") or defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Any) -> HttpResponse:
    return _django_error(request, 403, "permission_denied") or defaults.permission_denied(
        request, exception
    )


def page_not_found(request: HttpRequest, exception: Any) -> HttpResponse:
    return _django_error(request, 404, "not_found") or defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    return _django_error(request, 500, "server_error") or defaults.server_error(request)
