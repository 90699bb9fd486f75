"""The SRU endpoint at /sru: GET, and POST (application/x-www-form-urlencoded, SRU 2.0 §5)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from kopir.exchange.sru.responses import respond


@csrf_exempt  # other libraries' systems post public searches; nothing is written
@require_http_methods(["GET", "POST", "HEAD"])
def endpoint(request: HttpRequest) -> HttpResponse:
    arguments = request.POST if request.method == "POST" else request.GET
    body = respond({name: arguments.getlist(name) for name in arguments})
    return HttpResponse(body, content_type="application/xml; charset=utf-8")
