"""The sections the annual report and an organisation's report share, each built from the
figures of `kopir.reports.figures`."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kopir.bibliography.selectors import formatted
from kopir.core import multilingual
from kopir.events.models import Audience, Event, EventFormat
from kopir.heritage.models import ItemKind
from kopir.network.models import MembershipRole, OrganisationType
from kopir.reports.definitions.common import indicator_table, sides
from kopir.reports.document import Cell, Chart, Column, Reference, Section, Table
from kopir.reports.figures import collection, count_by, events, exchange, network
from kopir.reports.figures.indicators import indicators
from kopir.reports.params import ReportParams
from kopir.reports.registry import Progress


def _name(obj: object) -> str:
    return multilingual.text(obj, "name")


def _place(organisation: object) -> tuple[str, str]:
    settlement = getattr(organisation, "settlement", None)
    if settlement is None:
        return "", ""
    return _name(settlement.region.country), _name(settlement.region)


def partners(params: ReportParams) -> Section:
    found = network.partners(params)
    rows: list[list[str | int | None]] = []
    for partner in found:
        country, region = _place(partner.organisation)
        rows.append(
            [
                _name(partner.organisation),
                country,
                region,
                str(OrganisationType(partner.organisation.type).label),
                str(MembershipRole(partner.role).label),
            ]
        )
    agreements: list[list[Cell]] = [
        [
            multilingual.text(agreement, "title"),
            "; ".join(_name(party) for party in agreement.parties.all()),
            formats.date_format(agreement.signed_on, "Y") if agreement.signed_on else "",
            formats.date_format(agreement.valid_to, "SHORT_DATE_FORMAT")
            if agreement.valid_to
            else _("open-ended"),
        ]
        for agreement in network.agreements_in_force(params)
    ]
    return Section(
        key="partners",
        title=_("Partners and agreements in force"),
        tables=[
            Table(
                "partners",
                _("Partner organisations"),
                [
                    Column(_("Organisation")),
                    Column(_("Country")),
                    Column(_("Region")),
                    Column(_("Type")),
                    Column(_("Role in the network")),
                ],
                rows,
                empty=_("No organisation was a member of the network in this period."),
            ),
            Table(
                "agreements",
                _("Agreements in force"),
                [
                    Column(_("Agreement")),
                    Column(_("Parties")),
                    Column(_("Signed")),
                    Column(_("Valid to")),
                ],
                agreements,
                empty=_("No agreement was in force in this period."),
            ),
        ],
    )


def _count_table(key: str, title: str, label: str, counts: list[tuple[str, int]]) -> Table:
    total = sum(n for _label, n in counts)
    return Table(
        key,
        title,
        [Column(label), Column(_("Events"), numeric=True)],
        [[name, n] for name, n in counts],
        footer=[[_("Total"), total]] if counts else [],
        empty=_("No events in this period."),
    )


def events_section(params: ReportParams, found: QuerySet[Event]) -> Section:
    by_format = count_by(found, "format")
    by_audience = count_by(found, "audience")
    by_country = events.by_country(found)
    months = events.by_month(found)
    return Section(
        key="events",
        title=_("Events"),
        tables=[
            _count_table(
                "events-by-format",
                _("Events by format"),
                _("Format"),
                [
                    (str(label), by_format[value])
                    for value, label in EventFormat.choices
                    if by_format.get(value)
                ],
            ),
            _count_table(
                "events-by-month",
                _("Events by month"),
                _("Month"),
                [
                    (events.month_label(*key, with_year=len(params.years) > 1), months[key])
                    for key in sorted(months)
                ],
            ),
            _count_table(
                "events-by-country",
                _("Events by country of the venue (a joint event counts on each side)"),
                _("Country"),
                [(name, by_country.get(code, 0)) for code, name in sides(params)],
            ),
            _count_table(
                "events-by-audience",
                _("Events by audience"),
                _("Audience"),
                [
                    (str(label), by_audience[value])
                    for value, label in Audience.choices
                    if by_audience.get(value)
                ],
            ),
        ],
        charts=[
            Chart("events-by-month", _("Events by month"), "column"),
            Chart("events-by-format", _("Events by format"), "bar"),
        ],
    )


def participants_section(
    params: ReportParams, found: QuerySet[Event], *, venues_of: ReportParams | None = None
) -> Section:
    counts = events.participants(found, venues_of=venues_of)
    countries = sides(params)
    rows: list[list[str | int | None]] = []
    for value, label in Audience.choices:
        row = [counts.get((value, code), 0) for code, _name in countries]
        if any(row):
            rows.append([str(label), *row, sum(row)])
    totals = [sum(int(row[i + 1] or 0) for row in rows) for i in range(len(countries) + 1)]
    table = Table(
        "participants",
        _("Participants by audience group and side"),
        [
            Column(_("Audience group")),
            *[Column(name, numeric=True) for _c, name in countries],
            Column(_("Total"), numeric=True),
        ],
        rows,
        footer=[[_("Total"), *totals]] if rows else [],
        empty=_("No attendance was recorded in this period."),
    )
    series = tuple(range(1, len(countries) + 1))
    return Section(
        key="participants",
        title=_("Participants"),
        tables=[table],
        charts=[Chart("participants", table.title, "column", values=series, stacked=True)],
    )


def bridges_section(found: QuerySet[Event]) -> Section:
    rows: list[list[str | int | None]] = [
        [
            formats.date_format(timezone.localtime(bridge.event.starts_at), "SHORT_DATE_FORMAT"),
            multilingual.text(bridge.event, "title"),
            " — ".join(bridge.places),
            bridge.participants,
        ]
        for bridge in events.video_bridges(found)
    ]
    total = sum(int(row[3] or 0) for row in rows)
    return Section(
        key="video-bridges",
        title=_("Video bridges"),
        tables=[
            Table(
                "video-bridges",
                _("Video bridges"),
                [
                    Column(_("Date")),
                    Column(_("Title")),
                    Column(_("Places")),
                    Column(_("Participants"), numeric=True),
                ],
                rows,
                footer=[[_("Total"), len(rows), "", total]] if rows else [],
                empty=_("No video bridges in this period."),
            ),
        ],
    )


def exchange_section(params: ReportParams) -> Section:
    balances = exchange.pairs(params)
    pairs: list[list[Cell]] = [
        [_name(p.first), _name(p.second), p.first_gave, p.second_gave, p.first_gave + p.second_gave]
        for p in balances
    ]
    given = [sum(p.first_gave for p in balances), sum(p.second_gave for p in balances)]
    totals = [*given, sum(given)]
    names = dict(sides(ReportParams(params.start, params.end)))
    directions: list[list[Cell]] = [
        [
            _("%(sender)s → %(recipient)s")
            % {"sender": names.get(s, s or "—"), "recipient": names.get(r, r or "—")},
            n,
        ]
        for (s, r), n in sorted(exchange.by_direction(params).items())
    ]
    return Section(
        key="exchange",
        title=_("Book exchange"),
        paragraphs=[
            _("Distinct titles exchanged: %(titles)s.") % {"titles": exchange.titles(params)}
        ],
        tables=[
            Table(
                "exchange-pairs",
                _("Books exchanged between each pair of partners (copies)"),
                [
                    Column(_("Partner A")),
                    Column(_("Partner B")),
                    Column(_("A → B"), True),
                    Column(_("B → A"), True),
                    Column(_("Total"), True),
                ],
                pairs,
                footer=[[_("Total"), "", *totals]] if pairs else [],
                empty=_("No books were exchanged in this period."),
            ),
            Table(
                "exchange-directions",
                _("Copies by direction"),
                [Column(_("Direction")), Column(_("Copies"), True)],
                directions,
                empty=_("No books were exchanged in this period."),
            ),
        ],
        charts=[Chart("exchange-directions", _("Copies by direction"), "bar")]
        if directions
        else [],
    )


def collection_section(params: ReportParams) -> Section:
    added = collection.items_added(params)
    by_kind = count_by(added, "kind")
    kinds: list[list[Cell]] = [
        [str(label), by_kind[value]] for value, label in ItemKind.choices if by_kind.get(value)
    ]
    projects: list[list[Cell]] = [
        [
            multilingual.text(p, "title"),
            _name(p.lead),
            p.partners,  # type: ignore[attr-defined]  # annotated by the selector
            p.gathered,  # type: ignore[attr-defined]
            p.get_status_display(),
        ]
        for p in collection.projects(params)
    ]
    return Section(
        key="collection",
        title=_("Local-history collection and research projects"),
        tables=[
            Table(
                "items-by-kind",
                _("Items added to the collection, by type"),
                [Column(_("Type")), Column(_("Items"), True)],
                kinds,
                footer=[[_("Total"), sum(int(n or 0) for _k, n in kinds)]] if kinds else [],
                empty=_("No items were added in this period."),
            ),
            Table(
                "projects",
                _("Research projects under way"),
                [
                    Column(_("Topic")),
                    Column(_("Lead organisation")),
                    Column(_("Participants"), True),
                    Column(_("Items gathered"), True),
                    Column(_("Status")),
                ],
                projects,
                empty=_("No research project was under way in this period."),
            ),
        ],
    )


def publications_section(params: ReportParams) -> Section:
    found = list(collection.publications(params))
    plain = formatted(found, html=False)
    html = formatted(found)
    references = [
        Reference(text, markup) for (_p, text), (_q, markup) in zip(plain, html, strict=True)
    ]
    return Section(
        key="publications",
        title=_("Publications"),
        paragraphs=[] if references else [_("No publications in this period.")],
        references=references,
    )


def summary(params: ReportParams) -> Section:
    """The key indicators of the period, first in the annual and an organisation's report."""
    figures = indicators(params)
    table = indicator_table("summary", _("Indicators of the period"), figures)
    return Section(key="summary", title=_("Key figures"), tables=[table])


def exchange_collection_publications(params: ReportParams, progress: Progress) -> list[Section]:
    """The last three sections of the annual and an organisation's report, with progress."""
    progress(0.65, "exchange")
    parts = [exchange_section(params)]
    progress(0.8, "collection")
    parts.append(collection_section(params))
    progress(0.9, "publications")
    parts.append(publications_section(params))
    progress(1.0, "publications")
    return parts
