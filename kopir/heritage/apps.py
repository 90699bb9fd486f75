from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeritageConfig(AppConfig):
    name = "kopir.heritage"
    verbose_name = _("Local-history collection")

    def ready(self) -> None:
        from kopir.core import media
        from kopir.heritage import search
        from kopir.heritage.models import Item

        search.connect()
        for field in ("file", "thumbnail", "preview"):  # a draft's: its editors' only
            media.register(f"heritage/{field}s", Item, field, "heritage.view_item_file")
