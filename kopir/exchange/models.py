"""Book exchange between partners: the bibliographic records each library holds, as imported
from MARC (the original record kept beside the parsed fields), and the import batches."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopir.core.audit import AuditedVersion
from kopir.core.models import TimeStamped
from kopir.core.uploads import ChosenName
from kopir.exchange.marc.model import contributor_text, full_title
from kopir.network.models import Organisation


class Flavour(models.TextChoices):
    MARC21 = "marc21", "MARC 21"
    RUSMARC = "rusmarc", "RUSMARC"


class ImportStatus(models.TextChoices):
    IMPORTED = "imported", _("imported")
    REFUSED = "refused", _("nothing imported: the file has broken records")


class ImportBatch(TimeStamped):
    """One MARC file read for an organisation: what came in and what could not be read."""

    organisation = models.ForeignKey(Organisation, models.CASCADE, related_name="marc_imports")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    file_name = models.CharField(_("file"), max_length=255)
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices)
    good_only = models.BooleanField(_("only the readable records"), default=False)
    total = models.PositiveIntegerField(_("records in the file"), default=0)
    imported = models.PositiveIntegerField(_("imported"), default=0)
    duplicates = models.PositiveIntegerField(_("likely duplicates"), default=0)
    # [{"position": 3, "code": "truncated", "params": {}}], in file order (marc.reader.PROBLEMS)
    problems = models.JSONField(_("broken records"), default=list)
    # Kept only while the editor decides what to do with a refused file.
    upload = models.FileField(upload_to=ChosenName("exchange/imports"), blank=True)
    flavour = models.CharField(max_length=8, blank=True)
    encoding = models.CharField(max_length=8, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("MARC import")
        verbose_name_plural = _("MARC imports")

    def __str__(self) -> str:
        return self.file_name

    @property
    def readable_problems(self) -> int:
        """Broken records (a problem of the whole file, position 0, is no record)."""
        return sum(1 for p in self.problems if p.get("position"))

    @property
    def readable_count(self) -> int:
        """Records that could be read, whether or not they were imported."""
        return self.total - self.readable_problems

    def problem_list(self) -> list[tuple[int, str]]:
        """(record no., reason) for each broken record, the reason in the active language."""
        from kopir.exchange.marc.reader import problem_message

        return [(p["position"], problem_message(p.get("code", ""), p.get("params")))
                for p in self.problems]  # fmt: skip


class BibRecord(TimeStamped):
    """A book as one partner holds it."""

    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="bib_records", verbose_name=_("library")
    )
    batch = models.ForeignKey(
        ImportBatch, models.SET_NULL, null=True, blank=True, related_name="records"
    )
    title = models.CharField(_("title"), max_length=1000)
    other_title = models.CharField(_("other title information"), max_length=1000, blank=True)
    responsibility = models.CharField(_("statement of responsibility"), max_length=1000, blank=True)
    authors = models.JSONField(_("authors"), default=list, blank=True)
    publisher = models.CharField(_("publisher"), max_length=500, blank=True)
    place = models.CharField(_("place of publication"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    isbn = models.CharField(_("ISBN-13"), max_length=13, blank=True)
    isbn_as_written = models.CharField(_("ISBN as written"), max_length=100, blank=True)
    language = models.CharField(_("language"), max_length=3, blank=True)
    subjects = models.JSONField(_("subjects"), default=list, blank=True)
    udc = models.CharField(_("UDC"), max_length=200, blank=True)
    bbk = models.CharField(_("BBK"), max_length=200, blank=True)
    extent = models.CharField(_("extent"), max_length=300, blank=True)
    control_number = models.CharField(_("record number (001)"), max_length=100, blank=True)
    set_title = models.CharField(_("title of the set"), max_length=1000, blank=True)
    volume = models.CharField(_("volume"), max_length=200, blank=True)
    series = models.JSONField(_("series"), default=list, blank=True)
    parts = models.JSONField(_("contents"), default=list, blank=True)
    # persons and bodies besides the authors, each {"name", "role" (relator code), "body"}
    contributors = models.JSONField(_("other persons and bodies"), default=list, blank=True)
    flavour = models.CharField(_("MARC flavour"), max_length=8, choices=Flavour.choices)
    # The record exactly as it came in ISO 2709 (from MARCXML: re-encoded as UTF-8 ISO 2709).
    marc = models.BinaryField(_("original MARC record"))
    marc_encoding = models.CharField(_("encoding of the original"), max_length=8, default="utf-8")
    # Folded title, first author's surname and year: a likely duplicate shares it (or the ISBN).
    match_key = models.CharField(max_length=300)
    # The analysed words of titles, persons, subjects and the rest, in sections that the
    # catalogue's word index holds as its columns (marc.prepare.record_terms; migration 0009).
    terms = models.TextField(default="", editable=False)
    duplicate_of = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("likely duplicate of"),
    )  # fmt: skip
    duplicate_reason = models.CharField(
        _("why it looks like a duplicate"), max_length=8, blank=True,
        choices=[("isbn", _("the same ISBN")),
                 ("title", _("the same title, first author and year"))],
    )  # fmt: skip
    is_fictional = models.BooleanField(_("invented for the demo"), default=False)

    history = HistoricalRecords(bases=[AuditedVersion], excluded_fields=["marc", "terms"])

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("bibliographic record")
        verbose_name_plural = _("bibliographic records")
        indexes = [
            models.Index(fields=["organisation", "isbn"]),
            models.Index(fields=["organisation", "match_key"]),
            # the union catalogue's and SRU's lookups across every library
            models.Index(fields=["isbn"], name="exchange_record_isbn"),
            models.Index(fields=["year"], name="exchange_record_year"),
            # a set's volumes (selectors.set_volumes); most records are no volume of a set
            models.Index(
                fields=["set_title"], name="exchange_record_set", condition=~Q(set_title="")
            ),
            # OAI-PMH lists the union catalogue by datestamp, all of it or one library's
            models.Index(fields=["updated_at", "id"], name="exchange_record_oai"),
            models.Index(
                fields=["organisation", "updated_at", "id"], name="exchange_record_oai_org"
            ),
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def contributor_list(self) -> list[str]:
        """«Титов, Ф. (compiler)», in the reader's language."""
        return [contributor_text(c) for c in self.contributors]

    @property
    def display_title(self) -> str:
        """«Set. Vol. 2 : Own title» for a volume of a set, else the title."""
        return full_title(self.title, self.set_title, self.volume)


class RemovedRecord(models.Model):
    """What is left of a removed record: OAI-PMH harvesters learn of the removal from it, as
    a deleted record, for as long as the repository exists (deletedRecord "persistent")."""

    # the record's id, never given to another record (AUTOINCREMENT, a sequence): its identifier
    record_id = models.PositiveBigIntegerField(primary_key=True)
    organisation = models.ForeignKey(Organisation, models.CASCADE, related_name="+")
    removed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["removed_at", "record_id"], name="exchange_removed_oai"),
            models.Index(
                fields=["organisation", "removed_at", "record_id"], name="exchange_removed_oai_org"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.record_id} ({self.removed_at:%Y-%m-%d})"


class ExchangeKind(models.TextChoices):
    GIFT = "gift", _("gift")
    SWAP = "swap", _("swap")
    LOAN = "loan", _("loan")


class Offer(TimeStamped):
    """Copies of a book a library is ready to give, swap or lend to a partner."""

    record = models.ForeignKey(BibRecord, models.CASCADE, related_name="offers")
    kind = models.CharField(_("offered as"), max_length=4, choices=ExchangeKind.choices)
    copies = models.PositiveSmallIntegerField(_("copies"), default=1)
    note = models.CharField(_("note"), max_length=300, blank=True)
    is_open = models.BooleanField(_("still on offer"), default=True)

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        constraints = [
            models.CheckConstraint(condition=models.Q(copies__gte=1, copies__lte=500),
                                   name="offer_sane_copies"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.record} × {self.copies}"


class Wish(TimeStamped):
    """A book a library would like to receive."""

    organisation = models.ForeignKey(Organisation, models.CASCADE, related_name="wishes")
    title = models.CharField(_("title"), max_length=1000)
    author = models.CharField(_("author"), max_length=300, blank=True)
    isbn = models.CharField(_("ISBN"), max_length=13, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    title_key = models.CharField(max_length=300, db_index=True)
    is_open = models.BooleanField(_("still wanted"), default=True)
    # A book asked for from the union catalogue: the wish is addressed to its library.
    record = models.ForeignKey(
        BibRecord, models.SET_NULL, null=True, blank=True, related_name="requests",
        verbose_name=_("book asked for"),
    )  # fmt: skip

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("wish")
        verbose_name_plural = _("wishes")

    def __str__(self) -> str:
        return self.title


class ShipmentStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    AGREED = "agreed", _("agreed")
    SENT = "sent", _("sent")
    RECEIVED = "received", _("received")
    RETURN_SENT = "return_sent", _("sent back")
    RETURNED = "returned", _("returned")
    CANCELLED = "cancelled", _("cancelled")


class Shipment(TimeStamped):
    """Books going from one library to another: proposed by the sender, agreed by the
    recipient, sent, received item by item; a loan goes back the same way."""

    sender = models.ForeignKey(
        Organisation, models.PROTECT, related_name="shipments_sent", verbose_name=_("from")
    )
    recipient = models.ForeignKey(
        Organisation, models.PROTECT, related_name="shipments_received", verbose_name=_("to")
    )
    kind = models.CharField(_("kind"), max_length=4, choices=ExchangeKind.choices)
    status = models.CharField(
        _("status"), max_length=11, choices=ShipmentStatus.choices, default=ShipmentStatus.DRAFT
    )
    return_due = models.DateField(_("to be returned by"), null=True, blank=True)
    carrier = models.CharField(_("carrier"), max_length=200, blank=True)
    tracking_number = models.CharField(_("tracking number"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)
    agreed_at = models.DateTimeField(_("agreed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), null=True, blank=True)
    return_sent_at = models.DateTimeField(_("sent back"), null=True, blank=True)
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("shipment")
        verbose_name_plural = _("shipments")
        constraints = [
            models.CheckConstraint(condition=~models.Q(sender=models.F("recipient")),
                                   name="shipment_between_two_libraries"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.sender} → {self.recipient} ({self.get_status_display()})"


class ItemCondition(models.TextChoices):
    PENDING = "pending", _("not checked yet")
    RECEIVED = "received", _("received in order")
    DAMAGED = "damaged", _("damaged")
    MISSING = "missing", _("missing")


class ShipmentItem(models.Model):
    shipment = models.ForeignKey(Shipment, models.CASCADE, related_name="items")
    record = models.ForeignKey(BibRecord, models.PROTECT, related_name="+", verbose_name=_("book"))
    copies = models.PositiveSmallIntegerField(_("copies"), default=1)
    condition = models.CharField(
        _("on receipt"), max_length=8, choices=ItemCondition.choices, default=ItemCondition.PENDING
    )
    receipt_note = models.CharField(_("note on receipt"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("item")
        verbose_name_plural = _("items")
        constraints = [
            models.CheckConstraint(condition=models.Q(copies__gte=1, copies__lte=500),
                                   name="item_sane_copies"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.record} × {self.copies}"
