"""One organisation's participation in the network, for its own annual statistics: the events
it organised or hosted, the people who came to its venues, the books it gave and received, its
contributions to the collection and projects, and the publications about it."""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kopir.core import multilingual
from kopir.events.models import EventFormat
from kopir.reports.definitions import common, sections
from kopir.reports.document import Column, ReportDocument, Section, Table
from kopir.reports.figures import events
from kopir.reports.params import ReportParams
from kopir.reports.registry import Progress, Report, no_progress, reports


def _events_table(params: ReportParams) -> Table:
    found = events.events(params).prefetch_related("organisers").order_by("starts_at", "pk")
    own = set(common.scoped_organisation_ids(params))
    rows: list[list[str | int | None]] = []
    for event in found:
        organised = any(o.pk in own for o in event.organisers.all())
        rows.append(
            [
                formats.date_format(timezone.localtime(event.starts_at), "SHORT_DATE_FORMAT"),
                multilingual.text(event, "title"),
                str(EventFormat(event.format).label),
                _("organiser") if organised else _("venue"),
            ]
        )
    return Table(
        "organisation-events",
        _("Events it organised or hosted"),
        [Column(_("Date")), Column(_("Title")), Column(_("Format")), Column(_("Part"))],
        rows,
        footer=[[_("Total"), len(rows), "", ""]] if rows else [],
        empty=_("No events in this period."),
    )


@reports.register
class OrganisationReport(Report):
    slug = "organisation"
    title = gettext_lazy("An organisation's participation")
    description = gettext_lazy(
        "One partner's events, participants at its venues, books given and received, "
        "contributions to the collection and publications about it: for its own statistics."
    )
    needs_organisation = True
    order = 30

    def build(self, params: ReportParams, progress: Progress = no_progress) -> ReportDocument:
        progress(0.0, "figures")
        summary = sections.summary(params)
        progress(0.3, "events")
        found = events.events(params)
        parts = [summary, Section("events", _("Events"), tables=[_events_table(params)])]
        progress(0.5, "participants")
        at_home = sections.participants_section(params, found, venues_of=params)
        at_home.title = _("Participants at its venues")
        parts += [at_home, sections.bridges_section(found)]
        parts += sections.exchange_collection_publications(params, progress)
        return common.document(self.slug, str(self.title), params, parts)
