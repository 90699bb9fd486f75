"""Personal names as GOST writes them: initials, the heading form «Иванов, И. И.», the form
after the slash «И. И. Иванов», and the genitive a statement like «под редакцией Е. Е. Егоровой»
needs (ГОСТ Р 7.0.100-2018 keeps the grammar of the phrase)."""

from __future__ import annotations

import re

from kopir.bibliography.styles.record import Name

NBSP = "\u00a0"
_PART = re.compile(r"[^\s.\-]+")

# Russian (and Russified Kazakh) surnames in the genitive, by ending: longest ending first.
# Feminine -ова/-ева/-ина/-ына/-ая/-кая decline to -овой…; masculine -ов/-ев/-ин/-ын to -ова…;
# -ский/-цкий/-ой/-ый adjectival forms. Other surnames (-ко, -их, -ых, foreign) do not decline.
_GENITIVE = sorted(
    {
        "ская": "ской", "цкая": "цкой", "ский": "ского", "цкий": "цкого",
        "ова": "овой", "ева": "евой", "ёва": "ёвой", "ина": "иной", "ына": "ыной",
        "ой": "ого", "ый": "ого", "ов": "ова", "ев": "ева", "ёв": "ёва", "ин": "ина", "ын": "ына",
    }.items(),
    key=lambda pair: -len(pair[0]),
)  # fmt: skip


def initials(given: str) -> str:
    """«Иван Иванович» → «И. И.»; «Анна-Мария» → «А.-М.»; «И. И.» stays."""
    out = []
    for word in given.split():
        pieces = [p for p in word.split("-") if p]
        out.append("-".join(p[0].upper() + "." for p in pieces))
    return " ".join(out)


def heading(name: Name, *, comma: bool = True) -> str:
    """«Иванов, И. И.» (ГОСТ 7.80, the heading); «Иванов И. И.» without the comma (7.0.5)."""
    if name.literal:
        return name.literal
    letters = initials(name.given)
    if not letters:
        return name.family
    return f"{name.family}{',' if comma else ''} {letters}"


def _joined(letters: str, family: str, space: str) -> str:
    return f"{letters.replace(' ', space)}{space}{family}" if letters else family


def statement(name: Name, *, space: str = " ") -> str:
    """«И. И. Иванов», the form after the slash; `space` is NBSP in typeset output."""
    if name.literal:
        return name.literal
    return _joined(initials(name.given), name.family, space)


def genitive(family: str) -> str:
    lower = family.lower()
    for ending, replacement in _GENITIVE:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            cut = family[: len(family) - len(ending)]
            return cut + (replacement if family[-1].islower() else replacement.upper())
    return family


def statement_genitive(name: Name, *, space: str = " ") -> str:
    """«Е. Е. Егоровой» after «под редакцией»."""
    if name.literal:
        return name.literal
    return _joined(initials(name.given), genitive(name.family), space)
