"""The file of a collection item, checked by its content: a photograph or scan (re-encoded,
metadata dropped, with a thumbnail), a PDF (its text extracted for search) or a sound recording
(oral history). Anything else is refused with the reason, and nothing is stored."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.utils.translation import gettext_lazy as _
from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from kopir.core.uploads import (
    ERROR_DAMAGED,
    IMAGE_TYPES,
    PDF_TYPES,
    check_size,
    photo_renditions,
    sniff,
    validate_pdf,
)

logger = logging.getLogger(__name__)

AUDIO_TYPES = {
    "audio/mpeg",
    "audio/ogg",
    "audio/x-wav",
    "audio/wav",
    "audio/flac",
    "audio/x-flac",
    "audio/mp4",
    "audio/x-m4a",
    "video/mp4",
}
MAX_AUDIO_BYTES = 100 * 1024 * 1024
MAX_TEXT_PAGES = 200
MAX_TEXT_CHARS = 200_000
PREVIEW_SIDE = 128
ERROR_FILE_TYPE = _(
    "This kind of file is not accepted. Upload a photograph or scan (JPEG, PNG, WebP, GIF), "
    "a PDF document or a sound recording (MP3, Ogg, WAV, FLAC, M4A)."
)


@dataclass
class StoredFile:
    file: ContentFile[bytes] | File
    media_type: str
    thumbnail: ContentFile[bytes] | None = None
    preview: ContentFile[bytes] | None = None
    text: str = ""


def pdf_text(upload: File) -> str:
    """The text of a PDF's first pages; empty for a scan without a text layer."""
    try:
        reader = PdfReader(upload)
        pages = reader.pages[:MAX_TEXT_PAGES]
        text = "\n".join(page.extract_text() or "" for page in pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise ValidationError(ERROR_DAMAGED, code="damaged") from error
    finally:
        upload.seek(0)
    return " ".join(text.split())[:MAX_TEXT_CHARS]


def _preview(thumbnail: ContentFile[bytes]) -> ContentFile[bytes]:
    with Image.open(io.BytesIO(thumbnail.read())) as image:
        image.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=70, optimize=True)
    thumbnail.seek(0)
    return ContentFile(buffer.getvalue(), name="preview.jpg")


def prepare(upload: File) -> StoredFile:
    """Check an upload by content and make what is stored of it; raises ValidationError."""
    media_type = sniff(upload)
    if media_type in IMAGE_TYPES:
        full, thumbnail = photo_renditions(upload)
        return StoredFile(full, "image/jpeg", thumbnail, _preview(thumbnail))
    if media_type in PDF_TYPES:
        validate_pdf(upload)
        return StoredFile(upload, media_type, text=pdf_text(upload))
    if media_type in AUDIO_TYPES:
        check_size(upload, MAX_AUDIO_BYTES)
        return StoredFile(upload, "audio/mp4" if media_type == "video/mp4" else media_type)
    raise ValidationError(ERROR_FILE_TYPE, code="file_type")
