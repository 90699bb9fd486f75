"""The partner-list filter form (GET, so filtered lists can be linked and bookmarked)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kopir.core import multilingual
from kopir.network import selectors


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=100,
        help_text=_("In Kazakh, Russian or English; Kazakh Latin script works too."),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("All"))]
        self.fields["country"].choices = anything + [
            (c.code, multilingual.text(c, "name")) for c in selectors.country_choices()
        ]
        self.fields["region"].choices = anything + [
            (r.slug, multilingual.text(r, "name")) for r in selectors.region_choices()
        ]
        self.fields["type"].choices = anything + selectors.type_choices()

    def to_filter(self) -> selectors.OrganisationFilter:
        if not self.is_valid():
            return selectors.OrganisationFilter()
        return selectors.OrganisationFilter(
            country=self.cleaned_data["country"],
            region=self.cleaned_data["region"],
            type=self.cleaned_data["type"],
            query=self.cleaned_data["q"],
        )
