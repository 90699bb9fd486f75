"""A bibliographic item read from CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/
markup.html) into the elements GOST descriptions are made of. Fields CSL-JSON lacks are inferred
from what the item has: a URL (or `medium: "online"`) means an electronic resource."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

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
    language: str = ""
    electronic: bool = False

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
        raise InvalidItem(f"{key}: expected a string")
    return " ".join(value.replace("\x00", "").split())


def _names(item: dict[str, Any], key: str) -> list[Name]:
    value = item.get(key) or []
    if not isinstance(value, list):
        raise InvalidItem(f"{key}: expected a list of names")
    names = []
    for entry in value:
        if not isinstance(entry, dict):
            raise InvalidItem(f"{key}: each name is an object with family and given")
        family = _text(entry, "family")
        literal = _text(entry, "literal")
        if not family and not literal:
            raise InvalidItem(f"{key}: a name needs family (or literal)")
        names.append(Name(family, _text(entry, "given"), literal))
    return names


def _date(item: dict[str, Any], key: str) -> tuple[str, datetime.date | None]:
    value = item.get(key)
    if not value:
        return "", None
    if not isinstance(value, dict):
        raise InvalidItem(f"{key}: expected a CSL date object")
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        try:
            numbers = [int(p) for p in parts[0][:3]]
        except (TypeError, ValueError):
            raise InvalidItem(f"{key}: date-parts must be numbers") from None
        if not 1 <= numbers[0] <= 9999:
            raise InvalidItem(f"{key}: the year is out of range")
        if len(numbers) == 3:
            try:
                return str(numbers[0]), datetime.date(*numbers)
            except ValueError:
                raise InvalidItem(f"{key}: not a valid date") from None
        return str(numbers[0]), None
    literal = value.get("literal") or value.get("raw")
    if isinstance(literal, str):
        match = re.search(r"\d{4}", literal)
        return (match.group(0) if match else literal.strip()), None
    raise InvalidItem(f"{key}: expected date-parts")


def _split_title(title: str) -> tuple[str, str]:
    """«Заглавие: подзаголовок» → («Заглавие», «подзаголовок»): GOST writes « : » between them."""
    head, sep, tail = title.partition(":")
    if sep and head.strip() and tail.strip() and "://" not in title:
        return head.strip(), " ".join(tail.split())
    return title.strip(), ""


def read(item: dict[str, Any], index: int = 0) -> Record:
    """One CSL-JSON item as a Record; raises InvalidItem with the reason."""
    if not isinstance(item, dict):
        raise InvalidItem("an item is a JSON object")
    kind = _text(item, "type") or "book"
    title, subtitle = _split_title(_text(item, "title"))
    if not title:
        raise InvalidItem("title: required")
    container, container_subtitle = _split_title(_text(item, "container-title"))
    year, date = _date(item, "issued")
    _, accessed = _date(item, "accessed")
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
        language=_text(item, "language").lower()[:2],
        electronic=bool(url) or medium in ONLINE_MEDIA,
    )
