"""The calendar's filter form (GET)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kopir.core import multilingual
from kopir.events.models import Audience, EventFormat
from kopir.events.selectors import EventFilter
from kopir.network import selectors as network

PERIODS = [("upcoming", _("Upcoming")), ("past", _("Past")), ("all", _("All"))]


class EventFilterForm(forms.Form):
    period = forms.ChoiceField(label=_("When"), choices=PERIODS, required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    audience = forms.ChoiceField(label=_("Audience"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", str(_("All")))]
        options = {
            "format": [(v, str(label)) for v, label in EventFormat.choices],
            "audience": [(v, str(label)) for v, label in Audience.choices],
            "country": [(c.code, multilingual.text(c, "name")) for c in network.country_choices()],
            "organisation": [
                (o.slug, multilingual.text(o, "name")) for o in network.organisation_list()
            ],
        }
        for name, choices in options.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared above
            field.choices = anything + choices

    def to_filter(self) -> EventFilter:
        if not self.is_valid():
            return EventFilter()
        data = self.cleaned_data
        return EventFilter(
            format=data["format"], audience=data["audience"], country=data["country"],
            organisation=data["organisation"], period=data["period"] or "upcoming",
        )  # fmt: skip
