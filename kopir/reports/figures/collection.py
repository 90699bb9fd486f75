"""The shared local-history collection, research projects and publications in the period."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from kopir.bibliography.models import Publication
from kopir.heritage.models import Item, ItemStatus, Project
from kopir.reports.params import ReportParams, bounds, organisation_filter


def items_added(params: ReportParams) -> QuerySet[Item]:
    """Items published in the period and still in the collection (withdrawn ones are not)."""
    start, end = bounds(params)
    found = Item.objects.filter(
        status=ItemStatus.PUBLISHED, published_at__gte=start, published_at__lt=end
    )
    if params.is_scoped:
        found = found.filter(organisation_filter(params, "organisation__"))
    return found


def projects(params: ReportParams) -> QuerySet[Project]:
    """Research projects under way at some time in the period (a project without a start date
    counts from when it was recorded)."""
    _start, end = bounds(params)
    found = Project.objects.filter(
        Q(started_on__lte=params.end) | Q(started_on=None, created_at__lt=end),
        Q(ended_on=None) | Q(ended_on__gte=params.start),
    )
    if params.is_scoped:
        lead = Project.objects.filter(organisation_filter(params, "lead__")).values("pk")
        taking_part = Project.objects.filter(organisation_filter(params, "organisations__")).values(
            "pk"
        )
        found = found.filter(Q(pk__in=lead) | Q(pk__in=taking_part))
    return found.select_related("lead").annotate(
        partners=Count("organisations", distinct=True), gathered=Count("items", distinct=True)
    )


def publications(params: ReportParams) -> QuerySet[Publication]:
    """Publications of the period's years (a publication is dated by its year) about the
    organisations in scope, or about anything when nothing is filtered."""
    found = Publication.objects.filter(year__gte=params.start.year, year__lte=params.end.year)
    if params.is_scoped:
        about = Publication.objects.filter(organisation_filter(params, "organisations__"))
        found = found.filter(pk__in=about.values("pk"))
    return found.order_by("sort_key", "pk")
