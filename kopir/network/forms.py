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
        anything = [("", str(_("All")))]
        choices = {
            "country": [
                (c.code, multilingual.text(c, "name")) for c in selectors.country_choices()
            ],
            "region": [(r.slug, multilingual.text(r, "name")) for r in selectors.region_choices()],
            "type": selectors.type_choices(),
        }
        for name, options in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared above
            field.choices = anything + options

    def to_filter(self) -> selectors.OrganisationFilter:
        if not self.is_valid():
            return selectors.OrganisationFilter()
        return selectors.OrganisationFilter(
            country=self.cleaned_data["country"],
            region=self.cleaned_data["region"],
            type=self.cleaned_data["type"],
            query=self.cleaned_data["q"],
        )
