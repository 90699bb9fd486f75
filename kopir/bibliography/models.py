"""The register of publications about the network and by it.

A publication is kept as a CSL-JSON item (`csl`), the form the formatter reads and the import
and export formats map to; the columns beside it (type, title, year, language, list order) are
copied from it for filtering and sorting. Links say what it is about: organisations, events,
research projects, collection items, and people of the network among its authors.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopir.core.audit import AuditedVersion
from kopir.core.models import Provenance


class PublicationKind(models.TextChoices):
    BOOK = "book", _("book")
    JOURNAL_ARTICLE = "article-journal", _("journal article")
    NEWSPAPER_ARTICLE = "article-newspaper", _("newspaper article")
    CHAPTER = "chapter", _("article or chapter in a collection")
    CONFERENCE_PAPER = "paper-conference", _("conference paper")
    THESIS = "thesis", _("thesis")
    WEB_PAGE = "webpage", _("web page")
    VIDEO = "motion_picture", _("video or online event record")
    REPORT = "report", _("official document or report")
    LEGISLATION = "legislation", _("law or agreement")
    STANDARD = "standard", _("standard")
    MAP = "map", _("map")
    SCORE = "musical_score", _("sheet music")
    AUDIO = "song", _("audio recording")
    POST = "post", _("news or post on a site")
    IMAGE = "graphic", _("picture, poster or photograph")
    REVIEW = "review", _("review")


class Publication(Provenance):
    csl = models.JSONField(_("bibliographic record (CSL-JSON)"))
    kind = models.CharField(_("type"), max_length=20, choices=PublicationKind.choices)
    title = models.CharField(_("title"), max_length=1000)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=3, blank=True)
    sort_key = models.CharField(max_length=300, editable=False, db_index=True)
    organisation = models.ForeignKey(
        "network.Organisation",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    organisations = models.ManyToManyField(
        "network.Organisation",
        blank=True,
        related_name="publications",
        verbose_name=_("organisations it is about"),
    )
    events = models.ManyToManyField(
        "events.Event", blank=True, related_name="publications", verbose_name=_("events")
    )
    projects = models.ManyToManyField(
        "heritage.Project",
        blank=True,
        related_name="publications",
        verbose_name=_("research projects"),
    )
    items = models.ManyToManyField(
        "heritage.Item",
        blank=True,
        related_name="publications",
        verbose_name=_("collection items"),
    )
    people = models.ManyToManyField(
        "network.Person",
        blank=True,
        related_name="publications",
        verbose_name=_("people of the network among the authors"),
    )

    history = HistoricalRecords(bases=[AuditedVersion])

    class Meta:
        ordering = ["sort_key", "pk"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        indexes = [models.Index(fields=["year", "kind"])]

    def __str__(self) -> str:
        return self.title
