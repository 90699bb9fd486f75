"""Form helpers shared by every domain: language labels and the version field."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kopir.core import multilingual

LANGUAGE_SUFFIXES = {
    "_kk": _("%(field)s — in Kazakh"),
    "_ru": _("%(field)s — in Russian"),
    "_en": _("%(field)s — in English"),
}


def label_language_columns(form: forms.BaseForm, model: Any) -> None:
    """Label name_kk/name_ru/name_en as "name — in Kazakh" etc., in the interface language,
    and mark each input with the language of its content (lang="kk"), for screen readers,
    spell checkers and the Latin-script view."""
    for name, field in form.fields.items():
        for suffix, template in LANGUAGE_SUFFIXES.items():
            if name.endswith(suffix):
                base = model._meta.get_field(name.removesuffix(suffix))
                field.label = template % {"field": str(base.verbose_name).capitalize()}
                field.widget.attrs["lang"] = suffix.removeprefix("_")


class VersionedModelForm(forms.ModelForm[Any]):
    """A model form that carries the version it was opened at (optimistic concurrency)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        label_language_columns(self, self._meta.model)

    @property
    def expected_version(self) -> int | None:
        return self.cleaned_data.get("version") if self.instance.pk else None


def content_label(obj: Any) -> str:
    """A record's name (or title) in the reader's language, by the content fallback order."""
    for field in ("name", "title"):
        if hasattr(obj, f"{field}_ru"):
            return multilingual.text(obj, field)
    return str(obj)


class ContentMultipleChoiceField(forms.ModelMultipleChoiceField[Any]):
    """Records to choose from, each labelled in the reader's language."""

    def label_from_instance(self, obj: Any) -> str:
        return content_label(obj)


class ContentChoiceField(forms.ModelChoiceField[Any]):
    """One record to choose, labelled in the reader's language."""

    def label_from_instance(self, obj: Any) -> str:
        return content_label(obj)
