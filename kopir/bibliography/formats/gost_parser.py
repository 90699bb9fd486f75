"""A pasted GOST reference read back into a CSL-JSON item: the inverse of `styles.gost`.

It reads the forms the formatter writes (ГОСТ Р 7.0.100-2018, 7.0.5-2008, 7.1-2003) area by
area, in the order the standards give them, with the formatter's own vocabulary (role words,
area 9's content forms, month names), so that what the formatter writes comes back into the
same fields. What it recognises goes into fields for the editor to confirm; a free-text area
where notes stand is kept as a note and said so; anything it cannot place is returned as left
over — never folded silently into a field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kopir.bibliography.formats.gost_compact import AUTHORS, INITIALS, ONE_AUTHOR, SURNAME, UPPER
from kopir.bibliography.styles.gost import PLACE_ABBREVIATIONS
from kopir.bibliography.styles.terms import KAZAKH, RUSSIAN, Role

_AREA = re.compile(r"\.\s+[–—-]\s+")
_HEADING = re.compile(rf"^({SURNAME}),?\s+({INITIALS})\s+(.*)$")
_PERSON = re.compile(rf"^({INITIALS})\s*([\w’'-]+)$")
_FULL_NAME = re.compile(rf"^({SURNAME})\s+((?:[{UPPER}][\w’'-]+\s?){{1,2}})$")
_STANDARD = re.compile(
    r"^((?:ГОСТ Р|ГОСТ|СТ РК|ОСТ|СНиП|СП|ПНСТ|ISO|IEC|ИСО|МЭК|ТУ)\s[\w.\s/-]*?[-–]\d{4})\.\s(.+)$"
)
_YEARS = r"(?P<year>\[?\d{4}\]?(?:\u2013\d{4}| \u2013 ?)?)"
_PUBLICATION = re.compile(rf"^(?P<where>.+?),\s*{_YEARS}$")
_YEAR = re.compile(rf"^{_YEARS}$")
_PLACE = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІA-Z][^:;,\d()\[\]«»]{0,40}$")
_PAGINATION = r"[\dIVXLCDMivxlcdm\[\],\s\u2013-]+?"
_EXTENT = re.compile(
    rf"^(?:(?P<pages>{_PAGINATION})\s*[сcбp]\.)?(?:\s*:\s*(?P<ill>[^;]+?))?"
    r"(?:\s*;\s*(?P<size>\d+\s*(?:см|cm)\.?))?$"
)
_CARRIER = re.compile(
    r"^(?P<extent>\d+\s+(?:видео|аудио|электрон|карт|файл|онлайн|компакт|грампл|диск|л\.|"
    r"слайд|фото|плакат|открыт|ноты|парт|кассет|CD|DVD)[^:;]*?)"
    r"(?:\s*:\s*(?P<ill>[^;]+?))?(?:\s*;\s*(?P<size>\d+\s*см\.?))?$"
)
_PLACES = {short: place for place, short in PLACE_ABBREVIATIONS.items()}
_PAGES = re.compile(r"^[СCБPР]\.\s*(\d+(?:\s*[–-]\s*\d+)?)$")
_NUMBERS = re.compile(r"^(?:Т\.\s*(?P<volume>[\w-]+))?(?:,\s*)?(?:№\s*(?P<issue>[\w-]+))?$")
_YEAR_ISSUE = re.compile(r"^(?P<year>\d{4}),\s*№\s*(?P<issue>[\w-]+)$")
_DAY = re.compile(r"^(\d{1,2})\s+(\S+?)\.?(?:\s*\(№\s*(\w+)\))?$")
_URL = re.compile(
    r"^(?:URL|Режим доступа):\s*(\[[^\]]*\]|(?:https?://|ftp://|www\.)\S+)"
    r"(?:\s*\((?:дата обращения|қаралған күні):\s*([^)]*)\))?$"
)
_ACCESS = re.compile(r"^(?:Режим доступа|Кіру режимі):\s*(.+)$")
_DMY = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4})$")
_SERIES = re.compile(r"^\((?P<series>.+?)(?:\s;\s(?P<number>[^;()]+))?\)$")
_SCALE = re.compile(r"^(?:Масштаб|Масштабы)\s+(.+)$")
_VOLUMES = re.compile(
    r"^(?:в (?P<n>\d+) (?:томах|т\.)|(?P<kk>\d+) (?:томдық|т\.))"
    r"(?:\.?\s(?:Том|Т\.)\s(?P<volume>[\w-]+))?(?:\.\s(?P<title>.+))?$"
)
_SPECIALTY = re.compile(r"^(?:специальность|мамандығы)\s+(.+)$")
_EVENT = re.compile(
    r"^(?P<event>.+?)\s\((?:(?P<place>[^,()]+),\s)?(?P<days>[^()]*\d{4}\s(?:г|ж)\.)\)$"
)
# A heading of official documents (ГОСТ 7.80): the jurisdiction and the kind of document.
_AUTHORITY = re.compile(
    r"^((?:Российская Федерация|Республика Казахстан|Қазақстан Республикасы|СССР|"
    r"[А-ЯЁ][\w-]+ (?:край|область|облысы|район|ауданы))\.\s"
    r"(?:Законы|Указы|Постановления|Кодексы|Конституция|Договоры|Заңдар|Жарлықтар|Қаулылар|"
    r"Президент|Правительство|Үкімет|Акимат|Әкімдік)[^.]*)\.\s(.+)$"
)
_THESIS = re.compile(r"диссертац|автореферат", re.IGNORECASE)
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
_MONTHS = {
    "янв": 1, "января": 1, "февр": 2, "февраля": 2, "марта": 3, "апр": 4, "апреля": 4, "мая": 5,
    "июня": 6, "июля": 7, "авг": 8, "августа": 8, "сент": 9, "сентября": 9, "окт": 10,
    "октября": 10, "нояб": 11, "ноября": 11, "дек": 12, "декабря": 12,
    **{name: n for n, name in enumerate(KAZAKH.months, start=1)},
}  # fmt: skip
# Area 9 of every kind of content, both languages → (CSL type for a non-text kind, electronic).
_CONTENT: dict[str, tuple[str, bool]] = {}
_KINDS = {"map": "map", "score": "musical_score", "music": "song", "speech": "speech",
          "image": "graphic", "video": "motion_picture"}  # fmt: skip
for _terms in (RUSSIAN, KAZAKH):
    _CONTENT[_terms.text_direct] = ("", False)
    _CONTENT[_terms.text_electronic] = ("", True)
    for _kind, (_content, _direct, _electronic) in _terms.content_forms.items():
        _CONTENT[f"{_content} : {_direct}"] = (_KINDS[_kind], False)
        _CONTENT[f"{_content} : {_electronic}"] = (_KINDS[_kind], True)
# 7.1's general material designations → (CSL type of a non-text kind, electronic, Kazakh).
_GMD: dict[str, tuple[str, bool, bool]] = {}
for _terms in (RUSSIAN, KAZAKH):
    _kazakh = _terms is KAZAKH
    _GMD[_terms.gmd_text] = ("", False, _kazakh)
    _GMD[_terms.gmd_electronic] = ("", True, _kazakh)
    for _kind, _said in _terms.gmd_kinds.items():
        _GMD.setdefault(_said, (_KINDS[_kind], False, _kazakh))
# Role words (full, plural, abbreviated; Russian and Kazakh), longest first, → the role key.
_ROLE_WORDS: list[tuple[str, str, Role]] = sorted(
    {
        (said, key, role)
        for roles in (RUSSIAN.roles, KAZAKH.roles)
        for key, role in roles.items()
        for said in (role.word, role.plural, role.short)
    },
    key=lambda entry: -len(entry[0]),
)
_EDITOR_ROLES = {"editor", "general-editor", "executive-editor", "scientific-editor"}
_CSL_ROLES = {"editorial-director", "compiler", "translator", "illustrator", "director",
              "script-writer", "composer", "performer", "narrator", "producer", "interviewer",
              "chair", "organizer", "contributor"}  # fmt: skip
# Abbreviations an area may end with: their full stop is the one the area separator absorbed.
_ABBREVIATED = re.compile(
    r"(?:\b(?:экз|с|б|ил|цв|карт|портр|табл|схем|факс|фот|граф|доп|испр|перераб|изд|см|т|вып|"
    r"ч|кн|г|ж|л|стб|обл|пер|ред|сост|"
    r"авт|др|т\.б|и т\.п|мин|сек|мм))$"
)
# The note of a review on the work it reviews, in every form the formatter writes it: the rest of
# the text is that work's description (the note is the description's last area).
_REVIEW_WORDS = {
    said: kind
    for terms in (RUSSIAN, KAZAKH)
    for kind, forms in terms.reviews.items()
    for said in forms
}
_REVIEW = re.compile(
    r"\.\s(?:[–—-]\s)?(?P<word>"
    + "|".join(re.escape(w) for w in sorted(_REVIEW_WORDS, key=len, reverse=True))
    + r"):\s(?P<rest>.+)$"
)
_NOTES_PREFIXES = ("Библиогр", "Загл.", "Обновляется", "Место защиты", "Пер.", "Рец.", "На обл.",
                   "Систем. требования", "Дата", "Вариант", "Начало", "Окончание", "Продолж",
                   "Текст парал.", "Имеются", "Рез.", "Указ.", "Прил.", "Тираж", "В надзаг.",
                   "Содерж.", "Опубл.", "Впервые", "Архив", "Хранится")  # fmt: skip


@dataclass
class Parsed:
    item: dict[str, Any]
    left_over: list[str] = field(default_factory=list)
    compact: bool = False  # read as ГОСТ Р 7.0.5's compact form
    notes: list[str] = field(default_factory=list)  # free text read as notes, to confirm


def _split(text: str, separator: str) -> list[str]:
    """`text` split at `separator`, but not inside […], (…) or «…»."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch in "[(«":
            depth += 1
        elif ch in "])»":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(separator, i):
            out.append(text[start:i])
            i += len(separator)
            start = i
            continue
        i += 1
    out.append(text[start:])
    return [part.strip() for part in out]


def _nominative(family: str) -> str:
    for ending, nominative in _NOMINATIVE:
        if family.endswith(ending):
            return family[: -len(ending)] + nominative
    return family


def _person(text: str, *, genitive: bool = False, full: bool = False) -> dict[str, str] | None:
    text = text.strip()
    match = _PERSON.match(text)
    if match:
        family = _nominative(match.group(2)) if genitive else match.group(2)
        return {"family": family, "given": " ".join(match.group(1).split())}
    match = _FULL_NAME.match(text) if full else None
    if match:  # «Вишняков Илья Владимирович», a thesis's author as its title page has it
        return {"family": match.group(1), "given": match.group(2).strip()}
    return None


def _people(text: str, *, genitive: bool = False, full: bool = False) -> list | None:
    """«А. А. Иванов, Б. Б. Петров» → names; None unless every part is a name."""
    out = []
    for part in text.split(","):
        person = _person(part, genitive=genitive, full=full)
        if person is None:
            return None
        out.append(person)
    return out


def _role(text: str) -> tuple[str, Role, str] | None:
    for said, key, role in _ROLE_WORDS:
        if text.startswith(said + " "):
            return key, role, text[len(said) + 1 :]
    return None


def _variable(key: str) -> str:
    """The CSL name variable a role's names go in (a `kopir-role` says the rest)."""
    if key in _EDITOR_ROLES:
        return "editor"
    return key if key in _CSL_ROLES else "contributor"


def role_of(said: str) -> tuple[str, str] | None:
    """A role word as typed («художник», «отв. ред.», «құрастырған») → (CSL variable, role)."""
    said = " ".join(said.split()).lower()
    for word, key, _role_said in _ROLE_WORDS:
        if word.lower() == said:
            return _variable(key), key
    return None


def role_word(key: str) -> str:
    """A role's word as 7.0.100 writes it: the form's way to show it back."""
    role = RUSSIAN.roles.get(key)
    return role.word if role else ""


def _responsibility(text: str, item: dict[str, Any], *, host: bool = False) -> None:
    """After « / »: authors, role statements, bodies — each after « ; »."""
    thesis = bool(_THESIS.search(item.get("genre", "")))
    bodies = []
    for index, group in enumerate(_split(text, " ; ")):
        et_al = False
        for mark in ("[и др.]", "[және т.б.]"):
            if group.endswith(mark):
                group, et_al = group[: -len(mark)].strip(), True
        found = _role(group)
        if found:
            key, role, names = found
            people = _people(names, genitive=role.genitive)
            if people is not None:
                variable = _variable(key)
                for person in people:
                    if key != variable:
                        person["kopir-role"] = key
                item.setdefault(variable, []).extend(people)
                continue
        people = _people(group, full=thesis)
        if people is not None and index == 0:
            item["container-author" if host else "author"] = people
            if et_al:
                item["kopir-et-al"] = True
            continue
        bodies.append(group + (" [и др.]" if et_al else ""))
    if bodies:
        item["kopir-institution"] = " ; ".join(bodies)


def _title_pieces(pieces: list[str], item: dict[str, Any]) -> None:
    """What follows the title proper after « : »: the conference, a thesis's specialty, the
    volumes of a set, other title information and (last) the genre."""
    plain: list[str] = []
    special = False
    rest: list[str] = []
    for piece in pieces:
        if match := _SPECIALTY.match(piece):
            item["kopir-specialty"] = match.group(1)
            special = True
        elif match := _VOLUMES.match(piece):
            item["number-of-volumes"] = match.group("n") or match.group("kk")
            if match.group("volume"):
                item["volume"] = match.group("volume")
            if match.group("title"):
                item["volume-title"] = match.group("title")
            special = True
        elif _event(piece, item):
            special = True
        elif special:
            rest.append(piece)
        else:
            plain.append(piece)
    if special:
        if plain:
            item["kopir-subtitle"] = " : ".join(plain)
        if rest:
            item["genre"] = " : ".join(rest)
    elif len(plain) == 1:
        item["genre"] = plain[0]
    elif plain:
        item["kopir-subtitle"], item["genre"] = plain[0], " : ".join(plain[1:])


def _event(piece: str, item: dict[str, Any]) -> bool:
    """«материалы конференции (Барнаул, 15–16 мая 2019 г.)» → the conference's fields."""
    match = _EVENT.match(piece)
    days = _days(match.group("days")) if match else None
    if not (match and days):
        return False
    item["event-title"], item["event-date"] = match.group("event"), days
    if match.group("place"):
        item["event-place"] = match.group("place")
    return True


def _days(text: str) -> dict[str, Any] | None:
    """«15–16 мая 2019 г.», «30 апреля – 2 мая 2019 г.», «15 мая 2019 г.» → date-parts."""
    match = re.match(
        r"^(\d{1,2})(?:\s(\S+?))?(?:\s(\d{4})\s[гж]\.)?\s?[–-]\s?(\d{1,2})\s(\S+?)\s(\d{4})\s[гж]\.$",
        text,
    )
    if match:
        first_day, first_month, first_year, day, month, year = match.groups()
        months = [_MONTHS.get((first_month or month).rstrip(".")), _MONTHS.get(month.rstrip("."))]
        if None in months:
            return None
        start = [int(first_year or year), months[0], int(first_day)]
        return {"date-parts": [start, [int(year), months[1], int(day)]]}
    match = re.match(r"^(\d{1,2})\s(\S+?)\s(\d{4})\s[гж]\.$", text)
    if match and _MONTHS.get(match.group(2).rstrip(".")):
        one = [int(match.group(3)), _MONTHS[match.group(2).rstrip(".")], int(match.group(1))]
        return {"date-parts": [one, one]}
    return None


def _title_area(text: str, item: dict[str, Any], *, compact: bool = False) -> None:
    if authority := _AUTHORITY.match(text):
        item["authority"], text = authority.group(1), authority.group(2)
    heading = None if authority else _HEADING.match(text)
    several = AUTHORS.match(text) if compact and not authority else None
    if several:  # 7.0.5: up to three names before the title, initials after the surname
        text = several.group("rest")
        item["author"] = [
            {"family": family, "given": " ".join(initials.split())}
            for family, initials in ONE_AUTHOR.findall(several.group(1))
        ]
    elif heading:
        text = heading.group(3)
        item["author"] = [{"family": heading.group(1), "given": " ".join(heading.group(2).split())}]
    title, _, responsibility = text.partition(" / ")
    for said in re.findall(r"\s*\[[^\]]+\]", title):
        # 7.1's general material designation: what the item is, in the item's language.
        found = _GMD.get(said.strip())
        if found is None:
            continue
        kind, electronic, kazakh = found
        if electronic:
            item["medium"] = "online"
        if kind:
            item["type"] = kind
        if kazakh:
            item["language"] = "kk"
        title = title.replace(said, "", 1)
    if standard := _STANDARD.match(title):
        item["type"], item["number"] = "standard", standard.group(1)
        title = standard.group(2)
    pieces = _split(title, " : ")
    proper, _, parallel = pieces[0].partition(" = ")
    item["title"] = proper
    if parallel:
        item["kopir-parallel-title"] = parallel
    if pieces[1:] == ["[сайт]"]:
        item["type"] = "webpage"
        pieces = pieces[:1]
    _title_pieces(pieces[1:], item)
    if ":" in proper:
        item.setdefault("kopir-subtitle", "")  # the title as printed: not split at its colon
    if _THESIS.search(item.get("genre", "")):
        item["type"] = "thesis"
    if responsibility:
        _responsibility(responsibility, item)
    if item.get("type") == "thesis" and item.get("kopir-institution"):
        item["publisher"] = item.pop("kopir-institution")


def _restore(text: str) -> str:
    """An area whose abbreviation's full stop the separator absorbed gets it back."""
    return text + "." if _ABBREVIATED.search(text) else text


class _Areas:
    """The areas after the title, read in the standards' order (a state machine: each area may
    only be what can still come)."""

    EDITION, SPECIFIC, PUBLICATION, EXTENT, SERIES, NOTES, IDS, ONLINE, ACCESS, CONTENT = range(10)

    def __init__(self, item: dict[str, Any], left: list[str], notes: list[str], host: bool):
        self.item, self.left, self.notes, self.host = item, left, notes, host
        self.state = self.EDITION

    def at(self, state: int) -> None:
        self.state = max(self.state, state)

    def read(self, raw: str) -> None:
        text = raw.strip().rstrip(".").strip()
        if not text:
            return
        item = self.item
        if text in _CONTENT:
            kind, electronic = _CONTENT[text]
            if kind and item.get("type") in (None, "book"):
                item["type"] = kind
            if electronic:
                item["medium"] = "online"
            self.at(self.CONTENT + 1)
            return
        if self.state > self.CONTENT:
            self.left.append(_restore(text))
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
            self.at(self.ONLINE + 1)
            return
        if match := _ACCESS.match(text):
            item["kopir-access"] = _restore(match.group(1))
            self.at(self.ACCESS + 1)
            return
        if text.startswith("ISBN "):
            item["ISBN"] = text[5:].strip()
            self.at(self.IDS)
            return
        if text.startswith("DOI "):
            item["DOI"] = text[4:].strip()
            self.at(self.IDS)
            return
        if match := _PAGES.match(text):
            item["page"] = re.sub(r"\s*[–-]\s*", "-", match.group(1))
            self.at(self.NOTES)
            return
        if self.host and self.hosted(text):
            return
        if self.state <= self.SPECIFIC and (match := _SCALE.match(text)):
            item["scale"] = match.group(1)
            self.at(self.SPECIFIC + 1)
            return
        if self.state <= self.PUBLICATION and self.publication(text):
            self.at(self.PUBLICATION + 1)
            return
        if self.state <= self.EXTENT and self.extent(text):
            self.at(self.EXTENT + 1)
            return
        if self.state <= self.SERIES and (match := _SERIES.match(text)):
            item["collection-title"] = match.group("series")
            if match.group("number"):
                item["collection-number"] = match.group("number")
            self.at(self.SERIES)
            return
        if self.state <= self.EDITION and re.search(r"изд(?:\.|$)|басылым", text, re.IGNORECASE):
            item["edition"] = _restore(text)
            self.at(self.EDITION + 1)
            return
        if self.state >= self.PUBLICATION or text.startswith(_NOTES_PREFIXES):
            # Where notes stand, free text is a note (said back to the reader to confirm).
            item.setdefault("kopir-notes", []).append(_restore(text))
            self.notes.append(_restore(text))
            self.at(self.NOTES)
            return
        self.left.append(_restore(text))

    def hosted(self, text: str) -> bool:
        """The numbering of a serial and the pages of a part."""
        item = self.item
        if (match := _NUMBERS.match(text)) and (match.group("volume") or match.group("issue")):
            item.update({k: v for k, v in match.groupdict().items() if v})
            return True
        month = _DAY.match(text)
        if month and month.group(2).rstrip(".") in _MONTHS and item.get("issued"):
            year = item["issued"].get("date-parts", [[0]])[0][0]
            day = [year, _MONTHS[month.group(2).rstrip(".")], int(month.group(1))]
            item["issued"] = {"date-parts": [day]}
            if month.group(3):
                item["issue"] = month.group(3)
            return True
        return False

    def publication(self, text: str) -> bool:
        item = self.item
        if match := _YEAR_ISSUE.match(text):  # a serial's issue: «2007, № 1»
            item["issued"], item["issue"] = _year(match.group("year")), match.group("issue")
            return True
        if _YEAR.match(text):
            item["issued"] = _year(text)
            return True
        match = _PUBLICATION.match(text)
        where = match.group("where") if match else text
        pairs = [p.partition(" : ") for p in _split(where, " ; ")]
        places = [place for place, _, _ in pairs]
        if not all(_PLACE.match(place) for place in places):
            return False
        if not match and (any(sep for _, sep, _ in pairs) or len(pairs) > 1):
            return False  # a place and a publisher without a year: not a GOST area
        item["publisher-place"] = " ; ".join(
            _PLACES.get(place) or _PLACES.get(place + ".") or place for place in places
        )
        publishers = [publisher for _, sep, publisher in pairs if sep]
        if publishers:
            item["publisher"] = " ; ".join(publishers)
        if match:
            item["issued"] = _year(match.group("year"))
        return True

    def extent(self, text: str) -> bool:
        item = self.item
        match = _CARRIER.match(text) or _EXTENT.match(_restore(text))
        if not match or not any(match.groupdict().values()):
            return False
        groups = match.groupdict()
        extent = groups.get("pages") or groups.get("extent")
        if extent:
            item["number-of-pages"] = extent.strip()
        if groups.get("ill"):
            item["dimensions"] = _restore(groups["ill"].strip())
        if groups.get("size"):
            item["kopir-size"] = groups["size"].rstrip(".")
        return True


def _year(text: str) -> dict[str, Any]:
    text = text.strip()
    if text.startswith("["):
        return {"literal": text}
    if text.endswith(" –"):
        return {"date-parts": [[int(text[:4])], []]}
    if "\u2013" in text:
        first, last = text.split("\u2013")
        return {"date-parts": [[int(first)], [int(last)]]}
    return {"date-parts": [[int(text)]]}


def read_host(text: str) -> dict[str, Any]:
    """A host's own host, by its title area: «Title : subtitle : genre / responsibility»."""
    level: dict[str, Any] = {}
    _host_title(text, level, events=False)
    out: dict[str, Any] = {"title": level.pop("container-title")}
    if "kopir-container-subtitle" in level:
        out["kopir-subtitle"] = level.pop("kopir-container-subtitle")
    if "kopir-container-genre" in level:
        out["genre"] = level.pop("kopir-container-genre")
    if "container-author" in level:
        out["author"] = level.pop("container-author")
    return out | level  # the role variables and the body responsible, as they are


def _host_title(text: str, item: dict[str, Any], *, events: bool = True) -> None:
    container, _, responsible = text.partition(" / ")
    pieces = _split(container, " : ")
    item["container-title"] = pieces[0]
    for piece in pieces[1:] if events else ():
        if _event(piece, item):
            pieces.remove(piece)
            break
    if len(pieces) > 1:
        item["kopir-container-genre"] = pieces[-1]
    if len(pieces) > 2 or ":" in pieces[0]:  # else the title as printed is split at nothing
        item["kopir-container-subtitle"] = " : ".join(pieces[1:-1])
    if responsible:
        _responsibility(responsible, item, host=True)


# Where an area of the compact form (7.0.5: «. » between areas) may begin: the area's own
# first words. A full stop followed by anything else is part of the area (initials, «изд.»).
_COMPACT_START = (
    r"(?:\d+-е\s|[Ии]зд\.\s|"  # edition
    # place : publisher, year (the year tells it from «Title : subtitle»)
    r"(?:[А-ЯЁA-Z][\w-]*|М\.|СПб\.|Л\.)(?:\s[\w-]+){0,2}\s:\s"
    r"(?:[^/.]|\.(?!\s[А-ЯЁA-Z]))*?,\s\[?\d{4}|"
    # a place alone (a site), before its address or a note
    r"(?:[А-ЯЁA-Z][\w-]+|М\.|СПб\.|Л\.)\.?\s(?=URL:|Режим доступа:|Обновляется)|"
    r"(?:[А-ЯЁA-Z][\w-]+|М\.|СПб\.|Л\.)(?:\s;\s[А-ЯЁA-Z][\w-]+)*,\s\[?\d{4}|"  # place, year
    r"\d+\sэкз|"  # print run
    r"\[?\d{4}(?:\]|\u2013\d{4}| \u2013 )?(?:\.|,|$)|"  # a year
    rf"{_PAGINATION}\s[сcб](?:\.|$)|\d+\s(?:видео|аудио|электрон|карт|файл|CD|DVD)|"  # extent
    r"[СCБ]\.\s\d|\d{1,2}\s[а-яә]+\.?(?:\s\(№|\.|$)|"  # host numbering
    r"\((?!№)|ISBN\s|DOI\s|URL:|Режим доступа:|Масштаб\s|"
    + "|".join(re.escape(p) for p in _NOTES_PREFIXES)
    + ")"
)
# A journal's volume «Т. 70» or issue «№ 3» only after its year (else «в 3 т. Т. 2» of a set,
# or a law's «от 27 июля 2006 г. № 149-ФЗ», would split).
_COMPACT_AREA = re.compile(rf"\.\s(?={_COMPACT_START})|(?<=\d{{4}})\.\s(?=Т\.\s\d|№\s)")


def _compact_split(text: str) -> list[str]:
    return _COMPACT_AREA.split(text)


def read_reviewed(text: str) -> Parsed:
    """The work a review reviews, from its description (a review's note without its words)."""
    return parse(text, _review=False)


def parse(text: str, *, _review: bool = True) -> Parsed:
    """A reference as pasted → a CSL-JSON item, the parts not understood and notes read."""
    text = " ".join(text.replace("\u00a0", " ").split())
    # The note stands after the title area («Рецензия на книгу: …» may begin a review's title):
    # after the first « // » or area separator (of the compact form, in one), whichever first.
    first_area = _AREA.search(text) or _COMPACT_AREA.search(text)
    ends = [m.start() for m in (first_area, re.search(" // ", text)) if m]
    review = _REVIEW.search(text, min(ends, default=0)) if _review else None
    if review:  # «… – Рецензия на книгу: <the work reviewed>»: read apart, then the review
        reviewed = parse(review.group("rest"), _review=False)
        parsed = parse(text[: review.start()] + ".", _review=False)
        if reviewed.item.get("title") and parsed.item.get("title"):
            work = reviewed.item
            if _REVIEW_WORDS[review.group("word")] == "film" and work["type"] == "book":
                work["type"] = "motion_picture"
            parsed.item["kopir-reviewed"] = work
            parsed.left_over += reviewed.left_over
            parsed.notes += reviewed.notes
            return parsed
    # 7.0.5's compact form has no « – » between areas: they are told apart by how each begins.
    compact = not _AREA.search(text)
    split = _compact_split if compact else _AREA.split
    left: list[str] = []
    notes: list[str] = []
    item: dict[str, Any] = {"type": "book"}
    part, _, host = text.partition(" // ")
    areas = split(part.rstrip(".") if not host else part)
    _title_area(areas[0], item, compact=compact)
    reader = _Areas(item, left, notes, host=False)
    for area in areas[1:]:
        reader.read(area)
    if host:
        host = host if host.endswith(" – .") else host.rstrip(".")
        # «// host // its host …»: each level but the last is a title area alone; the last
        # has the areas of the publication the chain is found in.
        *levels, last = _split(host, " // ")
        host_areas = split(last)
        if levels:
            titles = []
            for level in levels:  # a level is a title area: any other area is not understood
                level_areas = split(level)
                titles.append(level_areas[0])
                left.extend(_restore(a.strip().rstrip(".")) for a in level_areas[1:])
            _host_title(titles[0], item)
            outer: dict[str, Any] = item
            for title in [*titles[1:], host_areas[0]]:
                nested = read_host(title)
                outer["kopir-container"] = nested
                outer = nested
        else:
            _host_title(host_areas[0], item)
        reader = _Areas(item, left, notes, host=True)
        for area in host_areas[1:]:
            reader.read(area)
        item["type"] = _component_type(item)
    elif item.get("URL") and not item.get("publisher") and item["type"] == "book":
        item["type"] = "webpage"
    if text and not _has_words(item.get("title", "")):
        # Nothing could be read as a title: say so with the whole text, never a silent
        # description of punctuation.
        return Parsed({"type": "book", "title": ""}, [text], compact=compact)
    return Parsed(item, left, compact=compact, notes=notes)


def _has_words(value: str) -> bool:
    return any(ch.isalnum() for ch in value)


def _component_type(item: dict[str, Any]) -> str:
    if item.get("type") not in (None, "book", "webpage"):
        return item["type"]
    day = len(((item.get("issued") or {}).get("date-parts") or [[]])[0]) == 3
    site = item.get("kopir-container-genre") == "[сайт]"
    if site:
        return "post" if day else "webpage"
    if item.get("volume") or item.get("issue"):
        return "article-newspaper" if day else "article-journal"
    if day:
        return "article-newspaper"
    if item.get("URL") and not item.get("publisher"):
        return "webpage"
    return "chapter"
