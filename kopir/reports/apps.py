from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "kopir.reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        # The built-in reports and formats register themselves, as an add-on would.
        from kopir.reports import definitions, renderers  # noqa: F401
