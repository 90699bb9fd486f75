"""The collection API: items, projects, persons and places to read for everyone; writes for
editors under the same rules as the workspace. (The site search is kopir/search/apis.py.)"""

import datetime
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.urls import reverse
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate
from pydantic import create_model

from kopir.api.auth import token_auth
from kopir.api.errors import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS
from kopir.api.schemas import Id, Slug, Text
from kopir.core.audit import Change, Origin
from kopir.core.languages import CONTENT_LANGUAGES
from kopir.heritage import selectors, services
from kopir.heritage.dublin_core import FIELDS as DUBLIN_CORE
from kopir.heritage.models import (
    Item,
    ItemKind,
    ItemLanguage,
    Person,
    Place,
    Project,
    ProjectStatus,
    ProjectTask,
)
from kopir.network.selectors import organisation_detail, organisations_named

router = Router(tags=["collection"])
Short = Annotated[Text, Field(max_length=300)]
Long = Annotated[Text, Field(max_length=20000)]


class Multilingual(Schema):
    kk: Short = ""
    ru: Short = ""
    en: Short = ""


class MultilingualText(Schema):
    kk: Long = ""
    ru: Long = ""
    en: Long = ""


class CollectionNamedOut(Schema):
    id: int
    name_kk: str | None
    name_ru: str | None
    name_en: str | None


class CollectionPlaceOut(CollectionNamedOut):
    settlement: str | None = Field(None, alias="settlement.slug")
    latitude: float | None = None
    longitude: float | None = None

    @staticmethod
    def resolve_latitude(place: Place) -> float | None:
        return place.point[0] if place.point else None

    @staticmethod
    def resolve_longitude(place: Place) -> float | None:
        return place.point[1] if place.point else None


class CollectionPersonOut(CollectionNamedOut):
    life_dates: str


def _description_schema(name: str, *, output: bool) -> Any:
    """The Dublin Core description (kopir.heritage.dublin_core) as an API schema: read as
    stored, or written with the model's lengths (the language from the item's choices)."""
    columns: dict[str, Any] = {}
    for column in DUBLIN_CORE:
        if output:
            columns[column] = (str, ...)
        elif column == "language":
            columns[column] = (ItemLanguage, ItemLanguage.RUSSIAN)
        else:
            length = getattr(Item._meta.get_field(column), "max_length", None)
            columns[column] = (Annotated[Text, Field(max_length=length)], "")
    return create_model(name, __base__=Schema, **columns)


DescriptionIn = _description_schema("DescriptionIn", output=False)
DescriptionOut = _description_schema("DescriptionOut", output=True)


class CollectionItemOut(DescriptionOut):  # type: ignore[misc,valid-type]  # dublin_core
    id: int
    status: str
    version: int
    organisation: str = Field(alias="organisation.slug")
    kind: str
    title_kk: str | None
    title_ru: str | None
    title_en: str | None
    description_kk: str | None
    description_ru: str | None
    description_en: str | None
    date_start: datetime.date | None
    date_end: datetime.date | None
    media_type: str
    places: list[int]
    persons: list[int]
    subjects: list[str]
    is_fictional: bool

    @staticmethod
    def resolve_places(item: Item) -> list[int]:
        return [p.pk for p in item.places.all()]

    @staticmethod
    def resolve_persons(item: Item) -> list[int]:
        return [p.pk for p in item.persons.all()]

    @staticmethod
    def resolve_subjects(item: Item) -> list[str]:
        return [s.slug for s in item.subjects.all()]


class ItemIn(DescriptionIn):  # type: ignore[misc,valid-type]  # dublin_core
    organisation: Slug
    kind: ItemKind
    title: Multilingual
    description: MultilingualText = MultilingualText()
    places: list[Id] = Field(default_factory=list, max_length=50)
    persons: list[Id] = Field(default_factory=list, max_length=50)
    subjects: list[Slug] = Field(default_factory=list, max_length=50)


class ItemUpdate(ItemIn):
    version: Annotated[int, Field(ge=1)]


class WithdrawIn(Schema):
    note: Short = ""


class ProjectOut(Schema):
    slug: str
    version: int
    title_kk: str | None
    title_ru: str | None
    title_en: str | None
    description_ru: str | None
    results_ru: str | None
    lead: str = Field(alias="lead.slug")
    organisations: list[str]
    items: list[int]
    status: str
    started_on: datetime.date | None
    ended_on: datetime.date | None

    @staticmethod
    def resolve_organisations(project: Project) -> list[str]:
        return [o.slug for o in project.organisations.all()]

    @staticmethod
    def resolve_items(project: Project) -> list[int]:
        return [i.pk for i in project.items.all()]


class ProjectIn(Schema):
    lead: Slug
    title: Multilingual
    description: MultilingualText = MultilingualText()
    organisations: list[Slug] = Field(default_factory=list, max_length=50)
    started_on: datetime.date | None = None


class ProjectItemIn(Schema):
    item: Id


class ProjectPatch(Schema):
    """What to change; what is left out stays."""

    version: Annotated[int, Field(ge=1, le=2**31)]
    title: Multilingual | None = None
    description: MultilingualText | None = None
    results: MultilingualText | None = None
    organisations: list[Slug] | None = Field(None, max_length=50)
    status: ProjectStatus | None = None
    started_on: datetime.date | None = None
    ended_on: datetime.date | None = None


class TaskIn(Schema):
    title: Multilingual
    organisation: Slug | None = Field(None, description="A participant that does it.")
    due_on: datetime.date | None = None


class TaskOut(Schema):
    id: int
    title_kk: str | None
    title_ru: str | None
    title_en: str | None
    organisation: str | None = Field(None, alias="organisation.slug")
    due_on: datetime.date | None
    done: bool

    @staticmethod
    def resolve_done(task: ProjectTask) -> bool:
        return task.done_at is not None


class NameIn(Schema):
    name: Multilingual
    organisation: Slug


def _data(body: ItemIn) -> services.ItemData:
    places, persons, subjects = selectors.authorities(
        places=body.places, persons=body.persons, subjects=body.subjects
    )
    return services.ItemData(
        kind=body.kind,
        title=body.title.dict(),
        description=body.description.dict(),
        **{name: getattr(body, name) for name in DUBLIN_CORE},
        places=places,
        persons=persons,
        subjects=subjects,
    )


def _item(pk: int) -> Item:
    return selectors.item_for_change(pk)


@router.get("/search", include_in_schema=False)
def search_moved(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """The search moved to /api/v1/search (kept here as a redirect for one release)."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(reverse("api-v1:search") + (f"?{query}" if query else ""))


@router.get(
    "/items", response={200: list[CollectionItemOut], **LIST_ERRORS}, summary="Published items"
)
@paginate
def list_items(
    request: HttpRequest, organisation: Slug | None = None, kind: ItemKind | None = None
) -> Any:
    return selectors.item_feed(organisation=organisation, kind=kind)


@router.get("/items/{pk}", response={200: CollectionItemOut, **READ_ERRORS}, summary="One item")
def get_item(request: HttpRequest, pk: Id) -> Item:
    """A published item, a withdrawn one (status "withdrawn"), or a draft for its editors."""
    return selectors.item_get(pk, user=request.user)


@router.post(
    "/items",
    auth=token_auth,
    response={201: CollectionItemOut, **WRITE_ERRORS},
    summary="Add an item (a draft of your organisation)",
)
def create_item(request: HttpRequest, body: ItemIn) -> Status:
    organisation = organisation_detail(body.organisation)
    item = services.item_create(
        organisation=organisation, data=_data(body), change=Change.from_request(request, Origin.API)
    )
    return Status(201, item)


@router.put(
    "/items/{pk}",
    auth=token_auth,
    response={200: CollectionItemOut, **WRITE_ERRORS},
    summary="Replace an item's description",
)
def update_item(request: HttpRequest, pk: Id, body: ItemUpdate) -> Item:
    item = _item(pk)
    return services.item_update(
        item,
        data=_data(body),
        change=Change.from_request(request, Origin.API),
        version=body.version,
    )


@router.post(
    "/items/{pk}/publish",
    auth=token_auth,
    response={200: CollectionItemOut, **WRITE_ERRORS},
    summary="Publish an item",
)
def publish_item(request: HttpRequest, pk: Id) -> Item:
    return services.item_publish(_item(pk), change=Change.from_request(request, Origin.API))


@router.post(
    "/items/{pk}/withdraw",
    auth=token_auth,
    response={200: CollectionItemOut, **WRITE_ERRORS},
    summary="Withdraw a published item (it stays as a tombstone)",
)
def withdraw_item(request: HttpRequest, pk: Id, body: WithdrawIn) -> Item:
    return services.item_withdraw(
        _item(pk), note=body.note, change=Change.from_request(request, Origin.API)
    )


@router.get(
    "/projects", response={200: list[ProjectOut], **LIST_ERRORS}, summary="Research projects"
)
@paginate
def list_projects(request: HttpRequest) -> Any:
    return selectors.project_list(by_slug=True)


@router.get("/projects/{slug}", response={200: ProjectOut, **READ_ERRORS}, summary="One project")
def get_project(request: HttpRequest, slug: Slug) -> Project:
    """A project as readers see it: its published items only."""
    return selectors.project_get(slug)


@router.post(
    "/projects",
    auth=token_auth,
    response={201: ProjectOut, **WRITE_ERRORS},
    summary="Start a joint research project led by your organisation",
)
def create_project(request: HttpRequest, body: ProjectIn) -> Status:
    lead = organisation_detail(body.lead)
    project = Project(lead=lead, started_on=body.started_on)
    for lang in CONTENT_LANGUAGES:
        setattr(project, f"title_{lang}", getattr(body.title, lang))
        setattr(project, f"description_{lang}", getattr(body.description, lang))
    organisations = organisations_named(set(body.organisations))
    project = services.project_save(
        project, organisations=organisations, change=Change.from_request(request, Origin.API)
    )
    return Status(201, project)


@router.post(
    "/projects/{slug}/items",
    auth=token_auth,
    response={200: ProjectOut, **WRITE_ERRORS},
    summary="Add one of your organisation's items to a project",
)
def add_project_item(request: HttpRequest, slug: Slug, body: ProjectItemIn) -> Project:
    project = selectors.project_for_change(slug)
    services.project_add_item(
        project, _item(body.item), change=Change.from_request(request, Origin.API)
    )
    return selectors.project_get(slug)


@router.delete(
    "/projects/{slug}/items/{pk}",
    auth=token_auth,
    response={200: ProjectOut, **WRITE_ERRORS},
    summary="Take an item out of a project",
)
def remove_project_item(request: HttpRequest, slug: Slug, pk: Id) -> Project:
    project = selectors.project_for_change(slug)
    services.project_remove_item(
        project, _item(pk), change=Change.from_request(request, Origin.API)
    )
    return selectors.project_get(slug)


@router.patch(
    "/projects/{slug}",
    auth=token_auth,
    response={200: ProjectOut, **WRITE_ERRORS},
    summary="Change a project (its lead's editors, the coordinator)",
)
def update_project(request: HttpRequest, slug: Slug, body: ProjectPatch) -> Project:
    project = selectors.project_for_change(slug)
    for name in ("title", "description", "results"):
        texts = getattr(body, name)
        if texts is not None:
            for lang in CONTENT_LANGUAGES:
                setattr(project, f"{name}_{lang}", getattr(texts, lang))
    for name in ("status", "started_on", "ended_on"):
        if name in body.model_fields_set:
            setattr(project, name, getattr(body, name))
    organisations = list(project.organisations.all())
    if body.organisations is not None:
        organisations = organisations_named(set(body.organisations))
    services.project_save(
        project, organisations=organisations, version=body.version,
        change=Change.from_request(request, Origin.API),
    )  # fmt: skip
    return selectors.project_get(slug)


@router.get(
    "/projects/{slug}/tasks", response={200: list[TaskOut], **READ_ERRORS}, summary="Its tasks"
)
def list_tasks(request: HttpRequest, slug: Slug) -> list[ProjectTask]:
    return list(selectors.project_get(slug).tasks.all())  # prefetched with the project


@router.post(
    "/projects/{slug}/tasks",
    auth=token_auth,
    response={201: TaskOut, **WRITE_ERRORS},
    summary="Give a project a task (its lead decides the tasks)",
)
def add_task(request: HttpRequest, slug: Slug, body: TaskIn) -> Status:
    project = selectors.project_for_change(slug)
    task = ProjectTask(project=project, due_on=body.due_on)
    for lang in CONTENT_LANGUAGES:
        setattr(task, f"title_{lang}", getattr(body.title, lang))
    if body.organisation:
        task.organisation = organisation_detail(body.organisation)
    return Status(201, services.task_save(task, change=Change.from_request(request, Origin.API)))


@router.post(
    "/tasks/{pk}/toggle",
    auth=token_auth,
    response={200: TaskOut, **WRITE_ERRORS},
    summary="Mark a task done, or not done after all",
)
def toggle_task(request: HttpRequest, pk: Id) -> ProjectTask:
    return services.task_toggle(
        selectors.task_get(pk), change=Change.from_request(request, Origin.API)
    )


@router.post(
    "/items/{pk}/file",
    auth=token_auth,
    response={200: CollectionItemOut, **WRITE_ERRORS},
    summary="Give an item its file (a photograph or scan, a PDF, a sound recording)",
)
def replace_item_file(
    request: HttpRequest,
    pk: Id,
    file: File[UploadedFile],
    version: Form[Annotated[int, Field(ge=1, le=2**31)] | None] = None,
) -> Item:
    """Checked by its content, not its name; a photograph loses its EXIF. The old file is
    deleted once the new one is stored. `version` left out: the current one."""
    item = _item(pk)
    return services.item_replace_file(
        item, file, version=item.version if version is None else version,
        change=Change.from_request(request, Origin.API),
    )  # fmt: skip


@router.get("/persons", response={200: list[CollectionPersonOut], **LIST_ERRORS}, summary="Persons")
@paginate
def list_persons(request: HttpRequest) -> Any:
    return selectors.person_list()


@router.post(
    "/persons",
    auth=token_auth,
    response={201: CollectionPersonOut, **WRITE_ERRORS},
    summary="Add a person items can be by or about",
)
def create_person(request: HttpRequest, body: NameIn) -> Status:
    return Status(201, _authority(request, Person(), body))


@router.get("/places", response={200: list[CollectionPlaceOut], **LIST_ERRORS}, summary="Places")
@paginate
def list_places(request: HttpRequest) -> Any:
    return selectors.place_list()


@router.post(
    "/places",
    auth=token_auth,
    response={201: CollectionPlaceOut, **WRITE_ERRORS},
    summary="Add a place items can be about",
)
def create_place(request: HttpRequest, body: NameIn) -> Status:
    return Status(201, _authority(request, Place(), body))


def _authority(request: HttpRequest, record: services.Authority, body: NameIn) -> Any:
    """A new person or place, added in the name of an organisation the user edits."""
    organisation = organisation_detail(body.organisation)
    if not request.user.has_perm("network.change_organisation", organisation):
        raise PermissionDenied
    return services.authority_save(
        record,
        names=body.name.dict(),
        change=Change.from_request(request, Origin.API),
        organisation=organisation,
    )
