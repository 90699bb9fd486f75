"""What «the same fields» means when a description is read back: the fields the formatter
prints, compared as the formatter reads them (`record.read`), with the distinctions print does
not keep folded together — documented in docs/references.md:

- other title information: a subtitle and a genre both print «: …», so they compare as one
  sequence;
- the item type compares as what it prints: a part («//») or a whole, its content (area 9),
  and whether it is a thesis, a standard, a site page or a site;
- a container's subtitle and genre, likewise, and those of each host's host;
- a reviewed work compares by these same rules; «[сайт]» after a site's name is what 7.0.100
  says of a page of a site by itself, so it is the same as no word at all.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from kopir.bibliography.styles.record import Record, read


def _printed_type(record: Record) -> tuple[object, ...]:
    site = record.type == "webpage" and not record.is_component
    return (record.is_component, record.content, record.type in ("thesis", "standard"),
            record.type if record.type in ("thesis", "standard") else "", site)  # fmt: skip


def fields(item: dict[str, Any]) -> dict[str, Any]:
    return _fields(read(item))


def _fields(record: Record) -> dict[str, Any]:
    out = dataclasses.asdict(record)
    # Each further host prints its subtitle and genre both as «: …», like the container's.
    out["hosts"] = [
        {**host, "subtitle": " : ".join(x for x in (host.pop("subtitle"), host.pop("genre")) if x)}
        for host in out["hosts"]
    ]
    out["reviewed"] = _fields(record.reviewed) if record.reviewed else None
    out.pop("id")
    out["type"] = _printed_type(record)
    out["subtitle"] = " : ".join(x for x in (out.pop("subtitle"), out.pop("genre")) if x)
    genre = out.pop("container_genre")
    container = (out.pop("container_subtitle"), "" if genre == "[сайт]" else genre)
    out["container_subtitle"] = " : ".join(x for x in container if x)
    out["pages"] = out["pages"].replace("\u2013", "-")
    return out
