"""What the GOST formatter reads, as a JSON Schema (draft 2020-12): CSL-JSON
(https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html) with the meaning each
variable has in a GOST description, and Köpir's extensions (`kopir-…`). Served at
`GET /api/v1/references/schema`; `record.read` reads exactly these fields (a test holds the two
together). Any other CSL variable is accepted and ignored."""

from __future__ import annotations

from typing import Any

from kopir.bibliography.styles.record import CONTRIBUTOR_VARIABLES
from kopir.bibliography.styles.terms import ROLE_KEYS, RUSSIAN_ROLES

NAME = {
    "type": "object",
    "description": "A person (family and given names) or an organisation (literal).",
    "properties": {
        "family": {"type": "string", "description": "Surname: «Петров»."},
        "given": {
            "type": "string",
            "description": "Given names or initials: «П. П.»; a thesis's author in full "
            "(«Илья Владимирович»), as its title page gives it.",
        },
        "literal": {"type": "string", "description": "A name not split: an organisation."},
        "kopir-role": {
            "type": "string",
            "enum": list(ROLE_KEYS),
            "description": "Köpir extension. The part this person played, as the title page "
            "says it, when it is not the one the name variable implies: "
            + "; ".join(f"{key} «{role.word}»" for key, role in RUSSIAN_ROLES.items())
            + ".",
        },
    },
    "anyOf": [{"required": ["family"]}, {"required": ["literal"]}],
}
DATE = {
    "type": "object",
    "description": "A date as CSL writes it: date-parts [[year, month, day]] (month and day "
    "optional); a range [[2020], [2022]] («2020–2022»), open while it goes on: [[2000], []] "
    "(«2000 – .»); or a literal «[2021]» kept as written (a date the cataloguer supplied).",
    "properties": {
        "date-parts": {
            "type": "array",
            "items": {"type": "array", "items": {"type": ["integer", "string"]}, "maxItems": 3},
            "maxItems": 2,
        },
        "literal": {"type": "string"},
        "raw": {"type": "string"},
    },
}
NAMES = {"type": "array", "items": {"$ref": "#/$defs/name"}}
HOST = {
    "type": "object",
    "description": "A host of a host: its title area, and its own host.",
    "required": ["title"],
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "kopir-subtitle": {"type": "string"},
        "genre": {"type": "string", "description": "What it is: «журнал», «сборник статей»."},
        **dict.fromkeys(["author", *CONTRIBUTOR_VARIABLES], NAMES),
        "kopir-institution": {"type": "string"},
        "kopir-container": {"$ref": "#/$defs/host"},
    },
}
TEXTS = {"type": ["array", "string"], "items": {"type": "string"}}
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
        "The CSL item type: book, article-journal, article-newspaper, article-magazine, "
        "chapter, paper-conference, entry-encyclopedia, review, review-book, thesis, report, "
        "standard, legislation, webpage, post, motion_picture, broadcast, song, speech, "
        "musical_score, map, graphic, manuscript … (book when absent). A component type is "
        "described as a part «//» of its container; the type also gives area 9's kind of "
        "content (text, video, map, music, sheet music, speech, image).",
    ),
    "number": _text(
        "A standard's designation, printed before its title: «ГОСТ Р 7.0.100–2018»; or the "
        "number of a report.",
    ),
    "kopir-parallel-title": _text(
        "Köpir extension. The title in another language, printed after « = »: «Small craft "
        "infrastructure. General».",
    ),
    "title": _text(
        "The title proper; «Title: subtitle» is split at the colon unless `kopir-subtitle` "
        "is given (then the title is as printed, its colon kept).",
        minLength=1,
    ),
    "kopir-subtitle": _text(
        "Köpir extension. Other title information, printed after « : »; when present (even "
        "empty) `title` is not split at its colon: ««Пустое занятие»: кто лишает …».",
    ),
    "genre": _text("Other title information printed after the title: «монография», «учебник»."),
    "author": _names("The authors, in the order of the title page."),
    "editor": _names(
        "Editors: «под редакцией Е. Е. Егоровой»; of a component part, its container's "
        "editors. A name's `kopir-role` says another part: general-editor «под общей "
        "редакцией», executive-editor «ответственный редактор», scientific-editor «научный "
        "редактор» …",
    ),
    "editorial-director": _names("The editor-in-chief: «главный редактор»."),
    "container-author": _names("The authors of the container (a chapter's book)."),
    "compiler": _names("Compilers: «составитель», «составители»."),
    "translator": _names("Translators: «перевод А. А. Петровой»."),
    "illustrator": _names("Illustrators: «художник»."),
    "director": _names("Directors of a film: «режиссер»."),
    "script-writer": _names("Writers of a script: «автор сценария»."),
    "composer": _names("Composers, when not the authors: «композитор»."),
    "performer": _names("Performers of a recording: «исполнитель»."),
    "narrator": _names("Readers of an audio book: «читает»."),
    "producer": _names("Producers: «продюсер»."),
    "interviewer": _names("Who led an interview: «беседу вел»."),
    "chair": _names("Chairs of a conference or committee: «председатель»."),
    "organizer": _names("Organisers: «организатор»."),
    "contributor": _names("Others who took part: «при участии»."),
    "kopir-institution": _text(
        "Köpir extension. The body responsible, after « ; » in the statement of "
        "responsibility: «Алтайский государственный институт культуры». A thesis's "
        "`publisher` (its university) is read as this.",
    ),
    "authority": _text(
        "A heading for official documents: the jurisdiction and kind, "
        "«Российская Федерация. Законы».",
    ),
    "container-title": _text("The journal, newspaper, collection or site the item is part of."),
    "kopir-container-subtitle": _text(
        "Köpir extension. The container's other title information; when present (even "
        "empty) `container-title` is kept as printed, like `kopir-subtitle`.",
    ),
    "kopir-container": {
        "$ref": "#/$defs/host",
        "description": "Köpir extension. The container's own host, at any depth: "
        "«Part // container // this host // its host. – 2019. – № 5». Each host is printed "
        "by its title area; the part's publication, numbering and pages follow the last host "
        "(the one the whole chain is found in). At most 8 levels.",
    },
    "reviewed-title": _text(
        "What a review reviews, when it is a book known by its title (CSL): printed as the "
        "last note, «Рецензия на книгу: Петров, П. П. Алтай в XIX веке / П. П. Петров».",
    ),
    "reviewed-author": _names("The authors of the work a review reviews (CSL)."),
    "kopir-reviewed": {
        "type": "object",
        "description": "Köpir extension. The work a review reviews as a whole CSL-JSON item "
        "(any kind; not itself a review), described in the same profile as the review's last "
        "note: «Рецензия на книгу: …», «… на статью: …», «… на фильм: …», «… на издание: …» "
        "(abbreviated «Рец. на кн.: …» in 7.0.5 and 7.1). It replaces `reviewed-title`.",
    },
    "kopir-container-genre": _text(
        "Köpir extension. What the container is, printed after its title: «журнал», «газета», "
        "«сборник научных трудов», «сайт».",
    ),
    "kopir-specialty": _text(
        "Köpir extension. A thesis's specialty: «5.6.1 «Отечественная история»» (printed "
        "«специальность 5.6.1 …» before the degree in `genre`).",
    ),
    "number-of-volumes": _text("How many volumes a set has: «3» («в 3 томах»)."),
    "volume-title": _text("The title of one volume of a set: «Стихотворения ; Проза»."),
    "event-title": _text(
        "A conference as the title page names it after the title: «материалы "
        "Международной научно-практической конференции»; with `event-place` and "
        "`event-date` it prints «(Барнаул, 15–16 мая 2019 г.)».",
    ),
    "event-date": _date("The days of the conference: [[2019, 5, 15], [2019, 5, 16]]."),
    "edition": _text("The edition statement: «2-е изд., испр. и доп.»."),
    "scale": _text("A map's scale: «1:100 000» (printed «Масштаб 1:100 000»)."),
    "publisher-place": _text(
        "The place of publication: «Барнаул»; several, with as many publishers, separated "
        "by «;» («Москва ; Екатеринбург»).",
    ),
    "event-place": _text(
        "Where a conference was held; printed with the conference, or used as the place of "
        "publication when there is no `event-title` and no other.",
    ),
    "publisher": _text("The publisher: «Алтайский дом печати»; several separated by «;»."),
    "issued": _date("When the item was published; a set over years or a site: a range."),
    "accessed": _date("When an electronic resource was seen: «(дата обращения: …)»."),
    "kopir-access": _text(
        "Köpir extension. Who may reach an electronic resource, printed «Режим доступа: …» "
        "after the address: «для зарегистрир. пользователей».",
    ),
    "volume": _text("The volume (of a journal, or the one volume of a set): «70»."),
    "issue": _text("The issue number: «3»."),
    "page": _text("Pages of a component: «34–36»."),
    "number-of-pages": _text(
        "The extent of a whole item: «210» or «V, 44» (printed «210 с.»); in other units it "
        "is printed as given: «1 видеофайл (95 мин)», «1 карта».",
    ),
    "dimensions": _text("Illustrations and other physical details: «ил.», «цв. ил.»."),
    "kopir-size": _text("Köpir extension. The size, after « ; » in area 5: «29 см»."),
    "collection-title": _text("The series: «Библиотека краеведа»."),
    "collection-number": _text("The number in the series: «вып. 3» («(Серия ; вып. 3)»)."),
    "kopir-notes": {
        **TEXTS,
        "description": "Köpir extension. Notes, each an area of its own before the "
        "identifiers: «Библиогр.: с. 190–209», «500 экз.», «Обновляется в течение суток».",
    },
    "archive": _text("Where an archival document is kept: «ГААК»."),
    "archive_location": _text("Its place in the archive: «Ф. Р-1. Оп. 2. Д. 15»."),
    "ISBN": _text("The ISBN as printed."),
    "DOI": _text("The DOI, printed «DOI 10.…» among the identifiers."),
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
        "$defs": {"name": NAME, "date": DATE, "host": HOST},
    }
