"""Year-on-year comparison: the key indicators for each calendar year of the period (the year
before is added when the period is one year), with the change of the last year."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kopir.reports.definitions import common
from kopir.reports.document import Chart, Column, ReportDocument, Section, Table
from kopir.reports.figures.indicators import LABELS, Indicators, change, indicators
from kopir.reports.params import ReportParams
from kopir.reports.registry import Progress, Report, no_progress, reports

CHARTED = ("events", "video_bridges", "participants", "copies_exchanged", "items_added")


@reports.register
class YearOnYear(Report):
    slug = "year-on-year"
    title = gettext_lazy("Year-on-year comparison")
    description = gettext_lazy(
        "The key indicators of each year of the period side by side, with the change."
    )
    order = 40

    def build(self, params: ReportParams, progress: Progress = no_progress) -> ReportDocument:
        years = (
            params.years if len(params.years) > 1 else [params.start.year - 1, params.start.year]
        )
        by_year: dict[int, Indicators] = {}
        for n, year in enumerate(years):
            progress(n / len(years), "figures")
            by_year[year] = indicators(params.of_year(year))
        last, previous = by_year[years[-1]], by_year[years[-2]]
        rows: list[list[str | int | None]] = [
            [
                str(LABELS[key]),
                *[by_year[y].as_dict()[key] for y in years],
                change(last.as_dict()[key], previous.as_dict()[key]),
            ]
            for key in LABELS
        ]
        comparison = Table(
            "year-on-year",
            _("Key indicators by year"),
            [
                Column(_("Indicator")),
                *[Column(str(y), numeric=True) for y in years],
                Column(
                    _("Change %(last)s/%(previous)s") % {"last": years[-1], "previous": years[-2]}
                ),
            ],
            rows,
        )
        chartable = Table(
            "by-year",
            _("Main indicators by year"),
            [Column(_("Year")), *[Column(str(LABELS[key]), numeric=True) for key in CHARTED]],
            [[str(y), *[by_year[y].as_dict()[key] for key in CHARTED]] for y in years],
        )
        section = Section(
            key="year-on-year",
            title=_("Year-on-year comparison"),
            tables=[comparison, chartable],
            charts=[
                Chart("by-year", _("Events and video bridges by year"), values=(1, 2)),
                Chart("by-year", _("Participants by year"), "line", values=(3,)),
                Chart("by-year", _("Books exchanged and items added by year"), values=(4, 5)),
            ],
        )
        progress(1.0, "figures")
        return common.document(self.slug, str(self.title), params, [section])
