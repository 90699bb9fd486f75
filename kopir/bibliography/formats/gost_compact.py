"""The compact form of ГОСТ Р 7.0.5-2008 read back: no « – » between areas, the authors'
names before the title with the initials after the surname, the parts of the host after « // »
separated by full stops.

    Петров П. П., Сидорова А. С. Трансграничное сотрудничество библиотек // Библиотековедение.
    2021. Т. 70, № 3. С. 34–36.
    Петров П. П. История края. Барнаул : Алтайский дом печати, 2020. 210 с.

The reader (gost_parser) tells its areas apart by how each begins, with these name patterns
for the heading of up to three names.
"""

from __future__ import annotations

import re

UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІA-Z"  # the letters a name begins with, Kazakh ones too
SURNAME = rf"[{UPPER}][\w’'-]+"
INITIALS = rf"(?:[{UPPER}]\.\s?){{1,3}}"
AUTHORS = re.compile(rf"^((?:{SURNAME}\s{INITIALS}(?:,\s|\s(?=[{UPPER}«\"\w])))+)(?P<rest>.+)$")
ONE_AUTHOR = re.compile(rf"({SURNAME})\s({INITIALS})")
