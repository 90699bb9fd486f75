"""Reports for other systems. `GET /api/v1/reports/indicators` gives the figures the dashboard
and the reports show, for any period and scope; they are public, like the dashboard. Report
files are asked for (`POST /reports/runs`), followed (`GET /reports/runs/{id}`) and downloaded
(`GET /reports/runs/{id}/file`) with a token, under the site's rules: an editor reports on their
own organisation, the coordinator on anything. Periods and filters are checked exactly as the
report form checks them."""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from kopir.api.auth import token_auth
from kopir.api.errors import LIST_ERRORS, WRITE_ERRORS, ErrorOut, error_responses
from kopir.api.schemas import Id, Slug
from kopir.core.audit import Change, Origin
from kopir.reports import downloads, selectors, services
from kopir.reports.figures.indicators import Indicators, indicators
from kopir.reports.forms import ReportFilterForm, ReportRequestForm
from kopir.reports.models import ReportRun

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


# --- report files --------------------------------------------------------------------------

NOT_READY = _("The report is not ready yet.")
GONE = _("The file was kept for the days chosen and has been deleted. Ask for the report again.")


class RunIn(Schema):
    report: Slug = Field(description="A report's slug: `cis`, `annual`, `organisation` …")
    format: Slug = Field(description="`docx`, `xlsx`, `pdf` or `html`.")
    language: str = Field("ru", pattern="^(kk|ru|en)$")
    keep_days: int = Field(7, ge=1, le=366)
    start: datetime.date
    end: datetime.date
    country: str = ""
    region: str = ""
    organisation: int | None = None


class RunOut(Schema):
    id: int
    report: str
    format: str
    language: str
    title: str
    status: str
    progress: int
    params: dict[str, object]
    created_at: datetime.datetime
    finished_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    size: int
    download: str | None = Field(description="Where the file is, once it is ready.")

    @staticmethod
    def resolve_download(obj: ReportRun) -> str | None:
        if not obj.is_downloadable:
            return None
        return reverse("api-v1:download_report_run", kwargs={"pk": obj.pk})


def _run(request: HttpRequest, pk: int) -> ReportRun:
    run = selectors.report_run_get(request.user, pk)
    Change.from_request(request, Origin.API).require("reports.view_reportrun", run)
    return run


@router.get(
    "/reports/runs",
    auth=token_auth,
    response={200: list[RunOut], **LIST_ERRORS},
    summary="The report files you asked for (all of them, for the coordinator)",
)
@paginate
def list_report_runs(request: HttpRequest) -> QuerySet[ReportRun]:
    return selectors.report_run_list(request.user)


@router.post(
    "/reports/runs",
    auth=token_auth,
    response={201: RunOut, **WRITE_ERRORS},
    summary="Ask for a report file; it is prepared in the background",
)
def request_report_run(request: HttpRequest, data: RunIn) -> Status:
    """Follow `GET /reports/runs/{id}` until `status` is `ready`, then fetch `download`."""
    form_data = {k: "" if v is None else str(v) for k, v in data.dict().items()}
    form = ReportRequestForm(form_data, user=request.user, language=data.language)
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    run = services.report_run_request(
        report=data.report, format=data.format, params=form.params(data.language),
        keep_days=data.keep_days, change=Change.from_request(request, Origin.API),
    )  # fmt: skip
    return Status(201, run)


@router.get(
    "/reports/runs/{pk}",
    auth=token_auth,
    response={200: RunOut, **error_responses(401, 403, 404, 422)},
    summary="One report file: its state and progress",
)
def get_report_run(request: HttpRequest, pk: Id) -> ReportRun:
    run = _run(request, pk)
    if services.report_runs_recover(pk=run.pk):  # its worker went silent: taken up again
        run.refresh_from_db()
    return run


@router.get(
    "/reports/runs/{pk}/file",
    auth=token_auth,
    response={200: None, **error_responses(401, 403, 404, 409, 410, 422)},
    summary="Download a ready report file",
    url_name="download_report_run",
)
def download_report_run(request: HttpRequest, pk: Id) -> HttpResponseBase | Status:
    """409 while the file is being prepared; 410 once its days are over (ask again)."""
    run = _run(request, pk)
    if not run.is_downloadable:
        code, message = (410, GONE) if run.is_finished else (409, NOT_READY)
        return Status(code, ErrorOut(code="not_ready" if code == 409 else "gone",
                                     message=str(message)))  # fmt: skip
    return downloads.report_file(run)


@router.delete(
    "/reports/runs/{pk}",
    auth=token_auth,
    response={204: None, **WRITE_ERRORS},
    summary="Delete a report file before its time",
)
def delete_report_run(request: HttpRequest, pk: Id) -> Status:
    run = selectors.report_run_get(request.user, pk)
    services.report_run_delete(run, change=Change.from_request(request, Origin.API))
    return Status(204, None)
