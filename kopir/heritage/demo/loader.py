"""Load the demo collection (demo/collection.py) through the services, as editors would:
places, persons and subjects, the items (photographs get a generated picture, so thumbnails
show), publication and one withdrawal, then the projects with their items and tasks.
Idempotent: items are known by their identifier, projects by their slug."""

from __future__ import annotations

from django.db import transaction

from kopir.core.audit import SYSTEM
from kopir.core.languages import CONTENT_LANGUAGES
from kopir.heritage import services
from kopir.heritage.demo import collection as demo
from kopir.heritage.models import Item, ItemStatus, Person, Place, Project, ProjectTask, Subject
from kopir.network.demo.helpers import picture
from kopir.network.models import Organisation, Settlement

FICTIONAL_NOTE = "Invented for the demo: the place is real, the item is not."


def _places() -> dict[str, Place]:
    places: dict[str, Place] = {}
    for slug in demo.SETTLEMENT_PLACES:
        settlement = Settlement.objects.get(slug=slug)
        place = Place.objects.filter(settlement=settlement).first() or Place(settlement=settlement)
        if not place.pk:
            names = {lang: getattr(settlement, f"name_{lang}") or "" for lang in CONTENT_LANGUAGES}
            services.authority_save(place, names=names, change=SYSTEM)
        places[slug] = place
    for key, (kk, ru, en) in demo.OTHER_PLACES.items():
        place = Place.objects.filter(name_ru=ru).first() or Place(is_fictional=False)
        if not place.pk:
            services.authority_save(place, names={"kk": kk, "ru": ru, "en": en}, change=SYSTEM)
        places[key] = place
    return places


def _persons() -> dict[str, Person]:
    persons: dict[str, Person] = {}
    for key, (kk, ru, en, dates) in demo.PERSONS.items():
        person = Person.objects.filter(name_ru=ru).first()
        if person is None:
            person = Person(life_dates=dates, is_fictional=True, provenance_note=FICTIONAL_NOTE)
            services.authority_save(person, names={"kk": kk, "ru": ru, "en": en}, change=SYSTEM)
        persons[key] = person
    return persons


def _subjects() -> dict[str, Subject]:
    subjects: dict[str, Subject] = {}
    for key, (kk, ru, en) in demo.SUBJECTS.items():
        subject = Subject.objects.filter(slug=key).first() or Subject(slug=key)
        subject.name_kk, subject.name_ru, subject.name_en = kk, ru, en  # type: ignore[attr-defined]
        subject.save()
        subjects[key] = subject
    return subjects


def _item(record: dict, places: dict, persons: dict, subjects: dict) -> Item | None:
    organisation = Organisation.objects.get(slug=record["organisation"])
    if Item.objects.filter(organisation=organisation, identifier=record["identifier"]).exists():
        return None
    data = services.ItemData(
        kind=record["kind"],
        title=record["title"],
        description=record["description"],
        date_text=record["date_text"],
        identifier=record["identifier"],
        language=record["language"],
        creator=record["creator"],
        video_url=record["video_url"],
        rights="CC BY 4.0",
        places=[places[p] for p in record["places"]],
        persons=[persons[p] for p in record["persons"]],
        subjects=[subjects[s] for s in record["subjects"]],
    )
    upload = picture(record["identifier"]) if record["kind"] == "photograph" else None
    item = services.item_create(
        organisation=organisation, data=data, change=SYSTEM, upload=upload, fictional=True
    )
    Item.objects.filter(pk=item.pk).update(provenance_note=FICTIONAL_NOTE, confidence="unverified")
    if record["status"] in (ItemStatus.PUBLISHED, ItemStatus.WITHDRAWN):
        services.item_publish(item, change=SYSTEM)
    if record["status"] == ItemStatus.WITHDRAWN:
        services.item_withdraw(item, note="Описание оказалось ошибочным.", change=SYSTEM)
    return item


def _projects(persons: dict[str, Person]) -> None:
    for record in demo.PROJECTS:
        if Project.objects.filter(slug=record["slug"]).exists():
            continue
        lead = Organisation.objects.get(slug=record["lead"])
        project = Project(
            slug=record["slug"], lead=lead, is_fictional=True, provenance_note=FICTIONAL_NOTE
        )
        for field in ("title", "description", "results"):
            for lang, value in record[field].items():
                setattr(project, f"{field}_{lang}", value)
        organisations = list(Organisation.objects.filter(slug__in=record["organisations"]))
        services.project_save(project, organisations=organisations, change=SYSTEM)
        project.contributors.set([persons[key] for key in record["contributors"]])
        for ident in record["items"]:
            item = Item.objects.get(identifier=f"DEMO-HC-{ident}")
            services.project_add_item(project, item, change=SYSTEM)
        for ru, kk, org in record["tasks"]:
            task = ProjectTask(
                project=project,
                title=ru,
                title_ru=ru,
                title_kk=kk,
                organisation=Organisation.objects.get(slug=org),
            )
            services.task_save(task, change=SYSTEM)


@transaction.atomic
def load_demo_collection() -> int:
    """Load what is missing of the demo collection; returns how many items were created."""
    places, persons, subjects = _places(), _persons(), _subjects()
    created = [_item(record, places, persons, subjects) for record in demo.ITEMS]
    _projects(persons)
    return len([item for item in created if item is not None])
