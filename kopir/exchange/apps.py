from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "kopir.exchange"
    verbose_name = _("Book exchange")

    def ready(self) -> None:
        from kopir.core import media
        from kopir.exchange import oai, search
        from kopir.exchange.models import ImportBatch

        # A refused MARC file waits for its library's decision: that library's editors only.
        media.register("exchange/imports", ImportBatch, "upload", "exchange.view_importbatch")
        search.connect()
        oai.register()  # the union catalogue in the OAI-PMH repository
