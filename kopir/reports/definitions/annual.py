"""The annual report of the cross-border cooperation, for the akimat of East Kazakhstan region
and the administration of Altai Krai: any period, any scope."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from kopir.reports.definitions import common, sections
from kopir.reports.document import ReportDocument
from kopir.reports.figures import events
from kopir.reports.params import ReportParams
from kopir.reports.registry import Progress, Report, no_progress, reports


@reports.register
class AnnualReport(Report):
    slug = "annual"
    title = gettext_lazy("Annual report of the cross-border cooperation")
    description = gettext_lazy(
        "Partners and agreements, events, participants, video bridges, book exchange, the "
        "collection, research projects and publications."
    )
    order = 10

    def build(self, params: ReportParams, progress: Progress = no_progress) -> ReportDocument:
        progress(0.0, "figures")
        summary = sections.summary(params)
        progress(0.2, "partners")
        partners = sections.partners(params)
        progress(0.3, "events")
        found = events.events(params)
        parts = [summary, partners, sections.events_section(params, found)]
        progress(0.5, "participants")
        parts += [sections.participants_section(params, found), sections.bridges_section(found)]
        parts += sections.exchange_collection_publications(params, progress)
        return common.document(self.slug, str(self.title), params, parts)
