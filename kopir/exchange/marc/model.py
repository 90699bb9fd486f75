"""One bibliographic description, whatever MARC flavour it came in or goes out as."""

from __future__ import annotations

from dataclasses import dataclass, field


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
