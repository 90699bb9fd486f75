"""The calendar's filter form (GET)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kopir.core import multilingual
from kopir.events import bridges
from kopir.events.models import Audience, EventFormat, Registration, RegistrationKind
from kopir.events.selectors import EventFilter
from kopir.network import selectors as network
from kopir.network.models import Organisation

ERROR_NO_TITLE = _("Give the title in at least one language.")
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


class EventPlanForm(forms.Form):
    """An event as an editor plans it: times in the host venue's local time."""

    title_kk = forms.CharField(label=_("Title — in Kazakh"), max_length=300, required=False)
    title_ru = forms.CharField(label=_("Title — in Russian"), max_length=300, required=False)
    title_en = forms.CharField(label=_("Title — in English"), max_length=300, required=False)
    format = forms.ChoiceField(label=_("Format"), choices=EventFormat.choices)
    audience = forms.ChoiceField(label=_("Audience"), choices=Audience.choices)
    host = forms.ModelChoiceField(
        label=_("Host venue (the time below is its local time)"),
        queryset=Organisation.objects.filter(settlement__isnull=False).order_by("name_ru"),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Other venues"),
        queryset=Organisation.objects.filter(settlement__isnull=False).order_by("name_ru"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(
        label=_("Start (local time)"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    minutes = forms.IntegerField(
        label=_("Duration, minutes"), min_value=15, max_value=12 * 60, initial=60
    )
    provider = forms.ChoiceField(label=_("Video provider"), required=False)
    registration_open = forms.BooleanField(label=_("Take registrations"), required=False)
    capacity = forms.IntegerField(
        label=_("Places (empty: no limit)"), required=False, min_value=1, max_value=10000
    )
    accept_warnings = forms.BooleanField(
        label=_("Keep this time despite the warnings"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provider = self.fields["provider"]
        assert isinstance(provider, forms.ChoiceField)  # noqa: S101 - declared above
        provider.choices = [("", "—"), *bridges.choices()]
        for lang in ("kk", "ru", "en"):
            self.fields[f"title_{lang}"].widget.attrs["lang"] = lang

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f"title_{lang}") for lang in ("kk", "ru", "en")):
            raise forms.ValidationError(ERROR_NO_TITLE)
        return data


class RegistrationForm(forms.ModelForm):
    """Registration on the event page; children are counted, never named."""

    class Meta:
        model = Registration
        fields = [
            "kind", "contact_name", "contact_email", "contact_phone", "institution",
            "group_name", "children", "adults",
        ]  # fmt: skip
        widgets = {"kind": forms.RadioSelect}
        help_texts = {"children": _("How many children come; we never ask their names.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)  # noqa: S101 - a model field with choices
        kind.choices = RegistrationKind.choices  # no empty choice among radio buttons
