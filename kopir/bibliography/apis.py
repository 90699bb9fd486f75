"""The formatter for other systems: `POST /api/v1/references/format` takes CSL-JSON items and
gives each one's description in a GOST profile, as plain text and as HTML, sorted as GOST lists
are (Cyrillic, then Latin) when asked. Nothing is stored; no token is needed."""

from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema

from kopir.api.errors import error_responses
from kopir.bibliography.styles import DEFAULT, PROFILES
from kopir.bibliography.styles.gost import describe, sort_key
from kopir.bibliography.styles.record import InvalidItem, read

router = Router(tags=["references"])
MAX_ITEMS = 500

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
    response={200: FormatOut, **error_responses(400, 401, 422)},  # 400: not JSON at all
    summary="Format CSL-JSON items by GOST",
)
def format_references(request: HttpRequest, body: FormatIn) -> dict[str, Any]:
    """Descriptions of CSL-JSON items by ГОСТ Р 7.0.100-2018 (default), ГОСТ Р 7.0.5-2008 or
    ГОСТ 7.1-2003. Fields CSL-JSON lacks are inferred: a URL (or `medium: "online"`) makes an
    electronic resource. A list with an item that cannot be described is refused whole (422),
    naming each item and its problem."""
    profile = PROFILES[body.profile]
    records, problems = [], {}
    for index, item in enumerate(body.items):
        try:
            records.append(read(item, index))
        except InvalidItem as problem:
            problems[f"items.{index}"] = str(problem)
    if problems:
        raise ValidationError(problems)
    references = [
        {"id": r.id, "plain": describe(r, profile), "html": describe(r, profile, html=True)}
        for r in records
    ]
    if body.sort:
        references.sort(key=lambda ref: sort_key(ref["plain"]))
    return {"profile": profile.key, "references": references}
