from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kopir.core"
    verbose_name = _("Köpir core")

    def ready(self) -> None:
        from kopir.core import page_cache

        page_cache.connect()
