from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BibliographyConfig(AppConfig):
    name = "kopir.bibliography"
    verbose_name = _("Publications")

    def ready(self) -> None:
        from kopir.bibliography import search

        search.connect()
