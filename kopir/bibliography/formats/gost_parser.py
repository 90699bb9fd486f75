"""A pasted GOST reference read back into a CSL-JSON item, best effort: what it recognises goes
into fields for the editor to confirm, and what it could not place is returned as left over, so
nothing typed is silently lost. It reads the forms the formatter writes (7.0.100, 7.0.5, 7.1)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kopir.bibliography.formats.gost_compact import INITIALS, SURNAME, read_compact

_AREA = re.compile(r"\.\s+[–—-]\s+")
_HEADING = re.compile(rf"^({SURNAME}),?\s+({INITIALS})\s+(.*)$")
_PERSON = re.compile(rf"^({INITIALS})\s*([\w’'-]+)$")
_PUBLICATION = re.compile(r"^(?P<place>[^:]+?)\s*:\s*(?P<publisher>.+?),\s*(?P<year>\[?\d{4}\]?)$")
_PLACE_YEAR = re.compile(r"^(?P<place>[^:,]+),\s*(?P<year>\[?\d{4}\]?)$")
_YEAR = re.compile(r"^\[?(\d{4})\]?$")
_EXTENT = re.compile(r"^(\d+)\s*[сcб]\.(?:\s*:\s*(.+))?$")
_PAGES = re.compile(r"^[СCБ]\.\s*(\d+(?:\s*[–-]\s*\d+)?)$")
_NUMBERS = re.compile(r"^(?:Т\.\s*(?P<volume>[\w-]+))?(?:,\s*)?(?:№\s*(?P<issue>[\w-]+))?$")
_DAY = re.compile(r"^(\d{1,2})\s+(\S+?)\.?(?:\s*\(№\s*(\w+)\))?$")
_URL = re.compile(
    r"^(?:URL|Режим доступа):\s*(\[[^\]]*\]|\S+)(?:\s*\(дата обращения:\s*([^)]*)\))?$"
)
_DMY = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$")
# The genitive after «под редакцией» back to the nominative (names.genitive, inverted): feminine
# -овой → -ова; -ова after «под редакцией» is taken as the masculine -ов. Ambiguous by nature:
# the editor confirms the parsed record.
_NOMINATIVE = [
    ("ской", "ская"),
    ("цкой", "цкая"),
    ("ского", "ский"),
    ("цкого", "цкий"),
    ("овой", "ова"),
    ("евой", "ева"),
    ("ёвой", "ёва"),
    ("иной", "ина"),
    ("ыной", "ына"),
    ("ова", "ов"),
    ("ева", "ев"),
    ("ёва", "ёв"),
    ("ина", "ин"),
    ("ына", "ын"),
]
_CONTENT = re.compile(
    r"^(Текст|Изображение.*?)\s*:\s*(непосредственный|электронный|электронное|видео)$"
)
_MONTHS = {
    "янв": 1, "января": 1, "февр": 2, "февраля": 2, "марта": 3, "апр": 4, "апреля": 4, "мая": 5,
    "июня": 6, "июля": 7, "авг": 8, "августа": 8, "сент": 9, "сентября": 9, "окт": 10,
    "октября": 10, "нояб": 11, "ноября": 11, "дек": 12, "декабря": 12,
}  # fmt: skip


@dataclass
class Parsed:
    item: dict[str, Any]
    left_over: list[str] = field(default_factory=list)
    compact: bool = False  # read as ГОСТ Р 7.0.5's compact form


def _person(text: str, *, genitive: bool = False) -> dict[str, str] | None:
    match = _PERSON.match(text.strip())
    if not match:
        return None
    family = match.group(2)
    if genitive:
        for ending, nominative in _NOMINATIVE:
            if family.endswith(ending):
                family = family[: -len(ending)] + nominative
                break
    return {"family": family, "given": " ".join(match.group(1).split())}


def _title_area(text: str, item: dict[str, Any], left: list[str]) -> None:
    heading = _HEADING.match(text)
    if heading:
        text = heading.group(3)
        item["author"] = [{"family": heading.group(1), "given": " ".join(heading.group(2).split())}]
    title, _, responsibility = text.partition(" / ")
    title = re.sub(r"\s*\[(?:Текст|Электронный ресурс)\]", "", title)
    pieces = [p.strip() for p in title.split(" : ")]
    item["title"] = pieces[0] + (f": {pieces[1]}" if len(pieces) > 2 else "")
    if len(pieces) == 2:
        item["title"] = f"{pieces[0]}: {pieces[1]}"
    if len(pieces) > 2:
        item["genre"] = " : ".join(pieces[2:])
    if responsibility:
        people, editors = [], []
        for part in responsibility.split(";"):
            if "[и др.]" in part:
                item["kopir-et-al"] = True
            part = part.strip().replace("[и др.]", "").strip()
            editing = re.match(r"^под (?:ред\.|редакцией)\s+(.*)$", part)
            for name in (editing.group(1) if editing else part).split(","):
                person = _person(name, genitive=bool(editing))
                if person and editing:
                    editors.append(person)
                elif person:
                    people.append(person)
                elif name.strip():
                    left.append(name.strip())
        if people:
            item["author"] = people
        if editors:
            item["editor"] = editors


def _area(text: str, item: dict[str, Any], left: list[str], host: bool) -> None:
    text = text.strip().rstrip(".")
    if not text:
        return
    if match := _CONTENT.match(text):
        if match.group(2).startswith("электрон"):
            item["medium"] = "online"
        return
    if match := _URL.match(text):
        item["URL"] = match.group(1)
        if match.group(2):
            day = _DMY.match(match.group(2).strip())
            item["accessed"] = (
                {"date-parts": [[int(day.group(3)), int(day.group(2)), int(day.group(1))]]}
                if day
                else {"literal": match.group(2).strip()}
            )
        return
    if match := _PAGES.match(text):
        item["page"] = re.sub(r"\s*[–-]\s*", "-", match.group(1))
        return
    if match := _EXTENT.match(text + "."):
        item["number-of-pages"] = match.group(1)
        if match.group(2):
            item["dimensions"] = match.group(2).rstrip(".")
        return
    if text.startswith("ISBN"):
        item["ISBN"] = text[4:].strip()
        return
    if match := _PUBLICATION.match(text):
        item["publisher-place"], item["publisher"] = match.group("place"), match.group("publisher")
        _year(match.group("year"), item)
        return
    if match := _PLACE_YEAR.match(text):
        item["publisher-place"] = match.group("place")
        _year(match.group("year"), item)
        return
    if _YEAR.match(text):
        _year(text, item)
        return
    if host and (match := _NUMBERS.match(text)) and (match.group("volume") or match.group("issue")):
        item.update({k: v for k, v in match.groupdict().items() if v})
        return
    if host and (match := _DAY.match(text)) and match.group(2).rstrip(".") in _MONTHS:
        year = (item.get("issued") or {}).get("date-parts", [[0]])[0][0]
        if year:
            item["issued"] = {"date-parts": [[year, _MONTHS[match.group(2).rstrip(".")],
                                              int(match.group(1))]]}  # fmt: skip
        if match.group(3):
            item["issue"] = match.group(3)
        return
    if re.search(r"изд\.", text):
        item["edition"] = text + ("." if not text.endswith(".") else "")
        return
    left.append(text)


def _year(text: str, item: dict[str, Any]) -> None:
    if text.startswith("["):
        item["issued"] = {"literal": text}
    else:
        item["issued"] = {"date-parts": [[int(text.strip("[]"))]]}


def parse(text: str) -> Parsed:
    """A reference as pasted → a CSL-JSON item and the parts not understood."""
    text = " ".join(text.replace("\u00a0", " ").split())
    # 7.0.5's compact form (no « – » between areas): its own reader, not a mis-reading.
    compact = None if _AREA.search(text) else read_compact(text)
    if compact is not None:
        return Parsed(*compact, compact=True)
    left: list[str] = []
    item: dict[str, Any] = {"type": "book"}
    part, _, host = text.partition(" // ")
    areas = _AREA.split(part)
    _title_area(areas[0], item, left)
    for area in areas[1:]:
        _area(area, item, left, host=False)
    if host:
        host_areas = _AREA.split(host)
        container, _, editors = host_areas[0].partition(" / ")
        pieces = [p.strip() for p in container.split(" : ")]
        if len(pieces) > 1 and pieces[-1] == "[сайт]":  # what the container is, not its title
            item["kopir-container-genre"] = pieces.pop()
        item["container-title"] = ": ".join(pieces)
        for name in re.sub(r"^под (?:ред\.|редакцией)\s+", "", editors).split(","):
            if name.strip() and (person := _person(name, genitive=True)):
                item.setdefault("editor", []).append(person)
        for area in host_areas[1:]:
            _area(area, item, left, host=True)
        item["type"] = _component_type(item)
    elif item.get("URL") and not item.get("publisher"):
        item["type"] = "webpage"
    if text and not _has_words(item.get("title", "")):
        # Nothing could be read as a title: say so with the whole text, never a silent
        # description of punctuation.
        return Parsed({"type": "book", "title": ""}, [text])
    return Parsed(item, left)


def _has_words(value: str) -> bool:
    return any(ch.isalnum() for ch in value)


def _component_type(item: dict[str, Any]) -> str:
    if item.get("volume") or item.get("issue"):
        parts = (item.get("issued") or {}).get("date-parts") or [[]]
        return "article-newspaper" if len(parts[0]) == 3 else "article-journal"
    if len(((item.get("issued") or {}).get("date-parts") or [[]])[0]) == 3:
        return "article-newspaper"
    if item.get("URL") and not item.get("publisher"):
        return "webpage"
    return "chapter"
