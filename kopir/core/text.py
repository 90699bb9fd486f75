"""Web address parts from text in any script, Latin without marks, and the characters no text
we keep may hold (control characters), refused where text enters and dropped where it is
written out. (Folding for search is kopir.search.analysis.)"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db.models import CharField, JSONField, Model, TextField
from django.utils.deconstruct import deconstructible
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kopir.core.transliteration import to_latin


def free_slug(text: str, taken: Callable[[str], bool], *, fallback: str, suffix: str = "") -> str:
    """A web address part for a new record: the text in Latin letters without marks (60 at
    most), then `suffix`, then -2, -3 … until `taken` says it is free."""
    base = slugify(strip_marks(to_latin(text)))[:60].strip("-") or fallback
    slug = f"{base}{suffix}"
    candidate, n = slug, 2
    while taken(candidate):
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def strip_marks(text: str) -> str:
    """ş → s, ä → a, ı → i: for readers who type Latin without diacritics."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


T = TypeVar("T")
# Characters no one types and no format we write can carry: C0 controls but tab, line feed and
# carriage return; DEL; C1 controls; unpaired surrogates (Python lets "\ud800" through JSON);
# the noncharacters U+FFFE and U+FFFF. XML 1.0 (Atom, OAI-PMH, DOCX, XLSX) refuses most of them
# outright, and MARC uses 0x1D-0x1F as its own separators.
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
LINE_BREAKS = re.compile("[\t\n\r]")
ERROR_CONTROL_CHARACTERS = _(
    "The text contains invisible control characters (%(characters)s). Remove them and type "
    "the text again."
)


def printable(text: str) -> str:
    """The text without the characters of UNPRINTABLE: what every renderer writes, so that a
    value stored before entries were checked can never break a page or a document."""
    return UNPRINTABLE.sub("", text) if text else text


def printable_copy(value: T) -> T:
    """A copy of a value built for rendering (a dataclass, list, tuple or dict of strings …)
    with `printable` applied to every string in it."""
    if isinstance(value, str):
        return printable(value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: printable_copy(getattr(value, f.name))
                   for f in dataclasses.fields(value) if f.init}  # fmt: skip
        return dataclasses.replace(value, **changes)
    if isinstance(value, list):
        return [printable_copy(item) for item in value]  # type: ignore[return-value]
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(printable_copy(item) for item in value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {k: printable_copy(v) for k, v in value.items()}  # type: ignore[return-value]
    return value


def control_characters(value: Any, *, multiline: bool = True) -> list[str]:
    """The forbidden characters in a value (a string, or the strings of a JSON structure),
    named as U+XXXX; tab and line breaks are forbidden only where a value is single-line."""
    found: set[str] = set()
    for _path, text in strings_in(value):
        found.update(UNPRINTABLE.findall(text))
        if not multiline:
            found.update(LINE_BREAKS.findall(text))
    return [f"U+{ord(ch):04X}" for ch in sorted(found)]


def strings_in(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string of a value (keys of a JSON object included) with where it stands:
    ("authors.0.family", "Иванов"); a bare string stands at "__all__"."""
    if isinstance(value, str):
        yield path or "__all__", value
    elif isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            yield from strings_in(key, where)
            yield from strings_in(item, where)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from strings_in(item, f"{path}.{index}" if path else str(index))


@deconstructible
class NoControlCharacters:
    """Refuse a value holding control characters (see UNPRINTABLE); `multiline` allows tab
    and line breaks (text areas, JSON documents)."""

    code = "control_characters"

    def __init__(self, *, multiline: bool = False) -> None:
        self.multiline = multiline

    def __call__(self, value: Any) -> None:
        found = control_characters(value, multiline=self.multiline)
        if found:
            raise ValidationError(
                ERROR_CONTROL_CHARACTERS, code=self.code, params={"characters": ", ".join(found)}
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NoControlCharacters) and other.multiline == self.multiline

    def __hash__(self) -> int:
        return hash(self.multiline)


def guard_text_fields(models: Iterable[type[Model]]) -> None:
    """Give every text field of these models the check (single-line for CharField and its
    kinds, multi-line for TextField and JSONField), as a default validator: every form and
    `full_clean` then refuses control characters, and no migration is needed."""
    for model in models:
        for field in model._meta.get_fields():
            if isinstance(field, TextField | JSONField):
                check = NoControlCharacters(multiline=True)
            elif isinstance(field, CharField):
                check = NoControlCharacters(multiline=False)
            else:
                continue
            if check not in field.default_validators:
                field.default_validators = [*field.default_validators, check]
                field.__dict__.pop("validators", None)  # a cached_property of the field
