"""Every write to the register of publications: one at a time, or a whole file at once (all or
nothing, with a report per record)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kopir.bibliography.formats import bibtex, csljson, ris
from kopir.bibliography.models import Publication, PublicationKind
from kopir.bibliography.styles import GOST_7_0_100
from kopir.bibliography.styles.gost import describe, sort_key
from kopir.bibliography.styles.record import InvalidItem, read
from kopir.core.audit import Change
from kopir.core.concurrency import save_versioned
from kopir.core.text import ERROR_CONTROL_CHARACTERS, control_characters
from kopir.network.models import Organisation

ERROR_RECORD = _("The record cannot be described: %(reason)s")
ERROR_FILE = _("The file cannot be read: %(reason)s")
ERROR_EMPTY = _("The file holds no records.")
FORMATS = {"ris": ris.loads, "bibtex": bibtex.loads, "csljson": csljson.loads}
MAX_IMPORT = 2000


@dataclass
class Links:
    """What a publication is about."""

    organisations: list[Any] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)
    projects: list[Any] = field(default_factory=list)
    items: list[Any] = field(default_factory=list)
    people: list[Any] = field(default_factory=list)


def _fill(publication: Publication, csl: dict[str, Any]) -> None:
    try:
        record = read(csl)
    except InvalidItem as problem:
        raise ValidationError(
            {"csl": ValidationError(ERROR_RECORD, params={"reason": str(problem)})}
        ) from None
    publication.csl = csl
    publication.kind = (
        record.type if record.type in PublicationKind.values else PublicationKind.BOOK
    )
    publication.title = record.title[:1000]
    publication.year = (
        int(record.year) if record.year.isdigit() and int(record.year) < 32768 else None
    )
    publication.language = record.language[:3]
    script, text = sort_key(describe(record, GOST_7_0_100))
    publication.sort_key = f"{script}{text}"[:300]  # Cyrillic entries first, then Latin


@transaction.atomic
def publication_save(
    publication: Publication,
    *,
    csl: dict[str, Any],
    links: Links,
    change: Change,
    version: int | None = None,
) -> Publication:
    """Add or change a publication and what it is about; a stale version is refused."""
    change.require("bibliography.change_publication", publication)
    _fill(publication, csl)
    publication.full_clean(exclude=["csl"])
    change.mark(publication)
    save_versioned(publication, expected_version=version if publication.pk else None)
    publication.organisations.set(links.organisations)
    publication.events.set(links.events)
    publication.projects.set(links.projects)
    publication.items.set(links.items)
    publication.people.set(links.people)
    return publication


@transaction.atomic
def publication_delete(publication: Publication, *, change: Change) -> None:
    change.require("bibliography.change_publication", publication)
    change.mark(publication)
    publication.delete()


@dataclass
class ImportReport:
    created: list[Publication] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (record number, reason)
    fatal: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems and not self.fatal


def publications_import(
    text: str, *, file_format: str, organisation: Organisation | None, change: Change
) -> ImportReport:
    """Import a RIS, BibTeX or CSL-JSON file: every record or none; the report names each
    record that cannot be described and why."""
    change.require("bibliography.change_publication", Publication(organisation=organisation))
    report = ImportReport()
    try:
        items = FORMATS[file_format](text)
    except (ValueError, KeyError) as error:
        report.fatal = str(ValidationError(ERROR_FILE, params={"reason": str(error)}).messages[0])
        return report
    if not items:
        report.fatal = str(ERROR_EMPTY)
        return report
    for number, item in enumerate(items[:MAX_IMPORT], 1):
        found = control_characters(item) + control_characters(item.get("title"), multiline=False)
        if found:
            characters = ", ".join(sorted(set(found)))
            report.problems.append((number, ERROR_CONTROL_CHARACTERS % {"characters": characters}))
            continue
        try:
            read(item)
        except InvalidItem as problem:
            report.problems.append((number, str(problem)))
    if report.problems:
        return report
    with transaction.atomic():
        for item in items[:MAX_IMPORT]:
            report.created.append(
                publication_save(
                    Publication(organisation=organisation), csl=item, links=Links(), change=change
                )
            )
    return report
