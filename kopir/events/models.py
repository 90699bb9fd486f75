"""Joint events across the border: one event, venues on each side, each with its own time zone.

Instants are stored in UTC; every venue carries the IANA zone of its place, so each side sees
its own local time for any date (Kazakhstan moved from UTC+6 to UTC+5 on 2024-03-01).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopir.core.audit import AuditedVersion
from kopir.core.models import Provenance, TimeStamped
from kopir.core.uploads import ChosenName
from kopir.network.models import DatePrecision, Organisation, Settlement, validate_time_zone


class EventFormat(models.TextChoices):
    VIDEO_BRIDGE = "video_bridge", _("video bridge")
    ONLINE_MEETING = "online_meeting", _("online meeting")
    MASTER_CLASS = "master_class", _("master class")
    SEMINAR = "seminar", _("seminar or conference")
    ROUND_TABLE = "round_table", _("round table")
    EXHIBITION = "exhibition", _("joint exhibition")
    BOOK_PRESENTATION = "book_presentation", _("book presentation")
    READING = "reading", _("reading or competition")
    EXPEDITION = "expedition", _("local-history expedition")
    OTHER = "other", _("other")


class Audience(models.TextChoices):
    CHILDREN = "children", _("children")
    YOUTH = "youth", _("youth")
    ADULTS = "adults", _("adults")
    PROFESSIONALS = "professionals", _("library professionals")


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    CONFIRMED = "confirmed", _("confirmed")
    HELD = "held", _("held")
    REPORTED = "reported", _("reported")
    CANCELLED = "cancelled", _("cancelled")


class Event(Provenance):
    slug = models.SlugField(unique=True, max_length=80)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    format = models.CharField(_("format"), max_length=20, choices=EventFormat.choices)
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices)
    organisers = models.ManyToManyField(
        Organisation, related_name="organised_events", verbose_name=_("organisers")
    )
    starts_at = models.DateTimeField(_("starts (UTC)"))
    ends_at = models.DateTimeField(_("ends (UTC)"))
    date_precision = models.CharField(
        _("precision of the date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    time_known = models.BooleanField(_("time of day known"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.PLANNED
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    report = models.TextField(_("short report"), blank=True)
    registration_open = models.BooleanField(_("takes registrations"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    provider = models.CharField(_("video provider"), max_length=20, blank=True)
    online_link = models.URLField(_("meeting link"), blank=True)
    recording_link = models.URLField(_("recording link"), blank=True)

    history = HistoricalRecords(bases=[AuditedVersion], m2m_fields=[organisers])

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            )
        ]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["format", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def public_status(self) -> str:
        """The status as readers are told it: "reported" is the organisers' own step (the
        attendance is in), so to everyone else the event was simply held."""
        shown = EventStatus.HELD if self.status == EventStatus.REPORTED else self.status
        return str(EventStatus(shown).label)


class Venue(TimeStamped):
    """One side of an event: an organisation or a place, with its own IANA time zone."""

    event = models.ForeignKey(Event, models.CASCADE, related_name="venues")
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, null=True, blank=True, related_name="venues",
        verbose_name=_("organisation"),
    )  # fmt: skip
    settlement = models.ForeignKey(
        Settlement, models.PROTECT, related_name="venues", verbose_name=_("settlement")
    )
    name = models.CharField(_("place"), max_length=200, blank=True)
    time_zone = models.CharField(
        _("time zone (IANA)"), max_length=64, validators=[validate_time_zone]
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self) -> str:
        return str(self.organisation or self.settlement)


class HolidayOverride(TimeStamped):
    """A day a new decree moved, beyond what the `holidays` package knows."""

    country = models.CharField(_("country"), max_length=2, choices=[("KZ", "KZ"), ("RU", "RU")])
    date = models.DateField(_("date"))
    is_working_day = models.BooleanField(_("working day"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    decree = models.CharField(_("decree"), max_length=300, blank=True)

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["date", "country"]
        verbose_name = _("holiday override")
        verbose_name_plural = _("holiday overrides")
        constraints = [
            models.UniqueConstraint(fields=["country", "date"], name="one_override_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.country} {self.date}"


class RegistrationKind(models.TextChoices):
    GROUP = "group", _("a group (class) with its teacher or librarian")
    PERSON = "person", _("one adult")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITING = "waiting", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")


class Registration(TimeStamped):
    """A place at an event. Groups of children are counted, never named (by design)."""

    event = models.ForeignKey(Event, models.CASCADE, related_name="registrations")
    # The side of a bridge where the group takes part (its organisers count places per venue).
    venue = models.ForeignKey(
        "Venue", models.SET_NULL, null=True, blank=True, related_name="registrations",
        verbose_name=_("where you take part"),
    )  # fmt: skip
    kind = models.CharField(_("who registers"), max_length=6, choices=RegistrationKind.choices)
    status = models.CharField(_("status"), max_length=9, choices=RegistrationStatus.choices)
    contact_name = models.CharField(_("your name"), max_length=200)
    contact_email = models.EmailField(_("e-mail"))
    contact_phone = models.CharField(_("phone"), max_length=40, blank=True)
    institution = models.CharField(_("school or library"), max_length=200, blank=True)
    group_name = models.CharField(_("class or group"), max_length=60, blank=True)
    children = models.PositiveSmallIntegerField(_("children"), default=0, blank=True)
    adults = models.PositiveSmallIntegerField(_("adults"), default=1, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(children__lte=200) & models.Q(adults__lte=50),
                name="registration_sane_size",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} — {self.seats}"

    @property
    def seats(self) -> int:
        return self.children + self.adults


class Attendance(TimeStamped):
    """How many came, at one venue, from one audience group."""

    venue = models.ForeignKey(Venue, models.CASCADE, related_name="attendance")
    group = models.CharField(_("audience group"), max_length=16, choices=Audience.choices)
    count = models.PositiveIntegerField(_("people"))

    class Meta:
        ordering = ["venue__order", "group"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["venue", "group"], name="one_count_per_group"),
            models.CheckConstraint(condition=models.Q(count__lte=100000), name="attendance_sane"),
        ]

    def __str__(self) -> str:
        return f"{self.venue}: {self.count}"


class EventPhoto(TimeStamped):
    """A photo from an event, re-encoded on upload: EXIF (with any GPS position) is dropped."""

    event = models.ForeignKey(Event, models.CASCADE, related_name="photos")
    image = models.ImageField(
        _("photo"),
        upload_to=ChosenName("events/photos"),
        width_field="width",
        height_field="height",
    )
    thumbnail = models.ImageField(upload_to=ChosenName("events/thumbnails"))
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("photo by"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption or f"{self.event} #{self.pk}"


class LinkKind(models.TextChoices):
    PRESS = "press", _("press item")
    RECORDING = "recording", _("recording")
    OTHER = "other", _("other")


class EventLink(TimeStamped):
    """A link from an event: a press item about it, a recording, anything else worth keeping."""

    event = models.ForeignKey(Event, models.CASCADE, related_name="links")
    kind = models.CharField(_("kind"), max_length=10, choices=LinkKind.choices)
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address (URL)"), max_length=500)
    source = models.CharField(_("published by"), max_length=200, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["kind", "published_on", "pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return self.title
