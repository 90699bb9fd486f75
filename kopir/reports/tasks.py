"""Background work for reports: producing the file (run by `manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from kopir.reports import services


@task()
def produce_report(run_id: int) -> None:
    """Produce one asked-for report, updating its progress as it goes."""
    services.report_run_produce(run_id)
