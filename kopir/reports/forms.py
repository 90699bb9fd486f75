"""Asking for a report: which one, the period, the filters, the language and the format."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kopir.accounts.forms import LanguageSelect
from kopir.core import multilingual
from kopir.core.forms import ContentChoiceField
from kopir.network.models import Country, Organisation, Region
from kopir.reports.params import ReportParams, today
from kopir.reports.registry import renderers, reports

END_BEFORE_START = _("The period ends before it starts.")
PERIOD_TOO_LONG = _("A period can be at most %(years)s years long.")
REGION_NOT_IN_COUNTRY = _("This region is not in the chosen country.")
ORGANISATION_NEEDED = _("Choose the organisation this report is about.")
MAX_YEARS = 25
FIRST_YEAR, LAST_YEAR = 1950, 2100  # the network's records, with room on both sides
OUT_OF_RANGE = _("Choose dates between %(first)s and %(last)s.")


def choices_of(field: forms.Field) -> forms.ChoiceField:
    """The field as the choice field it is (for setting its choices)."""
    assert isinstance(field, forms.ChoiceField)  # noqa: S101 - a programming error otherwise
    return field


class ReportFilterForm(forms.Form):
    """The period and the filters, shared by the request form and the on-screen report."""

    start = forms.DateField(
        label=pgettext_lazy("period", "From"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label=pgettext_lazy("period", "To"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = ContentChoiceField(
        Region.objects.select_related("country").order_by("country__code", "slug"),
        label=_("Region"),
        required=False,
        to_field_name="slug",
        empty_label=_("all"),
    )
    organisation = ContentChoiceField(
        Organisation.objects.order_by("name_ru"),
        label=_("Organisation"),
        required=False,
        empty_label=_("all"),
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year = today().year
        self.fields["start"].initial = datetime.date(year, 1, 1)
        self.fields["end"].initial = datetime.date(year, 12, 31)
        countries = Country.objects.order_by("code")
        choices_of(self.fields["country"]).choices = [
            ("", _("both")),
            *[(c.code, multilingual.text(c, "name")) for c in countries],
        ]
        if user is not None and not getattr(user, "is_coordinator", False):
            # An editor reports on their own organisation: only it and its branches are
            # offered. Any other is refused by the service's permission check (403), not
            # hidden behind a form error.
            # The form starts on the editor's own library (then its branches by name), so
            # the first report is the one they came for, not a branch's page of zeros.
            own = getattr(user, "organisation_id", None)
            field = choices_of(self.fields["organisation"])
            field.required = True
            offered = Organisation.objects.filter(Q(pk=own) | Q(parent_id=own))
            field.choices = [
                (o.pk, multilingual.text(o, "name"))
                for o in sorted(offered, key=lambda o: (o.pk != own, multilingual.text(o, "name")))
            ]
            self.fields["organisation"].initial = own

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        for name in ("start", "end"):
            day = data.get(name)
            if day and not FIRST_YEAR <= day.year <= LAST_YEAR:
                self.add_error(name, OUT_OF_RANGE % {"first": FIRST_YEAR, "last": LAST_YEAR})
                return data
        if start and end:
            if end < start:
                self.add_error("end", END_BEFORE_START)
            elif end.year - start.year >= MAX_YEARS:
                self.add_error("end", PERIOD_TOO_LONG % {"years": MAX_YEARS})
        region, country = data.get("region"), data.get("country")
        if region is not None and country and region.country.code != country:
            self.add_error("region", REGION_NOT_IN_COUNTRY)
        return data

    def params(self, language: str) -> ReportParams:
        data = self.cleaned_data
        return ReportParams(
            start=data["start"],
            end=data["end"],
            country=data.get("country") or "",
            region=data["region"].slug if data.get("region") else "",
            organisation=data["organisation"].pk if data.get("organisation") else None,
            language=language,
        )


class ReportRequestForm(ReportFilterForm):
    report = forms.ChoiceField(label=_("Report"))
    format = forms.ChoiceField(label=_("Format"))
    language = forms.ChoiceField(
        label=_("Language of the report"), choices=settings.LANGUAGES, widget=LanguageSelect
    )
    keep_days = forms.IntegerField(
        label=_("Keep the file for (days)"),
        min_value=1,
        max_value=settings.KOPIR_REPORT_KEEP_DAYS_MAX,
        initial=settings.KOPIR_REPORT_KEEP_DAYS,
    )
    field_order = [
        "report",
        "start",
        "end",
        "country",
        "region",
        "organisation",
        "language",
        "format",
        "keep_days",
    ]

    def __init__(self, *args: Any, user: Any = None, language: str = "ru", **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        choices_of(self.fields["report"]).choices = reports.choices("title")
        choices_of(self.fields["format"]).choices = renderers.choices()
        self.fields["language"].initial = language

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        definition = reports.get(data.get("report", ""))
        needs = definition is not None and definition.needs_organisation
        if needs and not data.get("organisation") and "organisation" not in self.errors:
            self.add_error("organisation", ORGANISATION_NEEDED)
        return data
