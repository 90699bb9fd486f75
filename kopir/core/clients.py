"""Where a request comes from: the client's address, behind as many proxies as are trusted."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The address of the person asking, for the audit trail and login lockouts.

    Behind KOPIR_TRUSTED_PROXIES reverse proxies, REMOTE_ADDR is the nearest proxy and each
    proxy appended the address it was called from to X-Forwarded-For: the client is the entry
    that many places from the end. Entries before it are whatever the client sent, so they are
    never believed. Anything that is not an IP address falls back to REMOTE_ADDR."""
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = settings.KOPIR_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    chain = [part for part in chain if part]
    if len(chain) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(chain[-proxies]))
    except ValueError:
        return remote
