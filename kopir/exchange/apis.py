"""The book exchange API: the books on offer for everyone; records, wishes and shipments for
the libraries concerned, under the same rules as the workspace."""

import datetime
from typing import Annotated, Any, Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from kopir.api.auth import token_auth
from kopir.api.errors import LIST_ERRORS, WRITE_ERRORS, error_responses
from kopir.api.schemas import Id, Slug, Text
from kopir.core.audit import Change, Origin
from kopir.exchange import offers, selectors, services, shipments
from kopir.exchange.forms import ImportForm
from kopir.exchange.models import (
    BibRecord,
    ExchangeKind,
    ImportBatch,
    ItemCondition,
    Shipment,
    ShipmentStatus,
    Wish,
)
from kopir.exchange.selectors import search_offers
from kopir.network.models import Organisation
from kopir.network.selectors import organisation_detail

router = Router(tags=["exchange"])
AUTH_READ_ERRORS = error_responses(401, 403, 404, 422)
Short = Annotated[Text, Field(max_length=300)]


def _library(request: HttpRequest, slug: str) -> Organisation:
    organisation = organisation_detail(slug)
    if not request.user.has_perm("network.change_organisation", organisation):
        raise PermissionDenied
    return organisation


class RecordOut(Schema):
    id: int
    organisation: str = Field(alias="organisation.slug")
    title: str
    display_title: str  # «Set. Vol. 2 : Own title» for a volume of a set
    set_title: str
    volume: str
    series: list[str]
    parts: list[str]
    other_title: str
    responsibility: str
    authors: list[str]
    contributors: list[dict]  # {"name", "role": a relator code, "body": a body, not a person}
    publisher: str
    place: str
    year: int | None
    isbn: str
    language: str
    subjects: list[str]
    udc: str
    bbk: str
    extent: str
    flavour: str
    duplicate_of: int | None = Field(alias="duplicate_of_id")
    duplicate_reason: str  # "isbn", "title" or ""


class OfferOut(Schema):
    id: int
    kind: str
    copies: int
    note: str
    record: RecordOut


class CatalogueQuery(Schema):
    q: Annotated[Text, Field(max_length=200)] = ""
    language: Annotated[Text, Field(max_length=3)] = ""
    partner: Annotated[Text, Field(max_length=50)] = ""
    decade: Annotated[int, Field(ge=1500, le=2100)] | None = None


@router.get("/offers", response={200: list[OfferOut], **LIST_ERRORS}, summary="Books on offer")
@paginate
def list_offers(request: HttpRequest, filters: Query[CatalogueQuery]) -> Any:
    """The catalogue: by title, author or ISBN; filtered by language, partner and decade."""
    return search_offers(filters.q, filters.language, filters.partner, filters.decade)


class OfferIn(Schema):
    record: Id
    kind: ExchangeKind
    copies: Annotated[int, Field(ge=1, le=500)] = 1
    note: Short = ""


@router.post("/offers", auth=token_auth, response={201: OfferOut, **WRITE_ERRORS},
             summary="Offer copies of one of your library's books")  # fmt: skip
def create_offer(request: HttpRequest, data: OfferIn) -> Status:
    record = selectors.record_get(data.record)
    offer = offers.offer_create(record, kind=data.kind.value, copies=data.copies, note=data.note,
                                change=Change.from_request(request, Origin.API))  # fmt: skip
    return Status(201, offer)


@router.delete("/offers/{pk}", auth=token_auth, response={204: None, **WRITE_ERRORS},
               summary="Withdraw an offer")  # fmt: skip
def withdraw_offer(request: HttpRequest, pk: Id) -> Status:
    offer = selectors.offer_get(pk)
    offers.offer_withdraw(offer, change=Change.from_request(request, Origin.API))
    return Status(204, None)


class LibraryQuery(Schema):
    organisation: Slug


@router.get("/records", auth=token_auth, response={200: list[RecordOut], **AUTH_READ_ERRORS},
            summary="Your library's bibliographic records")  # fmt: skip
@paginate
def list_records(request: HttpRequest, filters: Query[LibraryQuery]) -> QuerySet[BibRecord]:
    return selectors.record_list(_library(request, filters.organisation))


class WishOut(Schema):
    id: int
    record: int | None = Field(alias="record_id")  # the book asked for, if any
    title: str
    author: str
    isbn: str
    note: str


class WishIn(Schema):
    organisation: Slug
    title: Annotated[Text, Field(min_length=1, max_length=1000)]
    author: Short = ""
    isbn: Annotated[Text, Field(max_length=30)] = ""
    note: Short = ""


@router.get("/wishes", auth=token_auth, response={200: list[WishOut], **AUTH_READ_ERRORS},
            summary="Your library's wish list")  # fmt: skip
@paginate
def list_wishes(request: HttpRequest, filters: Query[LibraryQuery]) -> QuerySet[Wish]:
    return selectors.wish_list(_library(request, filters.organisation))


@router.post("/wishes", auth=token_auth, response={201: WishOut, **WRITE_ERRORS},
             summary="Add a book to your library's wish list")  # fmt: skip
def create_wish(request: HttpRequest, data: WishIn) -> Status:
    organisation = organisation_detail(data.organisation)
    wish = offers.wish_create(
        organisation, title=data.title, author=data.author, isbn=data.isbn, note=data.note,
        change=Change.from_request(request, Origin.API),
    )  # fmt: skip
    return Status(201, wish)


class BookRequestIn(Schema):
    organisation: Slug  # the library that asks
    record: int  # a book of another library, from the catalogue
    note: Short = ""


@router.post("/wishes/ask", auth=token_auth, response={201: WishOut, **WRITE_ERRORS},
             summary="Ask another library for a book of the union catalogue")  # fmt: skip
def ask_for_book(request: HttpRequest, data: BookRequestIn) -> Status:
    organisation = organisation_detail(data.organisation)
    wish = offers.book_request(
        organisation, selectors.record_get(data.record), note=data.note,
        change=Change.from_request(request, Origin.API),
    )  # fmt: skip
    return Status(201, wish)


@router.delete("/wishes/{pk}", auth=token_auth, response={204: None, **WRITE_ERRORS},
               summary="Remove a wish")  # fmt: skip
def delete_wish(request: HttpRequest, pk: Id) -> Status:
    wish = selectors.wish_get(pk)
    offers.wish_delete(wish, change=Change.from_request(request, Origin.API))
    return Status(204, None)


class ItemOut(Schema):
    id: int
    record: int = Field(alias="record_id")
    title: str = Field(alias="record.display_title")
    copies: int
    condition: str
    receipt_note: str


class ShipmentOut(Schema):
    id: int
    sender: str = Field(alias="sender.slug")
    recipient: str = Field(alias="recipient.slug")
    kind: str
    status: str
    version: int
    return_due: datetime.date | None
    carrier: str
    tracking_number: str
    agreed_at: datetime.datetime | None
    sent_at: datetime.datetime | None
    received_at: datetime.datetime | None
    returned_at: datetime.datetime | None
    items: list[ItemOut]

    @staticmethod
    def resolve_items(obj: Shipment) -> list[Any]:
        return list(obj.items.all())


@router.get("/shipments", auth=token_auth, response={200: list[ShipmentOut], **AUTH_READ_ERRORS},
            summary="Your library's shipments, both ways")  # fmt: skip
@paginate
def list_shipments(request: HttpRequest, filters: Query[LibraryQuery]) -> QuerySet[Shipment]:
    organisation = _library(request, filters.organisation)
    return selectors.shipment_list(organisation)


def _shipment(request: HttpRequest, pk: int) -> Shipment:
    shipment = selectors.shipment_get(pk)
    if not shipments.sides_of(request.user, shipment):
        raise PermissionDenied
    return shipment


@router.get("/shipments/{pk}", auth=token_auth, response={200: ShipmentOut, **AUTH_READ_ERRORS},
            summary="One shipment (its two sides)")  # fmt: skip
def get_shipment(request: HttpRequest, pk: Id) -> Shipment:
    return _shipment(request, pk)


class ShipmentItemIn(Schema):
    record: Id
    copies: Annotated[int, Field(ge=1, le=500)] = 1


class ShipmentIn(Schema):
    sender: Slug
    recipient: Slug
    kind: ExchangeKind
    items: list[ShipmentItemIn] = Field(min_length=1, max_length=500)
    return_due: datetime.date | None = None
    note: Annotated[Text, Field(max_length=2000)] = ""


@router.post("/shipments", auth=token_auth, response={201: ShipmentOut, **WRITE_ERRORS},
             summary="Propose a shipment of your library's books")  # fmt: skip
def create_shipment(request: HttpRequest, data: ShipmentIn) -> Status:
    sender = organisation_detail(data.sender)
    recipient = organisation_detail(data.recipient)
    records = selectors.records_by_id([item.record for item in data.items])
    if len(records) != len({item.record for item in data.items}):
        raise Http404  # an unknown record, like any other unknown id
    shipment = shipments.shipment_create(
        sender=sender, recipient=recipient, kind=data.kind.value, return_due=data.return_due,
        note=data.note, change=Change.from_request(request, Origin.API),
        items=[shipments.ItemInput(records[item.record], item.copies) for item in data.items],
    )  # fmt: skip
    return Status(201, selectors.shipment_get(shipment.pk))


class ReceiptIn(Schema):
    item: Id
    condition: ItemCondition
    note: Short = ""


class TransitionIn(Schema):
    status: ShipmentStatus
    version: Annotated[int, Field(ge=0, le=2**31 - 1)]
    carrier: Annotated[Text, Field(max_length=200)] = ""
    tracking_number: Annotated[Text, Field(max_length=100)] = ""
    receipt: list[ReceiptIn] = Field(default_factory=list, max_length=500)


@router.post("/shipments/{pk}/transitions", auth=token_auth,
             response={200: ShipmentOut, **WRITE_ERRORS},
             summary="Move a shipment on (agree, send, receive, send back, cancel)")  # fmt: skip
def move_shipment(request: HttpRequest, pk: Id, data: TransitionIn) -> Shipment:
    """Only the side the step belongs to may take it; `version` is the one you last read."""
    shipment = _shipment(request, pk)
    receipt = {r.item: (r.condition.value, r.note) for r in data.receipt}
    shipments.shipment_move(
        shipment, data.status.value, change=Change.from_request(request, Origin.API),
        expected_version=data.version,
        carrier=data.carrier, tracking_number=data.tracking_number, receipt=receipt,
    )  # fmt: skip
    return selectors.shipment_get(pk)


# --- MARC import and the decisions it leaves -------------------------------------------------


class ProblemOut(Schema):
    record: int = Field(description="The record's position in the file, from 1.")
    problem: str


class BatchOut(Schema):
    id: int
    organisation: str = Field(alias="organisation.slug")
    file_name: str
    status: str
    total: int
    imported: int
    duplicates: int
    problems: list[ProblemOut]
    awaiting_decision: bool = Field(
        description="A refused file with readable records: import those, or discard it."
    )

    @staticmethod
    def resolve_problems(obj: ImportBatch) -> list[dict[str, Any]]:
        return [{"record": n, "problem": text} for n, text in obj.problem_list()]

    @staticmethod
    def resolve_awaiting_decision(obj: ImportBatch) -> bool:
        return bool(obj.upload)


class BatchDecisionIn(Schema):
    decision: Literal["readable", "discard"]


class RecordDecisionIn(Schema):
    decision: Literal["keep", "delete"] = Field(
        description="A likely duplicate: keep it as another book or copy, or delete it."
    )


def _batch(request: HttpRequest, pk: int) -> ImportBatch:
    batch = selectors.batch_get(pk)
    if not request.user.has_perm("exchange.view_importbatch", batch):
        raise PermissionDenied
    return batch


@router.post("/imports", auth=token_auth, response={201: BatchOut, **WRITE_ERRORS},
             summary="Import a MARC file (ISO 2709 or MARCXML; MARC 21 or RUSMARC)")  # fmt: skip
def import_marc(
    request: HttpRequest,
    file: File[UploadedFile],
    organisation: Form[Slug],
    flavour: Form[Literal["", "marc21", "rusmarc"]] = "",
    encoding: Form[Literal["", "utf-8", "cp1251"]] = "",
) -> Status:
    """All the file's records or none: a file with a broken record is refused with a report
    per record (`problems`), and kept so that its readable records can still be imported."""
    library = _library(request, organisation)
    form = ImportForm({"flavour": flavour, "encoding": encoding}, MultiValueDict({"file": [file]}))
    if not form.is_valid():
        raise ValidationError({k: list(v) for k, v in form.errors.items()})
    batch = services.upload_import(
        form.cleaned_data["file"], organisation=library,
        change=Change.from_request(request, Origin.API),
        flavour=form.cleaned_data["flavour"], encoding=form.cleaned_data["encoding"],
    )  # fmt: skip
    return Status(201, selectors.batch_get(batch.pk))


@router.get("/imports/{pk}", auth=token_auth, response={200: BatchOut, **AUTH_READ_ERRORS},
            summary="One MARC import and its report")  # fmt: skip
def get_import(request: HttpRequest, pk: Id) -> ImportBatch:
    return _batch(request, pk)


@router.post("/imports/{pk}/decision", auth=token_auth, response={200: BatchOut, **WRITE_ERRORS},
             summary="Import a refused file's readable records, or discard the file")  # fmt: skip
def decide_import(request: HttpRequest, pk: Id, data: BatchDecisionIn) -> ImportBatch:
    batch = _batch(request, pk)
    change = Change.from_request(request, Origin.API)
    if data.decision == "readable" and batch.upload:
        return selectors.batch_get(services.batch_import_readable(batch, change=change).pk)
    services.batch_discard(batch, change=change)
    return selectors.batch_get(pk)


@router.post("/records/{pk}/decision", auth=token_auth,
             response={200: RecordOut, 204: None, **WRITE_ERRORS},
             summary="Keep a likely duplicate as another book, or delete it")  # fmt: skip
def decide_record(request: HttpRequest, pk: Id, data: RecordDecisionIn) -> Any:
    record = selectors.record_get(pk)
    change = Change.from_request(request, Origin.API)
    if data.decision == "delete":
        services.record_delete(record, change=change)
        return Status(204, None)
    return services.record_keep(record, change=change)
