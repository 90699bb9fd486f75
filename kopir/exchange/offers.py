"""Offers and wishes, and the matches between them (ISBN first, then title and author)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kopir.core.audit import Change
from kopir.exchange.marc.isbn import normalise_isbn
from kopir.exchange.marc.prepare import TITLE_KEY_LENGTH
from kopir.exchange.models import BibRecord, Offer, Wish
from kopir.network.models import Organisation
from kopir.search.analysis import key


@transaction.atomic
def offer_create(record: BibRecord, *, kind: str, copies: int, note: str, change: Change) -> Offer:
    """Put copies of one of the library's own books on offer."""
    change.require("network.change_organisation", record.organisation)
    offer = Offer(record=record, kind=kind, copies=copies, note=note)
    offer.full_clean()
    change.mark(offer)
    offer.save()
    return offer


@transaction.atomic
def offer_withdraw(offer: Offer, *, change: Change) -> Offer:
    change.require("network.change_organisation", offer.record.organisation)
    offer.is_open = False
    change.mark(offer)
    offer.save(update_fields=["is_open", "updated_at"])
    return offer


@transaction.atomic
def wish_create(
    organisation: Organisation, *, title: str, author: str, isbn: str, note: str, change: Change
) -> Wish:
    change.require("network.change_organisation", organisation)
    wish = Wish(
        organisation=organisation, title=title, author=author, isbn=normalise_isbn(isbn),
        note=note, title_key=key(title)[:TITLE_KEY_LENGTH],
    )  # fmt: skip
    wish.full_clean()
    change.mark(wish)
    wish.save()
    return wish


ERROR_OWN_BOOK = _("This book is in your own library's holdings.")


@transaction.atomic
def book_request(
    organisation: Organisation, record: BibRecord, *, note: str, change: Change
) -> Wish:
    """Ask the library that holds `record` for it: a wish of `organisation` addressed to that
    library (shown on its wishes page). Asking twice gives the open request back."""
    change.require("network.change_organisation", organisation)
    if record.organisation_id == organisation.pk:
        raise ValidationError(ERROR_OWN_BOOK, code="own_book")
    asked = organisation.wishes.filter(record=record, is_open=True).first()
    if asked is not None:
        return asked
    title = record.display_title
    wish = Wish(
        organisation=organisation, record=record, title=title[:1000], note=note,
        author=(record.authors[0] if record.authors else "")[:300], isbn=record.isbn,
        title_key=key(title)[:TITLE_KEY_LENGTH],
    )  # fmt: skip
    wish.full_clean()
    change.mark(wish)
    wish.save()
    return wish


@transaction.atomic
def wish_delete(wish: Wish, *, change: Change) -> None:
    change.require("network.change_organisation", wish.organisation)
    change.mark(wish)
    wish.delete()


@dataclass(frozen=True)
class Match:
    wish: Wish
    offer: Offer
    by_isbn: bool


def open_offers(exclude: Organisation | None = None) -> QuerySet[Offer]:
    offers = Offer.objects.filter(is_open=True).select_related(
        "record__organisation__settlement__region__country"
    )
    if exclude is not None:
        offers = offers.exclude(record__organisation=exclude)
    return offers.defer("record__marc")


def matches_for(organisation: Organisation) -> list[Match]:
    """Other libraries' open offers that answer this library's open wishes: the same ISBN,
    or the same folded title (and the wish's author, when given, among the record's)."""
    wishes = list(organisation.wishes.filter(is_open=True))
    if not wishes:
        return []
    isbns = {w.isbn for w in wishes if w.isbn}
    wanted = Q(record__isbn__in=isbns)
    for title in {w.title_key for w in wishes if w.title_key}:
        wanted |= Q(record__match_key__startswith=f"{title}|")
    return _pairs(wishes, list(open_offers(exclude=organisation).filter(wanted)))


def wishes_answered_by(organisation: Organisation) -> list[Match]:
    """Other libraries' open wishes that this library's open offers answer (the same rules
    as `matches_for`, seen from the side that offers). A request for a particular book is not
    among them: it is addressed to that book's library (`selectors.requests_to`)."""
    offers = list(open_offers().filter(record__organisation=organisation))
    if not offers:
        return []
    isbns = {o.record.isbn for o in offers if o.record.isbn}
    titles = {o.record.match_key.split("|")[0] for o in offers}
    wishes = Wish.objects.filter(is_open=True, record__isnull=True)
    wishes = wishes.exclude(organisation=organisation)
    wishes = wishes.filter(Q(isbn__in=isbns) | Q(title_key__in=titles - {""}))
    return _pairs(list(wishes.select_related("organisation")), offers)


def _pairs(wishes: list[Wish], offers: list[Offer]) -> list[Match]:
    found = []
    for offer in offers:
        record = offer.record
        for wish in wishes:
            if wish.organisation_id == record.organisation_id:
                continue
            if wish.isbn and wish.isbn == record.isbn:
                found.append(Match(wish, offer, by_isbn=True))
            elif wish.title_key and record.match_key.split("|")[0] == wish.title_key:
                author = key(wish.author)
                if not author or any(author in key(a) for a in record.authors):
                    found.append(Match(wish, offer, by_isbn=False))
    return sorted(found, key=lambda m: (not m.by_isbn, m.wish.title, m.offer.pk))
