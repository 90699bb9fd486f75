from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def may_read_item_file(user: Any, item: Any) -> bool:
    return bool(item.is_public or (user and user.has_perm("heritage.change_item", item)))


class HeritageConfig(AppConfig):
    name = "kopir.heritage"
    verbose_name = _("Local-history collection")

    def ready(self) -> None:
        from kopir.core import media
        from kopir.heritage.models import Item
        from kopir.heritage.search import signals

        signals.connect()
        # A draft's or a withdrawn item's file is its editors' (and the coordinator's) only.
        for field in ("file", "thumbnail", "preview"):
            media.register(f"heritage/{field}s", Item, field, may_read_item_file)
