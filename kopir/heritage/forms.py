"""Workspace forms of the collection: items, projects and their tasks."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kopir.core.forms import (
    ContentMultipleChoiceField,
    VersionedModelForm,
    content_label,
    label_language_columns,
)
from kopir.core.languages import CONTENT_LANGUAGES
from kopir.heritage.dublin_core import FIELDS as DUBLIN_CORE
from kopir.heritage.models import (
    Item,
    ItemKind,
    ItemLanguage,
    Person,
    Place,
    Project,
    ProjectTask,
    Subject,
)
from kopir.heritage.services import ItemData
from kopir.network.models import Organisation

ML = CONTENT_LANGUAGES


class ItemForm(VersionedModelForm):
    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_(
            "A photograph or scan, a PDF document or a sound recording. It is checked by "
            "its content; photographs lose their EXIF data (camera, GPS position)."
        ),
    )
    video_url = forms.URLField(
        label=_("Video link"), required=False, max_length=500, assume_scheme="https"
    )
    new_places = forms.CharField(
        label=_("Other places"),
        required=False,
        max_length=500,
        help_text=_("Places not in the list, separated by semicolons: they are added."),
    )
    new_persons = forms.CharField(
        label=_("Other persons"),
        required=False,
        max_length=500,
        help_text=_("Persons not in the list, separated by semicolons: they are added."),
    )
    new_subjects = forms.CharField(
        label=_("Other subjects"),
        required=False,
        max_length=500,
        help_text=_("Subjects not in the list, separated by semicolons: they are added."),
    )

    class Meta:
        model = Item
        fields = [
            "kind",
            "title_kk",
            "title_ru",
            "title_en",
            "description_kk",
            "description_ru",
            "description_en",
            # Who and when, then what it is about, then the rest of the description.
            *DUBLIN_CORE[: DUBLIN_CORE.index("language") + 1],
            "places",
            "persons",
            "subjects",
            *DUBLIN_CORE[DUBLIN_CORE.index("language") + 1 :],
        ]
        field_classes = {
            "places": ContentMultipleChoiceField,
            "persons": ContentMultipleChoiceField,
            "subjects": ContentMultipleChoiceField,
        }
        widgets = {
            "places": forms.CheckboxSelectMultiple,
            "persons": forms.CheckboxSelectMultiple,
            "subjects": forms.CheckboxSelectMultiple,
            "description_kk": forms.Textarea(attrs={"rows": 4}),
            "description_ru": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "date_text": _("As exact as known: 09.05.1945, 1912, 1950s, около 1912, 1910–1915."),
        }

    # What a librarian fills in first (issue 17: kind, title, file, date, place, people, and what
    # it shows); the rest of Dublin Core waits behind «more details».
    ESSENTIALS = (
        "kind", "title_kk", "title_ru", "title_en", "upload", "video_url", "date_text", "creator",
        "places", "new_places", "persons", "new_persons",
        "description_kk", "description_ru", "description_en",
    )  # fmt: skip
    # Kinds that hold no text: a new one is in «no language» unless the editor chose one.
    WORDLESS = (ItemKind.PHOTOGRAPH, ItemKind.OBJECT)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:  # a new item is in the interface's language, as a rule
            language = (get_language() or "")[:2]
            if language in ItemLanguage.values:
                self.fields["language"].initial = language
        for name, model in (("places", Place), ("persons", Person), ("subjects", Subject)):
            field = cast(forms.ModelMultipleChoiceField, self.fields[name])
            field.queryset = model.objects.order_by("name")
        for lang in ML:  # a title in any one language is enough (checked by the service)
            self.fields[f"title_{lang}"].required = False

    def essential_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.ESSENTIALS if name in self.fields]

    def more_fields(self) -> list[forms.BoundField]:
        return [field for field in self.visible_fields() if field.name not in self.ESSENTIALS]

    def more_has_errors(self) -> bool:
        return any(field.errors for field in self.more_fields())

    def _post_clean(self) -> None:
        """The service checks the item as a whole (title in any language, the date)."""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        wordless = data.get("kind") in self.WORDLESS and self.instance.pk is None
        if wordless and "language" not in self.changed_data:
            data["language"] = ItemLanguage.NONE
        return data

    def item_data(self) -> ItemData:
        data = self.cleaned_data
        return ItemData(
            kind=data["kind"],
            title={lang: data.get(f"title_{lang}") or "" for lang in ML},
            description={lang: data.get(f"description_{lang}") or "" for lang in ML},
            places=list(data["places"]),
            persons=list(data["persons"]),
            subjects=list(data["subjects"]),
            new_places=self.names(data.get("new_places") or ""),
            new_persons=self.names(data.get("new_persons") or ""),
            new_subjects=self.names(data.get("new_subjects") or ""),
            **{name: data.get(name) or "" for name in DUBLIN_CORE},
        )

    @staticmethod
    def names(value: str) -> list[str]:
        return [name.strip() for name in value.split(";") if name.strip()][:20]


class WithdrawForm(forms.Form):
    note = forms.CharField(label=_("Reason for withdrawal"), max_length=300, required=False)


class ProjectForm(VersionedModelForm):
    class Meta:
        model = Project
        fields = [
            "title_kk",
            "title_ru",
            "title_en",
            "description_kk",
            "description_ru",
            "description_en",
            "results_kk",
            "results_ru",
            "results_en",
            "lead",
            "organisations",
            "contributors",
            "started_on",
            "ended_on",
            "status",
        ]
        widgets = {
            "organisations": forms.CheckboxSelectMultiple,
            "contributors": forms.CheckboxSelectMultiple,
            "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ended_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Any organisation may be chosen; the service lets editors lead only their own.
        lead = cast(forms.ModelChoiceField, self.fields["lead"])
        organisations = cast(forms.ModelMultipleChoiceField, self.fields["organisations"])
        contributors = cast(forms.ModelMultipleChoiceField, self.fields["contributors"])
        lead.queryset = Organisation.objects.order_by("name_ru")
        for field in (lead, organisations, contributors):
            field.label_from_instance = content_label  # type: ignore[method-assign]
        self.fields["organisations"].required = False
        for lang in ML:
            self.fields[f"title_{lang}"].required = False

    def _post_clean(self) -> None:
        """Checked by the service (a title in any language)."""


class TaskForm(forms.ModelForm):
    class Meta:
        model = ProjectTask
        fields = ["title_kk", "title_ru", "title_en", "organisation", "due_on"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        label_language_columns(self, ProjectTask)
        organisation = cast(forms.ModelChoiceField, self.fields["organisation"])
        organisation.queryset = project.organisations.all()
        organisation.label_from_instance = content_label  # type: ignore[method-assign]
        self.instance.project = project

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f"title_{lang}") for lang in ML):
            raise forms.ValidationError(_("Give the task in at least one language."))
        return data
