"""The Kazakh Latin-script view of pages: a reader's preference kept in a cookie."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import get_language

SCRIPT_COOKIE = "kopir_script"
LATIN = "latn"
CYRILLIC = "cyrl"


def is_latin_requested(request: HttpRequest) -> bool:
    """True when the reader chose Latin script and the page is Kazakh."""
    language = getattr(request, "LANGUAGE_CODE", None) or get_language() or ""
    return language.startswith("kk") and request.COOKIES.get(SCRIPT_COOKIE) == LATIN
