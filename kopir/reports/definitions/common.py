"""What every report says the same way: the period and filters in words, the two sides of the
border, how the figures were counted, and the table of key indicators."""

from __future__ import annotations

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kopir.core import multilingual
from kopir.network.models import Country, Organisation, Region
from kopir.reports.document import Column, ReportDocument, Section, Table
from kopir.reports.figures.indicators import LABELS, Indicators
from kopir.reports.params import ReportParams, organisations


def period_text(params: ReportParams) -> str:
    whole_years = (params.start.month, params.start.day, params.end.month, params.end.day) == (
        1,
        1,
        12,
        31,
    )
    if whole_years and params.start.year == params.end.year:
        return _("the year %(year)s") % {"year": params.start.year}
    if whole_years:
        return _("the years %(first)s–%(last)s") % {
            "first": params.start.year,
            "last": params.end.year,
        }
    return _("%(start)s – %(end)s") % {
        "start": formats.date_format(params.start, "DATE_FORMAT"),
        "end": formats.date_format(params.end, "DATE_FORMAT"),
    }


def subtitle(params: ReportParams) -> str:
    """The period and the filters, in words: "the year 2025 · Kazakhstan · …"."""
    parts = [period_text(params)]
    if params.country:
        country = Country.objects.filter(code=params.country).first()
        parts.append(multilingual.text(country, "name") if country else params.country)
    if params.region:
        region = Region.objects.filter(slug=params.region).first()
        parts.append(multilingual.text(region, "name") if region else params.region)
    if params.organisation:
        organisation = Organisation.objects.filter(pk=params.organisation).first()
        if organisation is not None:
            parts.append(multilingual.text(organisation, "name"))
    return " · ".join(parts)


def sides(params: ReportParams) -> list[tuple[str, str]]:
    """(code, name) of the countries the report shows side by side: Kazakhstan first."""
    codes = [params.country] if params.country else ["KZ", "RU"]
    names = {c.code: multilingual.text(c, "name") for c in Country.objects.filter(code__in=codes)}
    return [(code, names.get(code, code)) for code in codes]


def notes() -> list[str]:
    return [
        _(
            "Events are counted when they start in the period and were not cancelled; a period's "
            "days are those of the coordinating library's time zone (%(zone)s)."
        )
        % {"zone": settings.KOPIR_REPORT_TIME_ZONE},
        _("Participants are the attendance the organisers recorded at each venue."),
        _(
            "Books exchanged are copies of gifts and swaps received in the period; missing "
            "copies and loans, which come back, are not counted."
        ),
        _("Publications are counted by their year of publication."),
    ]


def indicator_table(key: str, title: str, figures: Indicators) -> Table:
    return Table(
        key=key,
        title=title,
        columns=[Column(_("Indicator")), Column(_("Value"), numeric=True)],
        rows=[[str(LABELS[name]), value] for name, value in figures.as_dict().items()],
    )


def document(
    slug: str, title: str, params: ReportParams, sections: list[Section]
) -> ReportDocument:
    now = timezone.now()
    return ReportDocument(
        report=slug,
        title=title,
        subtitle=subtitle(params),
        language=params.language,
        generated=now,
        sections=sections,
        notes=notes(),
        notes_title=_("How the figures were counted"),
        generated_label=_("Produced by Köpir on %(date)s")
        % {"date": formats.date_format(timezone.localtime(now), "DATE_FORMAT")},
    )


def scoped_organisation_ids(params: ReportParams) -> list[int]:
    return list(organisations(params).values_list("pk", flat=True))
