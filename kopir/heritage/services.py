"""Every write to the collection: items and their files, publication and withdrawal, persons,
places and subjects, research projects with their items and tasks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kopir.core.audit import Change, forget_on_commit
from kopir.core.concurrency import save_versioned
from kopir.core.languages import CONTENT_LANGUAGES
from kopir.core.text import free_slug, strip_marks
from kopir.core.transliteration import to_latin
from kopir.heritage import files
from kopir.heritage.dates import ERROR_UNREADABLE_DATE, UnreadableDate, parse_date
from kopir.heritage.dublin_core import FIELDS as DUBLIN_CORE
from kopir.heritage.dublin_core import Description
from kopir.heritage.models import (
    Item,
    ItemStatus,
    Person,
    Place,
    Project,
    ProjectTask,
    Subject,
)
from kopir.network.models import Organisation

LANGUAGES = CONTENT_LANGUAGES
ERROR_NO_TITLE = _("Give the title in at least one language.")
ERROR_NOT_PUBLISHED = _("Only a published item can be withdrawn.")
ERROR_NOT_PARTICIPANT = _("Only items of the project's participants can be added to it.")
ERROR_VIDEO_NEEDS_LINK = _("A video needs its link (or an uploaded file).")


@dataclass(kw_only=True)
class ItemData(Description):
    """What an editor says about an item: its kind, title and description in each language,
    the rest of its Dublin Core description (dublin_core.Description) and its links."""

    kind: str
    title: dict[str, str]
    description: dict[str, str] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    subjects: list[Subject] = field(default_factory=list)
    # Names typed as new: added as places, persons and subjects with the item, or not at all.
    new_places: list[str] = field(default_factory=list)
    new_persons: list[str] = field(default_factory=list)
    new_subjects: list[str] = field(default_factory=list)


_PLAIN = ("kind", *(name for name in DUBLIN_CORE if name != "date_text"))  # the date: below


def _apply(item: Item, data: ItemData) -> None:
    for name in _PLAIN:
        setattr(item, name, getattr(data, name))
    for lang in LANGUAGES:
        setattr(item, f"title_{lang}", data.title.get(lang, "").strip())
        setattr(item, f"description_{lang}", data.description.get(lang, "").strip())
    if not any(data.title.get(lang, "").strip() for lang in LANGUAGES):
        raise ValidationError({"title_ru": ERROR_NO_TITLE})
    item.date_text = data.date_text.strip()
    if item.date_text:
        try:
            date = parse_date(item.date_text)
        except UnreadableDate:
            raise ValidationError(
                {
                    "date_text": ValidationError(
                        ERROR_UNREADABLE_DATE, params={"value": item.date_text}
                    )
                }
            ) from None
        item.date_start, item.date_end, item.date_precision = date.start, date.end, date.precision
    else:
        item.date_start = item.date_end = None
        item.date_precision = ""


def _attach(item: Item, upload: File[Any]) -> None:
    stored = files.prepare(upload)
    replaced = [f.name for f in (item.file, item.thumbnail, item.preview) if f.name]
    item.thumbnail, item.preview = None, None
    item.file.save(stored.name, stored.file, save=False)
    if stored.thumbnail is not None and stored.preview is not None:
        item.thumbnail.save("thumbnail.jpg", stored.thumbnail, save=False)
        item.preview.save("preview.jpg", stored.preview, save=False)
    item.media_type = stored.media_type
    item.extracted_text = stored.text
    if not item.format:
        item.format = stored.media_type
    forget_on_commit(replaced, item.file.storage)  # only once the new file is the item's


def _describe_new(data: ItemData, organisation: Organisation, change: Change) -> None:
    """Add the places, persons and subjects typed as new, in the item's transaction."""
    for name in data.new_places:
        place = authority_save(
            Place(), names={"ru": name}, change=change, organisation=organisation
        )
        data.places = [*data.places, place]
    for name in data.new_persons:
        person = authority_save(
            Person(), names={"ru": name}, change=change, organisation=organisation
        )
        data.persons = [*data.persons, person]
    for name in data.new_subjects:
        data.subjects = [*data.subjects, subject_get_or_create({"ru": name}, change=change)]


def _save_item(
    item: Item, data: ItemData, change: Change, upload: File[Any] | None, version: int | None
) -> Item:
    _describe_new(data, item.organisation, change)
    _apply(item, data)
    _store(item, change, upload, version)
    item.places.set(data.places)
    item.persons.set(data.persons)
    item.subjects.set(data.subjects)
    return item


def _store(item: Item, change: Change, upload: File[Any] | None, version: int | None) -> None:
    """Save the item with its new file (if any); a refused save leaves no stored file behind
    and the old ones in place."""
    if upload is not None:
        _attach(item, upload)
    try:
        if item.kind == "video" and not item.video_url and not item.file:
            raise ValidationError({"video_url": ERROR_VIDEO_NEEDS_LINK})
        change.save(item, expected_version=version)
    except Exception:
        if upload is not None:  # the files just stored belong to no saved row
            for new in (item.file, item.thumbnail, item.preview):
                if new.name:
                    new.storage.delete(new.name)
        raise


@transaction.atomic
def item_replace_file(item: Item, upload: File[Any], *, change: Change, version: int) -> Item:
    """Give an item a new file (its description stays); the old file goes on commit."""
    change.require("heritage.change_item", item)
    _store(item, change, upload, version)
    return item


@transaction.atomic
def item_create(
    *,
    organisation: Organisation,
    data: ItemData,
    change: Change,
    upload: File[Any] | None = None,
    fictional: bool = False,
) -> Item:
    """Add an item to the collection as a draft of the organisation."""
    change.require("heritage.change_item", Item(organisation=organisation))
    item = Item(organisation=organisation, is_fictional=fictional)
    item.added_by = change.user
    return _save_item(item, data, change, upload, None)


@transaction.atomic
def item_update(
    item: Item,
    *,
    data: ItemData,
    change: Change,
    version: int | None,
    upload: File[Any] | None = None,
) -> Item:
    """Change an item's description (and replace its file); a stale version is refused."""
    change.require("heritage.change_item", item)
    return _save_item(item, data, change, upload, version)


@transaction.atomic
def item_publish(item: Item, *, change: Change) -> Item:
    """Publish a draft or bring a withdrawn item back: readers, search and OAI-PMH see it."""
    change.require("heritage.change_item", item)
    item.status = ItemStatus.PUBLISHED
    item.published_at = item.published_at or timezone.now()
    item.withdrawn_at, item.withdrawal_note = None, ""
    change.mark(item)
    item.save()
    return item


@transaction.atomic
def item_withdraw(item: Item, *, note: str, change: Change) -> Item:
    """Withdraw a published item: its page and OAI-PMH keep a tombstone (deleted record)."""
    change.require("heritage.change_item", item)
    if item.status != ItemStatus.PUBLISHED:
        raise ValidationError(ERROR_NOT_PUBLISHED)
    item.status = ItemStatus.WITHDRAWN
    item.withdrawn_at = timezone.now()
    item.withdrawal_note = note.strip()[:300]
    change.mark(item)
    item.save()
    return item


def _named(record: Person | Place | Subject, names: dict[str, str]) -> None:
    for lang in LANGUAGES:
        setattr(record, f"name_{lang}", names.get(lang, "").strip())
    if not any(names.get(lang, "").strip() for lang in LANGUAGES):
        raise ValidationError({"name_ru": ERROR_NO_TITLE})


Authority = TypeVar("Authority", Person, Place)


@transaction.atomic
def authority_save(
    record: Authority,
    *,
    names: dict[str, str],
    change: Change,
    organisation: Organisation | None = None,
) -> Authority:
    """Add or change a person or a place items can be by or about. A new one is added by an
    editor's organisation, whose editors may then change it (and the coordinator)."""
    model = type(record)._meta.model_name
    if record.pk:
        change.require(f"heritage.change_{model}", record)
    else:
        change.require(f"heritage.add_{model}", None)
        record.organisation = organisation
    _named(record, names)
    record.full_clean()
    change.mark(record)
    record.save()
    return record


def subject_get_or_create(names: dict[str, str], *, change: Change) -> Subject:
    """A subject by its name (editors add subjects as they describe items)."""
    change.require("heritage.add_item", None)
    first = names.get("ru") or names.get("kk") or names.get("en") or ""
    slug = slugify(strip_marks(to_latin(first)))[:50] or "subject"
    subject = Subject.objects.filter(slug=slug).first()
    if subject is None:
        subject = Subject(slug=slug)
        _named(subject, names)
        subject.save()
    return subject


def unique_project_slug(title: str) -> str:
    return free_slug(
        title, lambda slug: Project.objects.filter(slug=slug).exists(), fallback="project"
    )


@transaction.atomic
def project_save(
    project: Project,
    *,
    organisations: list[Organisation],
    change: Change,
    version: int | None = None,
    contributors: list[Person] | None = None,
) -> Project:
    """Start or change a joint research project; its lead is always a participant."""
    change.require("heritage.change_project", project)  # its lead's editors, new or not
    if not project.pk:
        project.slug = project.slug or unique_project_slug(str(project.title))
    if not any(getattr(project, f"title_{lang}", "") for lang in LANGUAGES):
        raise ValidationError({"title_ru": ERROR_NO_TITLE})
    project.full_clean(exclude=["organisations", "contributors", "items"])
    change.mark(project)
    save_versioned(project, expected_version=version)
    project.organisations.set({*organisations, project.lead})
    if contributors is not None:
        project.contributors.set(contributors)
    return project


@transaction.atomic
def project_add_item(project: Project, item: Item, *, change: Change) -> None:
    """Gather an item into a project: a participant's own item, or any by the lead."""
    change.require("heritage.move_project_item", (project, item))
    participants = set(project.organisations.values_list("pk", flat=True))
    if item.organisation_id not in participants:
        raise ValidationError(ERROR_NOT_PARTICIPANT)
    project.items.add(item)
    Item.objects.filter(pk=item.pk).update(updated_at=timezone.now())  # OAI datestamp


@transaction.atomic
def project_remove_item(project: Project, item: Item, *, change: Change) -> None:
    change.require("heritage.move_project_item", (project, item))
    project.items.remove(item)
    Item.objects.filter(pk=item.pk).update(updated_at=timezone.now())


@transaction.atomic
def task_save(task: ProjectTask, *, change: Change) -> ProjectTask:
    """Add or change a task of a project (its lead decides the tasks)."""
    change.require("heritage.change_project", task.project)
    task.full_clean()
    task.save()
    return task


@transaction.atomic
def task_toggle(task: ProjectTask, *, change: Change) -> ProjectTask:
    """Mark a task done (or not done after all): the lead, or the organisation doing it."""
    change.require("heritage.toggle_task", task)
    task.done_at = None if task.done_at else timezone.now()
    task.save(update_fields=["done_at", "updated_at"])
    return task
