"""RIS in and out (the tagged format of Zotero, EndNote and library catalogues), over CSL-JSON
items, the interchange form inside Köpir. Every CSL field RIS has a tag for survives a round
trip; the mapping follows the RIS specification's tags (TY … ER) as Zotero reads and writes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

TYPES = {  # CSL type → RIS TY
    "book": "BOOK", "article-journal": "JOUR", "article-magazine": "MGZN",
    "article-newspaper": "NEWS", "chapter": "CHAP", "paper-conference": "CPAPER",
    "thesis": "THES", "webpage": "ELEC", "report": "RPRT", "legislation": "STAT",
    "motion_picture": "VIDEO", "broadcast": "VIDEO", "entry-encyclopedia": "ENCYC",
}  # fmt: skip
CSL_TYPES = {ris: csl for csl, ris in TYPES.items()} | {"VIDEO": "motion_picture", "GEN": "book"}
TEXT_TAGS = {  # CSL field → RIS tag (one value each)
    "title": "TI", "container-title": "T2", "publisher": "PB", "publisher-place": "CY",
    "volume": "VL", "issue": "IS", "edition": "ET", "ISBN": "SN", "URL": "UR", "language": "LA",
    "genre": "M3", "collection-title": "T3", "number-of-pages": "SP", "id": "ID",
    "DOI": "DO", "abstract": "AB", "note": "N1", "medium": "M1", "dimensions": "M2",
    "authority": "A4", "kopir-container-genre": "C1",
}  # fmt: skip
NAME_TAGS = {"author": "AU", "editor": "ED"}
_LINE = re.compile(r"^([A-Z][A-Z0-9])  - ?(.*)$")
_DASH = re.compile(r"\s*[-\u2012\u2013\u2014]+\s*")
WHOLE = {"BOOK", "THES", "RPRT"}  # SP is the number of pages, not a page range


class RISError(ValueError):
    """A RIS file that cannot be read: the message names the line."""


def _date(value: dict[str, Any]) -> str:
    parts = (value.get("date-parts") or [[]])[0]
    if parts:
        padded = [f"{int(parts[0]):04d}", *(f"{int(p):02d}" for p in parts[1:3])]
        return "/".join(padded + [""] * (3 - len(padded))) + "/"
    return "/".join(["", "", "", value.get("literal", "")])


def _parse_date(text: str) -> dict[str, Any]:
    pieces = text.split("/")
    if len(pieces) >= 4 and not any(pieces[:3]):
        return {"literal": "/".join(pieces[3:])}
    numbers = [int(p) for p in pieces[:3] if p.strip().isdigit()]
    if not numbers:
        return {"literal": text}
    return {"date-parts": [numbers]}


def _name(value: dict[str, str]) -> str:
    if value.get("literal"):
        return value["literal"]
    return f"{value.get('family', '')}, {value.get('given', '')}".rstrip(", ")


def _parse_name(text: str) -> dict[str, str]:
    if "," not in text:
        return {"literal": text.strip()}
    family, given = text.split(",", 1)
    name = {"family": family.strip()}
    if given.strip():
        name["given"] = given.strip()
    return name


_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


def _one_line(value: Any) -> str:
    """A value on its tag's line: a line break inside it would start a line RIS misreads."""
    return _LINE_BREAK.sub(" ", str(value))


def dumps(items: list[dict[str, Any]]) -> str:
    """CSL-JSON items as one RIS file (CRLF line ends, as the format asks)."""
    lines: list[str] = []
    for item in items:
        lines.append(f"TY  - {TYPES.get(item.get('type', 'book'), 'GEN')}")
        for field, tag in TEXT_TAGS.items():
            if field == "number-of-pages" or item.get(field) in (None, ""):
                continue
            lines.append(f"{tag}  - {_one_line(item[field])}")
        for field, tag in NAME_TAGS.items():
            lines += [f"{tag}  - {_one_line(_name(n))}" for n in item.get(field) or []]
        if item.get("issued"):
            lines.append(f"DA  - {_date(item['issued'])}")
        if item.get("accessed"):
            lines.append(f"Y2  - {_date(item['accessed'])}")
        if item.get("page"):
            first, *rest = _DASH.split(str(item["page"]), maxsplit=1)
            lines.append(f"SP  - {first}")
            if rest:
                lines.append(f"EP  - {rest[0]}")
        elif item.get("number-of-pages"):  # a whole book's extent: SP, as Zotero writes it
            lines.append(f"SP  - {item['number-of-pages']}")
        lines.append("ER  - ")
        lines.append("")
    return "\r\n".join(lines)


def _records(text: str) -> Iterator[list[tuple[int, str, str]]]:
    record: list[tuple[int, str, str]] = []
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        line = raw.rstrip()
        if not line:
            continue
        match = _LINE.match(line)
        if not match:
            if record:  # a continuation of the previous value
                n, tag, value = record[-1]
                record[-1] = (n, tag, f"{value} {line.strip()}")
                continue
            raise RISError(f"line {number}: not a RIS tag line")
        tag, value = match.group(1), match.group(2).strip()
        if tag == "TY" and record:
            raise RISError(f"line {number}: TY before the previous record's ER")
        record.append((number, tag, value))
        if tag == "ER":
            yield record
            record = []
    if record:
        raise RISError(f"line {record[0][0]}: a record without ER")


def loads(text: str) -> list[dict[str, Any]]:
    """A RIS file as CSL-JSON items; raises RISError naming the line."""
    tags = {tag: field for field, tag in TEXT_TAGS.items() if field != "number-of-pages"}
    tags |= {"T1": "title", "JO": "container-title", "JF": "container-title", "Y1": "issued"}
    items = []
    for record in _records(text):
        item: dict[str, Any] = {}
        pages: dict[str, str] = {}
        for _number, tag, value in record:
            if tag == "TY":
                item["type"] = CSL_TYPES.get(value, "book")
            elif tag in ("AU", "A1"):
                item.setdefault("author", []).append(_parse_name(value))
            elif tag == "ED":
                item.setdefault("editor", []).append(_parse_name(value))
            elif tag in ("DA", "PY", "Y1") and value:
                item["issued"] = _parse_date(value if "/" in value else f"{value}///")
            elif tag == "Y2" and value:
                item["accessed"] = _parse_date(value)
            elif tag in ("SP", "EP"):
                pages[tag] = value
            elif tag in tags and value:
                item[tags[tag]] = value
        if pages.get("SP"):
            if record[0][2] in WHOLE and "EP" not in pages:
                item["number-of-pages"] = pages["SP"]
            elif pages.get("EP"):
                item["page"] = f"{pages['SP']}-{pages['EP']}"
            else:
                item["page"] = pages["SP"]
        if not item.get("title"):
            raise RISError(f"line {record[0][0]}: a record without a title (TI)")
        items.append(item)
    return items
