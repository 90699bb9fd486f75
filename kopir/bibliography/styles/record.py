"""A bibliographic item read from CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/
markup.html) into the elements GOST descriptions are made of. Fields CSL-JSON lacks are inferred
from what the item has: a URL (or `medium: "online"`) means an electronic resource."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

MOVING_IMAGE_TYPES = {"motion_picture", "broadcast", "video"}
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


def _problem(message: Any, field: str) -> InvalidItem:
    return InvalidItem(str(message) % {"field": field})


class InvalidItem(ValueError):
    """The item cannot be described: the message says which field and why."""


@dataclass(frozen=True)
class Name:
    family: str
    given: str = ""
    literal: str = ""  # an organisation, or a name that is not split


@dataclass
class Record:
    id: str
    type: str
    title: str
    subtitle: str = ""
    genre: str = ""
    authors: list[Name] = field(default_factory=list)
    editors: list[Name] = field(default_factory=list)
    compilers: list[Name] = field(default_factory=list)
    translators: list[Name] = field(default_factory=list)
    authority: str = ""  # a jurisdiction heading: «Российская Федерация. Законы»
    container: str = ""
    container_subtitle: str = ""
    container_genre: str = ""
    edition: str = ""
    place: str = ""
    publisher: str = ""
    year: str = ""
    date: datetime.date | None = None  # the full date, when the item has one
    volume: str = ""
    issue: str = ""
    pages: str = ""
    extent: str = ""
    illustrations: str = ""
    series: str = ""
    isbn: str = ""
    url: str = ""
    accessed: datetime.date | None = None
    accessed_text: str = ""  # an access date given as text (a placeholder still to fill)
    language: str = ""
    electronic: bool = False
    more_authors: bool = False  # «[и др.]»: there are more authors than the names given

    @property
    def is_component(self) -> bool:
        return self.type in COMPONENT_TYPES or bool(self.container and self.type != "book")


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
        names.append(Name(family, _text(entry, "given"), literal))
    return names


def _date(item: dict[str, Any], key: str) -> tuple[str, datetime.date | None]:
    value = item.get(key)
    if not value:
        return "", None
    if not isinstance(value, dict):
        raise _problem(ERROR_DATE_OBJECT, key)
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        try:
            numbers = [int(p) for p in parts[0][:3]]
        except (TypeError, ValueError):
            raise _problem(ERROR_DATE_NUMBERS, key) from None
        if not 1 <= numbers[0] <= 9999:
            raise _problem(ERROR_YEAR_RANGE, key)
        if len(numbers) == 3:
            try:
                return str(numbers[0]), datetime.date(*numbers)
            except ValueError:
                raise _problem(ERROR_DATE_INVALID, key) from None
        return str(numbers[0]), None
    literal = value.get("literal") or value.get("raw")
    if isinstance(literal, str):
        literal = " ".join(literal.split())
        if literal.startswith("["):  # supplied by the compiler: «[2021]» stays as written
            return literal, None
        match = re.search(r"\d{4}", literal)
        return (match.group(0) if match else literal), None
    raise _problem(ERROR_DATE_OBJECT, key)


def _split_title(title: str) -> tuple[str, str]:
    """«Заглавие: подзаголовок» → («Заглавие», «подзаголовок»): GOST writes « : » between them."""
    head, sep, tail = title.partition(":")
    if sep and head.strip() and tail.strip() and "://" not in title:
        return head.strip(), " ".join(tail.split())
    return title.strip(), ""


def read(item: dict[str, Any], index: int = 0) -> Record:
    """One CSL-JSON item as a Record; raises InvalidItem with the reason."""
    if not isinstance(item, dict):
        raise InvalidItem(str(ERROR_OBJECT))
    kind = _text(item, "type") or "book"
    title, subtitle = _split_title(_text(item, "title"))
    if not title:
        raise _problem(ERROR_REQUIRED, "title")
    container, container_subtitle = _split_title(_text(item, "container-title"))
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
        editors=_names(item, "editor") or _names(item, "container-author"),
        compilers=_names(item, "compiler"),
        translators=_names(item, "translator"),
        authority=_text(item, "authority"),
        container=container,
        container_subtitle=container_subtitle,
        container_genre=_text(item, "kopir-container-genre"),
        edition=_text(item, "edition"),
        place=_text(item, "publisher-place") or _text(item, "event-place"),
        publisher=_text(item, "publisher"),
        year=year,
        date=date,
        volume=_text(item, "volume"),
        issue=_text(item, "issue"),
        pages=_text(item, "page"),
        extent=_text(item, "number-of-pages"),
        illustrations=_text(item, "dimensions"),
        series=_text(item, "collection-title"),
        isbn=_text(item, "ISBN"),
        url=url,
        accessed=accessed,
        accessed_text="" if accessed else accessed_text,
        language=_text(item, "language").lower()[:2],
        electronic=bool(url) or medium in ONLINE_MEDIA,
        more_authors=item.get("kopir-et-al") is True,
    )
