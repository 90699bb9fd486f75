"""Small helpers for writing demo records compactly."""

from __future__ import annotations


def ml(field: str, kk: str, ru: str, en: str) -> dict[str, str]:
    """The three language columns of one multilingual field."""
    return {f"{field}_kk": kk, f"{field}_ru": ru, f"{field}_en": en}
