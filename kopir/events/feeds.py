"""The Atom feed of announcements: the events most recently announced, in the language asked for."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from kopir.core import multilingual
from kopir.core.text import printable_copy
from kopir.events import selectors, timeinfo
from kopir.events.models import Event

ANNOUNCEMENTS = 50


class PrintableAtom1Feed(Atom1Feed):
    """Atom, with the control characters XML 1.0 cannot hold dropped from every value (Django's
    generator refuses the whole feed for one of them)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*printable_copy(args), **printable_copy(kwargs))

    def add_item(self, *args: Any, **kwargs: Any) -> None:
        super().add_item(*printable_copy(args), **printable_copy(kwargs))


class AnnouncementFeed(Feed):
    feed_type = PrintableAtom1Feed

    def title(self) -> str:
        return _("Köpir: announcements of the network")

    def subtitle(self) -> str:
        return _(
            "Joint events of the libraries of Shemonaikha district and their partners in Russia."
        )

    def link(self) -> str:
        return reverse("events:event-list")

    def items(self) -> QuerySet[Event]:
        events = selectors.event_list(selectors.EventFilter(period="upcoming"))
        return events.order_by("-created_at", "-pk")[:ANNOUNCEMENTS]

    def item_title(self, item: Event) -> str:
        return multilingual.text(item, "title")

    def item_description(self, item: Event) -> str:
        lines = []
        if item.time_known:
            for t in timeinfo.venue_times(item):
                lines.append(f"{t.place}: {t.starts:%Y-%m-%d %H:%M} ({t.offset})")
        description = multilingual.text(item, "description")
        if description:
            lines.append(description)
        return "\n".join(lines)

    def item_link(self, item: Event) -> str:
        return reverse("events:event-detail", args=[item.slug])

    def item_guid(self, item: Event) -> str:
        return f"urn:kopir:event:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Event) -> datetime.datetime:
        return item.created_at

    def item_updateddate(self, item: Event) -> datetime.datetime:
        return item.updated_at

    def item_categories(self, item: Event) -> list[str]:
        return [str(item.get_format_display()), str(item.get_audience_display())]
