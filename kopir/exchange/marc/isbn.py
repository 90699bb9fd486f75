"""ISBNs as files carry them: hyphens, spaces, a price after them, a Cyrillic «х» for X."""

from __future__ import annotations

import re

from stdnum import ean
from stdnum import isbn as stdnum_isbn
from stdnum.exceptions import ValidationError as StdnumError

# Cyrillic х/Х (U+0445/U+0425) typed for the check digit X (reference-standards §5.3).
LOOKALIKES = str.maketrans({"х": "X", "Х": "X", "x": "X"})
CANDIDATE = re.compile(r"[0-9][0-9\-\s]{8,16}[0-9XxХх]")
SEPARATORS = re.compile(r"[\s-]")


def normalise_isbn(raw: str) -> str:
    """The ISBN-13 of `raw` without hyphens, or "" when there is no valid ISBN in it."""
    match = CANDIDATE.search(raw or "")
    if not match:
        return ""
    candidate = match.group(0).translate(LOOKALIKES)
    digits = SEPARATORS.sub("", candidate)
    if len(digits) == 13 and digits.isascii() and digits.isdigit():
        # the common case, checked as stdnum's validate checks an ISBN-13 (EAN check digit,
        # prefix 978/979) without its character-by-character cleaning: imports call this
        # once per record
        valid = digits[:3] in ("978", "979") and ean.calc_check_digit(digits[:-1]) == digits[-1]
        return digits if valid else ""
    try:
        return stdnum_isbn.validate(candidate, convert=True)
    except StdnumError:
        return ""
