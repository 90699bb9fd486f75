"""An item's Dublin Core description, declared once.

The title and description are multilingual columns of the model; the rest of the description
is this dataclass. The service's input (`services.ItemData`) extends it, the workspace form and
the API's schemas take their fields from `FIELDS` (with the model's lengths), so a field added
here reaches all of them. The OAI-PMH record maps the same fields onto the fifteen DCMES
elements in kopir/heritage/oai/formats.py.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(kw_only=True)
class Description:
    """What an editor says of an item beside its title and description (DCMES 1.1 terms;
    `date_text` is the date as written, read into a range by kopir.heritage.dates)."""

    date_text: str = ""
    creator: str = ""
    contributor: str = ""
    publisher: str = ""
    language: str = "ru"
    identifier: str = ""
    format: str = ""
    source: str = ""
    relation: str = ""
    coverage: str = ""
    rights: str = ""
    video_url: str = ""


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Description))
