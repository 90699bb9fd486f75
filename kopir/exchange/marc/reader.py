"""Read MARC files record by record, in constant memory, telling broken records apart.

ISO 2709 records are cut by their leader length (positions 0-4) and checked against the record
terminator; a damaged record is reported with its position and reading resumes at the next
terminator. Each record's character set is detected from the record itself: MARC 21 leader/09
"a" means UTF-8, RUSMARC 100 $a/26-29 "50" means Unicode and "89" Windows-1251 (reference-
standards §5.2); anything else falls back to the file's stated or default encoding.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO
from xml.sax import SAXParseException
from xml.sax.handler import feature_namespaces
from xml.sax.xmlreader import AttributesNSImpl

from defusedxml import DefusedXmlException
from defusedxml.sax import make_parser
from django.utils.translation import gettext_lazy as _
from pymarc import Record
from pymarc.marcxml import MARC_XML_NS, XmlHandler

from kopir.exchange.marc.flavours import FLAVOURS, guess_flavour
from kopir.exchange.marc.model import BibData

END_OF_RECORD = 0x1D
END_OF_FIELD = 0x1E
BLOCK = 64 * 1024
UTF8, CP1251 = "utf-8", "cp1251"
ENCODINGS = (UTF8, CP1251)

ERROR_LENGTH = _("The record length in the leader is not a number.")
ERROR_TRUNCATED = _("The record is cut short: the file ends inside it.")
ERROR_TERMINATOR = _("The record does not end where its leader says (wrong record length).")
ERROR_STRUCTURE = _("The record's directory or fields are damaged: %(detail)s")
ERROR_ENCODING = _("The record is not valid %(encoding)s text.")
ERROR_NO_TITLE = _("The record has no title.")
ERROR_XML = _("The MARCXML file is not well-formed: %(detail)s")
ERROR_CONTROL = _("The record contains invisible control characters (%(characters)s).")
# Problems of the whole file (position 0): no record could be looked for at all.
ERROR_EMPTY = _("The file is empty: it holds no MARC record.")
ERROR_NOT_MARC = _(
    "This is not a MARC file (ISO 2709 or MARCXML): its content is of the type %(kind)s. "
    "Export the records from your library system in ISO 2709 or MARCXML and upload that file."
)
ERROR_NOT_MARCXML = _(
    "This XML file is not MARCXML: its root element is %(element)s, where MARCXML has a "
    "collection or a record of the MARC 21 slim schema."
)
# Reports keep the code and its parameters, so each reader sees the reason in their language.
PROBLEMS = {
    "length": ERROR_LENGTH, "truncated": ERROR_TRUNCATED, "terminator": ERROR_TERMINATOR,
    "structure": ERROR_STRUCTURE, "encoding": ERROR_ENCODING, "no_title": ERROR_NO_TITLE,
    "xml": ERROR_XML, "control": ERROR_CONTROL, "empty": ERROR_EMPTY, "not_marc": ERROR_NOT_MARC,
    "not_marcxml": ERROR_NOT_MARCXML,
}  # fmt: skip
FILE_PROBLEMS = ("empty", "not_marc", "not_marcxml")
HEAD = 4096  # bytes read to tell what a file is
_WHITESPACE = b"\xef\xbb\xbf \t\r\n\x1d\x1e\x1f"


def problem_message(code: str, params: dict[str, str] | None = None) -> str:
    """The reason for a problem code, in the active language."""
    message = PROBLEMS.get(code)
    if message is None:
        return code
    return str(message % params) if params else str(message)


@dataclass
class ReadResult:
    """One record of a file: its description, or why it could not be read."""

    position: int  # 1-based, in file order
    data: BibData | None = None
    flavour: str = ""
    encoding: str = ""
    record: Record | None = None
    code: str = ""  # why it could not be read: a key of PROBLEMS
    params: dict[str, str] = field(default_factory=dict)
    raw: bytes = b""  # the record as it came (ISO 2709), or re-encoded in UTF-8 from MARCXML

    @property
    def error(self) -> str:
        return problem_message(self.code, self.params) if self.code else ""


def _raw_field(chunk: bytes, tag: bytes) -> bytes | None:
    """The bytes of the first field `tag` of an ISO 2709 record, without decoding anything."""
    try:
        base = int(chunk[12:17])
    except ValueError:
        return None
    directory = chunk[24 : base - 1]
    for start in range(0, len(directory) - 11, 12):
        if directory[start : start + 3] == tag:
            length = int(directory[start + 3 : start + 7])
            offset = int(directory[start + 7 : start + 12])
            return chunk[base + offset : base + offset + length]
    return None


def _rusmarc_charset(chunk: bytes) -> bytes:
    """100 $a/26-29 when 100 $a is RUSMARC coded data (a date, its type, …), else b""."""
    coded = _raw_field(chunk, b"100")
    if coded is None:
        return b""
    marker = coded.find(b"\x1fa")
    data = coded[marker + 2 :] if marker >= 0 else b""
    if len(data) < 30 or not data[:8].isdigit() or not data[8:9].isalpha():
        return b""
    return data[26:30]


def detect_encoding(chunk: bytes, default: str = CP1251) -> str:
    """UTF-8 or Windows-1251, from the record: RUSMARC 100 $a/26-29 ("50" Unicode, "89"
    Windows-1251) when present, else MARC 21 leader/09 ("a" is UCS/Unicode), else the bytes."""
    charset = _rusmarc_charset(chunk)
    sets = (charset[:2], charset[2:])  # G0 and G1: "50  " or "0050" Unicode, "0189" cp1251
    if b"50" in sets:
        return UTF8
    if b"89" in sets:
        return CP1251
    if chunk[9:10] == b"a":
        return UTF8
    try:
        chunk.decode(UTF8)
    except UnicodeDecodeError:
        return default
    return UTF8 if any(b > 0x7F for b in chunk) else default


class _Buffer:
    """Bytes read ahead from a stream: at most one record plus a block, consumed by offset
    (no copying of the rest at every record)."""

    SEPARATORS = b"\r\n \x1a"  # what some exporters put between records

    def __init__(self, stream: BinaryIO) -> None:
        self.stream, self.data, self.pos, self.ended = stream, b"", 0, False

    def available(self) -> int:
        return len(self.data) - self.pos

    def fill(self, size: int) -> None:
        if self.available() >= size or self.ended:
            return
        parts = [self.data[self.pos :]]
        have = len(parts[0])
        while have < size:
            block = self.stream.read(max(BLOCK, size - have))
            if not block:
                self.ended = True
                break
            parts.append(block)
            have += len(block)
        self.data, self.pos = b"".join(parts), 0

    def skip_separators(self) -> None:
        while True:
            self.fill(1)
            if not self.available() or self.data[self.pos] not in self.SEPARATORS:
                return
            self.pos += 1

    def take(self, size: int) -> bytes:
        chunk = self.data[self.pos : self.pos + size]
        self.pos += len(chunk)
        return chunk

    def skip_past_terminator(self) -> None:
        """Drop everything up to and including the next record terminator."""
        while True:
            index = self.data.find(END_OF_RECORD, self.pos)
            if index >= 0:
                self.pos = index + 1
                return
            self.data, self.pos = b"", 0
            if self.ended:
                return
            self.fill(1)


def iso2709_chunks(stream: BinaryIO) -> Iterator[tuple[int, bytes | None, str]]:
    """(position, record bytes or None, error) for each record, reading a block at a time."""
    buffer, position = _Buffer(stream), 0
    while True:
        buffer.skip_separators()
        buffer.fill(5)
        if not buffer.available():
            return
        position += 1
        head = buffer.data[buffer.pos : buffer.pos + 5]
        if not head.isdigit():
            yield position, None, "length"
            buffer.skip_past_terminator()
            continue
        length = int(head)
        buffer.fill(length)
        if buffer.available() < length or length < 25:
            yield position, None, "truncated"
            return
        if buffer.data[buffer.pos + length - 1] != END_OF_RECORD:
            yield position, None, "terminator"
            buffer.skip_past_terminator()
            continue
        yield position, buffer.take(length), ""


def _describe(result: ReadResult, record: Record, flavour: str) -> ReadResult:
    chosen = flavour or guess_flavour(record)
    data = FLAVOURS[chosen].read(record)
    result.flavour, result.record = chosen, record
    if not data.title:
        result.code = "no_title"
        return result
    result.data = data
    return result


def read_iso2709(
    stream: BinaryIO, *, flavour: str = "", encoding: str = ""
) -> Iterator[ReadResult]:
    """Every record of an ISO 2709 file; `flavour`/`encoding` override the detection."""
    for position, chunk, error in iso2709_chunks(stream):
        yield read_chunk(position, chunk, error, flavour=flavour, encoding=encoding)


def read_chunk(
    position: int, chunk: bytes | None, error: str, *, flavour: str = "", encoding: str = ""
) -> ReadResult:
    """One record cut by iso2709_chunks, parsed and described (or why it cannot be)."""
    result = ReadResult(position, code=error, raw=chunk or b"")
    if chunk is None:
        return result
    result.encoding = encoding or detect_encoding(chunk)
    try:
        record = Record(
            chunk, force_utf8=result.encoding == UTF8, file_encoding=result.encoding,
            hide_utf8_warnings=True,
        )  # fmt: skip
    except UnicodeDecodeError:
        result.code, result.params = "encoding", {"encoding": result.encoding}
    except Exception as problem:
        result.code, result.params = "structure", {"detail": type(problem).__name__}
    else:
        return _describe(result, record, flavour)
    return result


class ForeignXml(Exception):
    """The document's root element is not MARCXML's."""

    def __init__(self, element: str) -> None:
        super().__init__(element)
        self.element = element


class _Collector(XmlHandler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[Record] = []
        self.root_seen = False

    def startElementNS(
        self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl
    ) -> None:
        if not self.root_seen:
            self.root_seen = True
            namespace, local = name
            if namespace != MARC_XML_NS and local not in ("collection", "record"):
                raise ForeignXml(f"<{local}>" + (f" ({namespace})" if namespace else ""))
        super().startElementNS(name, qname, attrs)

    def process_record(self, record: Record) -> None:
        self.records.append(record)


def read_marcxml(stream: BinaryIO, *, flavour: str = "") -> Iterator[ReadResult]:
    """Every record of a MARCXML collection, fed to an incremental SAX parser a block at a time
    (constant memory). defusedxml refuses entity expansion and external entities."""
    collector = _Collector()
    parser = make_parser()
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(collector)
    position = 0
    try:
        while block := stream.read(BLOCK):
            parser.feed(block)
            for record in collector.records:
                position += 1
                yield _from_xml(position, record, flavour)
            collector.records.clear()
        parser.close()
    except ForeignXml as foreign:
        yield ReadResult(0, code="not_marcxml", params={"element": foreign.element})
        return
    except (SAXParseException, DefusedXmlException) as problem:
        detail = problem.getMessage() if isinstance(problem, SAXParseException) else str(problem)
        yield ReadResult(position + 1, code="xml", params={"detail": detail})
        return
    for record in collector.records:
        position += 1
        yield _from_xml(position, record, flavour)


def _from_xml(position: int, record: Record, flavour: str) -> ReadResult:
    record.force_utf8 = True
    try:
        raw = record.as_marc()
    except (ValueError, UnicodeError):
        raw = b""
    return _describe(ReadResult(position, encoding=UTF8, raw=raw), record, flavour)


def is_marcxml(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"<")


def _looks_like_iso2709(head: bytes) -> bool:
    """A leader's record length at the start, or, when the first record is damaged, a record
    terminator followed by another length further on."""
    start = head.lstrip(_WHITESPACE)
    if start[:5].isdigit():
        return True
    return any(head[i + 1 : i + 6].isdigit() for i in range(len(head)) if head[i] == END_OF_RECORD)


def file_problem(head: bytes) -> ReadResult | None:
    """Why a file whose first bytes are `head` holds no MARC at all (empty, another kind of
    file), as a problem of the whole file; None when its records are worth reading."""
    if not head.lstrip(_WHITESPACE):
        return ReadResult(0, code="empty")
    if is_marcxml(head) or _looks_like_iso2709(head):
        return None
    import magic  # libmagic, as uploads are checked (kopir.core.uploads)

    return ReadResult(0, code="not_marc", params={"kind": magic.from_buffer(head, mime=True)})
