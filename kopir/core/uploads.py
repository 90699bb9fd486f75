"""Upload checks by content, never by file name or the browser's Content-Type.

Nothing an editor uploads is stored as it came unless a real parser has read it as what it
claims to be: pictures are re-encoded from their pixels (no metadata, no comment survives), PDFs
are refused when they carry script or automatic actions, sound is read by mutagen's parsers.
Every stored file gets a name we choose (`ChosenName`) with the extension of its verified type,
and `kopir.core.media` serves it with that type only.
"""

from __future__ import annotations

import io
import re
import secrets
import warnings
from collections.abc import Iterator
from pathlib import PurePosixPath
from struct import error as struct_error
from typing import Any

import magic
import mutagen
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from mutagen.flac import FLAC
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

IMAGE_TYPES = {"image/png", "image/jpeg", "image/webp", "image/gif"}
PDF_TYPES = {"application/pdf"}
MAX_IMAGE_BYTES = 2 * 1024 * 1024
MAX_PDF_BYTES = 20 * 1024 * 1024
MAX_PHOTO_BYTES = 15 * 1024 * 1024
MAX_PHOTO_PIXELS = 60_000_000
MAX_AUDIO_BYTES = 100 * 1024 * 1024
PHOTO_SIDE = 2048
THUMBNAIL_SIDE = 480
LOGO_SIDE = 512

# The only extensions a stored file can have, each with the one type it is served as.
STORED_TYPES = {
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".pdf": "application/pdf",
    ".mp3": "audio/mpeg",
    ".ogg": "audio/ogg",
    ".wav": "audio/wav",
    ".flac": "audio/flac",
    ".m4a": "audio/mp4",
    ".mrc": "application/marc",
}
EXTENSIONS = {media_type: extension for extension, media_type in STORED_TYPES.items()}
# Each audio format mutagen can read, as the type we serve it with.
AUDIO_FORMATS: dict[type, str] = {
    MP3: "audio/mpeg",
    OggVorbis: "audio/ogg",
    OggOpus: "audio/ogg",
    WAVE: "audio/wav",
    FLAC: "audio/flac",
    MP4: "audio/mp4",
}
# What makes a browser that ignores the declared type read a file as a page (WHATWG MIME
# sniffing §7.1 looks at the first 512 bytes): refused at the head of any stored document.
MARKUP = re.compile(rb"<\s*(?:!doctype|html|script|svg|body|iframe|\?xml)", re.IGNORECASE)
# PDF keys that run something when the document is opened or touched (ISO 32000-1 §12.6).
PDF_ACTIVE_KEYS = {"/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/RichMedia"}
PDF_MAX_OBJECTS = 200_000

ERROR_NOT_AN_IMAGE = _("The file is not a PNG, JPEG, WebP or GIF image.")
ERROR_NOT_A_PDF = _("The file is not a PDF document.")
ERROR_TOO_LARGE = _("The file is too large: %(size)s MB; at most %(limit)s MB is accepted.")
ERROR_DAMAGED = _("The file is damaged and cannot be read.")
ERROR_TOO_MANY_PIXELS = _("The image is too large: at most 60 megapixels are accepted.")
ERROR_PDF_ACTIVE = _(
    "The PDF contains script or automatic actions, which are not accepted. Print it to a new "
    "PDF (or save it as PDF/A) and upload that."
)
ERROR_NOT_AUDIO = _(
    "The file is not a sound recording that can be played (MP3, Ogg, WAV, FLAC or M4A)."
)


@deconstructible
class ChosenName:
    """A stored file's name: a random one of ours in `directory/<year>/`, with the extension of
    the type the content was verified as (the writer names it `photo.jpg`, `file.mp3` …); a
    name we did not give gets `.bin` and is only ever served as a download."""

    def __init__(self, directory: str) -> None:
        self.directory = directory.strip("/")

    def __call__(self, instance: Any, filename: str) -> str:
        extension = PurePosixPath(filename).suffix.lower()
        if extension not in STORED_TYPES:
            extension = ".bin"
        return f"{self.directory}/{timezone.now():%Y}/{secrets.token_hex(16)}{extension}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ChosenName) and other.directory == self.directory

    def __hash__(self) -> int:
        return hash(self.directory)


def fresh_upload(field_file: FieldFile) -> File[Any] | None:
    """The file just put into a model's file field and not stored yet; None when unchanged."""
    if field_file and not getattr(field_file, "_committed", True):
        upload: File[Any] = field_file.file
        return upload
    return None


def sniff(upload: File[Any]) -> str:
    """The MIME type of an upload read from its first bytes (libmagic), never from its name."""
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    return magic.from_buffer(head, mime=True)


def check_size(upload: File[Any], limit: int) -> None:
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            ERROR_TOO_LARGE,
            code="too_large",
            params={"size": f"{upload.size / 1048576:.1f}", "limit": f"{limit // 1048576}"},
        )


def _open_image(upload: File[Any]) -> Image.Image:
    """Open a picture whose pixel count is checked before a pixel is decoded: a decompression
    bomb (a few KB that unpack to gigabytes) is refused with a reason, never a server error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ValidationError(ERROR_TOO_MANY_PIXELS, code="too_many_pixels") from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise ValidationError(ERROR_DAMAGED, code="damaged") from error
    if image.width * image.height > MAX_PHOTO_PIXELS:
        image.close()
        raise ValidationError(ERROR_TOO_MANY_PIXELS, code="too_many_pixels")
    return image


def validate_image(upload: File[Any], limit: int = MAX_IMAGE_BYTES) -> None:
    """Accept only real raster images of a bounded size; SVG is refused (it can carry script)."""
    check_size(upload, limit)
    if sniff(upload) not in IMAGE_TYPES:
        raise ValidationError(ERROR_NOT_AN_IMAGE, code="not_an_image")
    try:
        with _open_image(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(ERROR_DAMAGED, code="damaged") from error
    finally:
        upload.seek(0)


def _pixels(upload: File[Any]) -> Image.Image:
    """The upright pixels of a checked picture and nothing else: EXIF (with any GPS position),
    XMP, ICC profiles and JPEG comments stay behind (Pillow would write `info` back out)."""
    try:
        with _open_image(upload) as original:
            upright = ImageOps.exif_transpose(original)
            mode = (
                "RGBA"
                if upright.mode in ("RGBA", "LA", "PA") or "transparency" in (upright.info)
                else "RGB"
            )
            pixels = upright.convert(mode)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(ERROR_DAMAGED, code="damaged") from error
    finally:
        upload.seek(0)
    pixels.info = {}
    return pixels


def _jpeg(image: Image.Image, name: str) -> ContentFile[bytes]:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue(), name=name)


def photo_renditions(upload: File[Any]) -> tuple[ContentFile[bytes], ContentFile[bytes]]:
    """The photo and its thumbnail, both re-encoded as JPEG from the pixels alone: EXIF, with
    any GPS position, and every other metadata block are left behind. Turned upright first."""
    validate_image(upload, MAX_PHOTO_BYTES)
    upright = _pixels(upload)
    upright.thumbnail((PHOTO_SIDE, PHOTO_SIDE))
    full = _jpeg(upright, "photo.jpg")
    upright.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    return full, _jpeg(upright, "thumbnail.jpg")


def logo_rendition(upload: File[Any]) -> ContentFile[bytes]:
    """A logo as stored: re-encoded as PNG from its pixels alone, at most 512 px a side."""
    validate_image(upload, MAX_IMAGE_BYTES)
    pixels = _pixels(upload)
    pixels.thumbnail((LOGO_SIDE, LOGO_SIDE))
    buffer = io.BytesIO()
    pixels.save(buffer, "PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name="logo.png")


def _refuse_markup(upload: File[Any], error: ValidationError) -> None:
    """A stored document or sound must not also read as a page where browsers sniff."""
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if MARKUP.search(head):
        raise error


def _pdf_objects(reader: PdfReader) -> Iterator[Any]:
    """Every indirect object of the document (compressed object streams included)."""
    numbers = {(num, gen) for gen, table in reader.xref.items() for num in table}
    numbers |= {(num, 0) for num in reader.xref_objStm}
    for count, (num, gen) in enumerate(sorted(numbers)):
        if count >= PDF_MAX_OBJECTS:
            raise ValidationError(ERROR_DAMAGED, code="damaged")
        yield IndirectObject(num, gen, reader).get_object()


def _is_active(obj: Any) -> bool:
    if isinstance(obj, DictionaryObject):
        if any(NameObject(key) in obj for key in PDF_ACTIVE_KEYS):
            return True
        action = obj.get("/S")
        return action in ("/JavaScript", "/Launch", "/ImportData", "/Rendition")
    return isinstance(obj, ArrayObject) and any(
        _is_active(part) for part in obj if not isinstance(part, IndirectObject)
    )


def refuse_active_pdf(upload: File[Any]) -> None:
    """Refuse a PDF that runs JavaScript or other actions when opened: every object of the
    file is read (pypdf decodes `/J#61vaScript`-style names and object streams)."""
    try:
        reader = PdfReader(upload)
        active = any(_is_active(obj) for obj in [reader.trailer, *_pdf_objects(reader)])
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValidationError(ERROR_DAMAGED, code="damaged") from error
    finally:
        upload.seek(0)
    if active:
        raise ValidationError(ERROR_PDF_ACTIVE, code="pdf_active")


def validate_pdf(upload: File[Any]) -> None:
    """Accept only PDF documents of a bounded size, with nothing in them that runs."""
    check_size(upload, MAX_PDF_BYTES)
    if sniff(upload) not in PDF_TYPES:
        raise ValidationError(ERROR_NOT_A_PDF, code="not_a_pdf")
    upload.seek(0, 2)
    end = upload.tell()
    upload.seek(max(0, end - 2048))
    tail = upload.read()
    upload.seek(0)
    if b"%%EOF" not in tail:
        raise ValidationError(ERROR_DAMAGED, code="damaged")
    _refuse_markup(upload, ValidationError(ERROR_NOT_A_PDF, code="not_a_pdf"))
    refuse_active_pdf(upload)


def verify_audio(upload: File[Any]) -> str:
    """The served type of a sound recording that mutagen's parser for its format reads whole
    (stream headers, frames, a duration); anything else is refused. A file that is also a web
    page (an ID3 header before HTML, an `ftyp` box before script) fails here."""
    check_size(upload, MAX_AUDIO_BYTES)
    _refuse_markup(upload, ValidationError(ERROR_NOT_AUDIO, code="not_audio"))
    try:
        audio = mutagen.File(upload, options=list(AUDIO_FORMATS))
    except (mutagen.MutagenError, ValueError, KeyError, IndexError, struct_error) as error:
        raise ValidationError(ERROR_NOT_AUDIO, code="not_audio") from error
    finally:
        upload.seek(0)
    length = getattr(getattr(audio, "info", None), "length", 0) or 0
    if audio is None or length <= 0:
        raise ValidationError(ERROR_NOT_AUDIO, code="not_audio")
    return AUDIO_FORMATS[type(audio)]
