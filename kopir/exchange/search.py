"""The union catalogue of books in the site search (kopir.search): searched beside the index,
not copied into it, since a partner's import brings tens of thousands of records at once and
the catalogue keeps its own word index with the same analysis (selectors.records_with_words)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kopir.core import multilingual
from kopir.exchange import selectors
from kopir.search.sources import CATALOGUES, Catalogue, Elsewhere, HitView


class BookCatalogue(Catalogue):
    kind = "book"

    def find(self, text: str, limit: int) -> Elsewhere | None:
        results = selectors.search_books(text)
        total = results.count()
        if not total:
            return None
        hits = [
            HitView(
                title=record.display_title,
                url=reverse("exchange:book", args=[record.pk]),
                text="; ".join(record.authors),
                meta=[
                    m
                    for m in (
                        str(record.year or ""),
                        multilingual.render(record.organisation, "name"),
                    )
                    if m
                ],
            )
            for record in results[:limit]
        ]
        return Elsewhere(
            label=_("Books of the partner libraries"),
            total=total,
            capped=total >= selectors.MAX_MATCHES,
            hits=hits,
            url=reverse("exchange:catalogue") + "?" + urlencode({"q": text}),
        )


def connect() -> None:
    """Offer the union catalogue to the site search (ExchangeConfig.ready)."""
    CATALOGUES.register(BookCatalogue())
