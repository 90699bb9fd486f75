"""The publication form: the CSL-JSON fields an editor fills, and what the publication is about."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kopir.accounts.forms import LanguageSelect
from kopir.bibliography.models import PublicationKind
from kopir.core.forms import ContentMultipleChoiceField
from kopir.events.models import Event
from kopir.heritage.models import Item, Project
from kopir.network.models import Organisation, Person

ERROR_NAME = _("Write one name per line as «Surname, I. O.» (or an organisation's name).")
TEXT_FIELDS = {  # form field → CSL-JSON key
    "title": "title",
    "genre": "genre",
    "container_title": "container-title",
    "publisher_place": "publisher-place",
    "publisher": "publisher",
    "volume": "volume",
    "issue": "issue",
    "pages": "page",
    "number_of_pages": "number-of-pages",
    "edition": "edition",
    "isbn": "ISBN",
    "url": "URL",
    "language": "language",
    "series": "collection-title",
}


def _names(text: str) -> list[dict[str, str]]:
    names = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        if "," in line:
            family, given = (p.strip() for p in line.split(",", 1))
            if not family:
                raise forms.ValidationError(ERROR_NAME)
            names.append({"family": family, "given": given} if given else {"family": family})
        else:
            names.append({"literal": line})
    return names


def _name_lines(names: list[dict[str, str]]) -> str:
    return "\n".join(
        n.get("literal") or f"{n.get('family', '')}, {n.get('given', '')}".rstrip(", ")
        for n in names
    )


class PublicationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=PublicationKind.choices)
    authors = forms.CharField(
        label=_("Authors"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: «Surname, I. O.», or an organisation's name."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=1000,
        help_text=_("With a subtitle after a colon: «Title: subtitle»."),
    )
    genre = forms.CharField(
        label=_("Kind of document"),
        max_length=300,
        required=False,
        help_text=_("For example: монография, учебное пособие, [видеозапись]."),
    )
    editors = forms.CharField(
        label=_("Editors"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    compilers = forms.CharField(
        label=_("Compilers"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    translators = forms.CharField(
        label=_("Translators"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    container_title = forms.CharField(
        label=_("Published in (journal, newspaper, collection, site)"),
        max_length=500,
        required=False,
    )
    publisher_place = forms.CharField(
        label=_("Place of publication"), max_length=200, required=False
    )
    publisher = forms.CharField(label=_("Publisher"), max_length=300, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=1000, max_value=2100, required=False)
    date = forms.DateField(
        label=_("Date (for a newspaper or a video)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    volume = forms.CharField(label=_("Volume"), max_length=30, required=False)
    issue = forms.CharField(label=_("Issue"), max_length=30, required=False)
    pages = forms.CharField(label=_("Pages"), max_length=30, required=False)
    number_of_pages = forms.CharField(label=_("Number of pages"), max_length=30, required=False)
    edition = forms.CharField(label=_("Edition"), max_length=200, required=False)
    series = forms.CharField(label=_("Series"), max_length=300, required=False)
    isbn = forms.CharField(label=_("ISBN"), max_length=40, required=False)
    url = forms.CharField(label=_("Address (URL)"), max_length=1000, required=False)
    accessed = forms.DateField(
        label=_("Accessed on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("ru", "Русский"), ("kk", "Қазақша"), ("en", "English"), ("", "—")],
        widget=LanguageSelect,  # each option marked with its own language
    )
    organisations = ContentMultipleChoiceField(
        label=_("Organisations it is about"),
        required=False,
        queryset=Organisation.objects.order_by("name_ru"),
    )
    events = ContentMultipleChoiceField(
        label=_("Events"), required=False, queryset=Event.objects.order_by("-starts_at")
    )
    projects = ContentMultipleChoiceField(
        label=_("Research projects"), required=False, queryset=Project.objects.all()
    )
    items = ContentMultipleChoiceField(
        label=_("Collection items"), required=False, queryset=Item.objects.none()
    )
    people = ContentMultipleChoiceField(
        label=_("People of the network among the authors"),
        required=False,
        queryset=Person.objects.order_by("name_ru"),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, items: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if items is not None:
            self.fields["items"].queryset = items  # type: ignore[attr-defined]
        for name in ("title", "genre", "container_title", "publisher", "authors", "editors",
                     "compilers", "translators"):  # fmt: skip
            self.fields[name].widget.attrs["lang"] = "ru"

    def clean_authors(self) -> list[dict[str, str]]:
        return _names(self.cleaned_data.get("authors", ""))

    def clean_editors(self) -> list[dict[str, str]]:
        return _names(self.cleaned_data.get("editors", ""))

    def clean_compilers(self) -> list[dict[str, str]]:
        return _names(self.cleaned_data.get("compilers", ""))

    def clean_translators(self) -> list[dict[str, str]]:
        return _names(self.cleaned_data.get("translators", ""))

    def csl(self) -> dict[str, Any]:
        data = self.cleaned_data
        item: dict[str, Any] = {"type": data["kind"]}
        for field, key in TEXT_FIELDS.items():
            value = (data.get(field) or "").strip()
            if value:
                item[key] = value
        if data["authors"]:
            item["author"] = data["authors"]
        for field, key in (("editors", "editor"), ("compilers", "compiler"),
                           ("translators", "translator")):  # fmt: skip
            if data[field]:
                item[key] = data[field]
        if data.get("date"):
            day: datetime.date = data["date"]
            item["issued"] = {"date-parts": [[day.year, day.month, day.day]]}
        elif data.get("year"):
            item["issued"] = {"date-parts": [[data["year"]]]}
        if data.get("accessed"):
            day = data["accessed"]
            item["accessed"] = {"date-parts": [[day.year, day.month, day.day]]}
        return item


def initial_from(csl: dict[str, Any]) -> dict[str, Any]:
    """The form's fields filled from a CSL-JSON item (a stored one, or a parsed paste)."""
    initial: dict[str, Any] = {"kind": csl.get("type", "book")}
    for field, key in TEXT_FIELDS.items():
        if csl.get(key) not in (None, ""):
            initial[field] = str(csl[key])
    initial["authors"] = _name_lines(csl.get("author") or [])
    initial["editors"] = _name_lines(csl.get("editor") or [])
    initial["compilers"] = _name_lines(csl.get("compiler") or [])
    initial["translators"] = _name_lines(csl.get("translator") or [])
    parts = ((csl.get("issued") or {}).get("date-parts") or [[]])[0]
    if len(parts) == 3:
        initial["date"] = datetime.date(*parts)
    elif parts:
        initial["year"] = parts[0]
    elif (csl.get("issued") or {}).get("literal"):
        year = re.search(r"\d{4}", csl["issued"]["literal"])
        initial["year"] = int(year.group(0)) if year else None
    accessed = ((csl.get("accessed") or {}).get("date-parts") or [[]])[0]
    if len(accessed) == 3:
        initial["accessed"] = datetime.date(*accessed)
    return initial
