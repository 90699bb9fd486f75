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


# UNIMARC Appendix C (RUSMARC's digits) ↔ the MARC Code List for Relators: every role the two
# lists share (the concordance converts by it).
RELATORS = {
    "005": "act", "010": "adp", "020": "ann", "030": "arr", "040": "art", "050": "asg",
    "060": "asn", "065": "auc", "070": "aut", "072": "aqt", "075": "aft", "080": "aui",
    "090": "aus", "100": "ant", "110": "bnd", "120": "bdd", "130": "bkd", "140": "bjd",
    "150": "bpd", "160": "bsl", "170": "cll", "180": "ctg", "190": "cns", "200": "chr",
    "205": "ctb", "210": "cmm", "212": "cwt", "220": "com", "230": "cmp", "240": "cmt",
    "245": "ccp", "250": "cnd", "255": "csp", "260": "cph", "270": "crr", "273": "cur",
    "275": "dnc", "280": "dte", "290": "dto", "295": "dgg", "300": "drt", "305": "dis",
    "310": "dst", "320": "dnr", "330": "dub", "340": "edt", "350": "egr", "360": "etr",
    "365": "exp", "370": "flm", "380": "frg", "390": "fmo", "400": "fnd", "410": "grt",
    "420": "hnr", "430": "ilu", "440": "ill", "450": "ins", "460": "ive", "470": "ivr",
    "480": "lbt", "490": "lse", "500": "lso", "510": "ltg", "520": "lyr", "530": "mte",
    "540": "mon", "545": "mus", "550": "nrt", "555": "opn", "557": "orm", "560": "org",
    "570": "oth", "580": "ppm", "582": "pta", "584": "inv", "587": "pth", "590": "prf",
    "595": "res", "600": "pht", "610": "prt", "620": "pop", "630": "pro", "635": "prg",
    "640": "pfr", "650": "pbl", "651": "pbd", "660": "rcp", "670": "rce", "673": "rth",
    "675": "rev", "677": "rtm", "680": "rbr", "690": "sce", "695": "sad", "700": "scr",
    "705": "scl", "710": "sec", "720": "sgn", "721": "sng", "723": "spn", "725": "stn",
    "727": "ths", "730": "trl", "740": "tyd", "750": "tyg", "755": "voc", "760": "wde",
    "770": "wam",
}  # fmt: skip
RELATORS_BACK = {letters: digits for digits, letters in RELATORS.items()}
# The roles a description names and shows (ROLES), in both code lists.
RUSMARC_TO_MARC21 = {
    code: RELATORS[code] for code in ("070", "220", "340", "440", "730", "080", "205", "557", "650")
}
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
