"""Forms of the accounts area."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.translation import gettext_lazy as _

from kopir.accounts.models import User
from kopir.network.models import Organisation, time_zone_names

ERROR_PASSWORDS_DIFFER = _("The two passwords differ.")


class LanguageSelect(forms.Select):
    """A choice of interface language: each option names its language in that language, and
    says so (lang="en" on "English"), for screen readers and spell checkers alike."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        if option["value"]:
            option["attrs"]["lang"] = option["value"]
        return option


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of the new editor"))
    organisation: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name_ru")
    )
    language = forms.ChoiceField(
        label=_("Language of the letter"), choices=settings.LANGUAGES, widget=LanguageSelect
    )


class AcceptInvitationForm(forms.Form):
    username = forms.RegexField(
        label=_("Login name"),
        max_length=150,
        regex=r"^[\w.@+-]+\Z",
        help_text=_("Letters, digits and @ . + - _ only."),
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", ERROR_PASSWORDS_DIFFER)
        return data


# The IANA zones of Kazakhstan and Russia (zone1970.tab), offered first: the network is there.
NEAR_ZONES = (
    "Asia/Almaty", "Asia/Qostanay", "Asia/Qyzylorda", "Asia/Aqtobe", "Asia/Aqtau",
    "Asia/Atyrau", "Asia/Oral", "Europe/Kaliningrad", "Europe/Moscow", "Europe/Volgograd",
    "Europe/Kirov", "Europe/Astrakhan", "Europe/Saratov", "Europe/Ulyanovsk", "Europe/Samara",
    "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk", "Asia/Barnaul", "Asia/Tomsk",
    "Asia/Novokuznetsk", "Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Chita", "Asia/Yakutsk",
    "Asia/Khandyga", "Asia/Vladivostok", "Asia/Ust-Nera", "Asia/Magadan", "Asia/Sakhalin",
    "Asia/Srednekolymsk", "Asia/Kamchatka", "Asia/Anadyr",
)  # fmt: skip


def time_zone_choices() -> list[Any]:
    """The zones of Kazakhstan and Russia first, then every other zone, grouped."""
    others = sorted(z for z in time_zone_names() if z not in NEAR_ZONES and "/" in z)
    return [
        ("", "—"),
        (_("Kazakhstan and Russia"), [(z, z) for z in NEAR_ZONES]),
        (_("Other zones"), [("UTC", "UTC"), *((z, z) for z in others)]),
    ]


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "preferred_language", "time_zone"]
        widgets = {"preferred_language": LanguageSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].widget = forms.Select(choices=time_zone_choices())


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the token"),
        max_length=100,
        help_text=_("Say what will use it, e.g. “catalogue sync”."),
    )
