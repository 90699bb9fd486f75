"""The register of publications over the API (read by anyone; written with a token, under the
site's permissions), and the formatter for other systems: `POST /api/v1/references/format`
takes CSL-JSON items and gives each one's description in a GOST profile, as plain text and as
HTML, sorted as GOST lists are (Cyrillic, then Latin) when asked; `POST /references/parse`
reads one back; `GET /references/schema` says what the items may hold. None stores anything."""

from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from kopir.api.auth import token_auth
from kopir.api.errors import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, error_responses
from kopir.api.schemas import Id, Slug, Text
from kopir.bibliography import selectors, services
from kopir.bibliography.formats.gost_parser import parse
from kopir.bibliography.models import Publication, PublicationKind
from kopir.bibliography.styles import DEFAULT, PROFILES
from kopir.bibliography.styles.gost import describe, sort_key
from kopir.bibliography.styles.record import InvalidItem, read
from kopir.bibliography.styles.schema import json_schema
from kopir.core.audit import Change, Origin

router = Router(tags=["references"])
MAX_ITEMS = 500
# The answer's text (plain and HTML together): a few thousand ordinary references fit many
# times over; a request of long strings meant to multiply into a huge answer does not.
MAX_RESPONSE_CHARACTERS = 2_000_000
MAX_REFERENCE_TEXT = 5_000  # one reference, as the workspace's paste page takes it
ERROR_TOO_MUCH = _(
    "The references would be longer than %(n)s characters: send fewer or shorter items."
)

ProfileKey = Literal["gost-r-7.0.100-2018", "gost-r-7.0.5-2008", "gost-7.1-2003"]


class FormatIn(Schema):
    profile: ProfileKey = DEFAULT  # type: ignore[assignment]
    items: Annotated[list[dict[str, Any]], Field(min_length=1, max_length=MAX_ITEMS)]
    sort: bool = Field(False, description="Order the list as GOST lists are: Cyrillic, then Latin")


class ReferenceOut(Schema):
    id: str
    plain: str
    html: str


class FormatOut(Schema):
    profile: str
    references: list[ReferenceOut]


@router.post(
    "/references/format",
    response={200: FormatOut, **error_responses(400, 401, 413, 422)},  # 400: not JSON at all
    summary="Format CSL-JSON items by GOST",
)
def format_references(request: HttpRequest, body: FormatIn) -> dict[str, Any]:
    """Descriptions of CSL-JSON items by ГОСТ Р 7.0.100-2018 (default), ГОСТ Р 7.0.5-2008 or
    ГОСТ 7.1-2003. Fields CSL-JSON lacks are inferred: a URL (or `medium: "online"`) makes an
    electronic resource. A list with an item that cannot be described is refused whole (422),
    naming each item and its problem; so is a list whose descriptions would exceed 2,000,000
    characters. A body over 10 MB is refused with 413."""
    profile = PROFILES[body.profile]
    records, problems = [], {}
    for index, item in enumerate(body.items):
        try:
            records.append(read(item, index))
        except InvalidItem as problem:
            problems[f"items.{index}"] = str(problem)
    if problems:
        raise ValidationError(problems)
    references, size = [], 0
    for r in records:
        plain, html = describe(r, profile), describe(r, profile, html=True)
        reference = {"id": r.id, "plain": plain, "html": html}
        size += len(plain) + len(html)
        if size > MAX_RESPONSE_CHARACTERS:  # stop early: the answer is refused whole anyway
            raise ValidationError({"items": ERROR_TOO_MUCH % {"n": MAX_RESPONSE_CHARACTERS}})
        references.append(reference)
    if body.sort:
        references.sort(key=lambda ref: sort_key(ref["plain"]))
    return {"profile": profile.key, "references": references}


class ParseIn(Schema):
    profile: ProfileKey = DEFAULT  # type: ignore[assignment]
    text: Annotated[str, Field(min_length=1, max_length=MAX_REFERENCE_TEXT)]


class ParseOut(Schema):
    item: dict[str, Any]
    unparsed: list[str]
    warnings: list[str]


NO_TITLE = _("No title was found: the whole text is in «unparsed».")
NO_YEAR = _("No year of publication was found.")
NOT_COMPACT = _("This is not the compact form of ГОСТ Р 7.0.5-2008: it was read as a full one.")
READ_AS_NOTES = _("Read as notes (area 7), to check: %(notes)s")


@router.post(
    "/references/parse",
    response={200: ParseOut, **error_responses(400, 401, 413, 422)},
    summary="Read a GOST reference back into CSL-JSON",
)
def parse_reference(request: HttpRequest, body: ParseIn) -> dict[str, Any]:
    """One reference as text (any of the three profiles; ГОСТ Р 7.0.5's compact form too) →
    a CSL-JSON item, the parts it could not place (`unparsed`, never folded into a field) and
    warnings about what is missing. The same reader as the workspace's «paste a reference»."""
    parsed = parse(body.text)
    warnings = []
    if not parsed.item.get("title"):
        warnings.append(str(NO_TITLE))
    elif not parsed.item.get("issued"):
        warnings.append(str(NO_YEAR))
    if body.profile == "gost-r-7.0.5-2008" and not parsed.compact:
        warnings.append(str(NOT_COMPACT))
    if parsed.notes:
        warnings.append(str(READ_AS_NOTES) % {"notes": "; ".join(parsed.notes)})
    return {"item": parsed.item, "unparsed": parsed.left_over, "warnings": warnings}


@router.get(
    "/references/schema",
    response={200: dict[str, Any], **LIST_ERRORS},
    summary="The JSON Schema of the items the formatter reads",
)
def reference_schema(request: HttpRequest) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of one CSL-JSON item as `POST /references/format` reads it:
    every variable it uses, with its meaning in a GOST description, and Köpir's extensions
    (`kopir-container-genre`, `kopir-et-al`). Other CSL variables are accepted and ignored."""
    return json_schema()


# --- the register --------------------------------------------------------------------------

ERROR_UNKNOWN_LINK = _("These name nothing the publication could be about: %(keys)s.")


class PublicationOut(Schema):
    id: int
    kind: str
    title: str
    year: int | None
    language: str
    organisation: str | None = Field(None, description="The organisation that added it.")
    reference: str = Field(description="Its description by ГОСТ Р 7.0.100-2018.")
    csl: dict[str, Any]
    organisations: list[str]
    events: list[str]
    projects: list[str]
    items: list[int]
    people: list[int]
    version: int

    @staticmethod
    def resolve_organisation(obj: Publication) -> str | None:
        return obj.organisation.slug if obj.organisation else None

    @staticmethod
    def resolve_reference(obj: Publication) -> str:
        return selectors.formatted([obj], html=False)[0][1]

    @staticmethod
    def resolve_organisations(obj: Publication) -> list[str]:
        return [o.slug for o in obj.organisations.all()]

    @staticmethod
    def resolve_events(obj: Publication) -> list[str]:
        return [e.slug for e in obj.events.all()]

    @staticmethod
    def resolve_projects(obj: Publication) -> list[str]:
        return [p.slug for p in obj.projects.all()]

    @staticmethod
    def resolve_items(obj: Publication) -> list[int]:
        return [i.pk for i in obj.items.all()]

    @staticmethod
    def resolve_people(obj: Publication) -> list[int]:
        return [p.pk for p in obj.people.all()]


Keys = Annotated[list[Slug], Field(max_length=100)]
Ids = Annotated[list[Id], Field(max_length=100)]


class PublicationIn(Schema):
    csl: dict[str, Any] = Field(
        description="The record as a CSL-JSON item (type, title, author, issued …)."
    )
    organisations: Keys = []
    events: Keys = []
    projects: Keys = []
    items: Ids = Field([], description="Published collection items, by id.")
    people: Ids = Field([], description="People of the network among the authors, by id.")


class PublicationPut(PublicationIn):
    version: int = Field(ge=1, le=2**31, description="The version the change is based on.")


class PublicationQuery(Schema):
    year: int | None = Field(None, ge=1000, le=2999)
    kind: PublicationKind | None = None
    language: Annotated[Text, Field(max_length=3)] = ""
    organisation: Annotated[Text, Field(max_length=50)] = ""


def _links(data: PublicationIn) -> services.Links:
    targets = selectors.link_targets(
        organisations=data.organisations, events=data.events, projects=data.projects,
        items=data.items, people=data.people,
    )  # fmt: skip
    if targets.unknown:
        raise ValidationError({
            kind: [ERROR_UNKNOWN_LINK % {"keys": ", ".join(keys)}]
            for kind, keys in targets.unknown.items()
        })  # fmt: skip
    return services.Links(**targets.found)


@router.get(
    "/publications",
    response={200: list[PublicationOut], **LIST_ERRORS},
    summary="The network in the press: publications, in GOST list order",
)
@paginate
def list_publications(
    request: HttpRequest, filters: Query[PublicationQuery]
) -> QuerySet[Publication]:
    return selectors.publication_feed(
        selectors.PublicationFilter(
            year=filters.year, kind=filters.kind.value if filters.kind else "",
            language=filters.language, organisation=filters.organisation,
        )
    )  # fmt: skip


@router.get(
    "/publications/{pk}", response={200: PublicationOut, **READ_ERRORS}, summary="One publication"
)
def get_publication(request: HttpRequest, pk: Id) -> Publication:
    return selectors.publication_detail(pk)


@router.post(
    "/publications",
    auth=token_auth,
    response={201: PublicationOut, **WRITE_ERRORS},
    summary="Add a publication (an editor, for their organisation; the coordinator)",
)
def create_publication(request: HttpRequest, data: PublicationIn) -> Status:
    """The CSL-JSON item must describe a publication by GOST (type, title, and what its type
    needs); one that cannot be described is refused (422, `fields.csl`)."""
    change = Change.from_request(request, Origin.API)
    publication = Publication(organisation=getattr(change.user, "organisation", None), csl={})
    saved = services.publication_save(publication, csl=data.csl, links=_links(data), change=change)
    return Status(201, selectors.publication_detail(saved.pk))


@router.put(
    "/publications/{pk}",
    auth=token_auth,
    response={200: PublicationOut, **WRITE_ERRORS},
    summary="Replace a publication's record and what it is about",
)
def replace_publication(request: HttpRequest, pk: Id, data: PublicationPut) -> Publication:
    services.publication_save(
        selectors.publication_get(pk), csl=data.csl, links=_links(data),
        change=Change.from_request(request, Origin.API), version=data.version,
    )  # fmt: skip
    return selectors.publication_detail(pk)


@router.delete(
    "/publications/{pk}",
    auth=token_auth,
    response={204: None, **WRITE_ERRORS},
    summary="Delete a publication",
)
def delete_publication(request: HttpRequest, pk: Id) -> Status:
    services.publication_delete(
        selectors.publication_get(pk), change=Change.from_request(request, Origin.API)
    )
    return Status(204, None)
