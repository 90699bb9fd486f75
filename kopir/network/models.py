"""The partner network: places, organisations, people, agreements and membership by year.

Names and descriptions are multilingual (kk/ru/en columns, see translation.py).
"""

from __future__ import annotations

import datetime
import functools
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopir.core.audit import AuditedVersion
from kopir.core.languages import CONTENT_LANGUAGES
from kopir.core.models import Provenance
from kopir.core.uploads import ChosenName, validate_image, validate_pdf
from kopir.search.analysis import analyse

ERROR_UNKNOWN_TIME_ZONE = _("“%(zone)s” is not an IANA time zone.")


@functools.cache
def time_zone_names() -> frozenset[str]:
    """The IANA zones of the pinned tzdata, read once (available_timezones() walks the files)."""
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in time_zone_names():
        raise ValidationError(ERROR_UNKNOWN_TIME_ZONE, code="time_zone", params={"zone": value})


class Country(Provenance):
    code = models.CharField(_("ISO code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=120)

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name


class Region(Provenance):
    """A first-level unit: oblast of Kazakhstan, krai or oblast of Russia."""

    country = models.ForeignKey(Country, models.PROTECT, related_name="regions")
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=160)

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["country__code", "slug"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class District(Provenance):
    region = models.ForeignKey(Region, models.PROTECT, related_name="districts")
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=160)

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["region__slug", "slug"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name


class CoordinatePrecision(models.TextChoices):
    EXACT = "exact", _("exact")
    SETTLEMENT = "settlement", _("settlement centre")
    APPROXIMATE = "approximate", _("approximate")


class Settlement(Provenance):
    region = models.ForeignKey(Region, models.PROTECT, related_name="settlements")
    district = models.ForeignKey(
        District, models.PROTECT, related_name="settlements", null=True, blank=True
    )
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(_("kind of settlement"), max_length=60, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    coordinate_precision = models.CharField(
        _("precision of coordinates"),
        max_length=12,
        choices=CoordinatePrecision.choices,
        default=CoordinatePrecision.SETTLEMENT,
    )
    time_zone = models.CharField(
        _("time zone (IANA)"), max_length=64, validators=[validate_time_zone]
    )

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["slug"]
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")

    def __str__(self) -> str:
        return self.name

    @property
    def country(self) -> Country:
        return self.region.country

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class OrganisationType(models.TextChoices):
    REGIONAL_LIBRARY = "regional_library", _("regional library")
    DISTRICT_LIBRARY = "district_library", _("district library")
    RURAL_LIBRARY = "rural_library", _("rural library")
    CHILDRENS_LIBRARY = "childrens_library", _("children’s library")
    SCHOOL_LIBRARY = "school_library", _("school library")
    MUSEUM = "museum", _("museum")
    PUBLISHER = "publisher", _("publisher")
    PERIODICAL = "periodical", _("periodical")
    BOOK_CENTRE = "book_centre", _("book centre")
    ADMINISTRATION = "administration", _("administration")
    OTHER = "other", _("other")


isil_validator = RegexValidator(
    r"^[A-Z]{1,4}-[A-Za-z0-9:/\-]{1,11}$",
    _("An ISIL code looks like “KZ-0001” or “RU-1234567” (ISO 15511)."),
)


class Organisation(Provenance):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    type = models.CharField(_("type"), max_length=24, choices=OrganisationType.choices)
    parent = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="branches",
        verbose_name=_("parent organisation"),
    )
    settlement = models.ForeignKey(
        Settlement,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("settlement"),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    isil = models.CharField(_("ISIL code"), max_length=16, blank=True, validators=[isil_validator])
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(
        _("logo"), upload_to=ChosenName("logos"), blank=True, validators=[validate_image]
    )
    search_text = models.TextField(editable=False, blank=True, default="")
    # Working hours, in the organisation's own time zone, for planning across the border.
    work_starts = models.TimeField(_("working hours from"), default=datetime.time(9, 0))
    work_ends = models.TimeField(_("working hours to"), default=datetime.time(18, 0))
    work_days = models.CharField(
        _("working days"),
        max_length=7,
        default="12345",
        validators=[RegexValidator(r"^[1-7]{1,7}$", _("Days as digits, Monday = 1."))],
        help_text=_("ISO weekdays as digits, Monday = 1: “12345” is Monday to Friday."),
    )

    history = HistoricalRecords(bases=[AuditedVersion], excluded_fields=["search_text"])

    class Meta:
        ordering = ["name_ru"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="organisation_not_own_parent"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def country(self) -> Country | None:
        return self.settlement.region.country if self.settlement else None

    def refresh_search_text(self) -> None:
        """Recompute what name search matches: the analysed words (search.analysis, as the site
        search) of every name in every language, and the ISIL, between spaces so that a
        query form is looked for at the start of a term."""
        names = (
            getattr(self, f"{field}_{lang}") or ""
            for field in ("name", "short_name")
            for lang in CONTENT_LANGUAGES
        )
        self.search_text = f" {analyse(' '.join((*names, self.isil)))} "


class PersonRole(models.TextChoices):
    LIBRARIAN = "librarian", _("librarian")
    DIRECTOR = "director", _("director")
    TEACHER = "teacher", _("teacher")
    WRITER = "writer", _("writer")
    LOCAL_HISTORIAN = "local_historian", _("local historian")
    OFFICIAL = "official", _("official")
    EDITOR = "editor", _("editor")
    OTHER = "other", _("other")


class Person(Provenance):
    """A person of the network. Shown publicly only with consent; contacts need their own."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=PersonRole.choices)
    position = models.CharField(_("position"), max_length=200, blank=True)
    affiliation = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("affiliation"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    consent_public = models.BooleanField(_("consented to be listed publicly"), default=False)
    consent_contacts = models.BooleanField(_("consented to publish contacts"), default=False)

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["name_ru"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    ACTIVE = "active", _("active")
    EXPIRED = "expired", _("expired")
    TERMINATED = "terminated", _("terminated")


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


class Agreement(Provenance):
    title = models.CharField(_("title"), max_length=400)
    parties = models.ManyToManyField(
        Organisation, related_name="agreements", verbose_name=_("parties")
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_on_precision = models.CharField(
        _("precision of the date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    occasion = models.CharField(_("occasion"), max_length=400, blank=True)
    areas = models.TextField(_("areas of cooperation"), blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )
    document = models.FileField(
        _("signed document (PDF)"),
        upload_to=ChosenName("agreements"),
        blank=True,
        validators=[validate_pdf],
    )

    history = HistoricalRecords(bases=[AuditedVersion], m2m_fields=[parties])

    class Meta:
        ordering = ["-signed_on", "pk"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="agreement_valid_range",
            )
        ]

    def __str__(self) -> str:
        return self.title


class MembershipRole(models.TextChoices):
    PARTNER = "partner", _("partner")
    SUPPORTER = "supporter", _("supporting body")
    ASSOCIATE = "associate", _("partner in a related project")


class Membership(Provenance):
    """An organisation's part in the network in one calendar year."""

    organisation = models.ForeignKey(Organisation, models.CASCADE, related_name="memberships")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    role = models.CharField(
        _("role in the network"),
        max_length=12,
        choices=MembershipRole.choices,
        default=MembershipRole.PARTNER,
    )

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["year", "organisation_id"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="membership_once_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.year})"
