"""What the GOST formatter reads, as a JSON Schema (draft 2020-12): CSL-JSON
(https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html) with the meaning each
variable has in a GOST description, and Köpir's two extensions (`kopir-…`). Served at
`GET /api/v1/references/schema`; `record.read` reads exactly these fields (a test holds the two
together). Any other CSL variable is accepted and ignored."""

from __future__ import annotations

from typing import Any

NAME = {
    "type": "object",
    "description": "A person (family and given names) or an organisation (literal).",
    "properties": {
        "family": {"type": "string", "description": "Surname: «Петров»."},
        "given": {"type": "string", "description": "Given names or initials: «П. П.»."},
        "literal": {"type": "string", "description": "A name not split: an organisation."},
    },
    "anyOf": [{"required": ["family"]}, {"required": ["literal"]}],
}
DATE = {
    "type": "object",
    "description": "A date as CSL writes it: date-parts [[year, month, day]] (month and day "
    "optional), or a literal «[2021]» kept as written (a date the cataloguer supplied).",
    "properties": {
        "date-parts": {
            "type": "array",
            "items": {"type": "array", "items": {"type": ["integer", "string"]}, "maxItems": 3},
        },
        "literal": {"type": "string"},
        "raw": {"type": "string"},
    },
}
NAMES = {"type": "array", "items": {"$ref": "#/$defs/name"}}
TEXT = {"type": ["string", "number"]}


def _text(description: str, **more: Any) -> dict[str, Any]:
    return {**TEXT, "description": description, **more}


def _names(description: str) -> dict[str, Any]:
    return {**NAMES, "description": description}


def _date(description: str) -> dict[str, Any]:
    return {"$ref": "#/$defs/date", "description": description}


FIELDS: dict[str, dict[str, Any]] = {
    "id": _text("The item's own key, returned with its description."),
    "type": _text(
        "The CSL item type: book, article-journal, article-newspaper, chapter, "
        "paper-conference, thesis, report, legislation, webpage, motion_picture, song, map … "
        "(book when absent). A component type is described as a part «//» of its container.",
    ),
    "title": _text("The title proper; «Title: subtitle» is split at the colon.", minLength=1),
    "genre": _text("Other title information printed after the title: «монография», «учебник»."),
    "author": _names("The authors, in the order of the title page."),
    "editor": _names("Editors, printed in the statement of responsibility «под редакцией»."),
    "container-author": _names("The editors of the container, when `editor` is not given."),
    "compiler": _names("Compilers: «составитель»."),
    "translator": _names("Translators: «перевод А. А. Петровой»."),
    "authority": _text(
        "A heading for official documents: the jurisdiction and kind, "
        "«Российская Федерация. Законы».",
    ),
    "container-title": _text("The journal, newspaper, collection or site the item is part of."),
    "kopir-container-genre": _text(
        "Köpir extension. What the container is, printed after its title: «журнал», «газета», "
        "«сборник научных трудов», «сайт».",
    ),
    "edition": _text("The edition statement: «2-е изд., испр. и доп.»."),
    "publisher-place": _text("The place of publication: «Барнаул»."),
    "event-place": _text("Where a conference was held, used as the place when no other."),
    "publisher": _text("The publisher: «Алтайский дом печати»."),
    "issued": _date("When the item was published."),
    "accessed": _date("When an electronic resource was seen: «(дата обращения: …)»."),
    "volume": _text("The volume (of a journal, or of a set): «70»."),
    "issue": _text("The issue number: «3»."),
    "page": _text("Pages of a component: «34–36»."),
    "number-of-pages": _text("The extent of a whole item: «210» (printed «210 с.»)."),
    "dimensions": _text("Illustrations and other physical details: «ил.»."),
    "collection-title": _text("The series: «Библиотека краеведа»."),
    "ISBN": _text("The ISBN as printed."),
    "URL": _text("The address of an electronic resource; makes the item electronic."),
    "medium": _text("online / electronic / web / internet make the item electronic."),
    "language": _text("The item's language (BCP 47); kk and ru pick the supplementary words."),
    "kopir-et-al": {
        "type": "boolean",
        "description": "Köpir extension. The authors listed are not all of them: «[и др.]» "
        "follows the names given.",
    },
}
EXTENSIONS = sorted(name for name in FIELDS if name.startswith("kopir-"))


def json_schema() -> dict[str, Any]:
    """One CSL-JSON item as the formatter reads it."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "/api/v1/references/schema",
        "title": "A CSL-JSON item for Köpir's GOST formatter",
        "description": __doc__.split("\n\n")[0].replace("\n", " "),
        "type": "object",
        "required": ["title"],
        "properties": FIELDS,
        "additionalProperties": True,
        "$defs": {"name": NAME, "date": DATE},
    }
