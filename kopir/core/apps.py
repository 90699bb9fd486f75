from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kopir.core"
    verbose_name = _("Köpir core")

    def ready(self) -> None:
        from django import forms
        from django.apps import apps

        from kopir.core import page_cache
        from kopir.core.text import NoControlCharacters, guard_text_fields

        page_cache.connect()
        # No text we keep holds control characters: every form and full_clean refuses them.
        guard_text_fields(m for m in apps.get_models() if m.__module__.startswith("kopir."))
        # Form fields that map to no model field (a caption, a receipt note) get the same check
        # at the form; a single-line model field is held to one line by its own check.
        forms.CharField.default_validators = [NoControlCharacters(multiline=True)]
