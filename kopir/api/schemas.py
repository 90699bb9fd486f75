"""Input types shared by every domain's API: text that the database can store."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

ERROR_NUL = "must not contain NUL characters"


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError(ERROR_NUL)
    return value


Text = Annotated[str, AfterValidator(_no_nul)]
Slug = Annotated[str, Field(pattern=r"^[-a-zA-Z0-9_]+$", max_length=50)]
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
