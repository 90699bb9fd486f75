"""The compact form of ГОСТ Р 7.0.5-2008 read back: no « – » between areas, the authors'
names before the title with the initials after the surname, the parts of the host after « // »
separated by full stops.

    Петров П. П., Сидорова А. С. Трансграничное сотрудничество библиотек // Библиотековедение.
    2021. Т. 70, № 3. С. 34–36.
    Петров П. П. История края. Барнаул : Алтайский дом печати, 2020. 210 с.

`read_compact` answers None when the text is not in this form (the full reader then takes it);
what it cannot place is returned as left over, never folded silently into a field.
"""

from __future__ import annotations

import re
from typing import Any

UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІA-Z"  # the letters a name begins with, Kazakh ones too
SURNAME = rf"[{UPPER}][\w’'-]+"
INITIALS = rf"(?:[{UPPER}]\.\s?){{1,3}}"
_AUTHORS = re.compile(rf"^((?:{SURNAME}\s{INITIALS}(?:,\s|\s(?=[{UPPER}«\"\w])))+)(?P<rest>.+)$")
_ONE_AUTHOR = re.compile(rf"({SURNAME})\s({INITIALS})")
_JOURNAL = re.compile(
    r"^(?P<container>.+?)\.\s(?P<year>\d{4})\."
    r"(?:\s(?:Т\.\s(?P<volume>[\w-]+))?(?:,\s)?(?:№\s(?P<issue>[\w-]+))?\.)?"
    r"(?:\s[СC]\.\s(?P<page>\d+(?:\s?[–-]\s?\d+)?)\.?)?$"
)
_BOOK = re.compile(
    r"^(?P<title>.+?)\.\s(?P<place>[^.:]+?)\s:\s(?P<publisher>[^,]+),\s(?P<year>\d{4})\."
    r"(?:\s(?P<extent>\d+)\s[сc]\.)?$"
)


def read_compact(text: str) -> tuple[dict[str, Any], list[str]] | None:
    """A compact 7.0.5 reference (no « – » between areas: the caller tells the full forms
    apart) → (CSL-JSON item, parts left over), or None if it is not one."""
    match = _AUTHORS.match(text)
    authors: list[dict[str, str]] = []
    rest = text
    if match:
        authors = [
            {"family": family, "given": " ".join(initials.split())}
            for family, initials in _ONE_AUTHOR.findall(match.group(1))
        ]
        rest = match.group("rest")
    title, sep, host = rest.partition(" // ")
    if sep:
        found = _JOURNAL.match(host.strip())
        if not found:
            return None
        item: dict[str, Any] = {
            "type": "article-journal" if found["volume"] or found["issue"] else "chapter",
            "title": title.strip().rstrip("."),
            "container-title": found["container"],
            "issued": {"date-parts": [[int(found["year"])]]},
        }
        for key in ("volume", "issue", "page"):
            if found[key]:
                item[key] = found[key].replace("-", "–").replace(" ", "")
    else:
        found = _BOOK.match(rest.strip())
        if not found:
            return None
        item = {
            "type": "book", "title": found["title"], "publisher-place": found["place"],
            "publisher": found["publisher"].strip(),
            "issued": {"date-parts": [[int(found["year"])]]},
        }  # fmt: skip
        if found["extent"]:
            item["number-of-pages"] = found["extent"]
    if authors:
        item["author"] = authors
    return item, []
