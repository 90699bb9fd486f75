from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "kopir.network"
    verbose_name = _("Partner network")

    def ready(self) -> None:
        from kopir.core import media
        from kopir.network import search
        from kopir.network.models import Agreement, Organisation

        media.register("logos", Organisation, "logo")
        media.register("agreements", Agreement, "document")
        search.connect()
