"""The calendar's filter form (GET)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kopir.core import multilingual
from kopir.core.forms import label_language_columns
from kopir.core.languages import CONTENT_LANGUAGES
from kopir.events import bridges
from kopir.events.models import (
    Audience,
    Event,
    EventFormat,
    EventLink,
    EventStatus,
    Registration,
    RegistrationKind,
    Venue,
)
from kopir.events.selectors import EventFilter
from kopir.events.services import ERROR_NO_TITLE, PLAN_TEXTS, EventPlan
from kopir.network import selectors as network
from kopir.network.models import Organisation

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
    accept_warnings = forms.BooleanField(label=_("Keep this time anyway"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provider = self.fields["provider"]
        assert isinstance(provider, forms.ChoiceField)  # noqa: S101 - declared above
        provider.choices = [("", "—"), *bridges.choices()]
        for lang in CONTENT_LANGUAGES:
            self.fields[f"title_{lang}"].widget.attrs["lang"] = lang

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f"title_{lang}") for lang in CONTENT_LANGUAGES):
            raise forms.ValidationError(ERROR_NO_TITLE)
        return data


class RegistrationForm(forms.ModelForm):
    """Registration on the event page; children are counted, never named."""

    class Meta:
        model = Registration
        fields = [
            "kind", "venue", "contact_name", "contact_email", "contact_phone", "institution",
            "group_name", "children", "adults",
        ]  # fmt: skip
        widgets = {"kind": forms.RadioSelect, "venue": forms.RadioSelect}
        help_texts = {"children": _("How many children come; we never ask their names.")}

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)  # noqa: S101 - a model field with choices
        kind.choices = RegistrationKind.choices  # no empty choice among radio buttons
        venues = list(event.venues.all())
        if len(venues) < 2:  # one place: nothing to choose (the service sets it)
            del self.fields["venue"]
            return
        venue = self.fields["venue"]
        assert isinstance(venue, forms.ModelChoiceField)  # noqa: S101 - a foreign key
        venue.queryset = event.venues.select_related("settlement", "organisation")
        venue.required = True
        venue.empty_label = None
        venue.label_from_instance = venue_label  # type: ignore[method-assign,assignment]  # Django's documented hook


def venue_label(venue: Venue) -> str:
    """A venue as a registrant knows it: the town, and the library when there is one."""
    place = multilingual.text(venue.settlement, "name")
    if venue.organisation is None:
        return f"{place}: {venue.name}" if venue.name else place
    return f"{place}: {multilingual.text(venue.organisation, 'name')}"


TEXTAREA = forms.Textarea(attrs={"rows": 4})


class EventEditForm(EventPlanForm):
    """An existing event: the plan's fields plus descriptions and links; times at the host venue."""

    description_kk = forms.CharField(
        label=_("Description — in Kazakh"), required=False, widget=TEXTAREA
    )
    description_ru = forms.CharField(
        label=_("Description — in Russian"), required=False, widget=TEXTAREA
    )
    description_en = forms.CharField(
        label=_("Description — in English"), required=False, widget=TEXTAREA
    )
    online_link = forms.URLField(
        label=_("Meeting link"), required=False, max_length=200, assume_scheme="https"
    )
    recording_link = forms.URLField(
        label=_("Recording link"), required=False, max_length=200, assume_scheme="https"
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: Any, places: Sequence[Venue] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for lang in CONTENT_LANGUAGES:
            self.fields[f"description_{lang}"].widget.attrs["lang"] = lang
        self.places = list(places)
        if self.places:  # venues that are places, kept as they are; the time is theirs
            self.fields["host"].required = False
            self.fields["host"].label = _("Host venue")
            self.fields["time"].label = _("Start (local time at %(place)s)") % {
                "place": multilingual.text(self.places[0].settlement, "name")
            }


def edit_initial(event: Event, plan: EventPlan) -> dict[str, Any]:
    """The edit form's starting values from the event's plan as it stands (services.plan_of):
    the times as they are at the host (first) venue."""
    return {
        **{name: getattr(event, name) for name in PLAN_TEXTS},
        "format": plan.format, "audience": plan.audience, "provider": plan.provider,
        "registration_open": plan.registration_open, "capacity": plan.capacity,
        "version": event.version, "host": plan.host, "partners": plan.partners,
        "day": plan.day, "time": plan.time, "minutes": plan.minutes,
    }  # fmt: skip


class PhotoForm(forms.Form):
    image = forms.FileField(label=_("Photo (JPEG, PNG or WebP)"))
    caption_kk = forms.CharField(label=_("Caption — in Kazakh"), max_length=300, required=False)
    caption_ru = forms.CharField(label=_("Caption — in Russian"), max_length=300, required=False)
    caption_en = forms.CharField(label=_("Caption — in English"), max_length=300, required=False)
    credit = forms.CharField(label=_("Photo by"), max_length=200, required=False)


class LinkForm(forms.ModelForm):
    url = forms.URLField(label=_("Address (URL)"), max_length=500, assume_scheme="https")

    class Meta:
        model = EventLink
        fields = ["kind", "title_kk", "title_ru", "title_en", "url", "source", "published_on"]
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        label_language_columns(self, EventLink)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f"title_{lang}") for lang in CONTENT_LANGUAGES):
            raise forms.ValidationError(ERROR_NO_TITLE)
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=EventStatus.choices)
    version = forms.IntegerField(min_value=0)
