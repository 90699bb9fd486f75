"""A cache of whole public pages for anonymous readers, emptied by any change of content.

Rural connections are slow and most readers are anonymous: a calendar or partner page is the
same for all of them until somebody edits something. So a GET by a reader without a session is
answered from the cache, keyed by the full path (language prefix and query included), the script
(Cyrillic or Latin) and whether htmx asked for a fragment. A response is stored only if it is a
200 page that sets no cookie and carries no CSRF token (forms stay personal). Every save or
delete of our models bumps a content version that is part of every key, so a change shows at
once, in every process sharing the cache (the file cache of a single host, or any shared one);
KOPIR_PAGE_CACHE_SECONDS bounds what time alone changes ("upcoming", "today").
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse

from kopir.core.script import SCRIPT_COOKIE

VERSION_KEY = "kopir:content-version"
CACHED_TYPES = ("text/html", "text/calendar", "application/atom+xml")
# What the view and the middleware inside this one set; the outer middleware set theirs again.
HEADERS_KEPT = (
    "Content-Type", "Content-Language", "Content-Disposition", "Vary",
    "Content-Security-Policy", "X-Frame-Options",
)  # fmt: skip


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = str(time.time_ns())
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return str(version)


def content_changed(**_: Any) -> None:
    """Forget every cached page (a new version makes the old keys unreachable; they expire)."""
    cache.set(VERSION_KEY, str(time.time_ns()), timeout=None)


def _on_our_model(handler: Callable[..., None]) -> Callable[..., None]:
    def receiver(sender: Any, **kwargs: Any) -> None:
        meta = getattr(sender, "_meta", None)
        # Every app of ours, so a new app's records empty the cache without being listed; a
        # model that no public page shows (a report job) says so with affects_public_pages.
        if (
            meta is not None
            and sender.__module__.startswith("kopir.")
            and getattr(sender, "affects_public_pages", True)
        ):
            handler(sender=sender, **kwargs)

    return receiver


_receiver = _on_our_model(content_changed)


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_receiver, dispatch_uid=f"kopir-page-cache-{id(signal)}")


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.KOPIR_PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith(("/api/", "/admin/", "/static/", "/media/"))
    )


def _key(request: HttpRequest) -> str:
    parts = (
        content_version(),
        # Pages hold absolute links (feeds, canonical addresses): one host's never go to another.
        request.scheme or "",
        request.get_host(),
        request.get_full_path(),
        request.COOKIES.get(SCRIPT_COOKIE, ""),
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-Target", ""),
    )
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"kopir:page:{digest}"


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_USED")
        and response.get("Content-Type", "").startswith(CACHED_TYPES)
        and "private" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    """Answer anonymous readers from the page cache; see the module's docstring."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            headers = {name: response[name] for name in HEADERS_KEPT if response.has_header(name)}
            cache.set(key, (response.content, headers), settings.KOPIR_PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
