from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kopir.core"
    verbose_name = _("Köpir core")

    def ready(self) -> None:
        from django.apps import apps

        from kopir.core import page_cache
        from kopir.core.text import guard_text_fields

        page_cache.connect()
        # No text we keep holds control characters: every form and full_clean refuses them.
        guard_text_fields(m for m in apps.get_models() if m.__module__.startswith("kopir."))
