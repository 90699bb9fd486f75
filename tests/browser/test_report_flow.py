"""The coordinator picks a period and a language, watches the report being prepared in the
background, and downloads it as DOCX and as XLSX."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from docx import Document
from openpyxl import load_workbook

from kopir.accounts.tests.factories import PASSWORD, CoordinatorFactory
from kopir.reports.models import ReportRun
from kopir.reports.tests.conftest import db_counts
from tests.browser.conftest import _guarded_page
from tests.browser.test_workspace_flow import sign_in

pytestmark = pytest.mark.browser


def run_worker() -> None:
    """What `manage.py db_worker` does, once over the queue, in this process."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="browser-test",
        excluded_queue_names=[],
    ).run()


def prepare(page, server, year: int, file_format: str) -> bytes:
    page.goto(server.url + "/kk/reports/")
    page.get_by_label("Есеп *", exact=True).select_option("annual")
    page.get_by_label("Кезең басы").fill(f"{year}-01-01")
    page.get_by_label("Кезең соңы").fill(f"{year}-12-31")
    page.get_by_label("Есептің тілі").select_option(label="Қазақша")
    page.get_by_label("Формат").select_option(file_format)
    # The progress requests wait in the browser while the worker runs, so the test's own
    # thread and the one-request-at-a-time server never use the database together.
    held: list = []
    page.route(re.compile(r"/progress/$"), lambda route: held.append(route))
    page.get_by_role("button", name="Файлды дайындау").click()
    page.wait_for_url(re.compile(r"/kk/reports/runs/\d+/$"))
    status = page.locator("#run-progress")
    assert status.get_attribute("data-status") == "queued"
    assert page.locator("progress").get_attribute("value") == "0"
    assert "Кезегін күтуде" in status.inner_text()
    page.wait_for_timeout(2_500)  # htmx asks for the progress every two seconds
    assert held, "the page did not poll its progress"
    run_worker()
    page.unroute(re.compile(r"/progress/$"))
    for route in held:
        route.continue_()
    link = page.get_by_role("link", name=re.compile(r"Жүктеп алу"))
    link.wait_for()
    assert page.locator("#run-progress").get_attribute("data-status") == "ready"
    with page.expect_download() as download:
        link.click()
    return Path(download.value.path()).read_bytes()


def test_the_coordinator_prepares_and_downloads_the_annual_report(
    browser, demo_server, settings
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    CoordinatorFactory(username="coordinator")
    year = timezone.localdate().year - 1
    events = db_counts(year)["events"]
    context, page = _guarded_page(browser, demo_server, accept_downloads=True)
    sign_in(page, demo_server, "coordinator", PASSWORD)

    word = Document(io.BytesIO(prepare(page, demo_server, year, "docx")))
    assert word.paragraphs[0].text == "Трансшекаралық ынтымақтастықтың жылдық есебі"
    summary = {row.cells[0].text: row.cells[1].text for row in word.tables[0].rows}
    assert summary["Бірлескен іс-шаралар"] == str(events)

    book = load_workbook(io.BytesIO(prepare(page, demo_server, year, "xlsx")), read_only=True)
    rows = {r[0]: r[1] for r in book.worksheets[1].iter_rows(values_only=True) if r and r[0]}
    assert rows["Бірлескен іс-шаралар"] == events
    assert ReportRun.objects.filter(status="ready").count() == 2
    assert page.foreign_requests == []
    context.close()


def test_the_report_pages_have_no_serious_accessibility_violations(browser, demo_server) -> None:
    from tests.browser.conftest import serious_accessibility_violations

    CoordinatorFactory(username="coordinator")
    year = timezone.localdate().year - 1
    context, page = _guarded_page(browser, demo_server, bypass_csp=True)
    sign_in(page, demo_server, "coordinator", PASSWORD)
    page.goto(demo_server.url + "/ru/reports/")
    assert serious_accessibility_violations(page) == []
    page.goto(
        demo_server.url + f"/ru/reports/view/?report=annual&start={year}-01-01&end={year}-12-31"
    )
    assert page.locator("table#table-summary").is_visible()
    assert serious_accessibility_violations(page) == []
    context.close()
