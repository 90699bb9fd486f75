"""Counting how often something is asked for, per key, in a window of time (the shared cache)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache


def allow(kind: str, key: str, *, limit: int, window: int) -> bool:
    """Count one more `kind` for `key`; False once more than `limit` came within `window`
    seconds of the first. Keys are hashed: an e-mail address is not kept in the cache."""
    digest = hashlib.sha256(f"{kind}\x1f{key}".encode()).hexdigest()
    name = f"kopir:throttle:{digest}"
    if cache.add(name, 1, timeout=window):
        return True
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, timeout=window)
        return True
    return count <= limit
