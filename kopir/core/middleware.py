"""Request/response middleware for languages and the Kazakh Latin script."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path

from kopir.core.html_latin import page_to_latin
from kopir.core.script import is_latin_requested
from kopir.core.text import UNPRINTABLE, printable


class LanguagePreferenceMiddleware:
    """Remember the language of the last prefixed page, so that `/` returns the reader to it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
                secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
                httponly=False,
            )
        return response


class KazakhLatinScriptMiddleware:
    """Transliterate Kazakh HTML pages when the reader chose the Latin script."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        if (
            not is_latin_requested(request)
            or response.streaming
            or response.status_code != 200
            or not response.get("Content-Type", "").startswith("text/html")
        ):
            return response
        html = response.content.decode(response.charset or "utf-8")
        converted = (
            fragment_to_latin(html) if getattr(request, "htmx", False) else page_to_latin(html)
        )
        response.content = converted.encode("utf-8")
        response["Content-Length"] = str(len(response.content))
        return response


def fragment_to_latin(html: str) -> str:
    """An htmx fragment, transliterated as if inside a Kazakh page."""
    wrapped = page_to_latin(f'<!DOCTYPE html><html lang="kk"><body>{html}</body></html>')
    start = wrapped.index("<body>") + len("<body>")
    end = wrapped.rindex("</body>")
    return wrapped[start:end]


# UNPRINTABLE as UTF-8 bytes (C0 and DEL as themselves, C1 after 0xC2, U+FFFE/FFFF); a lone
# surrogate cannot be encoded, so a page never holds one.
UNPRINTABLE_UTF8 = re.compile(
    rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xef\xbf[\xbe\xbf]"
)


class PrintablePageMiddleware:
    """Drop control characters from every HTML page (kopir.core.text.printable): a value
    stored before entries were checked shows as its letters, and nothing after it is lost."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return response
        charset = (response.charset or "utf-8").lower()
        if charset == "utf-8" and not UNPRINTABLE_UTF8.search(response.content):
            return response  # every page, every request: the bytes are looked at, not decoded
        html = response.content.decode(charset, errors="replace")
        if UNPRINTABLE.search(html):
            response.content = printable(html).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
