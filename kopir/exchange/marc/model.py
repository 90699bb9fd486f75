"""One bibliographic description, whatever MARC flavour it came in or goes out as."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass
class BibData:
    title: str = ""
    other_title: str = ""
    responsibility: str = ""
    authors: list[str] = field(default_factory=list)
    publisher: str = ""
    place: str = ""
    year: int | None = None
    isbn: str = ""  # as written in the record
    language: str = ""  # ISO 639-2/B, e.g. rus, kaz
    subjects: list[str] = field(default_factory=list)
    udc: str = ""
    bbk: str = ""
    extent: str = ""
    control_number: str = ""
    # A volume of a multi-volume set (RUSMARC 461/462, MARC 21 773 or 245 $n/$p): the set's
    # title and this volume's number; `title` is the volume's own (or the bare number).
    set_title: str = ""
    volume: str = ""
    series: list[str] = field(default_factory=list)  # "Series ; No." (225, 490/8XX)
    parts: list[str] = field(default_factory=list)  # works the volume holds (464, 505 $t)
    # Everyone else responsible, with the role the record gives: {"name", "role", "body"}
    # (RUSMARC 702 and 710-712, MARC 21 110/111/710/711 and 700 with another role than author)
    contributors: list[dict] = field(default_factory=list)


# Relator codes (RUSMARC's three digits and MARC 21's letters) → the role shown; a code not
# listed here is shown as the record gives it.
AUTHOR_ROLES = {"070", "aut", "author", ""}
_AUTHOR, _COMPILER, _EDITOR = _("author"), _("compiler"), _("editor")
_ILLUSTRATOR, _TRANSLATOR, _INTRODUCTION = (
    _("illustrator"),
    _("translator"),
    _("author of the introduction"),
)
_CONTRIBUTOR, _ORGANISER, _PUBLISHER = _("contributor"), _("organiser"), _("publisher")
ROLES = {
    "070": _AUTHOR, "aut": _AUTHOR, "220": _COMPILER, "com": _COMPILER, "340": _EDITOR,
    "edt": _EDITOR, "440": _ILLUSTRATOR, "ill": _ILLUSTRATOR, "730": _TRANSLATOR,
    "trl": _TRANSLATOR, "080": _INTRODUCTION, "aui": _INTRODUCTION, "205": _CONTRIBUTOR,
    "ctb": _CONTRIBUTOR, "557": _ORGANISER, "orm": _ORGANISER, "650": _PUBLISHER,
    "pbl": _PUBLISHER,
}  # fmt: skip


# The same roles in both code lists (RUSMARC Appendix C ↔ MARC Code List for Relators).
RUSMARC_TO_MARC21 = {
    "070": "aut", "220": "com", "340": "edt", "440": "ill", "730": "trl", "080": "aui",
    "205": "ctb", "557": "orm", "650": "pbl",
}  # fmt: skip
MARC21_TO_RUSMARC = {letters: digits for digits, letters in RUSMARC_TO_MARC21.items()}
# Roles as cataloguers write them in $e (MARC 21) or, in Russian and Kazakh records, in
# words and abbreviations: each is read as its code, so it is shown in the reader's language
# and converted, never shown as typed. Trailing full stops are dropped before the look-up.
TERMS = {
    "aut": ("author", "автор", "авт"),
    "com": ("compiler", "составитель", "сост", "құрастырушы", "құраст"),
    "edt": ("editor", "редактор", "ред", "отв. ред", "ответственный редактор", "под ред"),
    "ill": ("illustrator", "художник", "худож", "иллюстратор", "ил", "суретші"),
    "trl": ("translator", "переводчик", "пер", "аудармашы", "ауд"),
    "aui": ("author of introduction", "автор предисловия", "авт. предисл"),
    "ctb": ("contributor",),
    "orm": ("organizer", "organiser"),
    "pbl": ("publisher", "издатель", "баспагер"),
}
for _code, _terms in TERMS.items():
    for _term in _terms:
        ROLES[_term] = ROLES[_code]
        MARC21_TO_RUSMARC[_term] = MARC21_TO_RUSMARC[_code]


def _key(code: str) -> str:
    return code.strip().lower().rstrip(".").strip()


def relator(code: str, flavour: str) -> str:
    """A role's code in the list of `flavour` ("marc21" letters, "rusmarc" digits); a code
    with no counterpart is kept as it is."""
    table = RUSMARC_TO_MARC21 if flavour == "marc21" else MARC21_TO_RUSMARC
    if flavour == "marc21" and _key(code) in MARC21_TO_RUSMARC:  # a term: its own code
        return relator(MARC21_TO_RUSMARC[_key(code)], flavour)
    return table.get(_key(code), code)


def role_label(code: str) -> str:
    """A role in the reader's language; a code or term no list knows, as it was written."""
    return str(ROLES.get(_key(code), code.strip()))


def contributor_text(contributor: dict) -> str:
    """«Титов, Ф. (compiler)»: a name with its role in the reader's language."""
    role = role_label(contributor.get("role", ""))
    return f"{contributor.get('name', '')} ({role})" if role else contributor.get("name", "")


def full_title(title: str, set_title: str = "", volume: str = "") -> str:
    """How a volume is shown and searched: «Set. Vol. 2 : Own title», or «Set. Vol. 2» when
    the volume's title is only its number («Задачи и этюды. Вып. 13»)."""
    own, number = title.strip().rstrip("."), volume.strip().rstrip(".")
    if not set_title.strip():
        return title.strip()
    whole = set_title.strip().rstrip(".")
    if number and _plain(own) != _plain(number):
        return f"{whole}. {number}" + (f" : {own}" if own else "")
    return f"{whole}. {own or number}" if own or number else whole


def _plain(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())
