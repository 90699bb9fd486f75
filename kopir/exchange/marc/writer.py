"""Write records as ISO 2709 (UTF-8 or Windows-1251) or MARCXML, in MARC 21 or RUSMARC.

Windows-1251 has no ә ғ қ ң ө ұ ү һ (reference-standards §5.2): a record holding one of them is
refused with the record and the letter named, never written with "?" in their place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from lxml import etree
from pymarc import Field, Leader, Record, Subfield
from pymarc.marcxml import MARC_XML_NS, record_to_xml

from kopir.core.text import printable, printable_copy
from kopir.exchange.marc import concordance
from kopir.exchange.marc.flavours import FLAVOURS, MARC21
from kopir.exchange.marc.model import BibData, full_title
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


@dataclass(frozen=True)
class Original:
    """A stored record as it came in: its ISO 2709 bytes, flavour and character set."""

    marc: bytes
    flavour: str
    encoding: str


@dataclass(frozen=True)
class Outgoing:
    """One record to write: what Köpir describes of it, and the original when it has one."""

    data: BibData
    original: Original | None = None


@dataclass
class Written:
    """What became of one record of an export (1-based position in the export)."""

    position: int
    title: str
    refused: str = ""  # why it was left out (a letter the encoding cannot hold)
    not_carried: list[str] = dataclasses.field(
        default_factory=list
    )  # fields a conversion could not carry


def parse_original(original: Original) -> Record:
    return Record(
        original.marc, force_utf8=original.encoding == UTF8, file_encoding=original.encoding,
        hide_utf8_warnings=True,
    )  # fmt: skip


def _mark_character_set(record: Record, flavour: str, encoding: str) -> None:
    """State the character set the record is now written in: MARC 21 leader/09, RUSMARC
    100 $a/26-29 ("50  " Unicode, "0189" Windows-1251)."""
    if flavour == MARC21:
        leader = str(record.leader)
        record.leader = Leader(leader[:9] + ("a" if encoding == UTF8 else " ") + leader[10:])
        return
    for coded in record.get_fields("100"):
        for sub in coded.subfields:
            if sub.code == "a" and len(sub.value) >= 30:
                charset = "50  " if encoding == UTF8 else "0189"
                index = coded.subfields.index(sub)
                coded.subfields[index] = Subfield("a", sub.value[:26] + charset + sub.value[30:])
                return


def _converted(outgoing: Outgoing, flavour: str, encoding: str, report: Written) -> Record:
    """A record in the other flavour: its original converted field by field by the
    concordance (what it could not carry in `report`), or, without an original, written
    from the description."""
    original = outgoing.original
    if original is not None and original.marc and original.flavour != flavour:
        converted = concordance.convert(parse_original(original), original.flavour)
        report.not_carried = converted.not_carried
        record = converted.record
    else:
        record = build_record(outgoing.data, flavour, encoding)
    _mark_character_set(record, flavour, encoding)
    return record


def _shown(data: BibData) -> str:
    """A record as the pages show it: a volume under its set («Set. Vol. 2 : Title»)."""
    return full_title(data.title, data.set_title, data.volume)


_M = f"{{{MARC_XML_NS}}}"


def marcxml_element(record: Record) -> etree._Element:
    """The record as a MARCXML <record> (the MARC21slim schema), built directly with lxml for
    the protocols that send records inside their own XML (SRU, OAI-PMH): the same elements as
    pymarc's record_to_xml, without writing text only to parse it again."""
    root = etree.Element(f"{_M}record", nsmap={None: MARC_XML_NS})
    etree.SubElement(root, f"{_M}leader").text = printable(str(record.leader))
    for field in record.fields:
        if field.is_control_field():
            control = etree.SubElement(root, f"{_M}controlfield", tag=field.tag)
            control.text = printable(field.data or "")
            continue
        data = etree.SubElement(
            root, f"{_M}datafield", tag=field.tag, ind1=field.indicator1 or " ",
            ind2=field.indicator2 or " ",
        )  # fmt: skip
        for subfield in field.subfields:
            etree.SubElement(data, f"{_M}subfield", code=subfield.code).text = printable(
                subfield.value
            )
    return root


def as_record(outgoing: Outgoing, flavour: str = "", encoding: str = UTF8) -> Record:
    """One record in `flavour` (its own by default) as export() writes it, for a protocol
    that sends records one by one (SRU): the original, only its character set restated, or
    converted (_converted)."""
    original = outgoing.original if outgoing.original and outgoing.original.marc else None
    target = flavour or (original.flavour if original else MARC21)
    if original is not None and target == original.flavour:
        record = parse_original(original)
        _mark_character_set(record, target, encoding)
        return record
    return _converted(outgoing, target, encoding, Written(0, _shown(outgoing.data)))


def export(
    records: Iterable[BibData | Outgoing], *, flavour: str = "", encoding: str = "",
    syntax: str = ISO2709, skip_refused: bool = False, report: list[Written] | None = None,
) -> Iterator[bytes]:  # fmt: skip
    """The file, in pieces. A record with an original, exported in its own flavour, is the
    original: byte for byte in ISO 2709 in its own character set, otherwise every field,
    subfield, indicator and the leader as they came, only the character set restated. A
    record converted to the other flavour is its original converted field by field
    (marc.concordance), and `report` names what the conversion could not carry; a record
    without an original is written from its description.

    `flavour` and `encoding` default to each record's own (MARC 21 and UTF-8 for a record
    without an original). A record that `encoding` cannot hold raises EncodingRefused before
    anything of it is written, or, with `skip_refused`, is left out and named in `report`."""
    if syntax == MARCXML:
        yield b'<?xml version="1.0" encoding="UTF-8"?>\n'
        yield b'<collection xmlns="http://www.loc.gov/MARC21/slim">'
    for position, item in enumerate(records, start=1):
        outgoing = item if isinstance(item, Outgoing) else Outgoing(item)
        original = outgoing.original if outgoing.original and outgoing.original.marc else None
        target = flavour or (original.flavour if original else MARC21)
        charset = UTF8 if syntax == MARCXML else (
            encoding or (original.encoding if original else UTF8))  # fmt: skip
        written = Written(position, _shown(outgoing.data))
        if original is not None and target == original.flavour:
            if syntax == ISO2709 and charset == original.encoding:
                if report is not None:
                    report.append(written)
                yield original.marc
                continue
            record = as_record(outgoing, target, charset)
        else:
            record = _converted(outgoing, target, charset, written)
        if syntax == MARCXML:
            piece = record_to_xml(record)
        else:
            try:
                piece = iso2709_bytes(record, charset, written.title)
            except EncodingRefused as refused:
                if not skip_refused:
                    raise
                written.refused = refused.message
                if report is not None:
                    report.append(written)
                continue
        if report is not None:
            report.append(written)
        yield piece
    if syntax == MARCXML:
        yield b"</collection>\n"
