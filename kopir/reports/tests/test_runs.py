"""Asking for a report in the workspace: it is produced in the background with its progress,
downloaded while it is kept, gone once it expires; bad input is refused in the reader's language
and nobody sees another's files."""

from __future__ import annotations

import datetime
import io

import pytest
from django.test import Client
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from kopir.core.audit import Change
from kopir.reports import services
from kopir.reports.models import ReportRun, RunStatus
from kopir.reports.params import ReportParams
from kopir.reports.registry import Renderer, renderers
from kopir.reports.tests.conftest import db_counts

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def ask(client: Client, year: int, **extra: object):
    data = {
        "report": "annual",
        "start": f"{year}-01-01",
        "end": f"{year}-12-31",
        "language": "kk",
        "format": "xlsx",
        "keep_days": 3,
        **extra,
    }
    return client.post("/ru/reports/", data)


def test_the_coordinator_asks_for_a_report_and_downloads_it(
    reporting, coordinator, year, django_capture_on_commit_callbacks
) -> None:
    client = login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, year)
    run = ReportRun.objects.get()
    assert response.status_code == 302 and response.url == f"/ru/reports/runs/{run.pk}/"
    assert run.status == RunStatus.READY and run.progress == 100 and run.language == "kk"
    assert run.expires_at - run.finished_at == datetime.timedelta(days=3)
    page = client.get(response.url).content.decode()
    assert f"/ru/reports/runs/{run.pk}/download/" in page and "hx-get" not in page
    download = client.get(f"/ru/reports/runs/{run.pk}/download/")
    assert download["Content-Disposition"].startswith("attachment; filename=")
    assert download["Cache-Control"] == "private, no-store"
    book = load_workbook(io.BytesIO(b"".join(download.streaming_content)), read_only=True)
    rows = {r[0]: r[1] for r in book.worksheets[1].iter_rows(values_only=True) if r and r[0]}
    assert rows["Бірлескен іс-шаралар"] == db_counts(year)["events"]


def test_a_queued_report_shows_its_progress_and_polls_until_ready(
    reporting, coordinator, year, settings
) -> None:
    client = login(coordinator)
    params = ReportParams.year(year, language="ru")
    run = services.report_run_request(
        report="cis", format="docx", params=params, keep_days=7, change=Change(coordinator)
    )
    waiting = client.get(f"/ru/reports/runs/{run.pk}/").content.decode()
    assert 'hx-trigger="every 2s"' in waiting and '<progress max="100" value="0"' in waiting
    assert 'http-equiv="refresh"' in waiting  # readers without JavaScript
    assert "Ждёт очереди" in waiting
    services.report_run_produce(run.pk)
    fragment = client.get(f"/ru/reports/runs/{run.pk}/progress/").content.decode()
    assert "hx-get" not in fragment and "Скачать (Word (DOCX))" in fragment
    data = client.get(f"/ru/reports/runs/{run.pk}/download/")
    text = " ".join(
        p.text for p in Document(io.BytesIO(b"".join(data.streaming_content))).paragraphs
    )
    assert "Приграничное сотрудничество библиотек" in text


def test_progress_only_grows_and_names_each_stage(reporting, year) -> None:
    from kopir.reports.registry import reports

    seen: list[tuple[float, str]] = []
    reports["annual"].build(ReportParams.year(year), lambda done, stage: seen.append((done, stage)))
    values = [done for done, _stage in seen]
    assert values == sorted(values) and values[0] == 0 and values[-1] == 1
    assert {stage for _d, stage in seen} <= set(services.STAGES)
    assert {"events", "exchange", "publications"} <= {stage for _d, stage in seen}


def test_a_failing_format_records_the_failure_and_no_file(reporting, coordinator, year) -> None:
    @renderers.register
    class Broken(Renderer):  # an add-on format with a bug
        slug, label, content_type, extension = "broken", "Broken", "text/plain", "txt"

        def render(self, document):
            raise RuntimeError("bug")

    try:
        run = services.report_run_request(
            report="cis",
            format="broken",
            keep_days=1,
            params=ReportParams.year(year),
            change=Change(coordinator),
        )
        services.report_run_produce(run.pk)
    finally:
        renderers.unregister("broken")
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and not run.file and run.error
    response = login(coordinator).get(f"/ru/reports/runs/{run.pk}/download/")
    assert response.status_code == 410 and "не удалось подготовить" in response.content.decode()


def test_files_are_deleted_when_their_time_is_up(reporting, coordinator, year) -> None:
    run = services.report_run_request(
        report="cis",
        format="html",
        keep_days=1,
        params=ReportParams.year(year),
        change=Change(coordinator),
    )
    run = services.report_run_produce(run.pk)
    storage = run.file.storage
    name = run.file.name
    assert storage.exists(name)
    client = login(coordinator)
    assert client.get(f"/ru/reports/runs/{run.pk}/download/").status_code == 200
    assert services.report_runs_purge(now=timezone.now()) == 0  # not yet
    assert (
        services.report_runs_purge(now=timezone.now() + datetime.timedelta(days=1, minutes=1)) == 1
    )
    run.refresh_from_db()
    assert run.status == RunStatus.EXPIRED and not storage.exists(name)
    gone = client.get(f"/ru/reports/runs/{run.pk}/download/")
    assert gone.status_code == 410 and "Закажите отчёт ещё раз" in gone.content.decode()


def test_a_run_left_by_a_stopped_worker_is_marked_failed(reporting, coordinator, year) -> None:
    run = services.report_run_request(
        report="cis",
        format="html",
        keep_days=1,
        params=ReportParams.year(year),
        change=Change(coordinator),
    )
    ReportRun.objects.filter(pk=run.pk).update(  # taken up once again already: given up now
        status=RunStatus.RUNNING, updated_at=timezone.now() - datetime.timedelta(hours=7),
        attempts=services.MAX_ATTEMPTS,
    )  # fmt: skip
    services.report_runs_purge()
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and run.error


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"end": "2020-01-01"}, "end", "Период заканчивается раньше, чем начинается."),
        ({"start": "1990-01-01"}, "end", "Период может быть не длиннее 25 лет."),
        ({"start": "31.02.2025"}, "start", "Введите правильную дату."),
        ({"country": "KZ", "region": "altai-krai"}, "region", "Этот регион не в выбранной стране."),
        ({"report": "organisation"}, "organisation", "Выберите организацию, о которой этот отчёт."),
        ({"format": "odt"}, "format", "Выберите корректный вариант."),
    ],
)
def test_bad_requests_are_refused_in_the_readers_language(
    reporting, coordinator, year, extra, field, message
) -> None:
    response = ask(login(coordinator), year, **extra)
    assert response.status_code == 400
    assert any(message in error for error in response.context["form"].errors[field])
    assert message in response.content.decode()
    assert not ReportRun.objects.exists()


def test_an_editor_reports_on_their_own_organisation_only(
    reporting, editor, other_editor, year
) -> None:
    own = reporting["central"]
    client = login(editor)
    form = client.get("/ru/reports/").content.decode()
    offered = f'<option value="{own.pk}"'
    assert offered in form and f'<option value="{reporting["regional"].pk}"' not in form
    assert ask(client, year, organisation=own.pk).status_code == 302
    # The whole network is the coordinator's report; another library's is refused.
    assert ask(client, year, organisation="").status_code == 400
    assert ask(client, year, organisation=reporting["regional"].pk).status_code == 403
    run = ReportRun.objects.get()
    other = login(other_editor)
    assert other.get(f"/ru/reports/runs/{run.pk}/").status_code == 404
    assert other.get(f"/ru/reports/runs/{run.pk}/download/").status_code == 404
    assert "Отчёты ещё не заказывали." in other.get("/ru/reports/").content.decode()


def test_an_editors_report_form_starts_on_their_own_library(reporting, editor) -> None:
    """Not on the first in the alphabet (a branch: «Выдриха» before «Шемонаиха»)."""
    import lxml.html

    own, branch = reporting["central"], reporting["branch"]
    assert branch.parent_id == own.pk
    page = lxml.html.document_fromstring(login(editor).get("/ru/reports/").content)
    options = page.xpath("//select[@name='organisation']/option")
    assert [o.get("value") for o in options] == [str(own.pk), str(branch.pk)]
    assert [o.get("value") for o in options if o.get("selected") is not None] == [str(own.pk)]


def test_readers_without_an_account_cannot_ask_for_reports(reporting, year) -> None:
    response = ask(Client(), year)
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not ReportRun.objects.exists()


def test_a_report_on_screen_is_the_same_document(reporting, coordinator, year) -> None:
    import lxml.html

    response = login(coordinator).get(
        "/kk/reports/view/", {"report": "annual", "start": f"{year}-01-01", "end": f"{year}-12-31"}
    )
    page = lxml.html.document_fromstring(response.content)
    cells = page.xpath("//table[@id='table-summary']/tbody/tr[1]/td")
    assert int(cells[0].text_content()) == db_counts(year)["events"]
    assert page.xpath("//figure[@class='report-chart']/svg")
    assert "Трансшекаралық ынтымақтастықтың жылдық есебі" in page.findtext(".//h1")


def test_show_on_screen_asks_for_no_file(reporting, coordinator, year) -> None:
    response = ask(login(coordinator), year, show="1")
    assert response.status_code == 200 and not ReportRun.objects.exists()
    assert "Трансшекаралық ынтымақтастықтың жылдық есебі" not in response.content.decode()
    assert "Годовой отчёт о приграничном сотрудничестве" in response.content.decode()


def test_dates_outside_the_networks_time_are_refused(reporting, coordinator, year) -> None:
    response = ask(login(coordinator), year, start="0001-01-01", end="9999-12-31")
    assert response.status_code == 400
    assert "Выберите даты между 1950 и 2100." in response.content.decode()


def test_the_indicators_through_the_api_equal_the_reports(reporting, exchanged, year) -> None:
    shishkov = reporting["regional"].pk
    answer = Client().get(
        "/api/v1/reports/indicators", {"start": f"{year}-01-01", "end": f"{year}-12-31"}
    )
    assert answer.status_code == 200
    body = answer.json()["figures"]
    truth = db_counts(year)
    assert (body["events"], body["participants"], body["copies_exchanged"]) == (
        truth["events"], truth["participants"], exchanged,
    )  # fmt: skip
    scoped = (
        Client()
        .get(
            "/api/v1/reports/indicators",
            {"start": f"{year}-01-01", "end": f"{year}-12-31", "organisation": shishkov},
        )
        .json()
    )
    assert scoped["organisation"] == shishkov and 0 < scoped["figures"]["events"] < body["events"]
    bad = Client().get(
        "/api/v1/reports/indicators", {"start": f"{year}-12-31", "end": f"{year}-01-01"}
    )
    assert bad.status_code == 422 and "end" in bad.json()["fields"]
