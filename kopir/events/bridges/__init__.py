"""Video providers behind one small contract: a provider gives an event its meeting link.

Built-ins register exactly as an add-on would: `register(Provider(...))` (kopir.core.registry).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from kopir.core.registry import Registry


@dataclass(frozen=True)
class Provider:
    key: str
    label: str
    # The link for an event, or None when the organiser pastes one (Zoom, BigBlueButton, any URL).
    make_link: Callable[[Any], str | None]


providers: Registry[Provider] = Registry("video provider", key="key")
register = providers.register
get = providers.get
choices = providers.choices


def jitsi_link(event: Any) -> str:
    """A deterministic, hard-to-guess Jitsi room: the same event always gets the same room."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{event.slug}".encode()).hexdigest()[:10]
    base = settings.KOPIR_JITSI_URL.rstrip("/")
    return f"{base}/Kopir-{event.slug}-{digest}"


register(Provider("jitsi", "Jitsi Meet", jitsi_link))
register(Provider("bigbluebutton", "BigBlueButton", lambda event: None))
register(Provider("zoom", "Zoom", lambda event: None))
register(Provider("url", "URL", lambda event: None))
