"""ISBNs as files carry them: hyphens, spaces, a price after them, a Cyrillic «х» for X."""

from __future__ import annotations

import re

from stdnum import isbn as stdnum_isbn
from stdnum.exceptions import ValidationError as StdnumError

# Cyrillic х/Х (U+0445/U+0425) typed for the check digit X (reference-standards §5.3).
LOOKALIKES = str.maketrans({"х": "X", "Х": "X", "x": "X"})
CANDIDATE = re.compile(r"[0-9][0-9\-\s]{8,16}[0-9XxХх]")


def normalise_isbn(raw: str) -> str:
    """The ISBN-13 of `raw` without hyphens, or "" when there is no valid ISBN in it."""
    match = CANDIDATE.search(raw or "")
    if not match:
        return ""
    candidate = match.group(0).translate(LOOKALIKES)
    try:
        return stdnum_isbn.validate(candidate, convert=True)
    except StdnumError:
        return ""
