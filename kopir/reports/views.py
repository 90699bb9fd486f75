"""Reports: the public dashboard; in the workspace, asking for a report, watching it being
prepared (htmx polls the progress; without JavaScript the page refreshes itself), downloading
it while it is kept, and reading a report on screen."""

from __future__ import annotations

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kopir.core.audit import Change
from kopir.core.editing import attach_errors
from kopir.core.http import AuthenticatedHttpRequest
from kopir.reports import downloads, selectors, services
from kopir.reports.activity_map import activity_map
from kopir.reports.forms import ReportRequestForm
from kopir.reports.models import ReportRun
from kopir.reports.params import today
from kopir.reports.registry import build, renderers, reports
from kopir.reports.renderers import html
from kopir.reports.svg import bar_chart, column_chart

POLL_SECONDS = 2


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """The network in figures: this year so far against the same days of last year."""
    data = selectors.dashboard(today())
    month_names = [short_month(m) for m in range(1, 13)]
    charts = [
        column_chart(
            month_names,
            [(str(data.year), data.months_current), (str(data.year - 1), data.months_previous)],
            title=_("Events by month"),
            uid="months",
        ),
        bar_chart(
            [label for label, _n in data.formats],
            [(str(data.year), [n for _l, n in data.formats])],
            title=_("Events of this year by format"),
            uid="formats",
        ),
    ]
    places = sorted(data.places, key=lambda p: (-p.count, p.name))
    context = {
        "data": data,
        "charts": charts,
        "places": places,
        "map": activity_map(places, title=_("Where this year's events were held"), uid="map"),
    }
    return render(request, "reports/dashboard.html", context)


def short_month(month: int) -> str:
    """The month's short name in the page's language ("қаң", "янв", "Jan")."""
    return formats.date_format(datetime.date(2000, month, 1), "M")


def _may_report(request: HttpRequest) -> None:
    if not request.user.has_perm("reports.view_reports"):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def report_index(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Ask for a report; the list of those asked for, with their state."""
    _may_report(request)
    language = get_language() or "ru"
    form = ReportRequestForm(request.POST or None, user=request.user, language=language)
    if request.method == "POST" and form.is_valid() and "show" in request.POST:
        return _on_screen(request, form, language)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            run = services.report_run_request(
                report=data["report"],
                format=data["format"],
                params=form.params(data["language"]),
                keep_days=data["keep_days"],
                change=Change.from_request(request),
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            return HttpResponseRedirect(reverse("reports:run", args=[run.pk]))
    context = {
        "form": form,
        "runs": selectors.report_run_list(request.user)[:30],
        "definitions": list(reports.values()),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "reports/index.html", context, status=status)


@login_required
@require_GET
def report_on_screen(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A report read on screen, without a file, at an address that can be shared."""
    _may_report(request)
    language = get_language() or "ru"
    query = request.GET.copy()
    query.setdefault("format", "html")
    query.setdefault("language", language)
    query.setdefault("keep_days", "1")
    form = ReportRequestForm(query, user=request.user, language=language)
    if not form.is_valid():
        context = {"form": form, "runs": [], "definitions": list(reports.values())}
        return render(request, "reports/index.html", context, status=400)
    return _on_screen(request, form, language)


def _on_screen(
    request: AuthenticatedHttpRequest, form: ReportRequestForm, language: str
) -> HttpResponse:
    """The report in the page's language, from the same document the files are made of."""
    params = form.params(language)
    # rules' predicates take any object: here the parameters the report is asked with.
    if not request.user.has_perm("reports.add_reportrun", params):  # type: ignore[arg-type]
        raise PermissionDenied
    document = build(form.cleaned_data["report"], params)
    return render(request, "reports/on_screen.html", html.context(document))


def _run(request: AuthenticatedHttpRequest, pk: int) -> ReportRun:
    run = selectors.report_run_get(request.user, pk)
    if not request.user.has_perm("reports.view_reportrun", run):
        raise PermissionDenied
    return run


@login_required
@require_GET
def run_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    run = _run(request, pk)
    return render(request, "reports/run.html", _run_context(run))


@login_required
@require_GET
def run_progress(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The progress fragment htmx polls; it stops polling once the run is finished. A run whose
    worker has gone silent is taken up again (or given up) here, so the page says so."""
    run = _run(request, pk)
    if services.report_runs_recover(pk=run.pk):
        run.refresh_from_db()
    return render(request, "reports/_progress.html", _run_context(run))


def _run_context(run: ReportRun) -> dict[str, object]:
    renderer = renderers.get(run.format)
    return {
        "run": run,
        "stage": services.STAGES.get(run.stage, ""),
        "format_label": renderer.label if renderer else run.format,
        "poll_seconds": POLL_SECONDS,
    }


@login_required
@require_GET
def run_download(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    run = _run(request, pk)
    if not run.is_downloadable:
        return render(request, "reports/gone.html", _run_context(run), status=410)
    return downloads.report_file(run)


@login_required
@require_POST
def run_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    run = _run(request, pk)
    services.report_run_delete(run, change=Change.from_request(request))
    return HttpResponseRedirect(reverse("reports:index"))
