"""The network's figures for a period and a scope: every number a report, the dashboard or the
CIS indicator table shows is read here, once, by the database."""

from __future__ import annotations

from django.db.models import Count, QuerySet


def count_by(found: QuerySet, field: str) -> dict[str, int]:
    """How many of `found` have each value of `field` (one grouped query)."""
    rows = found.order_by().values(field).annotate(n=Count("pk"))
    return {row[field]: row["n"] for row in rows}
