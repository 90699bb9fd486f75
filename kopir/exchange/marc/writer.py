"""Write records as ISO 2709 (UTF-8 or Windows-1251) or MARCXML, in MARC 21 or RUSMARC.

Windows-1251 has no ә ғ қ ң ө ұ ү һ (reference-standards §5.2): a record holding one of them is
refused with the record and the letter named, never written with "?" in their place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.utils.translation import gettext_lazy as _
from pymarc import Field, Leader, Record
from pymarc.marcxml import record_to_xml

from kopir.core.text import printable_copy
from kopir.exchange.marc.flavours import FLAVOURS, MARC21
from kopir.exchange.marc.model import BibData
from kopir.exchange.marc.reader import CP1251, UTF8

LEADER_LENGTH = 24
END_OF_FIELD, END_OF_RECORD = "\x1e", "\x1d"
ERROR_NOT_IN_CP1251 = _(
    "“%(title)s” has the letter “%(letter)s”, which Windows-1251 cannot hold: "
    "export as UTF-8 instead."
)
ISO2709, MARCXML = "iso2709", "marcxml"


class EncodingRefused(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def build_record(data: BibData, flavour: str, encoding: str = UTF8) -> Record:
    """The record in `flavour`. Leader/09 is "a" only for MARC 21 in UTF-8: RUSMARC states its
    character set in 100 $a/26-29 and leaves leader/09 blank."""
    data = printable_copy(data)  # 0x1D-0x1F are MARC's own separators
    record = FLAVOURS[flavour].write(data, encoding == CP1251)
    coding = "a" if flavour == MARC21 and encoding == UTF8 else " "
    leader = str(record.leader)
    record.leader = Leader(leader[:9] + coding + leader[10:])
    return record


def _first_unencodable(text: str, encoding: str) -> str:
    for letter in text:
        try:
            letter.encode(encoding)
        except UnicodeEncodeError:
            return letter
    return ""


def iso2709_bytes(record: Record, encoding: str, title: str = "") -> bytes:
    """The record in transmission format, every field encoded in `encoding` (pymarc's own
    as_marc() knows only UTF-8 and Latin-1)."""
    fields, directory, offset = b"", b"", 0
    for field in record.fields:
        text = _field_text(field)
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError as error:
            letter = _first_unencodable(text, encoding)
            message = ERROR_NOT_IN_CP1251 % {"title": title or "?", "letter": letter}
            raise EncodingRefused(str(message)) from error
        fields += data
        directory += f"{int(field.tag):03d}{len(data):04d}{offset:05d}".encode("ascii")
        offset += len(data)
    directory += END_OF_FIELD.encode("ascii")
    fields += END_OF_RECORD.encode("ascii")
    base = LEADER_LENGTH + len(directory)
    length = base + len(fields)
    leader = str(record.leader)
    leader = f"{length:05d}{leader[5:12]}{base:05d}{leader[17:]}"
    return leader.encode("ascii") + directory + fields


def _field_text(field: Field) -> str:
    if field.is_control_field():
        return (field.data or "") + END_OF_FIELD
    parts = [f"{field.indicator1}{field.indicator2}"]
    parts += [f"\x1f{sub.code}{sub.value}" for sub in field.subfields]
    return "".join(parts) + END_OF_FIELD


def export(
    records: Iterable[BibData], *, flavour: str = MARC21, encoding: str = UTF8,
    syntax: str = ISO2709,
) -> Iterator[bytes]:  # fmt: skip
    """The file, in pieces. A record that cannot be written raises before anything of it is."""
    if syntax == MARCXML:
        yield b'<?xml version="1.0" encoding="UTF-8"?>\n'
        yield b'<collection xmlns="http://www.loc.gov/MARC21/slim">'
        for data in records:
            yield record_to_xml(build_record(data, flavour, UTF8))
        yield b"</collection>\n"
        return
    for data in records:
        yield iso2709_bytes(build_record(data, flavour, encoding), encoding, data.title)
