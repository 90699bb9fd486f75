"""The shared local-history collection: items described in Dublin Core, the persons, places and
subjects they are about, and the joint research projects that gather them.

Titles, descriptions and names are multilingual (kk/ru/en columns, see translation.py). An item
is a draft until published; withdrawing keeps the row as a tombstone, so OAI-PMH reports it as
deleted and old links answer "withdrawn" rather than "not found".
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopir.core import media
from kopir.core.audit import AuditedVersion
from kopir.core.models import Provenance, TimeStamped
from kopir.core.uploads import ChosenName
from kopir.heritage.dates import DatePrecision
from kopir.network.models import Organisation, Settlement


class ItemKind(models.TextChoices):
    DOCUMENT = "document", _("document")
    PHOTOGRAPH = "photograph", _("photograph")
    ARTICLE = "article", _("article")
    BOOK = "book", _("book")
    MEMOIR = "memoir", _("memoir")
    ORAL_HISTORY = "oral_history", _("oral history (audio)")
    MAP = "map", _("map")
    VIDEO = "video", _("video")
    OBJECT = "object", _("object")


# DCMI Type Vocabulary term for each kind (dc:type), so harvesters can map it.
DCMI_TYPES = {
    "document": "Text",
    "photograph": "StillImage",
    "article": "Text",
    "book": "Text",
    "memoir": "Text",
    "oral_history": "Sound",
    "map": "StillImage",
    "video": "MovingImage",
    "object": "PhysicalObject",
}


class ItemLanguage(models.TextChoices):
    KAZAKH = "kk", _("Kazakh")
    RUSSIAN = "ru", _("Russian")
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
    SEVERAL = "mul", _("several languages")
    NONE = "zxx", _("no language (image, object)")


class ItemStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Subject(TimeStamped):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["slug"]
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")

    def __str__(self) -> str:
        return self.name


class Place(Provenance):
    """A place items are about: a settlement of the network, or any other (a valley, a village
    that is gone). Coordinates come from the settlement when there is one."""

    name = models.CharField(_("name"), max_length=200)
    settlement = models.OneToOneField(
        Settlement,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="heritage_place",
        verbose_name=_("settlement of the network"),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return self.name

    @property
    def point(self) -> tuple[float, float] | None:
        if self.latitude is not None and self.longitude is not None:
            return float(self.latitude), float(self.longitude)
        settlement = self.settlement
        if settlement is not None and settlement.latitude is not None:
            return float(settlement.latitude), float(settlement.longitude or 0)
        return None


class Person(Provenance):
    """A person items are by or about: a settler, a writer, a teacher who recorded memories."""

    name = models.CharField(_("name"), max_length=200)
    life_dates = models.CharField(_("life dates"), max_length=60, blank=True)
    description = models.TextField(_("description"), blank=True)
    network_person = models.ForeignKey(
        "network.Person",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person of the network"),
    )
    organisation = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self) -> str:
        return self.name


class Item(Provenance):
    """One item of the collection, described in the fifteen Dublin Core elements."""

    organisation = models.ForeignKey(
        Organisation,
        models.PROTECT,
        related_name="heritage_items",
        verbose_name=_("contributed by"),
    )
    kind = models.CharField(_("type"), max_length=16, choices=ItemKind.choices)
    title = models.CharField(_("title"), max_length=400)
    description = models.TextField(_("description"), blank=True)
    creator = models.CharField(_("creator"), max_length=300, blank=True)
    contributor = models.CharField(_("contributor"), max_length=300, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    date_text = models.CharField(_("date"), max_length=60, blank=True)
    date_start = models.DateField(null=True, blank=True, editable=False)
    date_end = models.DateField(null=True, blank=True, editable=False)
    date_precision = models.CharField(
        max_length=8, choices=DatePrecision.choices, blank=True, editable=False
    )
    format = models.CharField(_("format"), max_length=120, blank=True)
    identifier = models.CharField(_("identifier (inventory number)"), max_length=100, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    language = models.CharField(
        _("language"), max_length=3, choices=ItemLanguage.choices, default=ItemLanguage.RUSSIAN
    )
    relation = models.CharField(_("relation"), max_length=300, blank=True)
    coverage = models.CharField(_("coverage"), max_length=300, blank=True)
    rights = models.CharField(_("rights"), max_length=300, blank=True)
    places = models.ManyToManyField(
        Place, blank=True, related_name="items", verbose_name=_("places")
    )
    persons = models.ManyToManyField(
        Person, blank=True, related_name="items", verbose_name=_("persons")
    )
    subjects = models.ManyToManyField(
        Subject, blank=True, related_name="items", verbose_name=_("subjects")
    )
    file = models.FileField(_("file"), upload_to=ChosenName("heritage/files"), blank=True)
    thumbnail = models.ImageField(upload_to=ChosenName("heritage/thumbnails"), blank=True)
    # A small picture for lists (search hits, projects): pages stay light on rural lines.
    preview = models.ImageField(upload_to=ChosenName("heritage/previews"), blank=True)
    media_type = models.CharField(max_length=100, blank=True, editable=False)
    extracted_text = models.TextField(blank=True, editable=False)
    video_url = models.URLField(_("video link"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ItemStatus.choices, default=ItemStatus.DRAFT
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawal_note = models.CharField(_("reason for withdrawal"), max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords(bases=[AuditedVersion], excluded_fields=["extracted_text"])

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("collection item")
        verbose_name_plural = _("collection items")
        indexes = [
            # OAI-PMH keyset pages: (datestamp, id), whole collection or one set (§3.5).
            models.Index(fields=["updated_at", "id"], name="heritage_item_oai"),
            models.Index(fields=["organisation", "updated_at", "id"], name="heritage_item_oai_org"),
            models.Index(fields=["kind", "updated_at", "id"], name="heritage_item_oai_kind"),
            # The list size of a harvest (published and withdrawn, up to `until`) from the index.
            models.Index(fields=["status", "updated_at"], name="heritage_item_oai_scope"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status == ItemStatus.PUBLISHED

    # Links to the file and its pictures (kopir.core.media.url): a draft's are the site's own.
    @property
    def file_url(self) -> str:
        return media.url(self.file, public=self.is_public)

    @property
    def thumbnail_url(self) -> str:
        return media.url(self.thumbnail, public=self.is_public)

    @property
    def preview_url(self) -> str:
        return media.url(self.preview, public=self.is_public)

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")

    @property
    def is_audio(self) -> bool:
        return self.media_type.startswith("audio/")


class ProjectStatus(models.TextChoices):
    ACTIVE = "active", _("in progress")
    COMPLETED = "completed", _("completed")


class Project(Provenance):
    """A joint research project: a topic, partners from both sides, the items they gathered,
    their tasks and a page of results."""

    slug = models.SlugField(unique=True)
    title = models.CharField(_("topic"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    results = models.TextField(_("results"), blank=True)
    lead = models.ForeignKey(
        Organisation,
        models.PROTECT,
        related_name="led_heritage_projects",
        verbose_name=_("lead organisation"),
    )
    organisations = models.ManyToManyField(
        Organisation, related_name="heritage_projects", verbose_name=_("participants")
    )
    contributors = models.ManyToManyField(
        Person, blank=True, related_name="projects", verbose_name=_("contributors")
    )
    items = models.ManyToManyField(
        Item, blank=True, related_name="projects", verbose_name=_("items gathered")
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ProjectStatus.choices, default=ProjectStatus.ACTIVE
    )

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["-started_on", "slug"]
        verbose_name = _("research project")
        verbose_name_plural = _("research projects")

    def __str__(self) -> str:
        return self.title


class ProjectTask(TimeStamped):
    project = models.ForeignKey(Project, models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=300)
    organisation = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who does it"),
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["done_at", "due_on", "pk"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return self.title
