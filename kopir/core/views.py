"""Site-wide views: the script preference and the health check."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from kopir.core.health import check
from kopir.core.script import CYRILLIC, LATIN, SCRIPT_COOKIE

SCRIPT_COOKIE_AGE = 365 * 24 * 3600


@csrf_exempt
@require_POST
def set_script(request: HttpRequest) -> HttpResponse:
    """Switch Kazakh pages between Cyrillic and Latin script, then return to the page.

    Without a CSRF token, so that pages carry no per-reader token and can be cached for every
    anonymous reader: the worst a forged request can do is flip a display preference cookie
    (the redirect stays on this host)."""
    script = request.POST.get("script")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("network:home")
    response = HttpResponseRedirect(target)
    if script in (LATIN, CYRILLIC):
        response.set_cookie(
            SCRIPT_COOKIE,
            script,
            max_age=SCRIPT_COOKIE_AGE,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """200 when the database and the cache answer, 503 when not; the report says which, and
    the age of the newest worker heartbeat (kopir/core/health.py). For load balancers,
    monitoring and `make run`'s wait; never cached."""
    healthy, report = check()
    response = JsonResponse(report, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response
