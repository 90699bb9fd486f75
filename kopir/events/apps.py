from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "kopir.events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from kopir.core import media
        from kopir.events import search
        from kopir.events.models import EventPhoto

        media.register("events/photos", EventPhoto, "image")
        media.register("events/thumbnails", EventPhoto, "thumbnail")
        search.connect()
