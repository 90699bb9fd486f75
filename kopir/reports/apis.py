"""The key indicators for other systems: `GET /api/v1/reports/indicators` gives the figures the
dashboard and the reports show, for any period and scope. They are public, like the dashboard;
the period and filters are checked exactly as the report form checks them."""

import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Query, Router, Schema

from kopir.api.errors import error_responses
from kopir.reports.figures.indicators import Indicators, indicators
from kopir.reports.forms import ReportFilterForm

router = Router(tags=["reports"])


class IndicatorsQuery(Schema):
    start: datetime.date
    end: datetime.date
    country: str = ""
    region: str = ""
    organisation: int | None = None


class IndicatorsOut(Schema):
    start: datetime.date
    end: datetime.date
    country: str
    region: str
    organisation: int | None
    figures: Indicators


@router.get(
    "/reports/indicators",
    response={200: IndicatorsOut, **error_responses(401, 422)},
    summary="Key indicators of a period",
)
def report_indicators(request: HttpRequest, filters: Query[IndicatorsQuery]) -> dict[str, object]:
    """Events (not cancelled, by the coordinating library's days), joint events, video bridges,
    participants, institutions, copies exchanged (gifts and swaps received), collection items
    added, research projects under way, publications, partners and agreements in force; for
    a country (`KZ`, `RU`), a region (its slug) or an organisation (its id, with its branches)."""
    data = {k: "" if v is None else str(v) for k, v in filters.dict().items()}
    form = ReportFilterForm(data)
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    params = form.params(get_language() or "ru")
    return {**params.to_json(), "figures": indicators(params)}
