"""Values every page needs."""

from __future__ import annotations

from django.http import HttpRequest

from kopir.core.script import is_latin_requested


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "latin_script": is_latin_requested(request),
    }
