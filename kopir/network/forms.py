"""The partner-list filter form (GET, so filtered lists can be linked and bookmarked)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kopir.core import multilingual
from kopir.core.forms import VersionedModelForm
from kopir.core.languages import CONTENT_LANGUAGES
from kopir.network import selectors
from kopir.network.models import Agreement, Organisation, Person


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


ORGANISATION_CONTENT_FIELDS = [
    f"{field}_{lang}"
    for field in ("name", "short_name", "address", "description")
    for lang in CONTENT_LANGUAGES
]


class OrganisationForm(VersionedModelForm):
    """An organisation's profile. Editors change their content; coordinators also its place."""

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [*ORGANISATION_CONTENT_FIELDS, "website", "isil", "logo"]
        widgets = {
            f"description_{lang}": forms.Textarea(attrs={"rows": 4}) for lang in ["kk", "ru", "en"]
        }


class CoordinatorOrganisationForm(OrganisationForm):
    class Meta(OrganisationForm.Meta):
        fields = ["type", "settlement", "parent", *OrganisationForm.Meta.fields]


class BranchForm(VersionedModelForm):
    """A new branch of the editor's organisation."""

    class Meta:
        model = Organisation
        fields = [
            "slug", "type", "settlement",
            *(f"{f}_{lang}" for f in ("name", "address") for lang in CONTENT_LANGUAGES),
        ]  # fmt: skip


class PersonForm(VersionedModelForm):
    class Meta:
        model = Person
        fields = [
            *(f"{f}_{lang}" for f in ("name", "position") for lang in CONTENT_LANGUAGES),
            "role", "email", "phone", "consent_public", "consent_contacts",
        ]  # fmt: skip


class AgreementForm(VersionedModelForm):
    parties: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Parties"),
        queryset=Organisation.objects.order_by("name_ru"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Agreement
        fields = [
            *(f"{f}_{lang}" for f in ("title", "occasion", "areas") for lang in CONTENT_LANGUAGES),
            "signed_on", "signed_on_precision", "valid_from", "valid_to", "status", "document",
        ]  # fmt: skip
        widgets = {
            "signed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "valid_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "valid_to": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{f"areas_{lang}": forms.Textarea(attrs={"rows": 3}) for lang in CONTENT_LANGUAGES},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["parties"].initial = list(self.instance.parties.all())
        for name in ("signed_on", "valid_from", "valid_to"):
            field = self.fields[name]
            assert isinstance(field, forms.DateField)  # noqa: S101 - declared above
            field.input_formats = ["%Y-%m-%d", "%d.%m.%Y"]
