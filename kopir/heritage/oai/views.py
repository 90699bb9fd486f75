"""The OAI-PMH endpoint at /oai: GET and POST (application/x-www-form-urlencoded, §3.1.1)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from kopir.heritage.oai.responses import respond


@csrf_exempt  # harvesters are machines posting public queries; nothing is written
@require_http_methods(["GET", "POST", "HEAD"])
def endpoint(request: HttpRequest) -> HttpResponse:
    arguments = request.POST if request.method == "POST" else request.GET
    body = respond({name: arguments.getlist(name) for name in arguments})
    return HttpResponse(body, content_type="text/xml; charset=utf-8")
