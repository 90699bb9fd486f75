"""A bibliographic item read from CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/
markup.html) into the elements GOST descriptions are made of. Fields CSL-JSON lacks are inferred
from what the item has: a URL (or `medium: "online"`) means an electronic resource."""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from kopir.bibliography.styles.terms import ROLE_KEYS

MOVING_IMAGE_TYPES = {"motion_picture", "broadcast", "video"}
# Area 9's kind of content by CSL type (text for any other type).
CONTENT_KINDS = {
    **dict.fromkeys(MOVING_IMAGE_TYPES, "video"),
    "map": "map",
    "musical_score": "score",
    "song": "music",
    "speech": "speech",
    "interview": "speech",
    "graphic": "image",
    "figure": "image",
}
# CSL's name variables for contributors other than authors, each with the role its names play
# unless a name says otherwise (`kopir-role`). Read in the item's own order: the order of the
# title page. `editor` of a component part is its container's editor.
CONTRIBUTOR_VARIABLES = {
    "editor": "editor",
    "editorial-director": "editorial-director",
    "compiler": "compiler",
    "translator": "translator",
    "illustrator": "illustrator",
    "director": "director",
    "script-writer": "script-writer",
    "composer": "composer",
    "performer": "performer",
    "narrator": "narrator",
    "producer": "producer",
    "interviewer": "interviewer",
    "chair": "chair",
    "organizer": "organizer",
    "contributor": "contributor",
}
COMPONENT_TYPES = {
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "chapter",
    "paper-conference",
    "entry-encyclopedia",
    "entry-dictionary",
    "post",
    "post-weblog",
    "review",
    "review-book",
}
ONLINE_MEDIA = {"online", "electronic", "web", "internet"}


ERROR_OBJECT = _("an item is a JSON object")
ERROR_TEXT = _("%(field)s: expected text")
ERROR_NAMES = _("%(field)s: expected a list of names")
ERROR_NAME_OBJECT = _("%(field)s: each name is an object with family and given")
ERROR_NAME_FAMILY = _("%(field)s: a name needs a family name (or literal)")
ERROR_DATE_OBJECT = _("%(field)s: expected a date (date-parts)")
ERROR_DATE_NUMBERS = _("%(field)s: the parts of a date must be numbers")
ERROR_YEAR_RANGE = _("%(field)s: the year is out of range")
ERROR_DATE_INVALID = _("%(field)s: not a valid date")
ERROR_REQUIRED = _("%(field)s: required")
ERROR_ROLE = _("%(field)s: unknown role (see /api/v1/references/schema)")
ERROR_LIST = _("%(field)s: expected a list of texts")
ERROR_NESTED = _("%(field)s: expected an object (a host, or the work reviewed)")
ERROR_DEPTH = _("%(field)s: nested too deep")
# How many hosts a part may have beyond its own («part // host // … »), and how deep a reviewed
# work may itself review (not at all): bounds on what a request can make the reader recurse into.
MAX_HOSTS = 8


def _problem(message: Any, field: str) -> InvalidItem:
    return InvalidItem(str(message) % {"field": field})


class InvalidItem(ValueError):
    """The item cannot be described: the message says which field and why."""


@dataclass(frozen=True)
class Name:
    family: str
    given: str = ""
    literal: str = ""  # an organisation, or a name that is not split
    role: str = ""  # `kopir-role`, when the name says its part itself


@dataclass(frozen=True)
class Contributor:
    role: str  # a key of terms.ROLE_KEYS
    name: Name


@dataclass(frozen=True)
class Host:
    """A host's own host, at any depth: «Part // its host // the host's host. – 2019. – № 5».
    What identifies it — its title, other title information, what it is, who is responsible —
    printed as its title area; the publication, numbering and pages of the part follow the
    last host (the one the whole chain is found in)."""

    title: str
    subtitle: str = ""
    genre: str = ""
    authors: tuple[Name, ...] = ()
    contributors: tuple[Contributor, ...] = ()
    institution: str = ""


@dataclass
class Record:
    id: str
    type: str
    title: str
    subtitle: str = ""
    genre: str = ""
    authors: list[Name] = field(default_factory=list)
    editors: list[Name] = field(default_factory=list)  # of the container, for a part
    contributors: list[Contributor] = field(default_factory=list)  # in title-page order
    container_authors: list[Name] = field(default_factory=list)
    institution: str = ""  # after « ; » in the statement: a thesis's university, a body
    authority: str = ""  # a jurisdiction heading: «Российская Федерация. Законы»
    container: str = ""
    container_subtitle: str = ""
    container_genre: str = ""
    edition: str = ""
    place: str = ""
    publisher: str = ""
    year: str = ""  # as printed: «2021», «2020–2022», «2000 – » (a range still open)
    date: datetime.date | None = None  # the full date, when the item has one
    volume: str = ""
    issue: str = ""
    pages: str = ""
    extent: str = ""
    illustrations: str = ""
    size: str = ""  # «29 см»
    series: str = ""
    series_number: str = ""
    isbn: str = ""
    doi: str = ""
    number: str = ""  # a standard's designation «ГОСТ Р 7.0.100–2018», a law's number
    parallel_title: str = ""
    specialty: str = ""  # of a thesis: «5.6.1 «Отечественная история»»
    volumes: str = ""  # number of volumes of a set
    volume_title: str = ""
    volume_subtitle: str = ""
    event: str = ""  # a conference as the title page names it
    event_place: str = ""
    event_date: tuple[datetime.date, datetime.date] | None = None
    scale: str = ""
    notes: list[str] = field(default_factory=list)
    access: str = ""  # «для зарегистрир. пользователей»
    archive: str = ""
    archive_location: str = ""
    url: str = ""
    accessed: datetime.date | None = None
    accessed_text: str = ""  # an access date given as text (a placeholder still to fill)
    language: str = ""
    electronic: bool = False
    more_authors: bool = False  # «[и др.]»: there are more authors than the names given
    hosts: list[Host] = field(default_factory=list)  # the container's own hosts, nearest first
    reviewed: Record | None = None  # what a review reviews: «Рецензия на книгу: …»

    @property
    def is_component(self) -> bool:
        return self.type in COMPONENT_TYPES or bool(self.container and self.type != "book")

    @property
    def content(self) -> str:
        return CONTENT_KINDS.get(self.type, "text")


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key, "")
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise _problem(ERROR_TEXT, key)
    return " ".join(value.replace("\x00", "").split())


def _names(item: dict[str, Any], key: str) -> list[Name]:
    value = item.get(key) or []
    if not isinstance(value, list):
        raise _problem(ERROR_NAMES, key)
    names = []
    for entry in value:
        if not isinstance(entry, dict):
            raise _problem(ERROR_NAME_OBJECT, key)
        family = _text(entry, "family")
        literal = _text(entry, "literal")
        if not family and not literal:
            raise _problem(ERROR_NAME_FAMILY, key)
        role = _text(entry, "kopir-role")
        if role and role not in ROLE_KEYS:
            raise _problem(ERROR_ROLE, f"{key}.kopir-role")
        names.append(Name(family, _text(entry, "given"), literal, role))
    return names


def _texts(item: dict[str, Any], key: str) -> list[str]:
    value = item.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _problem(ERROR_LIST, key)
    return [" ".join(v.split()) for v in value if v.strip()]


def _contributors(item: dict[str, Any], component: bool) -> list[Contributor]:
    """Every contributor but the authors, in the order of the item's keys (the title page's)."""
    out: list[Contributor] = []
    for key in item:
        role = CONTRIBUTOR_VARIABLES.get(key)
        if role is None or (component and key == "editor"):
            continue
        out.extend(Contributor(name.role or role, name) for name in _names(item, key))
    return out


def _date(item: dict[str, Any], key: str) -> tuple[str, datetime.date | None]:
    value = item.get(key)
    if not value:
        return "", None
    if not isinstance(value, dict):
        raise _problem(ERROR_DATE_OBJECT, key)
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        numbers = _numbers(parts[0], key)
        year = str(numbers[0])
        if len(parts) > 1 and isinstance(parts[1], list):
            # A range: [[2020], [2022]] → «2020–2022»; [[2000], []] is still open: «2000 – ».
            if not parts[1]:
                return f"{year} \u2013 ", None
            end = _numbers(parts[1], key)
            if end[0] != numbers[0]:
                return f"{year}\u2013{end[0]}", None
        if len(numbers) == 3:
            try:
                return year, datetime.date(*numbers)
            except ValueError:
                raise _problem(ERROR_DATE_INVALID, key) from None
        return year, None
    literal = value.get("literal") or value.get("raw")
    if isinstance(literal, str):
        literal = " ".join(literal.split())
        if literal.startswith("["):  # supplied by the compiler: «[2021]» stays as written
            return literal, None
        match = re.search(r"\d{4}", literal)
        return (match.group(0) if match else literal), None
    raise _problem(ERROR_DATE_OBJECT, key)


def _numbers(parts: list[Any], key: str) -> list[int]:
    try:
        numbers = [int(p) for p in parts[:3]]
    except (TypeError, ValueError):
        raise _problem(ERROR_DATE_NUMBERS, key) from None
    if not 1 <= numbers[0] <= 9999:
        raise _problem(ERROR_YEAR_RANGE, key)
    return numbers


def _day_range(item: dict[str, Any], key: str) -> tuple[datetime.date, datetime.date] | None:
    """A conference's days: [[2019, 5, 15], [2019, 5, 16]] or one day."""
    value = item.get(key)
    parts = value.get("date-parts") if isinstance(value, dict) else None
    if not (isinstance(parts, list) and parts and isinstance(parts[0], list)):
        if value:
            raise _problem(ERROR_DATE_OBJECT, key)
        return None
    days = []
    for part in parts[:2]:
        numbers = _numbers(part, key) if isinstance(part, list) and part else []
        if len(numbers) != 3:
            raise _problem(ERROR_DATE_OBJECT, key)
        try:
            days.append(datetime.date(*numbers))
        except ValueError:
            raise _problem(ERROR_DATE_INVALID, key) from None
    return days[0], days[-1]


def _split_title(title: str) -> tuple[str, str]:
    """«Заглавие: подзаголовок» → («Заглавие», «подзаголовок»): GOST writes « : » between them."""
    head, sep, tail = title.partition(":")
    if sep and head.strip() and tail.strip() and "://" not in title:
        return head.strip(), " ".join(tail.split())
    return title.strip(), ""


def _titles(item: dict[str, Any], key: str, subtitle_key: str) -> tuple[str, str]:
    """The title proper and the other title information. With the subtitle given apart (even
    empty), the title is as printed, its own colon kept («Социальные науки: social-economic
    sciences»); without, «Title: subtitle» (the CSL habit) is split at its colon."""
    if subtitle_key in item:
        return _text(item, key), _text(item, subtitle_key)
    return _split_title(_text(item, key))


def _nested(field_name: str, error: InvalidItem) -> InvalidItem:
    """An error inside a nested object names the path: «kopir-reviewed.author: …»."""
    return InvalidItem(f"{field_name}.{error}")


def _hosts(item: dict[str, Any], depth: int = 0) -> list[Host]:
    """`kopir-container`: the container's own host, which may have its own, and so on."""
    value = item.get("kopir-container")
    if value is None:
        return []
    if not isinstance(value, dict):
        raise _problem(ERROR_NESTED, "kopir-container")
    if depth >= MAX_HOSTS:
        raise _problem(ERROR_DEPTH, "kopir-container")
    try:
        title, subtitle = _titles(value, "title", "kopir-subtitle")
        if not title:
            raise _problem(ERROR_REQUIRED, "title")
        host = Host(
            title=title,
            subtitle=subtitle,
            genre=_text(value, "genre"),
            authors=tuple(_names(value, "author")),
            contributors=tuple(_contributors(value, component=False)),
            institution=_text(value, "kopir-institution"),
        )
        return [host, *_hosts(value, depth + 1)]
    except InvalidItem as error:
        raise _nested("kopir-container", error) from None


def _reviewed(item: dict[str, Any], depth: int) -> Record | None:
    """What a review reviews: a whole CSL-JSON item (`kopir-reviewed`), or CSL's own
    `reviewed-title` and `reviewed-author`, read as a book."""
    value = item.get("kopir-reviewed")
    if value is not None:
        if not isinstance(value, dict):
            raise _problem(ERROR_NESTED, "kopir-reviewed")
        if depth:
            raise _problem(ERROR_DEPTH, "kopir-reviewed")
        try:
            return dataclasses.replace(read(value, _depth=depth + 1), id="")
        except InvalidItem as error:
            raise _nested("kopir-reviewed", error) from None
    title, subtitle = _split_title(_text(item, "reviewed-title"))
    authors = _names(item, "reviewed-author")
    if not title:
        if authors:
            raise _problem(ERROR_REQUIRED, "reviewed-title")
        return None
    return Record(id="", type="book", title=title, subtitle=subtitle, authors=authors)


def read(item: dict[str, Any], index: int = 0, *, _depth: int = 0) -> Record:
    """One CSL-JSON item as a Record; raises InvalidItem with the reason."""
    if not isinstance(item, dict):
        raise InvalidItem(str(ERROR_OBJECT))
    kind = _text(item, "type") or "book"
    title, subtitle = _titles(item, "title", "kopir-subtitle")
    if not title:
        raise _problem(ERROR_REQUIRED, "title")
    container, container_subtitle = _titles(item, "container-title", "kopir-container-subtitle")
    volume_title, volume_subtitle = _split_title(_text(item, "volume-title"))
    component = kind in COMPONENT_TYPES or bool(container and kind != "book")
    event = _text(item, "event-title")
    year, date = _date(item, "issued")
    accessed_text, accessed = _date(item, "accessed")
    url = _text(item, "URL")
    medium = _text(item, "medium").lower()
    return Record(
        id=_text(item, "id") or str(index + 1),
        type=kind,
        title=title,
        subtitle=subtitle,
        genre=_text(item, "genre"),
        authors=_names(item, "author"),
        editors=_names(item, "editor") if component else [],
        contributors=_contributors(item, component),
        container_authors=_names(item, "container-author"),
        institution=_text(item, "kopir-institution")
        or (_text(item, "publisher") if kind == "thesis" else ""),
        authority=_text(item, "authority"),
        container=container,
        container_subtitle=container_subtitle,
        container_genre=_text(item, "kopir-container-genre"),
        edition=_text(item, "edition"),
        place=_text(item, "publisher-place") or ("" if event else _text(item, "event-place")),
        publisher="" if kind == "thesis" else _text(item, "publisher"),
        year=year,
        date=date,
        volume=_text(item, "volume"),
        issue=_text(item, "issue"),
        pages=_text(item, "page"),
        extent=_text(item, "number-of-pages"),
        illustrations=_text(item, "dimensions"),
        size=_text(item, "kopir-size"),
        series=_text(item, "collection-title"),
        series_number=_text(item, "collection-number"),
        isbn=_text(item, "ISBN"),
        doi=_text(item, "DOI"),
        number=_text(item, "number"),
        parallel_title=_text(item, "kopir-parallel-title"),
        specialty=_text(item, "kopir-specialty"),
        volumes=_text(item, "number-of-volumes"),
        volume_title=volume_title,
        volume_subtitle=volume_subtitle,
        event=event,
        event_place=_text(item, "event-place") if event else "",
        event_date=_day_range(item, "event-date"),
        scale=_text(item, "scale"),
        notes=_texts(item, "kopir-notes"),
        access=_text(item, "kopir-access"),
        archive=_text(item, "archive"),
        archive_location=_text(item, "archive_location"),
        url=url,
        accessed=accessed,
        accessed_text="" if accessed else accessed_text,
        language=_text(item, "language").lower()[:2],
        electronic=bool(url) or medium in ONLINE_MEDIA,
        more_authors=item.get("kopir-et-al") is True,
        hosts=_hosts(item) if component else [],
        reviewed=_reviewed(item, _depth),
    )
