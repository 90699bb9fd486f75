from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeritageConfig(AppConfig):
    name = "kopir.heritage"
    verbose_name = _("Local-history collection")

    def ready(self) -> None:
        from kopir.heritage.search import signals

        signals.connect()
