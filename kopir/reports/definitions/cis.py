"""The section for the CIS Executive Committee's report on the Convention on cross-border
cooperation: a short narrative assembled from the period's figures, and the indicator table
(joint events, participants, institutions and documents exchanged, per country)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from kopir.events.models import Audience, Event, EventFormat
from kopir.reports.definitions import common
from kopir.reports.document import Column, ReportDocument, Section, Table
from kopir.reports.figures import events, exchange
from kopir.reports.figures.indicators import Indicators, indicators
from kopir.reports.params import ReportParams
from kopir.reports.registry import Progress, Report, no_progress, reports


@dataclass(frozen=True)
class PeriodReading:
    """What the narrative and the table both need, read once."""

    events: QuerySet[Event]
    participants: dict[tuple[str, str], int]  # (audience group, country) → people
    institutions: dict[str, int]  # country → institutions that took part


def narrative(
    params: ReportParams, figures: Indicators, children: int, institutions: dict[str, int]
) -> list[str]:
    """The paragraphs, one count per sentence so that each is declined by its own number."""
    first = ngettext(
        "In %(period)s the libraries of Shemonaikha district (Kazakhstan) and their partners in "
        "Altai Krai and Novosibirsk Oblast (Russia) held %(count)s joint event.",
        "In %(period)s the libraries of Shemonaikha district (Kazakhstan) and their partners in "
        "Altai Krai and Novosibirsk Oblast (Russia) held %(count)s joint events.",
        figures.events,
    ) % {"period": common.period_text(params), "count": figures.events}
    sentences = [
        first,
        ngettext(
            "%(count)s of them was a video bridge between audiences on both sides of the border.",
            "%(count)s of them were video bridges between audiences on both sides of the border.",
            figures.video_bridges,
        )
        % {"count": figures.video_bridges},
        ngettext(
            "The events had %(count)s participant.",
            "The events had %(count)s participants.",
            figures.participants,
        )
        % {"count": figures.participants},
        ngettext("Of them %(count)s was a child.", "Of them %(count)s were children.", children)
        % {"count": children},
        ngettext(
            "%(count)s institution took part: %(kz)s from Kazakhstan and %(ru)s from Russia.",
            "%(count)s institutions took part: %(kz)s from Kazakhstan and %(ru)s from Russia.",
            figures.institutions,
        )
        % {
            "count": figures.institutions,
            "kz": institutions.get("KZ", 0),
            "ru": institutions.get("RU", 0),
        },
    ]
    results = [
        ngettext(
            "The partners exchanged %(count)s copy of documents.",
            "The partners exchanged %(count)s copies of documents.",
            figures.copies_exchanged,
        )
        % {"count": figures.copies_exchanged},
        ngettext(
            "%(count)s item was added to the shared local-history collection.",
            "%(count)s items were added to the shared local-history collection.",
            figures.items_added,
        )
        % {"count": figures.items_added},
        ngettext(
            "%(count)s joint research project was under way.",
            "%(count)s joint research projects were under way.",
            figures.projects,
        )
        % {"count": figures.projects},
        ngettext(
            "%(count)s publication covered the cooperation.",
            "%(count)s publications covered the cooperation.",
            figures.publications,
        )
        % {"count": figures.publications},
    ]
    return [" ".join(sentences), " ".join(results)]


def indicator_table(params: ReportParams, figures: Indicators, read: PeriodReading) -> Table:
    found, institutions = read.events, read.institutions
    countries = common.sides(params)
    by_country = events.by_country(found)
    bridges = events.by_country(found.filter(format=EventFormat.VIDEO_BRIDGE))
    people: dict[str, int] = {}
    for (_group, code), n in read.participants.items():
        people[code] = people.get(code, 0) + n
    sent = exchange.sent_by_country(params)

    def row(label: str, per_country: dict[str, int], total: int) -> list[str | int | None]:
        return [label, *[per_country.get(code, 0) for code, _n in countries], total]

    return Table(
        "cis-indicators",
        _("Indicators of the cross-border cooperation"),
        [
            Column(_("Indicator")),
            *[Column(name, numeric=True) for _c, name in countries],
            Column(_("Total"), numeric=True),
        ],
        [
            row(_("Joint events (with a venue in the country)"), by_country, figures.events),
            row(_("of them video bridges"), bridges, figures.video_bridges),
            row(_("Participants"), people, figures.participants),
            row(_("Institutions that took part"), institutions, figures.institutions),
            row(_("Documents exchanged (copies sent)"), sent, figures.copies_exchanged),
        ],
    )


@reports.register
class CisSection(Report):
    slug = "cis"
    title = gettext_lazy("Section for the CIS report on cross-border cooperation")
    description = gettext_lazy(
        "A short narrative of the period and the indicator table for the CIS Executive "
        "Committee's report on the Convention on cross-border cooperation."
    )
    order = 20

    def build(self, params: ReportParams, progress: Progress = no_progress) -> ReportDocument:
        progress(0.0, "figures")
        figures = indicators(params)
        found = events.events(params)
        read = PeriodReading(
            found, events.participants(found), events.institutions_by_country(found)
        )
        children = sum(
            n for (group, _c), n in read.participants.items() if group == Audience.CHILDREN
        )
        progress(0.5, "events")
        section = Section(
            key="cis",
            title=_(
                "Cross-border cooperation of the libraries of Shemonaikha district "
                "(East Kazakhstan region) with Altai Krai and Novosibirsk Oblast"
            ),
            paragraphs=narrative(params, figures, children, read.institutions),
            tables=[indicator_table(params, figures, read)],
        )
        progress(1.0, "figures")
        return common.document(self.slug, str(self.title), params, [section])
