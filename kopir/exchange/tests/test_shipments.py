"""Offers, wishes and their matches; shipments step by step, each step only for its side;
the balance between partners."""

from __future__ import annotations

import datetime
import io
import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kopir.accounts.tests.factories import EditorFactory
from kopir.core.audit import SYSTEM, Change
from kopir.exchange import offers, selectors, shipments
from kopir.exchange.imports import marc_import
from kopir.exchange.models import BibRecord, ExchangeKind, Shipment, ShipmentStatus
from kopir.exchange.shipments import ItemInput, shipment_create, shipment_move
from kopir.exchange.tests import fixtures
from kopir.network.models import Organisation
from kopir.network.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
S = ShipmentStatus


@pytest.fixture
def libraries(two_libraries) -> dict[str, Organisation]:
    """Three libraries of the module's own: the sender in Kazakhstan, the recipient in Russia,
    and a stranger to both (named by their roles, not by the demo's slugs)."""
    return {
        "sender": two_libraries["kz"],
        "recipient": two_libraries["ru"],
        "stranger": OrganisationFactory(),
    }


@pytest.fixture
def editor(two_libraries):
    return two_libraries["kz_editor"]


@pytest.fixture
def barnaul_editor(two_libraries):
    return two_libraries["ru_editor"]


@pytest.fixture
def other_editor(libraries):
    return EditorFactory(organisation=libraries["stranger"])


@pytest.fixture
def books(libraries) -> list[BibRecord]:
    own = libraries["sender"]
    marc_import(io.BytesIO(fixtures.mixed_file()), organisation=own, change=SYSTEM)
    return list(BibRecord.objects.filter(organisation=own).order_by("pk"))


def new_shipment(libraries, books, kind: str = ExchangeKind.GIFT) -> Shipment:
    return shipment_create(
        sender=libraries["sender"],
        recipient=libraries["recipient"], kind=kind,
        items=[ItemInput(books[0], 2), ItemInput(books[1], 1)], change=SYSTEM,
        return_due=datetime.date(2027, 6, 1) if kind == ExchangeKind.LOAN else None,
    )  # fmt: skip


def test_a_gift_goes_through_to_received_with_a_discrepancy(
    libraries, books, editor, barnaul_editor
) -> None:
    shipment = new_shipment(libraries, books)
    assert shipments.next_steps(barnaul_editor, shipment) == [S.AGREED]
    assert shipments.next_steps(editor, shipment) == [S.CANCELLED]
    shipment_move(shipment, S.AGREED, change=Change(actor=barnaul_editor))
    shipment_move(shipment, S.SENT, change=Change(actor=editor), carrier="Казпочта",
                  tracking_number="RR123456789KZ")  # fmt: skip
    _first, second = shipment.items.all()
    shipment_move(shipment, S.RECEIVED, change=Change(actor=barnaul_editor),
                  receipt={second.pk: ("damaged", "мокрая обложка")})  # fmt: skip
    shipment.refresh_from_db()
    assert shipment.status == S.RECEIVED and shipment.tracking_number == "RR123456789KZ"
    assert shipment.agreed_at and shipment.sent_at and shipment.received_at
    assert [i.condition for i in shipment.items.all()] == ["received", "damaged"]
    users = [v.history_user for v in shipment.history.order_by("history_id")]
    assert users[1:] == [barnaul_editor, editor, barnaul_editor]


def test_a_loan_comes_back(libraries, books, editor, barnaul_editor) -> None:
    shipment = new_shipment(libraries, books, ExchangeKind.LOAN)
    for status, user in ((S.AGREED, barnaul_editor), (S.SENT, editor), (S.RECEIVED, barnaul_editor),
                         (S.RETURN_SENT, barnaul_editor), (S.RETURNED, editor)):  # fmt: skip
        shipment_move(shipment, status, change=Change(actor=user))
    assert Shipment.objects.get(pk=shipment.pk).returned_at is not None


def test_a_loan_needs_a_return_date_and_only_own_books_are_sent(libraries, books) -> None:
    with pytest.raises(ValidationError):
        shipment_create(sender=libraries["sender"],
                        recipient=libraries["recipient"], kind="loan",
                        items=[ItemInput(books[0])], change=SYSTEM)  # fmt: skip
    with pytest.raises(ValidationError):
        shipment_create(sender=libraries["recipient"],
                        recipient=libraries["stranger"], kind="gift",
                        items=[ItemInput(books[0])], change=SYSTEM)  # fmt: skip
    assert not Shipment.objects.exists()


ROLES = ("sender", "recipient", "coordinator", "stranger")


@pytest.mark.parametrize("kind", [ExchangeKind.GIFT, ExchangeKind.LOAN])
def test_every_step_for_every_role(libraries, books, editor, barnaul_editor, other_editor,
                                   coordinator, kind: str) -> None:  # fmt: skip
    users = {"sender": editor, "recipient": barnaul_editor, "coordinator": coordinator,
             "stranger": other_editor}  # fmt: skip
    shipment = new_shipment(libraries, books, kind)
    checked = 0
    for old, new in itertools.product(S.values, S.values):
        for role in ROLES:
            Shipment.objects.filter(pk=shipment.pk).update(status=old)
            shipment.refresh_from_db()
            allowed = shipments.STEPS.get((old, new), set())
            loan_only = new in (S.RETURN_SENT, S.RETURNED)
            expected = role in allowed and (not loan_only or kind == ExchangeKind.LOAN)
            change = Change(actor=users[role])
            assert (new in shipments.next_steps(users[role], shipment)) == expected, (
                old,
                new,
                role,
            )
            if expected:
                shipment_move(shipment, new, change=change)
                assert Shipment.objects.get(pk=shipment.pk).status == new
            else:
                with pytest.raises((PermissionDenied, ValidationError)):
                    shipment_move(shipment, new, change=change)
                assert Shipment.objects.get(pk=shipment.pk).status == old, (old, new, role)
            checked += 1
    assert checked == len(S.values) ** 2 * len(ROLES)


def test_the_balance_counts_what_arrived_by_pair_and_year(
    libraries, books, editor, barnaul_editor
) -> None:
    shipment = new_shipment(libraries, books)
    for status, user in ((S.AGREED, barnaul_editor), (S.SENT, editor)):
        shipment_move(shipment, status, change=Change(actor=user))
    assert selectors.balance(timezone.now().year) == []  # sent is not yet given
    missing = shipment.items.order_by("pk").last()
    shipment_move(shipment, S.RECEIVED, change=Change(actor=barnaul_editor),
                  receipt={missing.pk: ("missing", "")})  # fmt: skip
    (pair,) = selectors.balance(timezone.now().year)
    counts = {pair.first.slug: pair.first_gave, pair.second.slug: pair.second_gave}
    assert counts == {libraries["sender"].slug: 2, libraries["recipient"].slug: 0}
    assert selectors.balance(timezone.now().year - 1) == []


def test_offers_match_wishes_by_isbn_then_title_and_author(libraries, books) -> None:
    barnaul = libraries["recipient"]
    history, rudny, _kazakh = books
    for record in books:
        offers.offer_create(record, kind="gift", copies=1, note="", change=SYSTEM)
    offers.wish_create(barnaul, title="Любое заглавие", author="", isbn="5-900776-31-X", note="",
                       change=SYSTEM)  # fmt: skip
    offers.wish_create(
        barnaul, title="РУДНЫЙ алтай", author="Иванов", isbn="", note="", change=SYSTEM
    )
    offers.wish_create(
        barnaul, title="Рудный Алтай", author="Петров", isbn="", note="", change=SYSTEM
    )
    found = offers.matches_for(barnaul)
    assert [(m.offer.record_id, m.by_isbn) for m in found] == [
        (history.pk, True),
        (rudny.pk, False),
    ]
    assert offers.matches_for(libraries["sender"]) == []  # own offers


def test_editors_offer_only_their_own_books(libraries, books, other_editor) -> None:
    with pytest.raises(PermissionDenied):
        offers.offer_create(
            books[0], kind="gift", copies=1, note="", change=Change(actor=other_editor)
        )
